"""The team plan's password, kept in the system keyring; a `~/.pgpass` line where there is no
keyring (libpq reads that file itself). Never in the app's settings, never in a URL it keeps."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tourplanner.db.postgresql import shown

SERVICE = "TourPlanner team plan"


def pgpass_path() -> Path:
    """The file libpq reads passwords from: $PGPASSFILE, else ~/.pgpass."""
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def remember(url: str, password: str) -> str:
    """Keep the password for `url`: "keyring" or the pgpass file's path, whichever took it."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, shown(url), password)
        return "keyring"
    except (KeyringError, RuntimeError):
        return str(_write_pgpass(url, password))


def password_for(url: str) -> str | None:
    """The password kept in the keyring for `url` (None: libpq may find one in ~/.pgpass)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, shown(url))
    except (KeyringError, RuntimeError):
        return None


def _pgpass_line(url: str, password: str) -> str:
    parts = urlsplit(url)

    def esc(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    fields = (
        parts.hostname or "localhost",
        str(parts.port or 5432),
        unquote(parts.path.lstrip("/")) or "*",
        unquote(parts.username or "") or "*",
        password,
    )
    return ":".join(esc(f) for f in fields)


def _write_pgpass(url: str, password: str) -> Path:
    path = pgpass_path()
    line = _pgpass_line(url, password)
    key = ":".join(_pgpass_line(url, "").split(":")[:4])  # host:port:database:user
    kept = []
    if path.exists():
        kept = [old for old in path.read_text().splitlines() if not old.startswith(key + ":")]
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # libpq wants 0600
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join([*kept, line]) + "\n")
    os.replace(tmp, path)
    return path
