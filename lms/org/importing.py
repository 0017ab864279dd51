"""People import from CSV or XLSX with Vietnamese headers, all-or-nothing.

The file is read as a stream (CSV line by line; XLSX opened by openpyxl in read-only mode, its
first sheet's XML then streamed cell by cell with expat), every
row is checked against the database catalogue (units, departments, positions, existing people)
loaded once into dictionaries, and only a file without a single bad row is written, in one
transaction with bulk inserts and updates. People are keyed by employee code, so importing the
same file again updates them in place and never duplicates anybody.

Positions (chức danh) that do not exist yet are created: the list is shared by all units and a
new title is not an error of the file. Departments, on the other hand, must already exist in the
row's unit, since a misspelt department would silently split a unit's reports.
"""

import codecs
import csv
import datetime
import itertools
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils.translation import gettext as _

from lms.accounts.email_change import notify_email_changes
from lms.accounts.privilege import privileged_account_ids
from lms.lib.vietnamese import fold_accents, name_sort_key, split_name

from . import roles
from .models import AdministrativeUnit, Department, Person, PersonPosition, Position

# Column headers exactly as the template shows them; matching ignores case, accents and spaces.
COLUMNS = [
    ("full_name", "Họ và tên"),
    ("employee_code", "Mã cán bộ"),
    ("email", "Email"),
    ("unit_code", "Mã đơn vị"),
    ("department", "Phòng ban"),
    ("positions", "Chức danh"),
]
HEADERS = [header for _field, header in COLUMNS]
EXAMPLE_ROW = [
    "Nguyễn Thị Mai",
    "CB000123",
    "ntmai@tphcm.gov.vn",
    "26734",
    "Văn phòng HĐND và UBND",
    "Công chức Văn phòng - Thống kê; Phó Chánh Văn phòng",
]
POSITION_SEPARATOR = ";"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000
BATCH_SIZE = 500
# Keeps every IN (...) list under SQLite's and Oracle's parameter limits.
QUERY_CHUNK = 900

_FIELD_MAX_LENGTH = {
    "full_name": Person._meta.get_field("full_name").max_length,
    "employee_code": Person._meta.get_field("employee_code").max_length,
    "email": 254,
}
_POSITION_MAX_LENGTH = Position._meta.get_field("name").max_length


class ImportFileError(Exception):
    """The file as a whole cannot be read: not CSV/XLSX, empty, missing headers…"""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class RowProblem:
    row: int  # as Excel shows it: the header is row 1
    reasons: list

    def __str__(self):
        return _("Dòng %(row)s: %(reasons)s") % {
            "row": self.row,
            "reasons": "; ".join(self.reasons),
        }


class ImportRejected(Exception):
    """At least one row is bad: nothing was imported."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(
            _("Không nhập được: %(count)s dòng có lỗi, chưa có dữ liệu nào được ghi.")
            % {"count": len(problems)}
        )


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    positions_created: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


class _Row:
    """One valid row, reduced to ids and normalised text (small: 10^5 rows fit easily)."""

    __slots__ = (
        "row",
        "full_name",
        "code",
        "email",
        "unit_id",
        "department_id",
        "position_keys",
        "existing",
    )

    def __init__(self, row, full_name, code, email, unit_id, department_id, position_keys):
        self.row = row
        self.full_name = full_name
        self.code = code
        self.email = email
        self.unit_id = unit_id
        self.department_id = department_id
        self.position_keys = position_keys
        self.existing = None


@dataclass
class ImportPlan:
    """What an import would do, computed without writing anything."""

    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    new_positions: dict = field(default_factory=dict)  # key → name as first written
    to_create: int = 0
    to_update: int = 0
    unchanged: int = 0
    position_ids: dict = field(default_factory=dict)  # key → id of existing positions

    @property
    def ok(self):
        return not self.problems

    @property
    def row_count(self):
        return len(self.rows) + len(self.problems)


# --- Reading ---------------------------------------------------------------------------------


def _key(text):
    """Comparison key tolerant of case, accents, Unicode form and extra spaces."""
    return fold_accents(" ".join(unicodedata.normalize("NFC", text).split())).casefold()


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.strftime("%d/%m/%Y")
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _is_xlsx(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        fileobj.seek(0)
    return "xl/workbook.xml" in names and "[Content_Types].xml" in names


def detect_kind(fileobj, filename=""):
    """'csv' or 'xlsx' from the file's content (the extension only sharpens the message)."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    name = filename or _("tệp tải lên")
    if not head:
        raise ImportFileError(_("Tệp “%(name)s” rỗng: không có dữ liệu nào.") % {"name": name})
    if head.startswith(b"PK\x03\x04"):
        if _is_xlsx(fileobj):
            return "xlsx"
        raise ImportFileError(
            _("Tệp “%(name)s” là tệp nén nhưng không phải bảng tính XLSX hợp lệ.") % {"name": name}
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _(
                "Tệp “%(name)s” là bảng tính Excel 97-2003 (.xls), không được hỗ trợ. "
                "Hãy mở bằng Excel và lưu lại dạng .xlsx hoặc CSV UTF-8."
            )
            % {"name": name}
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            _(
                "Tệp “%(name)s” được lưu với mã hóa UTF-16. Hãy lưu lại dạng "
                "“CSV UTF-8 (Comma delimited)” hoặc .xlsx."
            )
            % {"name": name}
        )
    if filename.lower().endswith(".xlsx"):
        raise ImportFileError(
            _("Tệp “%(name)s” có đuôi .xlsx nhưng nội dung không phải bảng tính XLSX.")
            % {"name": name}
        )
    return "csv"


def _not_csv(name, line):
    return ImportFileError(
        _(
            "Tệp “%(name)s” không phải CSV hay XLSX: nội dung ở dòng %(line)s không phải văn bản "
            "UTF-8. Hãy dùng tệp mẫu, hoặc trong Excel chọn Lưu thành → “CSV UTF-8 (Comma "
            "delimited)”."
        )
        % {"name": name, "line": line}
    )


def _decoded_lines(fileobj, name):
    """Lines of a binary stream decoded strictly as UTF-8 (a leading BOM is dropped)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    number = 0
    for number, raw in enumerate(fileobj, start=1):  # noqa: B007 - used after the loop
        try:
            text = decoder.decode(raw)
        except UnicodeDecodeError as exc:
            raise _not_csv(name, number) from exc
        if "\x00" in text:
            raise _not_csv(name, number)
        yield text
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise _not_csv(name, number) from exc
    if tail:
        yield tail


def _sniff_delimiter(line):
    counts = {delimiter: line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _csv_rows(fileobj, name):
    lines = _decoded_lines(fileobj, name)
    first = next(lines, None)
    if first is None:
        return
    reader = csv.reader(itertools.chain([first], lines), delimiter=_sniff_delimiter(first))
    try:
        # A record may span several lines (quoted line breaks): Excel counts records.
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise ImportFileError(
            _("Tệp “%(name)s” không phải CSV hợp lệ (dòng %(line)s): %(error)s")
            % {"name": name, "line": reader.line_num, "error": exc}
        ) from exc


def _xlsx_rows(fileobj, name):
    import openpyxl

    from lms.lib.spreadsheets import SpreadsheetRefused, check_xlsx

    try:  # a zip bomb is refused before openpyxl inflates anything
        check_xlsx(fileobj, name)
    except SpreadsheetRefused as refused:
        raise ImportFileError(refused.message) from refused
    try:
        workbook = openpyxl.load_workbook(fileobj, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise ImportFileError(
            _("Không đọc được bảng tính “%(name)s”: tệp XLSX bị hỏng hoặc không đúng định dạng.")
            % {"name": name}
        ) from exc
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        # Some tools write a wrong <dimension>; without it openpyxl reads what is there.
        sheet.reset_dimensions()
        try:
            if hasattr(sheet, "_get_source") and hasattr(sheet, "_shared_strings"):
                yield from _fast_sheet_rows(sheet._get_source, sheet._shared_strings)
            else:  # another openpyxl version: its own (slower) row iterator
                yield from enumerate(sheet.iter_rows(values_only=True), start=1)
        except ImportFileError:
            raise
        except Exception as exc:
            raise ImportFileError(
                _("Không đọc được bảng tính “%(name)s”: %(error)s") % {"name": name, "error": exc}
            ) from exc
    finally:
        workbook.close()


def _column_index(reference):
    """0-based column of a cell reference such as "AB12"."""
    index = 0
    for ch in reference:
        if "A" <= ch <= "Z":
            index = index * 26 + (ord(ch) - 64)
        else:
            break
    return index - 1


def _cell_value(kind, text, shared_strings):
    if kind == "s":
        return shared_strings[int(text)]
    if kind in ("inlineStr", "str", "e"):
        return text
    if kind == "b":
        return text == "1"
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)


def _fast_sheet_rows(open_source, shared_strings):
    """(row number, values) of a worksheet's XML, streamed with expat.

    openpyxl opens the workbook, finds the first sheet and reads the shared strings; this loop
    replaces only its per-cell parser, which costs about ten times more for what an import
    needs (text and numbers; dates are not among the columns). Document type declarations are
    refused, so no entity tricks reach the parser.
    """
    from xml.parsers import expat

    rows = []  # filled by the handlers, drained after each chunk
    state = {
        "row": 0,
        "values": [],
        "kind": None,
        "col": -1,
        "text": [],
        "capture": False,
        "in_phonetic": False,
    }

    def start(tag, attrs):
        tag = tag.rpartition(":")[2]
        if tag == "c":
            state["kind"] = attrs.get("t", "n")
            reference = attrs.get("r")
            state["col"] = _column_index(reference) if reference else len(state["values"])
            state["text"] = []
        elif tag in ("v", "t"):
            state["capture"] = not state["in_phonetic"]
        elif tag == "rPh":
            state["in_phonetic"] = True
        elif tag == "row":
            number = attrs.get("r")
            state["row"] = int(number) if number else state["row"] + 1
            state["values"] = []

    def end(tag):
        tag = tag.rpartition(":")[2]
        if tag in ("v", "t"):
            state["capture"] = False
        elif tag == "rPh":
            state["in_phonetic"] = False
        elif tag == "c":
            values, col = state["values"], state["col"]
            if len(values) < col:
                values.extend([None] * (col - len(values)))
            value = _cell_value(state["kind"], "".join(state["text"]), shared_strings)
            if len(values) == col:
                values.append(value)
            else:
                values[col] = value
        elif tag == "row":
            rows.append((state["row"], state["values"]))

    def text(data):
        if state["capture"]:
            state["text"].append(data)

    def refuse_doctype(*args):
        raise ValueError("DOCTYPE")

    parser = expat.ParserCreate(namespace_separator=":")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.buffer_text = True
    source = open_source()
    try:
        while chunk := source.read(64 * 1024):
            parser.Parse(chunk, False)
            # Row numbers come from the sheet itself, so skipped empty rows keep Excel's count.
            yield from rows
            rows.clear()
        parser.Parse(b"", True)
        yield from rows
    finally:
        source.close()


def _match_headers(values, row_number):
    wanted = {_key(header): field_name for field_name, header in COLUMNS}
    positions, duplicates = {}, []
    for index, value in enumerate(values):
        field_name = wanted.get(_key(_text(value)))
        if field_name is None:
            continue  # extra columns (notes, STT…) are ignored
        if field_name in positions:
            duplicates.append(dict(COLUMNS)[field_name])
        positions[field_name] = index
    expected = ", ".join(f"“{header}”" for header in HEADERS)
    if duplicates:
        raise ImportFileError(
            _("Dòng tiêu đề (dòng %(row)s) có cột trùng tên: %(columns)s.")
            % {"row": row_number, "columns": ", ".join(duplicates)}
        )
    missing = [header for field_name, header in COLUMNS if field_name not in positions]
    if missing:
        raise ImportFileError(
            _(
                "Thiếu cột: %(missing)s. Dòng tiêu đề (dòng %(row)s) phải có đủ các cột "
                "%(expected)s; hãy dùng tệp mẫu."
            )
            % {
                "missing": ", ".join(f"“{m}”" for m in missing),
                "row": row_number,
                "expected": expected,
            }
        )
    return positions


def read_table(fileobj, filename=""):
    """Yield (row_number, {field: text}) for every non-empty data row.

    Raises ImportFileError for a file that is not CSV/XLSX, is empty or lacks headers.
    """
    name = filename or _("tệp tải lên")
    kind = detect_kind(fileobj, filename)
    source = _xlsx_rows(fileobj, name) if kind == "xlsx" else _csv_rows(fileobj, name)
    columns = None
    data_rows = 0
    for row_number, values in source:
        if not any(v is not None and v != "" and not str(v).isspace() for v in values):
            continue
        if columns is None:
            columns = _match_headers(values, row_number)
            continue
        data_rows += 1
        if data_rows > MAX_ROWS:
            raise ImportFileError(
                _("Tệp “%(name)s” có hơn %(max)s dòng; hãy chia thành nhiều tệp nhỏ hơn.")
                % {"name": name, "max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        width = len(values)
        yield (
            row_number,
            {
                field_name: (_text(values[index]) if index < width else "")
                for field_name, index in columns.items()
            },
        )
    if columns is None:
        raise ImportFileError(
            _("Tệp “%(name)s” rỗng: không có dòng tiêu đề và dữ liệu.") % {"name": name}
        )
    if not data_rows:
        raise ImportFileError(
            _("Tệp “%(name)s” chỉ có dòng tiêu đề, không có cán bộ nào.") % {"name": name}
        )


# --- Validating ------------------------------------------------------------------------------


def _chunks(items, size=QUERY_CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _unit_lookup_key(code):
    """Official codes are numbers; Excel may drop or add leading zeros."""
    return str(int(code)) if code.isdigit() else code.upper()


class _Catalogue:
    """Units, departments and positions loaded once (a few thousand rows at most)."""

    def __init__(self, user=None):
        self.units = {}
        for unit_id, code, name, is_active in AdministrativeUnit.objects.values_list(
            "id", "code", "name", "is_active"
        ):
            self.units[_unit_lookup_key(code)] = (unit_id, name, is_active)
        self.visible_unit_ids = None
        if user is not None:
            from .access import visible_units

            self.visible_unit_ids = set(visible_units(user).values_list("id", flat=True))
        self.departments = {
            (unit_id, _key(name)): (dept_id, is_active)
            for dept_id, unit_id, name, is_active in Department.objects.values_list(
                "id", "unit_id", "name", "is_active"
            )
        }
        self.positions = {_key(name): pk for pk, name in Position.objects.values_list("id", "name")}


def _parse_row(row_number, values, catalogue, plan, seen_codes):
    """Check one row on its own and against the catalogue; return a _Row or reasons."""
    reasons = []
    full_name = values["full_name"]
    code = values["employee_code"]
    email = values["email"]
    unit_code = values["unit_code"]

    if not full_name:
        reasons.append(_("thiếu họ và tên"))
    elif len(full_name) > _FIELD_MAX_LENGTH["full_name"]:
        reasons.append(
            _("họ và tên dài quá %(max)s ký tự") % {"max": _FIELD_MAX_LENGTH["full_name"]}
        )

    if not code:
        reasons.append(_("thiếu mã cán bộ"))
    elif len(code) > _FIELD_MAX_LENGTH["employee_code"]:
        reasons.append(
            _("mã cán bộ dài quá %(max)s ký tự") % {"max": _FIELD_MAX_LENGTH["employee_code"]}
        )
    elif " " in code:
        reasons.append(_("mã cán bộ “%(code)s” có khoảng trắng") % {"code": code})
    else:
        first_row = seen_codes.get(code.casefold())
        if first_row is not None:
            reasons.append(
                _("mã cán bộ “%(code)s” trùng với dòng %(row)s") % {"code": code, "row": first_row}
            )
        else:
            seen_codes[code.casefold()] = row_number

    if email:
        try:
            validate_email(email)
            if len(email) > _FIELD_MAX_LENGTH["email"]:
                raise ValidationError("too long")
        except ValidationError:
            reasons.append(_("email “%(email)s” không hợp lệ") % {"email": email})
        else:
            local, _at, domain = email.rpartition("@")
            email = f"{local}@{domain.lower()}"

    unit_id = None
    if not unit_code:
        reasons.append(_("thiếu mã đơn vị"))
    else:
        unit = catalogue.units.get(_unit_lookup_key(unit_code))
        if unit is None:
            reasons.append(_("mã đơn vị “%(code)s” không tồn tại") % {"code": unit_code})
        elif catalogue.visible_unit_ids is not None and unit[0] not in catalogue.visible_unit_ids:
            reasons.append(
                _("đơn vị “%(code)s” ngoài phạm vi quản lý của bạn") % {"code": unit_code}
            )
        elif not unit[2]:
            reasons.append(
                _("đơn vị “%(code)s – %(name)s” đã ngừng hoạt động")
                % {"code": unit_code, "name": unit[1]}
            )
        else:
            unit_id = unit[0]

    department_id = None
    department = values["department"]
    if department and unit_id is not None:
        found = catalogue.departments.get((unit_id, _key(department)))
        if found is None:
            reasons.append(
                _("phòng ban “%(department)s” không có trong đơn vị “%(unit)s”")
                % {"department": department, "unit": unit_code}
            )
        elif not found[1]:
            reasons.append(
                _("phòng ban “%(department)s” đã ngừng hoạt động") % {"department": department}
            )
        else:
            department_id = found[0]

    position_keys = []
    for name in values["positions"].split(POSITION_SEPARATOR):
        name = " ".join(name.split())
        if not name:
            continue
        if len(name) > _POSITION_MAX_LENGTH:
            reasons.append(
                _("chức danh “%(name)s…” dài quá %(max)s ký tự")
                % {"name": name[:30], "max": _POSITION_MAX_LENGTH}
            )
            continue
        key = _key(name)
        if key in position_keys:
            continue
        position_keys.append(key)
        if key not in catalogue.positions and key not in plan.new_positions:
            plan.new_positions[key] = name

    if reasons:
        return None, reasons
    return _Row(
        row_number, full_name, code, email, unit_id, department_id, tuple(position_keys)
    ), []


def _load_existing(plan, catalogue):
    """Fetch the people and accounts the file talks about, in chunks; check them."""
    User = get_user_model()
    by_code = {row.code: row for row in plan.rows}
    for codes in _chunks(by_code):
        people = Person.objects.filter(employee_code__in=codes).values_list(
            "id",
            "employee_code",
            "full_name",
            "user__email",
            "unit_id",
            "department_id",
            "user_id",
        )
        found = {}
        for pk, code, full_name, email, unit_id, department_id, user_id in people:
            found[pk] = by_code[code]
            by_code[code].existing = {
                "id": pk,
                "full_name": full_name,
                "email": email,
                "unit_id": unit_id,
                "department_id": department_id,
                "user_id": user_id,
                "positions": [],
            }
        held = PersonPosition.objects.filter(person_id__in=list(found)).order_by(
            "-is_primary", "position_id"
        )
        for person_id, position_id in held.values_list("person_id", "position_id"):
            found[person_id].existing["positions"].append(position_id)

    # Accounts are named after the lower-cased code. An account that already exists is never
    # taken over: neither another person's (a code differing only in case) nor one without a
    # person record (a `createsuperuser` account, an account made by hand).
    by_username = {row.code.lower(): row for row in plan.rows if row.existing is None}
    for usernames in _chunks(by_username):
        accounts = User.objects.filter(username__in=usernames).values_list(
            "username", "person__employee_code"
        )
        for username, other_code in accounts:
            row = by_username[username]
            if other_code is None:
                reason = _(
                    "mã cán bộ “%(code)s”: tên đăng nhập “%(username)s” đã có tài khoản "
                    "(không gắn với cán bộ nào); không gắn cán bộ vào tài khoản có sẵn, hãy "
                    "dùng mã khác hoặc nhờ quản trị viên xử lý tài khoản đó"
                ) % {"code": row.code, "username": username}
            else:
                reason = _("tên đăng nhập “%(username)s” đã thuộc về cán bộ có mã “%(other)s”") % {
                    "username": username,
                    "other": other_code,
                }
            plan.problems.append(RowProblem(row.row, [reason]))
            row.existing = False  # marks the row as rejected below

    # People management never changes the e-mail of a privileged account (superuser, staff,
    # staff role): that would let whoever imports redirect its password reset.
    email_changes = {
        row.existing["user_id"]: row
        for row in plan.rows
        if row.existing and row.existing["email"] != row.email
    }
    for user_id in privileged_account_ids(email_changes):
        row = email_changes[user_id]
        plan.problems.append(
            RowProblem(
                row.row,
                [
                    _(
                        "mã cán bộ “%(code)s” là tài khoản có quyền quản trị hoặc vai trò "
                        "nghiệp vụ (giảng viên, phụ trách đơn vị, Sở Nội vụ, quản trị): không "
                        "đổi được email qua nhập danh sách; giữ nguyên email hiện tại hoặc nhờ "
                        "quản trị viên đổi trong mục Người dùng"
                    )
                    % {"code": row.code}
                ],
            )
        )

    problem_rows = {p.row for p in plan.problems}
    kept = []
    for row in plan.rows:
        if row.row in problem_rows:
            continue
        existing = row.existing
        if (
            existing
            and catalogue.visible_unit_ids is not None
            and existing["unit_id"] not in catalogue.visible_unit_ids
        ):
            plan.problems.append(
                RowProblem(
                    row.row,
                    [
                        _(
                            "mã cán bộ “%(code)s” đã thuộc về một cán bộ ngoài phạm vi quản lý của bạn"
                        )
                        % {"code": row.code}
                    ],
                )
            )
            continue
        kept.append(row)
    plan.rows = kept


def _wanted_positions(row, position_ids):
    return [position_ids[key] for key in row.position_keys]


def _is_unchanged(row, position_ids):
    existing = row.existing
    return (
        existing["full_name"] == row.full_name
        and existing["email"] == row.email
        and existing["unit_id"] == row.unit_id
        and existing["department_id"] == row.department_id
        and (None not in (ids := [position_ids.get(k) for k in row.position_keys]))
        and existing["positions"][:1] == ids[:1]
        and sorted(existing["positions"]) == sorted(ids)
    )


def validate_rows(numbered_rows, user=None, progress=None):
    """Check every row; return an ImportPlan (nothing is written).

    `user` restricts rows to the units they may see (None: a command run by an operator).
    """
    catalogue = _Catalogue(user)
    plan = ImportPlan(position_ids=dict(catalogue.positions))
    seen_codes = {}
    for count, (row_number, values) in enumerate(numbered_rows, start=1):
        row, reasons = _parse_row(row_number, values, catalogue, plan, seen_codes)
        if reasons:
            plan.problems.append(RowProblem(row_number, reasons))
        else:
            plan.rows.append(row)
        if progress and count % 1000 == 0:
            progress("read", count, None)
    _load_existing(plan, catalogue)
    plan.problems.sort(key=lambda problem: problem.row)
    for row in plan.rows:
        if row.existing is None:
            plan.to_create += 1
        elif _is_unchanged(row, plan.position_ids):
            plan.unchanged += 1
        else:
            plan.to_update += 1
    return plan


def plan_import(fileobj, filename="", user=None, progress=None):
    """Read and validate a file. Raises ImportFileError; returns an ImportPlan."""
    return validate_rows(read_table(fileobj, filename), user=user, progress=progress)


# --- Writing ---------------------------------------------------------------------------------


def _unusable_password():
    # What make_password(None) stores, without its slow per-character random choice.
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(20)


def _name_parts(full_name):
    family, middle, given = split_name(full_name)
    return given[:150], " ".join(part for part in (family, middle) if part)[:150]


@transaction.atomic
def apply_plan(plan, progress=None):
    """Write a valid plan in one transaction. Returns an ImportResult."""
    if not plan.ok:
        raise ImportRejected(plan.problems)
    User = get_user_model()
    result = ImportResult(unchanged=plan.unchanged)
    position_ids = plan.position_ids

    if plan.new_positions:
        Position.objects.bulk_create(
            [Position(name=name) for name in plan.new_positions.values()],
            batch_size=BATCH_SIZE,
            ignore_conflicts=True,
        )
        names = list(plan.new_positions.values())
        for chunk in _chunks(names):
            for pk, name in Position.objects.filter(name__in=chunk).values_list("id", "name"):
                position_ids[_key(name)] = pk
        result.positions_created = len(plan.new_positions)

    learners = roles.group_for(roles.LEARNER)
    total = len(plan.rows)
    done = 0
    for batch in _chunks(plan.rows, BATCH_SIZE):
        new_rows = [row for row in batch if row.existing is None]
        changed_rows = [
            row
            for row in batch
            if row.existing is not None and not _is_unchanged(row, position_ids)
        ]
        _create_people(new_rows, learners, position_ids, User)
        _update_people(changed_rows, position_ids, User)
        result.created += len(new_rows)
        result.updated += len(changed_rows)
        done += len(batch)
        if progress:
            progress("write", done, total)
    return result


def _insert_links(model, field_names, values):
    """Multi-row INSERT for a plain link table (ids and flags, no defaults, no signals).

    bulk_create spends most of an import building model instances for these rows; a
    parameterised INSERT … VALUES (…), (…) does the same in a fraction of the time on
    SQLite and PostgreSQL alike.
    """
    if not values:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in field_names)
    placeholder = "(" + ", ".join(["%s"] * len(field_names)) + ")"
    per_statement = max(1, 999 // len(field_names))  # SQLite's classic parameter limit
    with connection.cursor() as cursor:
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 - names from _meta
                + ", ".join([placeholder] * len(chunk)),
                [value for row in chunk for value in row],
            )


def _create_people(rows, learners, position_ids, User):
    if not rows:
        return
    users = []
    for row in rows:
        given, family = _name_parts(row.full_name)
        # An unusable password: the person sets one through "Quên mật khẩu" (first login).
        users.append(
            User(
                username=row.code.lower(),
                email=row.email,
                first_name=given,
                last_name=family,
                password=_unusable_password(),
                is_active=True,
            )
        )
    User.objects.bulk_create(users, batch_size=BATCH_SIZE)
    user_ids = {user.username: user.pk for user in users}
    if any(pk is None for pk in user_ids.values()):  # backends that cannot return ids
        user_ids = dict(
            User.objects.filter(username__in=list(user_ids)).values_list("username", "id")
        )
    _insert_links(
        User.groups.through, ["user", "group"], [(user_ids[u.username], learners.pk) for u in users]
    )
    people = [
        Person(
            user_id=user_ids[row.code.lower()],
            full_name=row.full_name,
            name_sort_key=name_sort_key(row.full_name),
            employee_code=row.code,
            unit_id=row.unit_id,
            department_id=row.department_id,
            is_active=True,
        )
        for row in rows
    ]
    Person.objects.bulk_create(people)
    if any(person.pk is None for person in people):
        ids = dict(
            Person.objects.filter(employee_code__in=[row.code for row in rows]).values_list(
                "employee_code", "id"
            )
        )
        for person in people:
            person.pk = ids[person.employee_code]
    _insert_links(
        PersonPosition,
        ["person", "position", "is_primary"],
        [
            (person.pk, position_id, index == 0)
            for person, row in zip(people, rows, strict=True)
            for index, position_id in enumerate(_wanted_positions(row, position_ids))
        ],
    )


def _update_people(rows, position_ids, User):
    if not rows:
        return
    people, users, reposition = [], [], []
    for row in rows:
        existing = row.existing
        people.append(
            Person(
                id=existing["id"],
                full_name=row.full_name,
                name_sort_key=name_sort_key(row.full_name),
                unit_id=row.unit_id,
                department_id=row.department_id,
            )
        )
        given, family = _name_parts(row.full_name)
        users.append(
            User(id=existing["user_id"], email=row.email, first_name=given, last_name=family)
        )
        wanted = _wanted_positions(row, position_ids)
        if existing["positions"][:1] != wanted[:1] or sorted(existing["positions"]) != sorted(
            wanted
        ):
            reposition.append((existing["id"], wanted))
    Person.objects.bulk_update(people, ["full_name", "name_sort_key", "unit", "department"])
    User.objects.bulk_update(users, ["email", "first_name", "last_name"])
    # bulk_update skips User.save(), which tells the old address of an e-mail change.
    notify_email_changes(
        (row.existing["user_id"], row.existing["email"], row.email)
        for row in rows
        if row.existing["email"] != row.email
    )
    if reposition:
        PersonPosition.objects.filter(person_id__in=[pk for pk, _w in reposition]).delete()
        _insert_links(
            PersonPosition,
            ["person", "position", "is_primary"],
            [
                (pk, position_id, index == 0)
                for pk, wanted in reposition
                for index, position_id in enumerate(wanted)
            ],
        )


def import_people(fileobj, filename="", user=None, progress=None):
    """Read, validate and, if every row is good, write. All-or-nothing.

    Raises ImportFileError (unreadable file) or ImportRejected (bad rows, with every problem).
    """
    plan = plan_import(fileobj, filename, user=user, progress=progress)
    if not plan.ok:
        raise ImportRejected(plan.problems)
    return apply_plan(plan, progress=progress)


# --- Template --------------------------------------------------------------------------------


def template_workbook():
    """An XLSX with the headers, one example row and a sheet of instructions (bytes), written
    by the project's export writer (lms.lib.exports)."""
    from lms.lib.exports import Xlsx

    book = Xlsx()
    sheet = book.sheet("Cán bộ", HEADERS, widths=(28, 14, 28, 12, 30, 50), freeze="A2")
    sheet.row(EXAMPLE_ROW)
    notes = book.sheet("Hướng dẫn", widths=(110,))
    for line in (
        "Dòng 1 là dòng tiêu đề: giữ nguyên 6 cột. Mỗi dòng sau là một cán bộ.",
        "Mã cán bộ: bắt buộc, không trùng; tên đăng nhập là mã cán bộ viết thường.",
        "Mã đơn vị: mã phường/xã chính thức (ví dụ 26734) hoặc mã cơ quan (ví dụ SNV).",
        "Phòng ban: phải có sẵn trong đơn vị; để trống nếu không thuộc phòng ban nào.",
        "Chức danh: nhiều chức danh (kiêm nhiệm) cách nhau bởi dấu ;, chức danh đầu tiên là "
        "chức danh chính. Chức danh chưa có sẽ được tạo mới.",
        "Nhập lại cùng tệp sẽ cập nhật thông tin, không tạo trùng. Nếu có dòng lỗi thì không "
        "dòng nào được nhập.",
    ):
        notes.row([line])
    return book.bytes()
