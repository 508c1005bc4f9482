"""Operations documents on a big synthetic plan: transfers, badges, name cards, against floors.

    .venv/bin/python -m benchmarks.bench_operations_docs [--people 5000] [--plan FILE]

Each document is timed with its floor measured in the same run: the transfer spreadsheet
against the people list (the same workbook writer over everyone), the PDFs against bare
reportlab drawing the same number of names on the same page grid. Prints times and ratios.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from benchmarks.synthetic import generate_plan
from tourplanner.db import PlanFile
from tourplanner.export.operations.badges import SHEETS, export_badges
from tourplanner.export.operations.name_cards import export_name_cards
from tourplanner.export.operations.transfers import export_transfers
from tourplanner.interchange.people_export import export_people
from tourplanner.models import Participation
from tourplanner.services.badges import badge_views, name_card_views
from tourplanner.services.transfers import transfer_sheet


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bare_labels(count: int, out: Path, per_page: int) -> None:
    """The floor of a sheet of names: one string per label, no layout, no fonts of ours."""
    layout = SHEETS["a4"]
    canvas = Canvas(str(out), pagesize=layout.page)
    for i in range(count):
        if i and i % per_page == 0:
            canvas.showPage()
        x, y = layout.origin(i % layout.per_page)
        canvas.drawString(x + 10, y + 10, f"Person {i}")
    canvas.showPage()
    canvas.save()


def operations_plan(path: Path, people: int) -> None:
    """The synthetic plan the operations benchmarks read: `people`, half as many items, four
    programmes, three bookings each (500 of 5,000 flying)."""
    generate_plan(
        path,
        people=people,
        items=people // 2,
        programmes=4,
        participations_per_person=3,
        quiet=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--plan", type=Path, help="reuse (or create) this synthetic plan file")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-ops-"))
    path = args.plan or work / "plan.tourplan"
    if not path.exists():
        took = timed(lambda: operations_plan(path, args.people))
        print(f"generated {path} in {took:.1f} s")
    with PlanFile.open(path, read_only=True) as plan:
        with plan.reading() as session:
            floor_xlsx = timed(lambda: export_people(session, work / "people.xlsx"))
            sheet_holder: list = []
            read = timed(lambda: sheet_holder.append(transfer_sheet(session)))
            busiest = session.execute(
                select(Participation.item_id, func.count())
                .where(Participation.item_id.is_not(None))
                .group_by(Participation.item_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()[0]
            badges: list = []
            read_badges = timed(lambda: badges.append(badge_views(session)))
            cards: list = []
            read_cards = timed(lambda: cards.append(name_card_views(session, item=str(busiest))))
        sheet = sheet_holder[0]
        xlsx = timed(lambda: export_transfers(sheet, work / "transfers.xlsx"))
        pdf = timed(lambda: export_transfers(sheet, work / "transfers.pdf"))
        badge_pdf = timed(lambda: export_badges(badges[0], work / "badges.pdf"))
        floor_badges = timed(lambda: bare_labels(len(badges[0]), work / "bare.pdf", 10))
        card_pdf = timed(lambda: export_name_cards(cards[0], work / "cards.pdf"))
        floor_cards = timed(lambda: bare_labels(len(cards[0]), work / "bare-cards.pdf", 1))
    print(f"{sheet.people} transfer passengers in {len(sheet.groups)} groups")
    print(f"transfers read and grouped:      {read:7.2f} s")
    print(
        f"transfers .xlsx:                 {xlsx:7.2f} s  floor (people list .xlsx) "
        f"{floor_xlsx:.2f} s  ratio {(read + xlsx) / floor_xlsx:.2f}"
    )
    print(f"transfers .pdf:                  {pdf:7.2f} s")
    print(
        f"{len(badges[0])} badges read {read_badges:.2f} s, PDF {badge_pdf:7.2f} s  "
        f"floor {floor_badges:.2f} s  ratio {badge_pdf / floor_badges:.1f}"
    )
    print(
        f"{len(cards[0])} name cards read {read_cards:.2f} s, PDF {card_pdf:7.2f} s  "
        f"floor {floor_cards:.2f} s  ratio {card_pdf / max(floor_cards, 1e-3):.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
