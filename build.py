#!/usr/bin/env python3
"""Entry point: `python build.py [options]` does exactly what `undocs build [options]` does."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from undocs.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
