"""A CSV without quotes is read in one call of the csv module; it must read exactly as the
row-by-row reader reads it (which a quoted cell sends it to), and the email column's one
look must answer as the address check of each."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplanner.interchange.report import FileFormatError
from tourplanner.interchange.tables import read_csv
from tourplanner.services.validation import EMAIL_RE, valid_emails

# Spaces of many kinds (stripped; none that splitlines takes for a line break, which the
# sniffer would), line breaks, CJK, and each delimiter the sniffer knows.
CHARS = ["a", "B", "7", "中", " ", "\t", "\u3000", "\xa0", ",", ";", "|", "\n", "\n"]


def quoted_once(text: str) -> str:
    """The same table with one cell quoted (same value, same delimiter sniffed, the line
    not blank), read row by row."""
    lines = text.split("\n")
    k = max(i for i, line in enumerate(lines) if line.strip())
    first = min((p for p in (lines[k].find(d) for d in ",;\t|") if p >= 0), default=len(lines[k]))
    lines[k] = f'"{lines[k][:first]}"{lines[k][first:]}'
    return "\n".join(lines)


def read(text: str) -> tuple[object, ...]:
    try:
        table = read_csv(text.encode())
    except FileFormatError as exc:
        return ("refused", str(exc))
    return (table.headers, table.rows, table.row_numbers, table.delimiter, table.notes)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(CHARS), min_size=1, max_size=60))
def test_a_plain_csv_reads_as_row_by_row(text: str) -> None:
    if not text.strip():
        return
    assert read(text) == read(quoted_once(text))


def test_cells_are_stripped_and_rows_keep_their_line_numbers() -> None:
    text = "Name , Email\n\n Ann ,ann@example.org\n\u3000Bo\u3000, \nCy,cy@example.org\n"
    table = read_csv(text.encode())
    assert table.headers == ["Name", "Email"]
    assert table.rows == [["Ann", "ann@example.org"], ["Bo", ""], ["Cy", "cy@example.org"]]
    assert table.row_numbers == [3, 4, 5]


def test_limits_are_worded_as_row_by_row() -> None:
    with pytest.raises(FileFormatError, match=r"line 2: 501 columns, at most 500"):
        read_csv(("a,b\n" + "x," * 500 + "x\n").encode())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(st.sampled_from(["a", "@", ".", " ", "\n", "\u3000", "b"]), min_size=1)))
def test_a_column_of_emails_is_checked_as_each_one(texts: list[str]) -> None:
    each = all(EMAIL_RE.match(t) for t in texts)
    if valid_emails(texts):
        assert each
    elif each:  # only an address ending in a line break (which EMAIL_RE's $ lets by) differs
        assert any("\n" in t for t in texts)
