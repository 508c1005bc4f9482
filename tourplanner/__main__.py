import sys

from tourplanner.cli import entry

sys.exit(entry())
