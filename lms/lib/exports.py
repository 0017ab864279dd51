"""The one writer for every spreadsheet the project hands out (XLSX and CSV).

Every export goes through here so the same rules hold everywhere:

- Streaming: an XLSX is an openpyxl write-only workbook (rows go to a temporary file as they
  are appended, strings are written inline, so memory does not grow with the row count) and is
  served from that file; a CSV is a generator of lines for a StreamingHttpResponse.
- Formula-safe, one rule: text a spreadsheet would run as a formula (it starts with = + - @,
  a tab or a carriage return; `=HYPERLINK(...)` in a person's name) is never a formula. An
  XLSX cell has a type, so such text is written unchanged as an explicit string cell with
  Excel's quote-prefix flag (what Excel stores when someone types a leading apostrophe), and
  a file re-imported reads the very same text. A CSV has no cell types, so there the text gets a
  leading apostrophe, which spreadsheet programs show as plain text.
- Vietnamese headers (the callers pass translated strings), dates dd/mm/yyyy, date-times
  dd/mm/yyyy HH:MM in the site's time zone (Asia/Ho_Chi_Minh), numbers stay numbers, yes/no
  as "Có"/"Không".
- CSV in UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly.

`install_wagtail_export_guard()` applies the same rule to the exports Wagtail itself writes
(site history and page reports, snippet and model listings with ?export=csv/xlsx).
"""

import csv
import datetime
import tempfile
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
BOM = "\ufeff"


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def formula_safe(value):
    """The CSV form of the rule: `value` unchanged unless it is text a spreadsheet would run
    as a formula, which gets a leading apostrophe."""
    return "'" + value if looks_like_formula(value) else value


def _local(moment):
    """An aware date-time in the site's zone, naive (spreadsheets have no time zones)."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(tzinfo=None, microsecond=0)


def _plain(value):
    """Values every format writes the same way: yes/no, lazy translations, None."""
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if value is None or isinstance(value, (str, int, float, Decimal, datetime.date)):
        return value
    return str(value)


# --- XLSX ------------------------------------------------------------------------------------


class XlsxSheet:
    """One write-only sheet: `heading(values)` for a bold row, `row(values)` for data."""

    def __init__(self, worksheet, widths=None, freeze=None):
        self.worksheet = worksheet
        for index, width in enumerate(widths or (), start=1):
            if width:
                from openpyxl.utils import get_column_letter

                worksheet.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            worksheet.freeze_panes = freeze

    def cell(self, value, bold=False):
        """A plain value where openpyxl writes it right by itself (cheapest), a cell object
        where a type, a format or a style must be forced."""
        from openpyxl.cell import WriteOnlyCell

        value = _plain(value)
        cell = None
        if looks_like_formula(value):
            cell = WriteOnlyCell(self.worksheet, value=value)
            cell.data_type = "s"  # text, never a formula
            cell.quotePrefix = True
        elif isinstance(value, datetime.datetime):
            cell = WriteOnlyCell(self.worksheet, value=_local(value))
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell = WriteOnlyCell(self.worksheet, value=value)
            cell.number_format = DATE_FORMAT
        if bold:
            from openpyxl.styles import Alignment, Font, PatternFill

            cell = cell or WriteOnlyCell(self.worksheet, value=value)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return value if cell is None else cell

    def heading(self, values):
        """A heading row: bold on a light fill, wrapped."""
        self.worksheet.append([self.cell(value, bold=True) for value in values])

    def validate_list(self, choices, cells):
        """A drop-down of `choices` on the cell range `cells` (e.g. "A2:A2000")."""
        from openpyxl.worksheet.datavalidation import DataValidation

        validation = DataValidation(
            type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True
        )
        validation.add(cells)
        self.worksheet.data_validations.append(validation)

    def row(self, values):
        self.worksheet.append([self.cell(value) for value in values])

    def rows(self, iterable):
        for values in iterable:
            self.row(values)


class Xlsx:
    """A streaming workbook: add sheets, append rows, then `.response(filename)` or `.bytes()`."""

    def __init__(self):
        from openpyxl import Workbook

        self.workbook = Workbook(write_only=True)

    def sheet(self, title, headings=None, widths=None, freeze=None):
        sheet = XlsxSheet(self.workbook.create_sheet(title=str(title)[:31]), widths, freeze)
        if headings:
            sheet.heading(headings)
        return sheet

    def file(self):
        """The saved workbook in a temporary file (on disk past 1 MB), positioned at 0."""
        spool = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115 - handed to the response, closed when sent
        self.workbook.save(spool)
        spool.seek(0)
        return spool

    def bytes(self):
        with self.file() as spool:
            return spool.read()

    def response(self, filename):
        """A FileResponse streaming the workbook from its temporary file (closed when sent)."""
        return FileResponse(
            self.file(), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
        )


def xlsx_bytes(title, headings, rows, widths=None):
    """A one-sheet workbook (bytes): `headings` in bold, then every row of `rows`."""
    book = Xlsx()
    book.sheet(title, headings, widths).rows(rows)
    return book.bytes()


# --- CSV -------------------------------------------------------------------------------------


def csv_value(value):
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return formula_safe(value)


class _Line:
    def write(self, value):
        return value


def csv_lines(headings, rows):
    """The CSV text line by line: a byte-order mark, the headings, then each row."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([csv_value(h) for h in headings])
    for values in rows:
        yield writer.writerow([csv_value(v) for v in values])


def csv_response(filename, headings, rows):
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(headings, rows)),
        content_type=CSV_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Wagtail's own exports -------------------------------------------------------------------


def install_wagtail_export_guard():
    """Make Wagtail's SpreadsheetExportMixin follow the rule above (idempotent): CSV text cells
    get the apostrophe, XLSX cells are written by XlsxSheet.cell (string cells for formula-like
    text, dates dd/mm/yyyy, date-times in the site's zone), and the CSV starts with a BOM."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_ats_export_guard", False):
        return
    original_preprocess = SpreadsheetExportMixin.preprocess_field_value
    original_stream_csv = SpreadsheetExportMixin.stream_csv

    def preprocess_field_value(self, field, value, export_format):
        processed = original_preprocess(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return (
                csv_value(processed)
                if isinstance(processed, datetime.date)
                else formula_safe(processed)
            )
        if isinstance(value, datetime.datetime) and isinstance(processed, datetime.datetime):
            return value  # aware: XlsxSheet.cell writes it in the site's zone (Wagtail: UTC)
        return processed

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        sheet = XlsxSheet(worksheet)
        for field, value in row_dict.items():
            yield sheet.cell(self.preprocess_field_value(field, value, self.FORMAT_XLSX))

    def stream_csv(self, queryset):
        lines = original_stream_csv(self, queryset)
        first = next(lines, None)
        if first is not None:  # Wagtail yields encoded lines
            yield (BOM.encode() if isinstance(first, bytes) else BOM) + first
        yield from lines

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
    SpreadsheetExportMixin.stream_csv = stream_csv
    SpreadsheetExportMixin._ats_export_guard = True
