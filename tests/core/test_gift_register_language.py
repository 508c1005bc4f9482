"""The gift register in the reader's language: its labels through the translation function the
other documents use, its dates as the language writes them (read back from the PDF)."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from tourplanner.db import PlanFile
from tourplanner.export.gifts import DIRECTIONS, HEADERS, export_gifts
from tourplanner.i18n import CHINESE, translations, use_language
from tourplanner.services import protocol_gifts


def chinese(source: str) -> str:
    """The label as the shipped catalog translates it."""
    return translations(CHINESE).gettext(source)


def register(path, out, lang: str) -> str:  # noqa: ANN001
    with PlanFile.open(path) as plan, plan.transaction() as s:
        protocol_gifts.create_gift(
            s, giver="Ms. Li", recipient="Mr. Smith", name="Tea", given_on=date(2015, 4, 20)
        )
    with PlanFile.open(path, read_only=True) as plan, plan.reading() as s:
        gifts = protocol_gifts.gift_views(s)
    with use_language(lang):
        export_gifts(gifts, out, title="Visit")
    return "\n".join(page.extract_text() for page in PdfReader(out).pages)


def test_every_label_is_translated() -> None:
    for source in (*HEADERS, *DIRECTIONS.values(), "GIFT REGISTER", "No gifts are recorded."):
        assert chinese(source) != source, source


def test_a_chinese_readers_register_has_chinese_labels_and_dates(demo_path, tmp_path) -> None:
    text = register(demo_path, tmp_path / "gifts.pdf", CHINESE)
    for source in (*HEADERS, "GIFT REGISTER"):
        assert chinese(source) in text, source
    assert "Occasion" not in text and "GIFT REGISTER" not in text
    assert "2015年4月20日" in text and "2015-04-20" not in text
    assert chinese("given") in text  # the direction too


def test_an_english_readers_register_keeps_english(demo_path, tmp_path) -> None:
    text = register(demo_path, tmp_path / "gifts.pdf", "en")
    assert "Occasion" in text and "GIFT REGISTER" in text
    assert "20 Apr 2015" in text and "日期" not in text
