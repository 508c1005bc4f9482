"""What an import did or would do: counts and the problems found, row by row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat

from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.timezones import format_datetime, format_time, to_local
from tourplanner.wording import count


@dataclass(frozen=True)
class Problem:
    """One finding: where (a row or line number, when known) and what, in plain words."""

    where: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        if self.where:
            text = _("{where}: {message}") if self.error else _("{where}: note: {message}")
        else:
            text = "{message}" if self.error else _("note: {message}")
        return text.format(where=self.where, message=self.message)


# A row's time as text, or how to write it: written only for the rows a preview shows (an
# import of thousands of events keeps the first PREVIEW_LIMIT, and formatting every event's
# local time was most of what it spent past its parse).
Span = str | Callable[[], str]


@dataclass(frozen=True)
class PreviewRow:
    """One imported row or event as a preview shows it."""

    where: str
    outcome: str  # added, updated, unchanged, skipped (refused)
    title: str = ""
    span: Span = ""
    place: str = ""

    @property
    def when(self) -> str:
        return self.span() if callable(self.span) else self.span


PREVIEW_LIMIT = 1000
MAX_LISTED_ERRORS = 50  # past this many, an import stops and says the rest are not listed


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
    preview: list[PreviewRow] = field(default_factory=list)

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

    def record(
        self, where: str, outcome: str, *, title: str = "", when: Span = "", place: str = ""
    ) -> None:
        """Count an outcome ('added', 'updated', 'unchanged', 'skipped') and keep it for previews."""
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.outcomes[where] = outcome
        if len(self.preview) < PREVIEW_LIMIT:
            self.preview.append(PreviewRow(where, outcome, title, when, place))

    def record_all(
        self,
        wheres: list[str],
        outcome: str,
        titles: list[str],
        spans: list[Span] | None = None,
        places: list[str] | None = None,
    ) -> None:
        """`record` of many rows with the same outcome, in their order (`spans` and `places`,
        when given, need only go as far as the rows a preview keeps)."""
        setattr(self, outcome, getattr(self, outcome) + len(wheres))
        self.outcomes.update(dict.fromkeys(wheres, outcome))
        shown = min(len(wheres), max(0, PREVIEW_LIMIT - len(self.preview)))
        blank = [""] * shown
        self.preview.extend(
            map(
                PreviewRow,
                wheres[:shown],
                repeat(outcome, shown),
                titles[:shown],
                blank if spans is None else spans[:shown],
                blank if places is None else places[:shown],
            )
        )

    def refused_row(self, where: str, *, title: str = "", when: Span = "", place: str = "") -> None:
        """Keep a row that could not be imported for previews (its problem is in `problems`)."""
        self.outcomes[where] = "skipped"
        if len(self.preview) < PREVIEW_LIMIT:
            self.preview.append(PreviewRow(where, "skipped", title, when, place))

    def refuse(
        self, where: str, message: str, *, title: str = "", when: Span = "", place: str = ""
    ) -> None:
        """Record the problem that refuses one row or event, and keep the row for previews."""
        self.error(where, message)
        self.refused_row(where, title=title, when=when, place=place)

    def too_many_errors(self) -> bool:
        """Whether more errors were found than are worth listing; then says so, as the last one."""
        if len(self.errors) <= MAX_LISTED_ERRORS:
            return False
        self.error("", _("too many problems; the rest are not listed"))
        return True

    def summary(self) -> str:
        """'3 added, 1 updated, 5 unchanged, 0 skipped' for the one-line summary."""
        if self.dry_run:
            text = _(
                "{what}: would be {added} added, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped"
            )
        else:
            text = _(
                "{what}: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped"
            )
        return text.format(
            what=self.what,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=self.skipped,
        )

    def text(self) -> str:
        """The summary followed by each problem on its own line."""
        return "\n".join([self.summary(), *(f"  {p}" for p in self.problems)])


class ImportRefused(TourPlannerError):
    """An import was refused; nothing was written. `report` lists every problem found."""

    def __init__(self, report: ImportReport, message: str | None = None) -> None:
        errors = report.errors
        problems = count(len(errors), "problem", "problems")
        if errors:
            text = _("{what} refused, nothing imported: {problems}; first: {first}")
        else:
            text = _("{what} refused, nothing imported: {problems}")
        super().__init__(
            message
            or text.format(what=report.what, problems=problems, first=errors[0] if errors else "")
        )
        self.report = report


def span_text(start_utc: datetime, end_utc: datetime, zone_name: str) -> str:
    """'Thu 16 Apr 2015 12:25 EDT – 02:15 EDT', with the end's date when it is another day."""
    same_day = to_local(start_utc, zone_name).date() == to_local(end_utc, zone_name).date()
    end = format_time(end_utc, zone_name) if same_day else format_datetime(end_utc, zone_name)
    return f"{format_datetime(start_utc, zone_name)} – {end}"


class FileFormatError(TourPlannerError):
    """A file cannot be read as the format it claims to be (the message says where and why)."""
