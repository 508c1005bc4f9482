"""The gift register (records, undo, exports) and the invitation letters (Word and PDF)."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.errors import ValidationError
from tourplanner.operations.records import Create
from tourplanner.services import protocol_gifts


def test_gift_is_validated_and_bad_input_changes_nothing(plan_file) -> None:
    with plan_file.transaction() as s:
        with pytest.raises(ValidationError, match="currency"):
            protocol_gifts.create_gift(s, giver="A", recipient="B", name="Vase", value=10.0)
        with pytest.raises(ValidationError, match="given"):
            protocol_gifts.create_gift(s, direction="lent", giver="A", recipient="B", name="V")
        with pytest.raises(ValidationError, match="negative"):
            protocol_gifts.create_gift(
                s, giver="A", recipient="B", name="V", value=-1.0, currency="USD"
            )
    with plan_file.reading() as s:
        assert protocol_gifts.list_gifts(s) == []


def test_adding_a_gift_is_undoable(plan_file) -> None:
    op = Create(
        "Add a gift",
        "gift",
        "gifts",
        lambda s: protocol_gifts.create_gift(
            s,
            giver="ICMA",
            recipient="SAFEA",
            name="Globe",
            value=180.0,
            currency="usd",
            given_on=date(2015, 4, 22),
        ),
        protocol_gifts.delete_gift,
    )
    with plan_file.transaction() as s:
        op.do(s)
    with plan_file.reading() as s:
        [gift] = protocol_gifts.gift_views(s)
    assert gift["currency"] == "USD" and gift["value"] == 180.0
    with plan_file.transaction() as s:
        op.undo(s)
    with plan_file.reading() as s:
        assert protocol_gifts.gift_views(s) == []
    with plan_file.transaction() as s:
        op.do(s)  # redo brings the same record back
    with plan_file.reading() as s:
        assert [g["id"] for g in protocol_gifts.gift_views(s)] == [gift["id"]]


def test_export_gifts_xlsx_and_pdf(demo_path, tmp_path) -> None:
    with PlanFile.open(demo_path) as plan, plan.transaction() as s:
        protocol_gifts.create_gift(s, giver="=HYPERLINK(1)", recipient="B", name="Tea")
    xlsx, pdf = tmp_path / "gifts.xlsx", tmp_path / "gifts.pdf"
    assert main(["export", "gifts", str(demo_path), "-o", str(xlsx)]) == 0
    assert main(["export", "gifts", str(demo_path), "-o", str(pdf)]) == 0
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Date", "Given / received", "By", "To")
    assert len(rows) == 1 + 4
    assert "Cloisonné vase" in [r[4] for r in rows]
    assert "'=HYPERLINK(1)" in [r[2] for r in rows]  # never a formula
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Cloisonné vase" in text and "1,200.00" in text
    assert main(["export", "gifts", str(demo_path), "-o", str(tmp_path / "g.txt")]) == 2


def test_invitation_letters_passport_only_when_asked(demo_path, tmp_path, capsys) -> None:
    plain, full = tmp_path / "a.docx", tmp_path / "b.docx"
    args = ["export", "invitations", str(demo_path), "--person", "James O'Connor"]
    assert main([*args, "-o", str(plain)]) == 0
    assert main([*args, "--include-sensitive", "-o", str(full)]) == 0
    text = "\n".join(p.text for p in docx.Document(plain).paragraphs)
    assert "James O'Connor" in text and "邀请函" in text and "Mr. Sun Zhaohua" in text
    assert "4471" not in text and "{{" not in text
    assert "Passport ending 4471" in "\n".join(p.text for p in docx.Document(full).paragraphs)


def test_one_letter_per_delegation_and_pdf(demo_path, tmp_path) -> None:
    out = tmp_path / "us.pdf"
    assert (
        main(["export", "invitations", str(demo_path), "--group", "US delegation", "-o", str(out)])
        == 0
    )
    reader = PdfReader(out)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "12 persons" in text and "Jennifer Walsh" in text and "Patricia Gómez" in text
    assert "4471" not in text


def test_a_broken_template_is_one_sentence(demo_path, tmp_path, capsys) -> None:
    bad = tmp_path / "bad.docx"
    document = docx.Document()
    document.add_paragraph("{{ letters[0].unit ")
    document.save(bad)
    out = tmp_path / "x.docx"
    args = ["export", "invitations", str(demo_path), "--person", "Walsh", "--template", str(bad)]
    assert main([*args, "-o", str(out)]) == 2
    assert capsys.readouterr().err.startswith("error: template:") or not out.exists()
    assert not out.exists()
