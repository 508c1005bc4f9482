"""The people import reads its rows column by column; each row comes out as the row-by-row
reader gave it. `people_rows.json` holds 150 awkward tables (CJK and Latin names, given and
family names, two columns to one field, formula guards, role words, bad emails, unreadable
arrival dates, group lists, ragged rows) with what the row-by-row reader of fa8e6b0 made of
each row: fields, organization, groups, problems and notes, word for word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tourplanner.interchange.people_rows import prepare_row, prepare_rows
from tourplanner.interchange.tables import Table

CASES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "interchange" / "people_rows.json").read_text(
        encoding="utf-8"
    )
)


def as_dict(row) -> dict:  # noqa: ANN001
    return {
        "row": row.row,
        "fields": row.fields,
        "organization": row.organization,
        "organization_local": row.organization_local,
        "country": row.country,
        "groups": row.groups,
        "problems": row.problems,
        "notes": row.notes,
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{len(c['rows'])}rows-{c['mapping']}")
def test_each_row_reads_as_it_did_row_by_row(case: dict) -> None:
    mapping = {int(col): target for col, target in case["mapping"].items()}
    width = max(len(r) for r in case["rows"])
    table = Table([f"h{c}" for c in range(width)], case["rows"], case["numbers"])
    got = prepare_rows(table, mapping, day_first=case["day_first"])
    assert [as_dict(r) for r in got] == case["prepared"]
    # One row on its own reads the same as in its table.
    alone = prepare_row(case["numbers"][0], case["rows"][0], mapping, day_first=case["day_first"])
    assert as_dict(alone) == case["prepared"][0]


def test_the_corpus_has_the_awkward_cases() -> None:
    rows = [r for c in CASES for r in c["prepared"]]
    problems = [p for r in rows for p in r["problems"]]
    assert any("not a valid email address" in p for p in problems)
    assert any(p.startswith("role ") for p in problems)
    assert any("no name" in p for p in problems)
    assert any(r["notes"] for r in rows)  # a local name used as the name
    assert any("Arrival: " in r["fields"].get("notes", "") for r in rows)
    assert any(len(r["groups"]) > 1 for r in rows)
    assert any(not r["problems"] for r in rows)
