"""Regenerate the page images in docs/ (docs/pdf-*.png) from the demo plan's documents.

    .venv/bin/python scripts/render_pdf_docs.py

Needs `pdftoppm` (poppler-utils). Each image is one page at 60 dpi, as docs/pdf.md shows them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tourplanner.db import PlanFile  # noqa: E402
from tourplanner.demo import write_demo_plan  # noqa: E402
from tourplanner.export.pdf import (  # noqa: E402
    export_itinerary,
    export_programme_booklet,
    export_tour,
)
from tourplanner.models import Programme  # noqa: E402
from tourplanner.services import people  # noqa: E402

DOCS = ROOT / "docs"

# (image name, document, page): what docs/pdf.md shows.
PAGES = (
    ("pdf-itinerary-cover", "itinerary-en", 1),
    ("pdf-itinerary", "itinerary-en", 2),
    ("pdf-itinerary-continued", "itinerary-en", 4),
    ("pdf-taxi-cards", "itinerary-en", -1),
    ("pdf-itinerary-zh", "itinerary-zh", 2),
    ("pdf-booklet", "booklet", 1),
    ("pdf-booklet-day", "booklet", 2),
    ("pdf-booklet-grid", "booklet", 3),
    ("pdf-booklet-index", "booklet", -1),
    ("pdf-tour", "tour", 1),
)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="pdf-docs-"))
    write_demo_plan(work / "demo.tourplan")
    plan = PlanFile.open(work / "demo.tourplan", read_only=True)
    with plan.reading() as s:
        english = people.find_person(s, "Patricia Gómez").id
        chinese = people.find_person(s, "Liu Yan").id
        conference = s.query(Programme).filter_by(kind="conference").order_by(Programme.id)
        conference_id = conference.first().id  # type: ignore[union-attr]
        tour_id = s.query(Programme).filter_by(kind="pre_tour").one().id
    files = {
        name: work / f"{name}.pdf" for name in ("itinerary-en", "itinerary-zh", "booklet", "tour")
    }
    export_itinerary(plan, english, files["itinerary-en"])
    export_itinerary(plan, chinese, files["itinerary-zh"])
    export_programme_booklet(plan, conference_id, files["booklet"])
    export_tour(plan, tour_id, files["tour"])
    plan.close()
    from pypdf import PdfReader

    for image, document, page in PAGES:
        pdf = files[document]
        number = page if page > 0 else len(PdfReader(pdf).pages) + 1 + page
        target = DOCS / image
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(pdf),
                str(target),
            ],
            check=True,
        )
        print(f"{target}.png  ({document}, page {number})")


if __name__ == "__main__":
    main()
