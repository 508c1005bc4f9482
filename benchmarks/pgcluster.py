"""A throw-away PostgreSQL cluster in a temporary folder, for the team tests and benchmarks.

`initdb` refuses to run as root (CI runs as root): the cluster then belongs to `nobody`. Its
socket lives in the same folder and it listens on a free local port, so several can run at
once on one machine. `scripts/postgres.sh` installs the server when it is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SEARCH = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin")
SUPERUSER = "tourplanner"


def server_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when no server is installed."""
    for folder in SEARCH:
        if (Path(folder) / "initdb").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def server(self) -> Server:
        return Server(self.url())

    def stop(self) -> None:
        _as_owner([str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast",
                   "-w", "stop"], self.folder, check=False)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


class Server:
    """A PostgreSQL server reached as a superuser: makes databases and roles for the tests."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url

    def sql(self, statement: str, database: str | None = None) -> list[tuple]:
        import psycopg

        url = self.admin_url if database is None else self.url(database)
        with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(statement)  # type: ignore[arg-type]
            return cur.fetchall() if cur.description else []

    def url(self, database: str, user: str | None = None) -> str:
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(self.admin_url)
        netloc = parts.netloc if user is None else f"{user}@{parts.netloc.split('@')[-1]}"
        return urlunsplit((parts.scheme, netloc, f"/{database}", parts.query, ""))

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """A new database (a copy of `template` when given); its URL."""
        copy = f' TEMPLATE "{template}"' if template else ""
        self.sql(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)


def _as_owner(cmd: list[str], folder: Path, *, check: bool = True) -> None:
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "nobody", "--", *cmd]
    subprocess.run(cmd, check=check, capture_output=True, cwd=folder)


def start() -> Cluster:
    """initdb + pg_ctl start in a new temporary folder; trust logins on 127.0.0.1 only."""
    binary = server_bin()
    if binary is None:
        raise RuntimeError("no PostgreSQL server binaries (scripts/postgres.sh installs them)")
    folder = Path(tempfile.mkdtemp(prefix="tourplanner-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    folder.chmod(0o755)
    port = free_port()
    data = folder / "data"
    _as_owner([str(binary / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
               "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], folder)  # fmt: skip
    # Trust on 127.0.0.1, but members of `password_logins` must give their password (tests of
    # stored credentials); only this machine can connect at all.
    hba = (
        "local all all trust\n"
        "host all +password_logins 127.0.0.1/32 scram-sha-256\n"
        "host all all 127.0.0.1/32 trust\n"
    )
    _as_owner(["sh", "-c", f"printf '{hba}' > {data}/pg_hba.conf"], folder)
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _as_owner([str(binary / "pg_ctl"), "-D", str(data), "-o", options, "-l",
               str(folder / "server.log"), "-w", "-t", "60", "start"], folder)  # fmt: skip
    return Cluster(folder=folder, port=port, bin=binary)


if __name__ == "__main__":  # start one by hand: prints its URL, stops on Enter
    cluster = start()
    print(cluster.url())
    try:
        input("press Enter to stop the cluster\n")
    finally:
        cluster.stop()
