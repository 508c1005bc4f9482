"""People import/export: real-world files, validation report, all-or-nothing, round trip."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError, ValidationError
from tourplanner.interchange.dates import parse_date, parse_datetime
from tourplanner.interchange.people_export import export_people, neutralise, people_table
from tourplanner.interchange.people_import import PeopleImport, import_people
from tourplanner.interchange.people_mapping import recognise, recognise_all
from tourplanner.interchange.report import FileFormatError, ImportRefused
from tourplanner.interchange.tables import read_csv, read_table, read_xlsx
from tourplanner.models import Group, Organization, Person
from tourplanner.services import organizations, people

pytestmark = pytest.mark.both_engines

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


def count(plan: PlanFile, model: type = Person) -> int:
    with plan.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter=",") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# --- reading tables -----------------------------------------------------------------------


def test_gb18030_csv_with_chinese_headers_and_title_row() -> None:
    table = read_table(FIXTURES / "delegates_gb18030.csv")
    assert table.encoding == "GB18030"
    assert table.headers[:4] == ["姓名", "英文名", "单位", "邮箱"]
    assert table.row_numbers == [4, 5, 6, 7]  # the file's own line numbers, blank lines skipped
    assert table.rows[0][0] == "李伟"
    assert any("title" in n for n in table.notes)


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (with BOM)"), ("utf-16", "UTF-16")],
)
def test_csv_encodings(tmp_path: Path, encoding: str, label: str) -> None:
    path = write_csv(
        tmp_path / "p.csv", [["Name", "Email"], ["Zoë Müller 李", "z@x.org"]], encoding=encoding
    )
    table = read_table(path)
    assert table.encoding == label
    assert table.rows == [["Zoë Müller 李", "z@x.org"]]


def test_csv_cells_are_trimmed_with_their_line_breaks_made_plain() -> None:
    data = (
        'Name,Notes,Email\r\n  Ann Lee ,"line one\r\nline two ",a@b.co\r\n'
        f'Bo,"{"x" * 10_050}  ",\r\n'
    ).encode()
    table = read_csv(data)
    assert table.rows[0] == ["Ann Lee", "line one\nline two", "a@b.co"]
    assert table.rows[1] == ["Bo", "x" * 10_000, ""]  # a cell is cut to 10,000 characters


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [["Name", "Organization", "Email"], ["Ann Lee", "City, of Somewhere", "a@b.co"]]
    table = read_table(write_csv(tmp_path / "p.csv", rows, delimiter=delimiter))
    assert table.delimiter == delimiter
    assert table.rows == [rows[1]]


def test_xlsx_with_merged_two_row_header_and_blank_rows() -> None:
    table = read_table(FIXTURES / "delegates_merged.xlsx")
    assert table.headers[:2] == ["Name Family name", "Name Given name"]
    assert table.headers[3:5] == ["Contact Email", "Contact Phone"]
    assert table.row_numbers == [5, 6, 8, 11]
    assert table.rows[3][0] == "O'Neill"
    mapping = recognise_all(table.headers)
    assert [mapping[c] for c in range(7)] == [
        "family_name",
        "given_name",
        "organization",
        "email",
        "phone",
        "dietary_needs",
        "arrival",
    ]


def _zip(parts: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_xlsx_zip_bomb_is_refused_before_unpacking() -> None:
    bomb = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"\0" * 50_000_000})
    assert len(bomb) < 200_000
    with pytest.raises(FileFormatError, match="zip bomb"):
        read_xlsx(bomb, name="bomb.xlsx")


def test_xlsx_sheet_saved_to_maximum_extents_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    source = FIXTURES / "delegates_merged.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<dimension ref="A1:G11"/>', b'<dimension ref="A1:XFD1048576"/>'
                )
                assert b"XFD1048576" in data
            dst.writestr(info, data)
    with pytest.raises(FileFormatError, match="XFD1048576"):
        read_table(path)


def test_non_spreadsheets_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="Excel 97-2003"):
        read_xlsx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(FileFormatError, match="not valid zip|not an .xlsx"):
        read_xlsx(b"PK\x03\x04garbage")
    with pytest.raises(FileFormatError, match="UTF-8, UTF-16 or GB18030"):
        read_csv(b"\x80\xff\x00\x81")
    with pytest.raises(FileFormatError, match="empty"):
        read_csv(b"\r\n , ,\r\n")


# --- header recognition and dates ---------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("First name", "given_name"),
        ("Given Name", "given_name"),
        ("名", "given_name"),
        ("Surname", "family_name"),
        ("Last name", "family_name"),
        ("姓", "family_name"),
        ("Full name", "full_name"),
        ("姓名", "full_name"),
        ("Name", "full_name"),
        ("E-mail", "email"),
        ("邮箱", "email"),
        ("Email / 邮箱", "email"),
        ("Organisation", "organization"),
        ("单位", "organization"),
        ("工作单位", "organization"),
        ("Phone", "phone"),
        ("电话", "phone"),
        ("手机", "phone"),
        ("Dietary requirements", "dietary_needs"),
        ("饮食", "dietary_needs"),
        ("Passport No.", "passport_visa_notes"),
        ("护照", "passport_visa_notes"),
        ("Group", "group"),
        ("团组", "group"),
        ("Delegation", "group"),
        ("Role", "role"),
        ("Title", "honorific"),
        ("中文名", "name_local"),
        ("Local name", "name_local"),
        ("English name", "name_latin"),
        ("Arrival time", "arrival"),
        ("Shoe size", ""),
    ],
)
def test_header_recognition(header: str, field: str) -> None:
    assert recognise(header) == field


def test_dates_are_explicit_and_never_guessed() -> None:
    assert parse_datetime("2015-04-19 14:30").isoformat() == "2015-04-19T14:30:00"
    assert parse_datetime("2015年4月19日 14:30").isoformat() == "2015-04-19T14:30:00"
    assert parse_datetime("19 Apr 2015").isoformat() == "2015-04-19T00:00:00"
    assert parse_datetime("April 19, 2015 2:30 PM").isoformat() == "2015-04-19T14:30:00"
    assert parse_date("19/04/2015") == parse_date("04/19/2015")  # unambiguous either way
    with pytest.raises(ValidationError, match="choose day-first or month-first"):
        parse_date("02/03/2015")
    assert parse_date("02/03/2015", day_first=True).month == 3
    assert parse_date("02/03/2015", day_first=False).month == 2
    with pytest.raises(ValidationError, match="not a real date"):
        parse_date("13/13/2015", day_first=True)
    for missing in ("19 April", "14:30", "April 2015", "2015-04"):
        with pytest.raises(ValidationError):
            parse_datetime(missing)  # never completed from today's date


# --- importing ----------------------------------------------------------------------------


def test_import_gb18030_file_creates_people_organizations_and_groups(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        report = import_people(s, FIXTURES / "delegates_gb18030.csv", group="Shenzhen 2015")
    assert (report.added, report.updated, report.skipped) == (4, 0, 0)
    with plan_file.reading() as s:
        li = people.find_person(s, "li.wei@safea.gov.cn")
        assert (li.name_latin, li.name_local, li.role) == ("Li Wei", "李伟", "official")
        assert li.organization.name_en == "国家外国专家局"
        assert li.dietary_needs == "清真"
        assert sorted(g.name for g in li.groups) == ["Shenzhen 2015", "外专局代表团"]
        assert people.find_person(s, "王芳").role == "interpreter"
        assert (
            len(organizations.get_group(s, organizations.find_group(s, "Shenzhen 2015").id).members)
            == 4
        )
    assert count(plan_file, Organization) == 4


def test_reimport_updates_instead_of_duplicating(plan_file: PlanFile, tmp_path: Path) -> None:
    path = FIXTURES / "delegates_gb18030.csv"
    with plan_file.transaction() as s:
        import_people(s, path)
    with plan_file.transaction() as s:
        again = import_people(s, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    changed = path.read_bytes().decode("gb18030").replace("清真", "清真，不吃海鲜")
    (tmp_path / "v2.csv").write_bytes(changed.encode("gb18030"))
    with plan_file.transaction() as s:
        third = import_people(s, tmp_path / "v2.csv")
    assert (third.added, third.updated, third.unchanged) == (0, 1, 3)
    assert count(plan_file) == 4
    with plan_file.reading() as s:
        assert people.find_person(s, "Li Wei").dietary_needs == "清真，不吃海鲜"


def test_xlsx_import_with_day_first_arrivals(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        report = import_people(s, FIXTURES / "delegates_merged.xlsx", day_first=True)
    assert report.added == 4
    with plan_file.reading() as s:
        sarah = people.find_person(s, "smitchell@icma.org")
        assert sarah.name_latin == "Sarah Mitchell"
        assert sarah.notes == "Arrival: 2015-04-19 14:30"
        assert sarah.organization.name_en == "ICMA"
    assert count(plan_file, Organization) == 3


def test_ambiguous_dates_refuse_the_import_until_the_user_chooses(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "a.csv", [["Name", "Arrival"], ["Ann Lee", "02/03/2015 10:00"]])
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_people(s, path)
    assert "row 2" in refused.value.report.text()
    assert "day-first or month-first" in refused.value.report.text()
    assert count(plan_file) == 0
    with plan_file.transaction() as s:
        import_people(s, path, day_first=False)
    with plan_file.reading() as s:
        assert people.find_person(s, "Ann Lee").notes == "Arrival: 2015-02-03 10:00"


BAD_ROWS = [
    ["Name", "Email", "Organization"],
    ["Ann Lee", "ann@example.org", "ICMA"],
    ["", "nobody@example.org", "ICMA"],
    ["Bob Stone", "bob(at)example.org", "ICMA"],
    ["Cy Twombly", "ann@example.org", "ICMA"],
    ["Di Prince", "", "ICMA"],
    ["Di Prince", "", "ICMA"],
    ["Ed Wood", "ed@example.org", "ICMA"],
]


def test_invalid_rows_refuse_everything_and_the_report_names_rows(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD_ROWS)
    with plan_file.transaction() as s:
        people.create_person(s, name_latin="Existing", email="existing@example.org")
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_people(s, path, group="New group")
    text = refused.value.report.text()
    assert "row 3: no name" in text
    assert "row 4: 'bob(at)example.org' is not a valid email address" in text
    assert "row 5: same email as row 2" in text
    assert "row 7: same name and organization as row 6" in text
    assert "row 2:" not in text and "row 8:" not in text
    assert (
        count(plan_file) == 1
        and count(plan_file, Organization) == 0
        and count(plan_file, Group) == 0
    )


def test_skip_invalid_imports_the_good_rows(plan_file: PlanFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", BAD_ROWS)
    with plan_file.transaction() as s:
        report = import_people(s, path, skip_invalid=True)
    assert (report.added, report.skipped) == (3, 4)
    with plan_file.reading() as s:
        assert sorted(p.name_latin for p in people.list_people(s)) == [
            "Ann Lee",
            "Di Prince",
            "Ed Wood",
        ]


def test_dry_run_reports_without_writing(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        report = import_people(s, FIXTURES / "delegates_gb18030.csv", dry_run=True)
    assert report.added == 4 and report.dry_run and "would be 4 added" in report.summary()
    assert count(plan_file) == 0 and count(plan_file, Organization) == 0


def test_existing_person_matched_by_name_and_organization(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    with plan_file.transaction() as s:
        org = organizations.create_organization(s, name_en="ICMA")
        people.create_person(s, name_latin="Ann Lee", organization_id=org, phone="1")
    path = write_csv(
        tmp_path / "p.csv", [["Name", "Organization", "Phone"], ["ann lee", "icma", "+1 202"]]
    )
    with plan_file.transaction() as s:
        report = import_people(s, path)
    assert (report.added, report.updated) == (0, 1)
    with plan_file.reading() as s:
        assert people.find_person(s, "Ann Lee").phone == "+1 202"


def test_custom_mapping_overrides_recognition(plan_file: PlanFile, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [["Col1", "Col2"], ["Ann Lee", "vegan"]])
    table = read_table(path)
    assert recognise_all(table.headers) == {0: "", 1: ""}
    with plan_file.transaction() as s, pytest.raises(ImportRefused, match="no column"):
        PeopleImport(table).run(s)
    with plan_file.transaction() as s:
        PeopleImport(table, {0: "full_name", 1: "dietary_needs"}).run(s)
    with plan_file.reading() as s:
        assert people.find_person(s, "Ann Lee").dietary_needs == "vegan"


# --- exporting ----------------------------------------------------------------------------


def _seed(plan: PlanFile) -> None:
    with plan.transaction() as s:
        org = organizations.create_organization(s, name_en="SAFEA", name_local="国家外国专家局")
        a = people.create_person(
            s,
            name_latin="Li Wei",
            name_local="李伟",
            honorific="Dr.",
            organization_id=org,
            role="official",
            email="li@safea.gov.cn",
            phone="+86 10 6846 8800",
            dietary_needs='=HYPERLINK("http://evil")',
            passport_visa_notes="E1234567",
            medical_notes="asthma",
        )
        b = people.create_person(s, name_latin="Ann Lee", email="ann@example.org", notes="-1")
        g = organizations.create_group(s, name="Delegation A")
        organizations.add_group_members(s, g, [a])
        assert b


def test_neutralise() -> None:
    for dangerous in ("=1+1", "+86 10", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("Li Wei") == "Li Wei"


def test_export_csv_neutralises_and_hides_sensitive(plan_file: PlanFile, tmp_path: Path) -> None:
    _seed(plan_file)
    out = tmp_path / "people.csv"
    with plan_file.reading() as s:
        assert export_people(s, out) == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Name" and "Passport / visa" not in rows[0]
    li = rows[2]
    assert li[:2] == ["Li Wei", "李伟"]
    assert "'+86 10 6846 8800" in li and '\'=HYPERLINK("http://evil")' in li
    assert "E1234567" not in data.decode("utf-8-sig")
    with plan_file.reading() as s:
        export_people(s, tmp_path / "all.csv", include_sensitive=True)
    assert "E1234567" in (tmp_path / "all.csv").read_text("utf-8-sig")


def test_export_xlsx_group_roster_stores_text_not_formulas(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    _seed(plan_file)
    out = tmp_path / "roster.xlsx"
    with plan_file.reading() as s:
        assert export_people(s, out, group="Delegation A") == 1
    sheet = load_workbook(out).active
    values = [c.value for c in sheet[2]]
    assert values[0] == "Li Wei"
    assert all(c.data_type == "s" for c in sheet[2] if c.value)
    assert '\'=HYPERLINK("http://evil")' in values


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_people_round_trip(plan_file: PlanFile, tmp_path: Path, suffix: str) -> None:
    _seed(plan_file)
    out = tmp_path / f"people{suffix}"
    with plan_file.reading() as s:
        export_people(s, out, include_sensitive=True)
        before = people_table(s, include_sensitive=True)
    other = PlanFile.create(tmp_path / "new.tourplan")
    try:
        with other.transaction() as s:
            report = import_people(s, out)
        assert report.added == 2 and not report.errors
        with other.reading() as s:
            assert people_table(s, include_sensitive=True) == before
            assert people.find_person(s, "Li Wei").phone == "+86 10 6846 8800"
        with other.transaction() as s:
            assert import_people(s, out).unchanged == 2
    finally:
        other.close()


def test_export_refuses_unknown_suffix(plan_file: PlanFile, tmp_path: Path) -> None:
    with plan_file.reading() as s, pytest.raises(TourPlannerError, match=".csv or .xlsx"):
        export_people(s, tmp_path / "people.pdf")


def test_reimport_into_a_group_counts_joining_as_an_update(plan_file: PlanFile) -> None:
    path = FIXTURES / "delegates_gb18030.csv"
    with plan_file.transaction() as s:
        import_people(s, path)
    with plan_file.transaction() as s:
        report = import_people(s, path, group="Bus 2")
    assert (report.added, report.updated, report.unchanged) == (0, 4, 0)
    with plan_file.transaction() as s:
        assert import_people(s, path, group="Bus 2").unchanged == 4
    with plan_file.reading() as s:
        assert len(organizations.find_group(s, "Bus 2").members) == 4


def test_export_a_tour_roster(tmp_path: Path) -> None:
    from tourplanner.demo import write_demo_plan
    from tourplanner.services.itinerary import tour_roster
    from tourplanner.services.programmes import find_programme

    path = tmp_path / "demo.tourplan"
    write_demo_plan(path)
    out = tmp_path / "roster.xlsx"
    with PlanFile.open(path) as plan, plan.reading() as s:
        tour = find_programme(s, "Post-conference study tour")
        roster = tour_roster(s, tour.id)
        count = export_people(s, out, programme=tour.title_en)
        expected = sorted({e.person.name_latin for e in roster.entries})
    sheet = load_workbook(out).active
    assert sheet.title.startswith("Roster Post-conference study")
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["Booking", "Booking status"]
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert count == len(names) and sorted(names) == expected
    statuses = {row[-1].value for row in sheet.iter_rows(min_row=2)}
    assert statuses <= {"Confirmed", "Waitlisted", "Cancelled"} and "Confirmed" in statuses


def test_xlsx_first_sheet_in_workbook_order_and_data_starting_lower_right(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Notes"
    book.active["A1"] = "not the list"
    sheet = book.create_sheet("Delegates", 0)  # first in the workbook, second part in the zip
    sheet["C3"], sheet["D3"] = "Name", "Email"
    sheet["C4"], sheet["D4"] = "Ann Lee", "ann@example.org"
    sheet["C6"] = "Bo Li"
    book.save(tmp_path / "offset.xlsx")
    table = read_table(tmp_path / "offset.xlsx")
    assert table.headers == ["Name", "Email"]
    assert table.rows == [["Ann Lee", "ann@example.org"], ["Bo Li", ""]]
    assert table.row_numbers == [4, 6]
    assert "only the first sheet (Delegates) is read" in table.notes


def test_xlsx_phones_show_no_apostrophe_and_print_as_a_roster(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    _seed(plan_file)
    out = tmp_path / "people.xlsx"
    with plan_file.reading() as s:
        export_people(s, out)
    sheet = load_workbook(out).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    phone = next(c for c in cells if c.value == "+86 10 6846 8800")
    assert phone.data_type == "s"  # text, so Excel neither computes nor drops the "+"
    assert not any(str(c.value or "").startswith("'+") for c in cells)
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"
