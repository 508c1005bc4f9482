"""The benchmark's full floor draws what the itinerary prints: the same lines on as many pages
(demo plan, real files), so the ratio against it compares equal content."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from benchmarks.bench_pdf_baseline import render_full, render_rows, rows_of
from tourplanner.db import PlanFile
from tourplanner.export.pdf import export_itinerary
from tourplanner.services import people


@pytest.fixture(scope="module")
def demo(demo_read_only: PlanFile) -> PlanFile:
    return demo_read_only


def lines_of(pdf: io.BytesIO) -> list[list[str]]:
    return [p.extract_text().replace("\xa0", " ").splitlines() for p in PdfReader(pdf).pages]


@pytest.mark.parametrize("name", ["Bob O'Neill", "Chen Xiaoyu"])  # an English, a Chinese reader
def test_the_full_floor_prints_the_itinerarys_lines_on_as_many_pages(demo, name) -> None:
    with demo.reading() as s:
        pid = people.find_person(s, name).id
    [person] = [p for p in rows_of(demo) if p.id == pid]
    app, floor = io.BytesIO(), io.BytesIO()
    export_itinerary(demo, pid, app)
    assert render_full([person], floor) > 0
    app_pages, floor_pages = lines_of(app), lines_of(floor)
    assert len(app_pages) == len(floor_pages)
    app_text = {ln for page in app_pages for ln in page}
    floor_text = {ln for page in floor_pages for ln in page}
    # The floor draws nothing the itinerary does not, but its bare page numbers.
    assert {ln for ln in floor_text - app_text if not ln.startswith("Page ")} == set()
    # The itinerary's lines the floor lacks: its running head and footer (a Chinese one in many runs).
    body = [ln for page in app_pages for ln in page]
    missing = [ln for ln in body if ln not in floor_text]
    assert len(missing) <= 30 * len(app_pages), missing[:10]
    assert len(body) > 200


def test_the_rows_floor_prints_only_the_rows(demo) -> None:
    person = rows_of(demo, 1, full=False)[0]
    out = io.BytesIO()
    render_rows([person], out)
    text = "\n".join("\n".join(p) for p in lines_of(out))
    assert person.rows[0][2][0] in text
    assert "Your days at a glance" not in text
