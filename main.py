"""Run Yuedu from a checkout: `python main.py` (the desktop app) or `python main.py CMD ...`."""

import sys

from reader.app import main

if __name__ == "__main__":
    sys.exit(main())
