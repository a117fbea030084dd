"""Text from the input (file names, skip reasons, WARC content types) printed safely.

A file may be named ``evil⏎skipped other.txt: fake reason.txt``, or hold an escape
sequence or a right-to-left override in its name; printed as they are, such names
forge summary lines, rewrite the terminal, or show a name reversed. ``printable``
writes every character that is not plain visible text as an escape, Python-style,
so the summary keeps one line per file, always:

- control characters (Unicode Cc: newline ``\\n``, carriage return ``\\r``, tab
  ``\\t``, escape ``\\x1b`` ...), format characters (Cf: bidi overrides and
  isolates ``\\u202e`` ``\\u2066``, zero-width characters, the soft hyphen) and the
  line and paragraph separators (Zl, Zp: ``\\u2028`` ``\\u2029``);
- bytes of a name that are not UTF-8 (Python keeps them as lone surrogates) as
  ``\\xNN``, the byte itself;
- a backslash stays as it is (names do not forge lines with it).
"""
from __future__ import annotations

import unicodedata

ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object) -> str:
    """``text`` with every control, format and separator character escaped (one line)."""
    text = str(text)
    if text.isprintable():  # the common case: nothing to escape
        return text
    return "".join(_escape(c) if unicodedata.category(c) in ESCAPED_CATEGORIES else c for c in text)


def _escape(c: str) -> str:
    if c in SHORT:
        return SHORT[c]
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
