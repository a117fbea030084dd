"""Web archives (``.warc``, ``.warc.gz``) through warcio.

Each ``response`` record whose HTTP status is 200 and whose payload is HTML is one
article, read by the HTML reader (``load.reader.html``): its ``WARC-Target-URI`` is
the URL (``url_source`` ``warc``) and its ``WARC-Date`` is kept as ``fetched_at``,
when the crawler fetched the page, never as the publication date. Every other
record (``request``, ``metadata``, ``warcinfo``, ``revisit``, a response that is an
image or a redirect) is skipped quietly and counted in the load's summary.

Units. A record is stored as ``FILE#@OFFSET``: OFFSET is the byte offset of the
record in the file as it is on disk (compressed, for ``.warc.gz``: the offset CDX
indexes give), so a worker seeks straight to it. Its sha256 covers the target URI,
the WARC date and the payload. The file is streamed record by record: memory stays
flat in file size. A ``.warc.gz`` must be compressed record by record (every
crawler writes them so); one compressed as a single stream is read in order but
its records cannot be sought, and are refused with a reason.

Bounds: a payload is read up to ``MAX_HTML_BYTES``; a header line (WARC or HTTP) up
to ``MAX_HEADER_LINE`` bytes (warcio reads a line whole, so a line of gigabytes
would be held in memory), and a block of header lines up to ``MAX_HEADER_BYTES`` (it keeps
every line of a block): more makes the file unreadable from there on. The
target URI and the date are fields like any other (``limits.FIELD_LIMITS``). Any
error while reading the archive skips the file (after the records before it) or
the record, with a reason.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from .base import SkipFile, Source, describe_error, open_binary
from .html import MAX_HTML_BYTES, article_from_html

HTML_TYPES = re.compile(r"^\s*(?:text/html|application/xhtml\+xml)\b", re.I)
HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
MAX_HEADER_LINE = 1 << 20  # bytes; HTTP servers refuse header lines over 8 KB
MAX_HEADER_BYTES = 4 << 20  # bytes of one block of header lines (WARC or HTTP), all held at once


def _archive(stream):
    """warcio's ArchiveIterator reading header lines of at most ``MAX_HEADER_LINE`` bytes."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    class BoundedLines(DecompressingBufferedReader):
        """``readline`` as warcio's (same buffer methods), with a cap; a longer line is an error."""

        unended = 0   # bytes of header lines read since the last blank line or payload read

        def read(self, length=None):
            self.unended = 0
            return super().read(length)

        def readline(self, length=None):
            cap = MAX_HEADER_LINE if length is None else min(length, MAX_HEADER_LINE)
            if cap <= 0:
                return b""
            self._fillbuff()
            line = b"" if self.empty() else self.buff.readline(cap)
            while line and not line.endswith(b"\n") and len(line) < cap:
                self._fillbuff()
                if self.empty():
                    break
                line += self.buff.readline(cap - len(line))
            if len(line) >= MAX_HEADER_LINE and not line.endswith(b"\n"):
                raise ValueError(f"a header line over {MAX_HEADER_LINE:,} bytes")
            self.unended = 0 if line.strip() == b"" else self.unended + len(line)
            if self.unended > MAX_HEADER_BYTES:   # warcio keeps every line of a header block
                raise ValueError(f"a header block over {MAX_HEADER_BYTES:,} bytes")
            return line

    records = ArchiveIterator(stream, no_record_parse=False)
    records.reader = BoundedLines(records.fh, block_size=records.reader.block_size)  # nothing read yet
    return records


def _read_payload(record) -> bytes:
    return record.content_stream().read(MAX_HTML_BYTES + 1)


def _digest(record, payload: bytes) -> str:
    digest = hashlib.sha256()
    for header in ("WARC-Target-URI", "WARC-Date"):
        digest.update((record.rec_headers.get_header(header) or "").encode("utf-8", "replace") + b"\0")
    digest.update(payload)
    return digest.hexdigest()


def _kind(record, payload: bytes) -> str | None:
    """None for an article (an HTML page fetched with status 200); else what the summary calls it."""
    if record.rec_type != "response":
        return f"{record.rec_type[:40]} record"  # (the summary counts by kind: a kind from a header stays short)
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode()
    if status != "200":
        return f"response with status {(status or '')[:40]}"
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type and not HTML_TYPES.match(content_type):
        return f"non-HTML response ({content_type.split(';')[0].strip().lower()[:60]})"
    if not content_type and not HTML_SNIFF.match(payload[:4096]):
        return "non-HTML response (no type)"
    return None


def sources(path: Path, file: str, ignored: Counter) -> Iterator[Source]:
    """One Source per HTML response record, streamed; other records counted in ``ignored``."""
    absolute = os.path.abspath(path)
    count = 0
    with open_binary(path) as stream:
        try:
            records = _archive(stream)
            for record in records:
                count += 1
                payload = _read_payload(record)
                kind = _kind(record, payload)
                if kind is not None:
                    ignored[kind] += 1
                    continue
                yield Source(absolute, file, _digest(record, payload), f"@{records.get_record_offset()}",
                             records.get_record_offset())
        except Exception as error:  # warcio's errors, or any other on a damaged archive
            raise SkipFile(f"not a readable WARC after {count} records ({describe_error(error)})") from None


def read(source: Source) -> Article:
    """The WARC record at ``source.offset`` as an article."""
    with open_binary(source.path) as stream:
        try:
            stream.seek(source.offset or 0)
            record = next(iter(_archive(stream)), None)
            payload = _read_payload(record) if record is not None else b""
        except Exception as error:  # warcio's errors, or any other on a damaged archive
            raise SkipFile(f"record at byte {source.offset} cannot be read on its own ({describe_error(error)}); "
                           f"is the .warc.gz compressed record by record?") from None
    if record is None or _digest(record, payload) != source.sha256:
        raise SkipFile(f"record at byte {source.offset} changed while loading; load again")
    if len(payload) > MAX_HTML_BYTES:
        raise SkipFile(f"page too large (over {MAX_HTML_BYTES:,} bytes)")
    charset = CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    article = article_from_html(payload, source, "warc", url=record.rec_headers.get_header("WARC-Target-URI"),
                                encoding=charset.group(1) if charset else None)
    article.fetched_at = record.rec_headers.get_header("WARC-Date")
    return article
