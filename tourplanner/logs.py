"""The app's log: warnings and errors in a rotating file in the user's log folder.

The file is named in Help > About and in error dialogs, so a coordinator can send it along with a
report. Nothing is written (nor the folder created) until there is something to log.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from tourplanner.i18n import _
from tourplanner.paths import log_dir

LOG_FILE_NAME = "tourplanner.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # tourplanner.log.1 .. .3: at most ~4 MB in all
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"


def log_file() -> Path:
    """The current log file (older ones sit beside it as .1, .2, .3)."""
    return log_dir() / LOG_FILE_NAME


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """Rotates at MAX_BYTES; creates its folder on first write; a failure to log is one line."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        self._complained = False

    def _open(self):  # noqa: ANN202 - logging's own signature
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        # A read-only home must not turn every warning into a traceback on stderr.
        if not self._complained:
            self._complained = True
            exc = sys.exc_info()[1]
            print(
                _("tourplanner: cannot write the log {basefilename}: {exc}").format(
                    basefilename=self.baseFilename, exc=exc
                ),
                file=sys.stderr,
            )


def setup(path: Path | None = None, *, level: int = logging.WARNING) -> Path:
    """Send the app's warnings and errors (and Python's warnings) to the log; returns its path.

    Calling it again changes nothing: one handler per process.
    """
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, _LogFileHandler):
            return Path(handler.baseFilename)
    path = path or log_file()
    handler = _LogFileHandler(path)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level:
        root.setLevel(level)
    logging.captureWarnings(True)
    return Path(handler.baseFilename)


def teardown() -> None:
    """Remove the log handler again (for tests and for embedding the app)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _LogFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    logging.captureWarnings(False)
