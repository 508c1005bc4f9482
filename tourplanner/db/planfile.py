"""Open, create, migrate and back up plan files; hand out one transaction per user operation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from tourplanner.db import migrate, sqlite, stamp
from tourplanner.errors import PlanFileError

PLAN_SUFFIX = ".tourplan"
REQUIRED_TABLES = {"alembic_version", "plans"}


class PlanFile:
    """An open plan file. Use `transaction()` for each user operation."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._writer = sessionmaker(bind=sqlite.writer(engine), expire_on_commit=False)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self.backup_path: Path | None = None

    @classmethod
    def create(cls, path: Path | str) -> PlanFile:
        """Create a new, empty plan file at the newest schema; refuses to overwrite."""
        path = Path(path)
        if path.exists():
            raise PlanFileError(f"{path} already exists; choose another name")
        if not path.parent.is_dir():
            raise PlanFileError(f"folder {path.parent} does not exist")
        engine = sqlite.make_engine(path)
        try:
            migrate.upgrade(engine)
            stamp.stamp_new_file(engine)
        except Exception as exc:
            engine.dispose()
            _remove_plan_files(path)
            raise PlanFileError(f"could not create {path}: {exc}") from exc
        return cls(path, engine)

    @classmethod
    def open(cls, path: Path | str) -> PlanFile:
        """Open an existing plan, upgrading an older one after backing it up."""
        path = Path(path)
        revision = _check_plan_file(path)
        engine = sqlite.make_engine(path)
        plan = cls(path, engine)
        if revision != migrate.head_revision():
            plan.backup_path = _backup_before_upgrade(path, revision)
            try:
                migrate.upgrade(engine)
            except Exception as exc:
                engine.dispose()
                raise PlanFileError(
                    f"could not upgrade {path} ({exc}); your data is safe in {plan.backup_path}"
                ) from exc
        return plan

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user operation: all of it is committed on exit, or none of it on error."""
        with self._writer.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look at a consistent snapshot; anything written is rolled back."""
        session = self._reader()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def save_copy(self, target: Path | str) -> None:
        """A consistent copy of the plan as it is now, in another file (never over this one)."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise PlanFileError("choose another file than the open plan for the copy")
        if target.exists():
            raise PlanFileError(f"{target} already exists; choose another name")
        sqlite.backup_file(self.path, target)

    def integrity_ok(self) -> bool:
        return sqlite.integrity_ok(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_plan_file(path: Path) -> str:
    """The stored revision of a TourPlanner plan, or a PlanFileError saying what it is instead."""
    if not path.exists():
        raise PlanFileError(f"{path} does not exist")
    if not path.is_file():
        raise PlanFileError(f"{path} is not a file")
    if not sqlite.has_sqlite_header(path):
        raise PlanFileError(f"{path} is not a TourPlanner plan (not a database file)")
    tables, revision = sqlite.inspect_readonly(path)
    if not tables >= REQUIRED_TABLES or revision is None:
        raise PlanFileError(f"{path} is a database, but not a TourPlanner plan")
    if revision not in migrate.known_revisions():
        raise PlanFileError(
            f"{path} was saved by a newer version of TourPlanner (schema {revision}); "
            "update TourPlanner to open it"
        )
    return revision


def _backup_before_upgrade(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    sqlite.backup_file(path, target)
    return target


def _remove_plan_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
