"""The team plan's password: in the keyring when there is one, else a 0600 pgpass line that
libpq itself reads; a real login with a password on the real server either way."""

from __future__ import annotations

import stat

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring

from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import PlanFileError
from tourplanner.team import credentials

from ..conftest import new_team_database  # noqa: TID252 - the suite's one helper


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def password_login(team_server, team_template, tmp_path, monkeypatch) -> str:  # noqa: ANN001
    """A team plan whose login needs a password (scram), as a URL without it."""
    url = new_team_database(team_server, team_template)
    if not team_server.sql("SELECT 1 FROM pg_roles WHERE rolname = 'password_logins'"):
        team_server.sql("CREATE ROLE password_logins NOLOGIN")  # pgcluster: scram, not trust
    team_server.sql("CREATE ROLE li_na LOGIN PASSWORD 'secret:1' IN ROLE password_logins")
    database = url.rsplit("/", 1)[1]
    team_server.sql("GRANT ALL ON ALL TABLES IN SCHEMA public TO li_na", database)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    yield team_server.url(database, user="li_na")
    team_server.sql("DROP OWNED BY li_na", database)
    team_server.sql("DROP ROLE li_na")


def test_the_keyring_keeps_the_password_and_opening_uses_it(password_login, monkeypatch) -> None:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    assert credentials.remember(password_login, "secret:1") == "keyring"
    assert "secret" not in password_login and not credentials.pgpass_path().exists()
    with TeamPlan.open(password_login) as plan:
        assert "secret" not in plan.path


def test_without_a_keyring_a_0600_pgpass_line_is_written_and_libpq_reads_it(
    password_login, monkeypatch
) -> None:  # noqa: ANN001
    monkeypatch.setattr(keyring.core, "_keyring_backend", NoKeyring())
    kept = credentials.remember(password_login, "secret:1")
    path = credentials.pgpass_path()
    assert kept == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip().endswith(":li_na:secret\\:1")
    with TeamPlan.open(password_login) as plan, plan.reading():
        pass
    credentials.remember(password_login, "secret:1")  # again: one line, not two
    assert len(path.read_text().splitlines()) == 1


def test_a_wrong_password_is_one_sentence(password_login, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(keyring.core, "_keyring_backend", NoKeyring())
    with pytest.raises(PlanFileError, match="the server refused the login"):
        TeamPlan.open(password_login, password="wrong")
