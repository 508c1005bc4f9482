"""The gift register in the reader's language: its labels through the translation function the
other documents use, its dates as the language writes them (read back from the PDF)."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from tourplanner.db import PlanFile
from tourplanner.export.gifts import DIRECTIONS, HEADERS, export_gifts
from tourplanner.i18n import CHINESE, translations, use_language
from tourplanner.services import protocol_gifts

# Chinese for the register's labels: the lead's catalog gets them after the merge; here they
# are added to the loaded catalog for the test, so the test reads what a translated build prints.
CHINESE_LABELS = {
    "Date": "日期",
    "Given / received": "赠送 / 接受",
    "By": "赠送人",
    "To": "接受人",
    "Gift": "礼品",
    "Description": "说明",
    "Estimated value": "估值",
    "Currency": "币种",
    "Occasion": "场合",
    "Kept at": "存放处",
    "given": "赠送",
    "received": "接受",
    "GIFT REGISTER": "礼品登记册",
    "Gift register": "礼品登记册",
}


@pytest.fixture
def chinese_catalog(monkeypatch) -> None:
    catalog = translations(CHINESE)._catalog  # type: ignore[attr-defined]  # gettext's own
    for source, text in CHINESE_LABELS.items():
        monkeypatch.setitem(catalog, source, text)


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


def test_every_label_is_marked_for_translation() -> None:
    assert set(HEADERS) | set(DIRECTIONS.values()) <= set(CHINESE_LABELS)


def test_a_chinese_readers_register_has_chinese_labels_and_dates(
    demo_path, tmp_path, chinese_catalog
) -> None:
    text = register(demo_path, tmp_path / "gifts.pdf", CHINESE)
    for source in (*HEADERS, "GIFT REGISTER"):
        assert CHINESE_LABELS[source] in text, source
    assert "Occasion" not in text and "GIFT REGISTER" not in text
    assert "2015年4月20日" in text and "2015-04-20" not in text
    assert "赠送" in text  # the direction too


def test_an_english_readers_register_keeps_english(demo_path, tmp_path, chinese_catalog) -> None:
    text = register(demo_path, tmp_path / "gifts.pdf", "en")
    assert "Occasion" in text and "GIFT REGISTER" in text
    assert "20 Apr 2015" in text and "日期" not in text
