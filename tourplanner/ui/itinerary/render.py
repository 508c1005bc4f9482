"""Making an itinerary: the PDF File ▸ Export writes, in memory, with its page sizes.

`render_itinerary` is a plain job for the task runner (no Qt): it runs off the GUI thread and
can be called directly in a test.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from tourplanner.errors import TourPlannerError
from tourplanner.planfile import PlanFile
from tourplanner.services import people
from tourplanner.services.views import PersonView
from tourplanner.ui.pdf_pages import page_sizes
from tourplanner.ui.tasks import TaskState


@dataclass(frozen=True)
class Itinerary:
    """One rendered itinerary: the PDF bytes and what the view says about whose it is."""

    person_id: int
    name: str  # Latin name, with the local one after it when there is one
    file_stem: str  # a safe default file name for Export PDF…
    data: bytes
    page_sizes: tuple[tuple[float, float], ...]  # in PDF points

    @property
    def page_count(self) -> int:
        return len(self.page_sizes)


def safe_file_stem(name: str) -> str:
    """A file name from a person's name: no path separators or characters Windows refuses."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    return re.sub(r"\s+", " ", stem) or "itinerary"


def render_itinerary(plan: PlanFile, person_id: int, state: TaskState | None = None) -> Itinerary:
    """The person's itinerary PDF, made in memory by the very function File ▸ Export uses.

    A problem (no such person, a PDF pdfium cannot read) is a TourPlannerError in words; when
    `state` is cancelled meanwhile (a newer person was asked for) it stops with Cancelled.
    """
    state = state or TaskState()
    state.check()
    with plan.reading() as session:
        person = PersonView.of(people.get_person(session, person_id))
    latin, local = person.name_latin, person.name_local
    buffer = io.BytesIO()
    from tourplanner.export.pdf import export_itinerary  # reportlab: on first use

    try:
        export_itinerary(plan, person_id, buffer)
    except OSError as exc:  # a font or an image it needs cannot be read
        raise TourPlannerError(str(exc.strerror or exc)) from exc
    state.check()  # the slow part is done; a superseded one need not be read
    data = buffer.getvalue()
    return Itinerary(
        person_id,
        f"{latin} · {local}" if local else latin,
        safe_file_stem(f"{latin} itinerary"),
        data,
        page_sizes(data),
    )
