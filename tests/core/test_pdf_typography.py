"""Typography and accessible files (issue #15, points 14, 17, 18): bold Chinese, Chinese line
breaking, and every PDF kind's title, author, subject, language and bookmarks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.demo import write_demo_plan
from tourplanner.export.pdf import export_itinerary
from tourplanner.export.pdf.cjk_layout import CLOSING, OPENING
from tourplanner.export.pdf.fonts import markup
from tourplanner.export.pdf.styles import make_styles
from tourplanner.export.pdf.synthetic_bold import BoldCanvas
from tourplanner.services import people
from tourplanner.writing_systems import HAN


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    return path


def text_objects(path: Path) -> list[tuple[str, int, str]]:
    """Every text object of a PDF as pdfium reads it: (text, render mode, font's base name)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    found = []
    pdf = pdfium.PdfDocument(path)
    try:
        for page in pdf:
            textpage = page.get_textpage()
            for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,)):
                size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
                buffer = (ctypes.c_ushort * size)()
                raw.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size * 2)
                text = bytes(buffer).decode("utf-16-le").rstrip("\x00")
                font = raw.FPDFTextObj_GetFont(obj.raw)
                length = raw.FPDFFont_GetBaseFontName(font, None, 0)
                name = ctypes.create_string_buffer(length)
                raw.FPDFFont_GetBaseFontName(font, name, length)
                mode = raw.FPDFTextObj_GetTextRenderMode(obj.raw)
                found.append((text, mode, name.value.decode()))
    finally:
        pdf.close()
    return found


def drawn_text(path: Path) -> tuple[str, str]:
    """The text of a PDF drawn in fill-and-stroke mode (synthetic bold), and the rest."""
    import pypdfium2.raw as raw

    bold = [t for t, mode, _f in text_objects(path) if mode == raw.FPDF_TEXTRENDERMODE_FILL_STROKE]
    plain = [t for t, mode, _f in text_objects(path) if mode != raw.FPDF_TEXTRENDERMODE_FILL_STROKE]
    return "".join(bold), "".join(plain)


def test_bold_chinese_is_drawn_bold_and_regular_chinese_is_not(demo_file, tmp_path) -> None:
    out = tmp_path / "liu.pdf"
    with PlanFile.open(demo_file) as plan:
        with plan.reading() as s:
            liu = people.find_person(s, "Liu Yan").id
        export_itinerary(plan, liu, out)
    bold, plain = drawn_text(out)
    # Every Chinese character is drawn in the CJK face (never a box in DejaVu Sans): the
    # cover's labels too ("身份", "团组").
    han = [(t, f) for t, _m, f in text_objects(out) if HAN.search(t)]
    assert han and all(f == "DroidSansFallback" for _t, f in han), han
    assert "身份" in plain
    # Her entry's title is bold (the entry title style) and Chinese; the address is regular.
    assert "国家外国专家局、中国国际人才交流协会座谈" in bold
    assert "北京市海淀区中关村南大街1号" in plain and "北京市海淀区" not in bold
    assert "Briefing" not in bold  # Latin bold is DejaVu Sans Bold, never stroked


def test_bold_chinese_in_b_markup_is_bold(tmp_path) -> None:
    s = make_styles()
    out = tmp_path / "b.pdf"
    story = [
        Paragraph("<b>" + markup("粗体 Bold") + "</b> " + markup("常规"), s.body),
        Paragraph(markup("标题"), s.title),
    ]
    SimpleDocTemplate(str(out)).build(story, canvasmaker=BoldCanvas)
    bold, plain = drawn_text(out)
    assert "粗体" in bold and "标题" in bold
    assert "常规" in plain and "常规" not in bold and "Bold" not in bold


LONG = (
    "深圳会展中心位于福田区，是一座现代化的会议展览场馆。会议期间，请您佩戴胸卡，"
    "并按时到达会场；如有疑问，请联系工作人员！谢谢（合作）。请于「上午八点」前到达：北门。"
) * 4


@pytest.mark.parametrize("width_mm", [22, 31, 40, 47, 58])
def test_no_chinese_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(
    tmp_path, width_mm
) -> None:
    s = make_styles()
    out = tmp_path / "wrap.pdf"
    doc = SimpleDocTemplate(
        str(out), pagesize=(width_mm * mm + 20, 400 * mm), leftMargin=10, rightMargin=10
    )
    # A bold style, a plain one and the taxi style; one run and several runs.
    story = [
        Paragraph(markup(LONG), s.body),
        Paragraph(markup(LONG), s.entry_title),
        Paragraph(markup(LONG), s.taxi),
        Paragraph(
            markup(LONG) + "<br/>" + markup("Hall B 北门 +86\u00a0755\u00a08288\u00a08888"), s.small
        ),
    ]
    doc.build(story, canvasmaker=BoldCanvas)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert len(lines) > 20  # it did wrap
    assert "".join(lines).count("深圳会展中心") == 16  # nothing was lost
    starts = [ln for ln in lines if ln[0] in CLOSING]
    ends = [ln for ln in lines if ln[-1] in OPENING]
    assert not starts and not ends


def test_latin_words_and_phone_numbers_are_not_cut_in_a_chinese_paragraph(tmp_path) -> None:
    s = make_styles()
    out = tmp_path / "mixed.pdf"
    doc = SimpleDocTemplate(str(out), pagesize=(48 * mm, 200 * mm), leftMargin=8, rightMargin=8)
    text = (
        "Please meet at the Shenzhen Convention and Exhibition Centre, 福田区福华三路，"
        "深圳会展中心南门。International delegates call +86\u00a0755\u00a08288\u00a08888."
    )
    doc.build([Paragraph(markup(text), s.body)], canvasmaker=BoldCanvas)
    lines = [ln.strip() for ln in PdfReader(out).pages[0].extract_text().splitlines()]
    words = " ".join(lines).split()
    for word in ("Convention", "Exhibition", "International", "delegates"):
        assert word in words or any(w.endswith(word) for w in words), lines
    assert any("+86 755 8288 8888" in ln.replace("\u00a0", " ") for ln in lines), lines


def _pdf_kinds() -> list[tuple[str, list[str]]]:
    return [
        ("itinerary", ["export", "itinerary", "{plan}", "--person", "Patricia Gómez"]),
        ("itinerary-zh", ["export", "itinerary", "{plan}", "--person", "Liu Yan"]),
        ("batch", ["export", "itineraries", "{plan}", "--group", "US delegation"]),
        ("booklet", ["export", "programme", "{plan}"]),
        ("tour", ["export", "tour", "{plan}", "--programme", "Post-conference study tour"]),
        ("badges", ["export", "badges", "{plan}"]),
        ("name-cards", ["export", "name-cards", "{plan}", "--item", "Conference banquet"]),
        ("rooming", ["export", "rooming-list", "{plan}", "--programme", "Post"]),
        ("manifest", ["export", "manifest", "{plan}", "--programme", "Post"]),
        ("catering", ["export", "catering", "{plan}", "--date", "2015-04-22"]),
        ("transfers", ["export", "transfers", "{plan}"]),
        ("gifts", ["export", "gifts", "{plan}"]),
        ("invitations", ["export", "invitations", "{plan}", "--group", "US delegation"]),
        ("seating", ["seating", "{plan}", "--item", "Conference banquet"]),
    ]


@pytest.mark.parametrize(("kind", "args"), _pdf_kinds(), ids=[k for k, _ in _pdf_kinds()])
def test_every_pdf_kind_has_title_author_subject_and_language(
    demo_file, tmp_path, kind, args
) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main([a.format(plan=demo_file) for a in args] + ["-o", str(out)]) == 0
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta is not None
    for field in ("/Title", "/Author", "/Subject"):
        assert str(meta.get(field) or "").strip(), (kind, field, meta)
    assert "tmp" not in str(meta["/Title"]).lower() and ".part" not in str(meta["/Title"])
    lang = str(reader.trailer["/Root"].get("/Lang"))
    assert lang == ("zh-CN" if kind == "itinerary-zh" else "en"), kind


@pytest.mark.parametrize(
    ("kind", "args", "expect"),
    [
        ("batch", ["export", "itineraries", "{plan}"], "people"),  # several chunks, merged
        ("booklet", ["export", "programme", "{plan}"], "days"),
        ("tour", ["export", "tour", "{plan}", "--programme", "Post-conference study tour"], "days"),
    ],
)
def test_documents_with_people_or_days_have_bookmarks_for_them(
    demo_file, tmp_path, kind, args, expect
) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert main([a.format(plan=demo_file) for a in args] + ["-o", str(out)]) == 0
    reader = PdfReader(out)
    top = [o for o in reader.outline if not isinstance(o, list)]
    nested = [o for o in reader.outline if isinstance(o, list)]
    titles = [o.title for o in top] + [o.title for group in nested for o in group]
    assert any(" April 2015" in t for t in titles), titles  # a bookmark per day
    if expect == "people":
        with PlanFile.open(demo_file, read_only=True) as plan, plan.reading() as s:
            everyone = people.list_people(s)
        assert len(everyone) > 12  # more than one chunk of the batch (batch.CHUNK)
        assert len(top) == len(everyone) and all(nested), titles  # a person, their days beneath


def test_arabic_is_shaped_and_in_visual_order_hebrew_reversed_emoji_never_a_box(tmp_path) -> None:
    from tourplanner.export.pdf.fonts import register_fonts, runs, visual

    latin, cjk = register_fonts()
    text = "Dr. مرحبا (Dubai) · שלום · 深圳 🎉 😀 ✈\ufe0f"
    shown = visual(text)
    # Arabic letters joined: presentation forms (initial/medial/final), not the bare letters.
    assert "\u0645" not in shown and any("\ufe70" <= c <= "\ufefc" for c in shown)
    assert "םולש" in shown  # Hebrew drawn right to left: the logical order reversed
    assert shown.startswith("Dr. ")  # the Latin line keeps its order around the RTL run
    assert "🎉" not in shown and "\ufe0f" not in shown  # no font has them: left out
    assert "😀" in shown and "✈" in shown  # DejaVu Sans draws these, in black
    for use_cjk, chunk in runs(text):
        covered = cjk if use_cjk else latin
        assert all(ord(c) in covered for c in chunk), chunk  # every glyph exists: no box
    s = make_styles()
    out = tmp_path / "rtl.pdf"
    SimpleDocTemplate(str(out)).build([Paragraph(markup(text), s.body)], canvasmaker=BoldCanvas)
    printed = PdfReader(out).pages[0].extract_text()
    assert "深圳" in printed and "🎉" not in printed and "Dubai" in printed


def test_an_emoji_left_out_is_noted_in_the_log(caplog) -> None:
    from tourplanner.export.pdf.fonts import visual

    with caplog.at_level("WARNING", logger="tourplanner.export.pdf.fonts"):
        visual("Welcome dinner 😀 ✈")  # both drawn by DejaVu Sans: nothing to say
        assert not caplog.records
        visual("Closing party 🎉 (left out)")
    (record,) = caplog.records
    assert "left out" in record.getMessage() and "Closing party" in record.getMessage()


def _contents(path: Path) -> str:
    return "\n".join(
        page.get_contents().get_data().decode("latin-1") for page in PdfReader(path).pages
    )


def test_allergy_rows_are_marked_without_colour_on_pdf_and_xlsx(demo_file, tmp_path) -> None:
    from openpyxl import load_workbook

    pdf, xlsx = tmp_path / "catering.pdf", tmp_path / "catering.xlsx"
    for out in (pdf, xlsx):
        args = ["export", "catering", str(demo_file), "--item", "Conference banquet"]
        assert main([*args, "--names", "-o", str(out)]) == 0
    lines = [ln.strip() for ln in PdfReader(pdf).pages[0].extract_text().splitlines()]
    marked = [ln for ln in lines if ln.startswith("⚠")]
    assert marked and all("allergy" in ln.lower() for ln in marked), lines
    # The row is boxed in ink (1.2 pt), not only shaded.
    assert "1.2 w" in _contents(pdf)
    sheet = load_workbook(xlsx).worksheets[0]
    rows = [r for r in sheet.iter_rows() if r[0].value and str(r[0].value).startswith("⚠")]
    assert rows and all(c.font.b for r in rows for c in r if c.value)


def test_operations_workbooks_print_landscape_with_the_header_row_and_phones_as_text(
    demo_file, tmp_path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "manifest.xlsx"
    assert main(["export", "manifest", str(demo_file), "--programme", "Post", "-o", str(out)]) == 0
    book = load_workbook(out)
    phones = 0
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        header = int(sheet.print_title_rows.split(":")[0].lstrip("$"))
        assert sheet.cell(header, 1).value == "Seat"  # the table's column titles repeat
        for row in sheet.iter_rows(min_row=header + 1):
            for cell in row:
                value = str(cell.value or "")
                assert not value.startswith("'+"), value  # no visible guard on a phone
                if value.startswith("+"):
                    assert cell.data_type == "s"  # text: never a formula, "+" kept
                    phones += 1
    assert phones > 0


@pytest.mark.parametrize(
    "args",
    [
        ["export", "badges", "{plan}"],
        ["export", "name-cards", "{plan}", "--item", "Conference banquet"],
    ],
    ids=["badges", "name-cards"],
)
def test_badges_and_name_cards_have_a_bookmark_per_person(demo_file, tmp_path, args) -> None:
    out = tmp_path / "cards.pdf"
    assert main([a.format(plan=demo_file) for a in args] + ["-o", str(out)]) == 0
    reader = PdfReader(out)
    titles = [o.title for o in reader.outline]
    assert len(titles) >= len(reader.pages) and "Chen Xiaoyu 陈晓雨" in titles
    chen = next(o for o in reader.outline if o.title == "Chen Xiaoyu 陈晓雨")
    page = reader.get_destination_page_number(chen)
    assert "陈晓雨" in reader.pages[page].extract_text()
