"""The frozen bundle's entry point: the `tourplanner` command, as the wheel installs it."""

import multiprocessing
import sys

from tourplanner.cli import entry

if __name__ == "__main__":
    # Batch export's worker processes start through this same binary when frozen (spawn on
    # Windows and macOS): let them run their task instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(entry())
