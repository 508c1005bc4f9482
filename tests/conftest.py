"""Shared fixtures: real plan files in tmp_path, Qt offscreen for the UI tests."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any Qt import so GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tourplanner.db import PlanFile  # noqa: E402
from tourplanner.demo import write_demo_plan  # noqa: E402
from tourplanner.services import plans  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long loops (the `slow` marker) run in CI (.ci/run sets TOURPLANNER_SLOW_TESTS=1) or when
    asked for with `-m slow`, not in every local run."""
    if os.environ.get("TOURPLANNER_SLOW_TESTS") == "1" or "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: set TOURPLANNER_SLOW_TESTS=1 or pass -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Backups, logs and other per-user files go to fresh folders, never into the real home."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("TOURPLANNER_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("user-state")))
    return folder


# Every core test (tests/core/) taking `plan_file` or `demo_plan` runs twice: on a plan file and on
# a team plan in PostgreSQL, so the whole service and scheduling suite is proven on both engines.
# A test about the file itself (lock, WAL, backups beside it) says so with
# `@pytest.mark.sqlite_only(reason=...)`; the GUI tests (tests/ui/) stay on SQLite, except those
# marked `both_engines`.
ENGINES = ("sqlite", "postgresql")
_database_numbers = itertools.count(1)
_CORE_TESTS = Path(__file__).parent / "core"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_engines: run on a plan file and on a team plan")
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): a core test about the plan file itself, not run on a team plan",
    )


def _runs_on_both_engines(definition: pytest.Function) -> bool:
    if definition.get_closest_marker("sqlite_only"):
        return False
    if definition.get_closest_marker("both_engines"):
        return True
    return _CORE_TESTS in Path(str(definition.path)).parents


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Only where the plan comes from the fixtures below (they take `engine`): a module's own
    # `demo_plan` (module-scoped, say) decides its engines itself.
    wanted = [
        name
        for name in ("plan_file", "demo_plan", "demo_path")
        if name in metafunc.fixturenames
        and "engine" in metafunc._arg2fixturedefs[name][-1].argnames
    ]
    if wanted and _runs_on_both_engines(metafunc.definition):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine the test's plan lives on: "sqlite" unless the module runs on both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def team_server():
    """A PostgreSQL server for team plans: $TOURPLANNER_PG (a superuser's URL) when given, else
    a throw-away cluster started here. Without server binaries the team tests are skipped, unless
    $TOURPLANNER_REQUIRE_PG=1 (CI) makes that a failure."""
    from benchmarks import pgcluster

    given = os.environ.get("TOURPLANNER_PG")
    if given:
        yield pgcluster.Server(given)
        return
    if pgcluster.server_bin() is None:
        reason = "no PostgreSQL server binaries (scripts/postgres.sh installs them)"
        if os.environ.get("TOURPLANNER_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = pgcluster.start()
    yield cluster.server()
    cluster.stop()


def new_team_database(server, template: str | None = None) -> str:  # noqa: ANN001
    """A new database on the test server (a copy of `template`); its URL."""
    return server.create_database(f"tp_{os.getpid()}_{next(_database_numbers)}", template=template)


def drop_team_database(server, url: str) -> None:  # noqa: ANN001
    """Drop a test's database once it is done (its connections too): a run of the whole core
    suite makes hundreds, and a cluster holding them all takes a minute to shut down."""
    server.sql(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture(scope="session")
def team_template(team_server) -> str:  # noqa: ANN001
    """An empty team plan at the newest schema, copied for each test that needs one."""
    from tourplanner.db.teamplan import TeamPlan

    url = new_team_database(team_server)
    TeamPlan.create(url).close()
    return url.rsplit("/", 1)[1]


@pytest.fixture(scope="session")
def team_demo_template(team_server, demo_template: Path) -> str:  # noqa: ANN001
    """The demo plan published once into a team database, copied for each test."""
    from tourplanner.team.publish import publish

    url = new_team_database(team_server)
    publish(demo_template, url)
    return url.rsplit("/", 1)[1]


def _create_plan_record(plan) -> None:  # noqa: ANN001
    with plan.transaction() as s:
        plans.create_plan(s, title="Test plan", home_timezone="Asia/Shanghai", organization="ICMA")


@pytest.fixture
def plan_file(tmp_path: Path, engine: str, request: pytest.FixtureRequest) -> PlanFile:
    """A new, empty plan with its plan record (home zone Asia/Shanghai): a file on disk, or a
    team plan in its own PostgreSQL database when the test runs on that engine."""
    if engine == "postgresql":
        from tourplanner.db.teamplan import TeamPlan

        server = request.getfixturevalue("team_server")
        url = new_team_database(server, request.getfixturevalue("team_template"))
        request.addfinalizer(lambda: drop_team_database(server, url))
        plan = TeamPlan.open(url)
    else:
        plan = PlanFile.create(tmp_path / "test.tourplan")
    _create_plan_record(plan)
    yield plan
    plan.close()


@pytest.fixture
def demo_plan(demo_path: Path | str):
    """The demo plan, open for writing: a copy of the file, or of its team database."""
    plan = PlanFile.open(demo_path)
    yield plan
    plan.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo plan, written once per test run (a closed file: no WAL left beside it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    return path


@pytest.fixture(scope="module")
def demo_read_only(demo_template: Path, tmp_path_factory) -> Iterator[PlanFile]:
    """A module's own copy of the demo plan, open read-only: for tests that only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    shutil.copyfile(demo_template, path)
    plan = PlanFile.open(path, read_only=True)
    yield plan
    plan.close()


@pytest.fixture
def demo_path(
    demo_template: Path, tmp_path: Path, engine: str, request: pytest.FixtureRequest
) -> Path | str:
    """A test's own copy of the demo plan, free to change: a plan file's path, or on PostgreSQL
    the URL of a copy of its team database (what `PlanFile.open` and every command take)."""
    if engine == "postgresql":
        server = request.getfixturevalue("team_server")
        url = new_team_database(server, request.getfixturevalue("team_demo_template"))
        request.addfinalizer(lambda: drop_team_database(server, url))
        return url
    path = tmp_path / "demo.tourplan"
    shutil.copyfile(demo_template, path)
    return path


def committed_rows(plan, sql: str) -> list[tuple]:  # noqa: ANN001
    """What `sql` reads through a connection of its own (not the writer's session), sorted: what
    any other reader of the plan sees, on either engine."""
    with plan.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.exec_driver_sql(sql))
