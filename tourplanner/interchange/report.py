"""What an import did or would do: counts and the problems found, row by row."""

from __future__ import annotations

from dataclasses import dataclass, field

from tourplanner.errors import TourPlannerError


@dataclass(frozen=True)
class Problem:
    """One finding: where (a row or line number, when known) and what, in plain words."""

    where: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message}" if self.error else f"{prefix}note: {self.message}"


@dataclass
class ImportReport:
    """Counts of an import and its problems; `errors` refuse the import unless skipped."""

    what: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    # What happened to each row or event ('row 4' -> 'added'), for previews.
    outcomes: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if not p.error]

    def error(self, where: str, message: str) -> None:
        """Record a problem that refuses the row (or the import)."""
        self.problems.append(Problem(where, message, True))

    def note(self, where: str, message: str) -> None:
        """Record something the user should know that does not refuse anything."""
        self.problems.append(Problem(where, message, False))

    def summary(self) -> str:
        """'3 added, 1 updated, 5 unchanged, 0 skipped' for the one-line summary."""
        verb = "would be " if self.dry_run else ""
        return (
            f"{self.what}: {verb}{self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped"
        )

    def text(self) -> str:
        """The summary followed by each problem on its own line."""
        return "\n".join([self.summary(), *(f"  {p}" for p in self.problems)])


class ImportRefused(TourPlannerError):
    """An import was refused; nothing was written. `report` lists every problem found."""

    def __init__(self, report: ImportReport, message: str | None = None) -> None:
        errors = report.errors
        first = f"; first: {errors[0]}" if errors else ""
        super().__init__(
            message or f"{report.what} refused, nothing imported: {len(errors)} problem(s){first}"
        )
        self.report = report


class FileFormatError(TourPlannerError):
    """A file cannot be read as the format it claims to be (the message says where and why)."""
