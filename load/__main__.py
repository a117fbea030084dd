import sys

from .cli import main, remove

if sys.argv[1:2] == ["remove"]:   # python -m load remove FILE ...  (./remove for a folder of that name)
    remove(sys.argv[2:], prog_name="python -m load remove")
else:
    main()
