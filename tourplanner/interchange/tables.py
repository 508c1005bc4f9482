"""Read a spreadsheet (CSV in any common encoding and delimiter, or .xlsx) into a plain table.

Hostile files are refused before they are expanded: a CSV bigger than MAX_FILE_BYTES, an .xlsx whose
zip declares more than MAX_UNZIPPED_BYTES or a suspicious compression ratio (a zip bomb), or a
sheet whose declared extent is beyond MAX_ROWS x MAX_COLUMNS (a sheet saved to its maximum extents).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import chain, compress, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from tourplanner.i18n import _
from tourplanner.interchange.report import FileFormatError
from tourplanner.writing_systems import CJK

if TYPE_CHECKING:  # openpyxl is imported when a sheet is read
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet.worksheet import Worksheet

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # real sheets compress 5-20x; bombs compress 1000x and more
MAX_ROWS = 100_000
MAX_COLUMNS = 500
MAX_CELL_CHARS = 10_000
DELIMITERS = (",", ";", "\t", "|")
CJK_RE = CJK  # a cell in an East Asian script (tourplanner.writing_systems)


@dataclass
class Table:
    """Header labels and data rows (text cells), with each row's number in the source file."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    source: str = ""
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def head(self, count: int) -> Table:
        """The same table with only its first `count` data rows (for quick previews)."""
        return Table(
            self.headers,
            self.rows[:count],
            self.row_numbers[:count],
            self.source,
            self.encoding,
            self.delimiter,
            list(self.notes),
        )


def read_table(path: Path | str, *, encoding: str | None = None) -> Table:
    """Read a .csv/.tsv/.txt or .xlsx file by its extension (or its content when unclear)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileFormatError(
            _("cannot read {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from exc
    if size > MAX_FILE_BYTES:
        raise FileFormatError(
            _("{name} is {value} MB; a people list is at most {value2} MB").format(
                name=path.name, value=size // (1024 * 1024), value2=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
    data = path.read_bytes()
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        table = read_xlsx(data, name=path.name)
    else:
        table = read_csv(data, name=path.name, encoding=encoding)
    table.source = str(path)
    return table


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding it was read with: BOMs first, then UTF-8, then GB18030."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise FileFormatError(
                _("the file cannot be read as {encoding}: {exc}").format(encoding=encoding, exc=exc)
            ) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif _looks_utf16_without_bom(data):
        candidates = ["utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"]
    else:
        # Chinese-locale Excel saves CSV as GBK/GB18030; GB18030 is a superset of GBK.
        candidates = ["utf-8", "gb18030"]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, {"utf-8-sig": "UTF-8 (with BOM)", "utf-16": "UTF-16"}.get(name, name.upper())
    raise FileFormatError(
        _(
            "the file is not text in UTF-8, UTF-16 or GB18030 (is it a spreadsheet saved in another format? save it as CSV UTF-8 or .xlsx)"
        )
    )


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:200]
    return len(sample) >= 4 and len(sample) % 2 == 0 and sample.count(0) * 3 >= len(sample)


def read_csv(data: bytes, *, name: str = "file", encoding: str | None = None) -> Table:
    """Parse CSV bytes: encoding detected, delimiter sniffed, blank rows and titles skipped."""
    text, used = decode_text(data, encoding)
    text = text.replace("\r\n", "\n")  # in cells as `_clean_text` does, in one pass
    delimiter = sniff_delimiter(text)
    rows = _plain_rows(text, delimiter)
    if rows is None:
        rows = _rows(text, delimiter, name)
    table = _table_from_rows(rows, name=name)
    table.encoding, table.delimiter = used, delimiter
    return table


def _plain_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]] | None:
    """The rows of a CSV without quotes or carriage returns (one line is then one row), read
    in one call and stripped only if a cell needs it; None for any other text, or one past
    the limits, which `_rows` then reads and words.

    A 5,000-row list read row by row (line number, limits, a strip per cell) took twice what
    the csv module itself takes.
    """
    if '"' in text or "\r" in text:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(islice(reader, MAX_ROWS + 2))
    except csv.Error:
        return None
    if len(records) > MAX_ROWS + 1 or max(map(len, records), default=0) > MAX_COLUMNS:
        return None
    cells = list(chain.from_iterable(records))
    if list(map(str.strip, cells)) != cells:  # a strip gives back the same text when it may
        records = [[c.strip() for c in r] for r in records]
    if max(map(len, cells), default=0) > MAX_CELL_CHARS:
        records = [[_clean_text(c) for c in r] for r in records]
    return list(enumerate(records, start=1))


def _rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    """Each record with its line number, cells stripped; FileFormatError past the limits."""
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            if len(rows) > MAX_ROWS:
                raise FileFormatError(
                    _("{name} has more than {max_rows} rows").format(name=name, max_rows=MAX_ROWS)
                )
            if len(record) > MAX_COLUMNS:
                raise FileFormatError(
                    _("line {line_num}: {n_record} columns, at most {max_columns}").format(
                        line_num=reader.line_num, n_record=len(record), max_columns=MAX_COLUMNS
                    )
                )
            # Line breaks were made "\n" in the whole text already: a strip is the cleaning.
            rows.append((reader.line_num, [c.strip() for c in record]))
    except csv.Error as exc:
        raise FileFormatError(
            _("{name}, line {line_num}: not valid CSV ({exc})").format(
                name=name, line_num=reader.line_num, exc=exc
            )
        ) from exc
    # Overlong cells are cut, after one look at every cell's length (not one per row).
    if max(map(len, chain.from_iterable(r for _, r in rows)), default=0) > MAX_CELL_CHARS:
        rows = [(n, [_clean_text(c) for c in r]) for n, r in rows]
    return rows


def sniff_delimiter(text: str) -> str:
    """The delimiter giving the most columns, consistently, over the first non-blank lines."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()][:20]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for delim in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)]
        except csv.Error:
            continue
        common = max(set(counts), key=counts.count)
        score = (counts.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = delim, score
    return best


def _clean_text(text: str) -> str:
    """A CSV cell as `_clean` gives it (CSV cells are always text: the quick path)."""
    text = text.replace("\r\n", "\n").strip()
    return text[:MAX_CELL_CHARS] if len(text) > MAX_CELL_CHARS else text


def _clean(value: object) -> str:
    """A cell as stripped text: whole numbers without '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ", timespec="minutes")
        text = text.removesuffix(" 00:00")
    elif isinstance(value, date | time):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").strip()
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS]
    return text


def _table_from_rows(
    rows: list[tuple[int, list[str]]],
    *,
    name: str,
    merged_header: dict[int, list[tuple[int, int]]] | None = None,
) -> Table:
    """Find the header among the rows: skip blank rows and single-cell title rows above it.

    With `merged_header` (row number -> merged column spans, from an .xlsx), a header row whose
    cells are merged across columns followed by a row of sub-headers becomes one header row:
    'Name' over 'Family' and 'Given' gives 'Name Family' and 'Name Given'.
    """
    # Looked over with C loops (map, compress): a 5,000-row list has few blank rows, if any.
    filled = list(map(any, map(_cells, rows)))
    nonblank = rows if all(filled) else list(compress(rows, filled))
    if not nonblank:
        raise FileFormatError(_("{name} is empty (no header row and no data)").format(name=name))
    notes: list[str] = []
    start = 0
    while start + 1 < len(nonblank) and sum(1 for c in nonblank[start][1] if c) == 1:
        following = sum(1 for c in nonblank[start + 1][1] if c)
        if following <= 1:
            break
        notes.append(f"row {nonblank[start][0]} taken as a title: {nonblank[start][1][0] or '…'}")
        start += 1
    header_no, headers = nonblank[start]
    width = max(map(len, map(_cells, nonblank[start:])))
    headers = headers + [""] * (width - len(headers))
    body = nonblank[start + 1 :]
    spans = (merged_header or {}).get(header_no, [])
    if spans and body and body[0][0] == header_no + 1:
        sub = body[0][1] + [""] * (width - len(body[0][1]))
        combined = list(headers)
        for first, last in spans:
            for col in range(first, min(last, width - 1) + 1):
                top = headers[first]
                combined[col] = f"{top} {sub[col]}".strip() if sub[col] else top
        for col, value in enumerate(sub):
            if value and not any(f <= col <= la for f, la in spans) and not headers[col]:
                combined[col] = value
        headers = combined
        notes.append(f"rows {header_no} and {header_no + 1} read together as the header")
        body = body[1:]
    data = list(map(_cells, body))
    if min(map(len, data), default=width) < width:
        data = [r + [""] * (width - len(r)) for r in data]
    # Columns empty from top to bottom (a sheet starting in column C) are left out.
    keep = [c for c in range(width) if headers[c] or any(row[c] for row in data)]
    labels = [headers[c] or f"Column {_column_letter(c)}" for c in keep]
    if len(keep) < width:
        data = [[row[c] for c in keep] for row in data]
    return Table(labels, data, list(map(_number, body)), notes=notes)


_number, _cells = itemgetter(0), itemgetter(1)  # of a (line number, cells) row


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_CELL_RE = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


def _cell_position(ref: str) -> tuple[int, int]:
    """(row, zero-based column) of 'B12'."""
    match = _CELL_RE.match(ref.upper())
    if not match:
        raise ValueError(ref)
    col = 0
    for ch in match.group(1):
        col = col * 26 + (ord(ch) - 64)
    return int(match.group(2)), col - 1


def check_xlsx_archive(data: bytes, *, name: str = "file") -> zipfile.ZipFile:
    """Open an .xlsx zip after checking its declared sizes; refuse bombs with a clear error."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileFormatError(
            _(
                "{name} is an old Excel 97-2003 (.xls) or encrypted workbook; save it as .xlsx or CSV"
            ).format(name=name)
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # zipfile raises many kinds (BadZipFile, NotImplementedError, ...)
        raise FileFormatError(
            _("{name} is not an .xlsx workbook (not a valid zip file)").format(name=name)
        ) from exc
    infos = archive.infolist()
    if len(infos) > 10_000:
        raise FileFormatError(
            _("{name} holds {n_infos} parts; refusing a suspicious workbook").format(
                name=name, n_infos=len(infos)
            )
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise FileFormatError(
            _(
                "{name} would unpack to {value} MB (at most {value2} MB); refusing a possible zip bomb"
            ).format(
                name=name, value=total // (1024 * 1024), value2=MAX_UNZIPPED_BYTES // (1024 * 1024)
            )
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise FileFormatError(
                _(
                    "{name}: part {filename} is compressed {value}-fold; refusing a possible zip bomb"
                ).format(
                    name=name,
                    filename=info.filename,
                    value=info.file_size // max(info.compress_size, 1),
                )
            )
    return archive


def _sheet_facts(archive: zipfile.ZipFile, part: str) -> tuple[str | None, list[str]]:
    """The declared <dimension ref> and the <mergeCell ref>s of a sheet, read as a stream."""
    dimension: str | None = None
    merges: list[str] = []
    tail = b""
    dim_re = re.compile(rb'<(?:\w+:)?dimension\s+ref="([^"]{1,40})"')
    merge_re = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([^"]{1,40})"')
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            buf = tail + chunk
            if dimension is None and (m := dim_re.search(buf)):
                dimension = m.group(1).decode("ascii", "replace")
            merges.extend(m.group(1).decode("ascii", "replace") for m in merge_re.finditer(buf))
            # Keep a tail so a tag split across chunks is still seen, but never count it twice.
            cut = max(0, len(buf) - 100)
            last = max((m.end() for m in merge_re.finditer(buf)), default=0)
            tail = buf[max(cut, last) :]
    return dimension, list(dict.fromkeys(merges))


def read_xlsx(data: bytes, *, name: str = "file") -> Table:
    """Read the first sheet of an .xlsx with openpyxl in read-only mode, after the size checks."""
    import openpyxl  # imported here: only .xlsx reading needs it

    archive = check_xlsx_archive(data, name=name)
    if "xl/workbook.xml" not in archive.namelist():
        raise FileFormatError(
            _("{name} has no xl/workbook.xml: not an Excel .xlsx workbook").format(name=name)
        )
    try:
        # Read-only mode parses the workbook's index, not its sheets: rows come as a stream.
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # openpyxl raises many kinds on malformed parts; all mean "damaged"
        raise FileFormatError(
            _("{name} cannot be opened as an .xlsx workbook ({exc})").format(name=name, exc=exc)
        ) from exc
    try:
        if not book.worksheets:
            raise FileFormatError(_("{name} has no worksheet").format(name=name))
        sheet = book.worksheets[0]
        part = getattr(sheet, "_worksheet_path", "")
        if part not in archive.namelist():
            raise FileFormatError(_("{name}: the first sheet's part is missing").format(name=name))
        merged_header = _check_sheet(archive, part, name)
        rows = _xlsx_rows(sheet, name=name)
    finally:
        book.close()
    table = _table_from_rows(rows, name=name, merged_header=merged_header)
    table.encoding = "xlsx"
    if len(book.worksheets) > 1:
        table.notes.append(f"only the first sheet ({sheet.title}) is read")
    return table


def _check_sheet(
    archive: zipfile.ZipFile, part: str, name: str
) -> dict[int, list[tuple[int, int]]]:
    """Refuse an absurd declared extent; return the merged header spans by row."""
    try:
        dimension, merges = _sheet_facts(archive, part)
    except Exception as exc:  # a damaged stream: zlib.error, NotImplementedError, EOFError...
        raise FileFormatError(_("{name} is damaged ({exc})").format(name=name, exc=exc)) from exc
    if dimension and ":" in dimension:
        try:
            (r1, c1), (r2, c2) = (_cell_position(x) for x in dimension.split(":", 1))
        except ValueError:
            r1 = c1 = r2 = c2 = 0
        if r2 - r1 + 1 > MAX_ROWS or c2 - c1 + 1 > MAX_COLUMNS:
            raise FileFormatError(
                _(
                    "{name}: the sheet claims to span {dimension} ({value} rows x {value2} columns; at most {max_rows} x {max_columns}); delete the empty rows and columns or copy the used range to a new sheet"
                ).format(
                    name=name,
                    dimension=dimension,
                    value=r2 - r1 + 1,
                    value2=c2 - c1 + 1,
                    max_rows=MAX_ROWS,
                    max_columns=MAX_COLUMNS,
                )
            )
    merged_header: dict[int, list[tuple[int, int]]] = {}
    for ref in merges:
        try:
            (r1, c1), (r2, c2) = (_cell_position(x) for x in ref.split(":", 1))
        except ValueError:
            continue
        if r1 == r2 and c2 > c1:
            merged_header.setdefault(r1, []).append((c1, c2))
    return merged_header


def _xlsx_rows(sheet: Worksheet | ReadOnlyWorksheet, *, name: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    try:
        # min_row=1: rows keep their sheet numbers even when the data starts lower down.
        for number, values in enumerate(
            # types-openpyxl borrows Worksheet.iter_rows for the read-only sheet, self type too.
            sheet.iter_rows(min_row=1, values_only=True),  # type: ignore[misc]
            start=1,
        ):
            if number > MAX_ROWS:
                raise FileFormatError(
                    _("{name} has more than {max_rows} rows").format(name=name, max_rows=MAX_ROWS)
                )
            cells = [_clean(v) for v in values[:MAX_COLUMNS]]
            while cells and not cells[-1]:
                cells.pop()
            rows.append((number, cells))
    except FileFormatError:
        raise
    except Exception as exc:  # malformed sheet XML surfaces while streaming the rows
        raise FileFormatError(
            _("{name} is a damaged .xlsx workbook ({exc})").format(name=name, exc=exc)
        ) from exc
    return rows
