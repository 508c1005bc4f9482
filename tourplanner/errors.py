"""Domain errors: every failure a user can cause is one of these, in plain words."""

from __future__ import annotations

from tourplanner.i18n import _


class TourPlannerError(Exception):
    """A failure the user can understand and act on; never shown as a traceback."""


class ValidationError(TourPlannerError):
    """A value the user entered is not acceptable."""

    def __init__(self, field: str, message: str) -> None:
        # A field's name is translated where the catalog has it (the names the forms show).
        super().__init__(_("{field}: {message}").format(field=_(field), message=message))
        self.field = field
        self.message = message


class NotFoundError(TourPlannerError):
    """Something the user named or selected does not exist (any more)."""


class AmbiguousNameError(TourPlannerError):
    """A name matches several things; the message lists them with their ids."""

    def __init__(self, what: str, name: str, candidates: list[tuple[int, str]]) -> None:
        listed = "; ".join(f"#{cid} {label}" for cid, label in candidates)
        super().__init__(
            _("{what} {name!r} is ambiguous, it matches: {listed}").format(
                what=what, name=name, listed=listed
            )
        )
        self.candidates = candidates


class InUseError(TourPlannerError):
    """Deleting this would orphan other records."""


class Cancelled(TourPlannerError):
    """The user cancelled a long job; whatever it wrote is removed."""


class EditConflictError(TourPlannerError):
    """Another person wrote the same record between this change's read and its write."""


class PlanFileError(TourPlannerError):
    """A plan file cannot be opened, created or upgraded."""


class PlanLockedError(PlanFileError):
    """Another program has the plan open for writing; the message names it."""

    def __init__(self, path: object, holder: object, *, breakable: bool = True) -> None:
        self.path = path
        self.holder = holder  # a db.lock.LockHolder, or None when the lock file is unreadable
        who = holder.sentence() if holder is not None else _("another program")  # type: ignore[attr-defined]
        here = holder is None or getattr(holder, "host", None) == _hostname()
        # A lock from another computer cannot be checked from here: the user may break it.
        self.breakable = breakable and not here
        if not self.breakable:
            text = _(
                "{path} is open for writing by {who}; close it there first, or open the plan read-only"
            )
        else:
            text = _(
                "{path} is open for writing by {who}; close it there first, or open the plan "
                "read-only; if that computer is no longer using it, "
                "`tourplanner doctor {path} --break-lock` removes the lock"
            )
        super().__init__(text.format(path=path, who=who))


class OutputError(TourPlannerError):
    """A file could not be written (disk full, read-only, missing folder); nothing was changed."""


def _hostname() -> str:
    import socket

    return socket.gethostname()
