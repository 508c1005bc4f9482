import sys

from tourplanner.cli import main

sys.exit(main())
