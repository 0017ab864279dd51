"""Attack: a small .xlsx that inflates to hundreds of megabytes (a "zip bomb") once unpacked.

Reported: a 400 KB workbook with a shared-strings bomb took 4.4 GB and 45 s in the people
import and in the question Excel import (open to trainers). Reproduced here before the fix: a
1 MB workbook whose xl/sharedStrings.xml inflates to 400 MB of `<si><t>x</t></si>` had not
finished the people import's reading after 15 minutes (above 1.3 GB resident after 2.5 CPU
minutes). The bombs below (about 400 KB each) are now refused by the check both imports make
before openpyxl opens the file (lms/lib/spreadsheets.py): well under 2 s and 200 MB, and
nothing is imported.
"""

import io
import struct
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from lms.lib.spreadsheets import SpreadsheetRefused, check_xlsx
from lms.org.importing import HEADERS, ImportFileError, import_people
from lms.org.models import Person
from quizzes.formats import FormatError, parse
from quizzes.models import Question
from tests.quizzes.test_formats_excel import row as question_row
from tests.quizzes.test_formats_excel import xlsx as question_xlsx

pytestmark = pytest.mark.django_db

SHARED = "xl/sharedStrings.xml"
TIME_LIMIT = 2.0  # seconds
MEMORY_LIMIT = 200 * 1024 * 1024  # bytes, peak of Python allocations during the refusal


def _people_workbook():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    sheet.append(["Nguyễn Thị Mai", "CB001", "ntmai@tphcm.gov.vn", "26734", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _with_shared_strings(base, chunks, declared_size=None):
    """`base` plus a shared-strings table (declared in the package, so openpyxl loads it whole
    on opening, as it does for any workbook Excel saves) holding the strings `chunks` yields.

    With `declared_size`, the archive lies about the member's uncompressed size (local header
    and central directory), as a crafted bomb does to slip past a check of declared sizes.
    """
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/{SHARED}" ContentType="{SST_TYPE}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rId99"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(info.filename, data)
        with target.open(SHARED, "w") as member:
            member.write(
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<si><t>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</t></si>"
            )
            for chunk in chunks:
                member.write(chunk)
            member.write(b"</sst>")
    data = bytearray(out.getvalue())
    if declared_size is not None:
        name = SHARED.encode()
        local = data.find(b"PK\x03\x04")
        while data[local + 30 : local + 30 + len(name)] != name:
            local = data.find(b"PK\x03\x04", local + 4)
        struct.pack_into("<I", data, local + 22, declared_size)
        central = data.find(b"PK\x01\x02")
        while data[central + 46 : central + 46 + len(name)] != name:
            central = data.find(b"PK\x01\x02", central + 4)
        struct.pack_into("<I", data, central + 24, declared_size)
    return bytes(data)


def _many_tiny_strings(total=160 * 1024 * 1024):
    block = b"<si><t>x</t></si>" * 60_000
    for _ in range(total // len(block)):
        yield block


def _one_huge_string(total=300 * 1024 * 1024):
    yield b"<si><t>"
    block = b"A" * (1024 * 1024)
    for _ in range(total // len(block)):
        yield block
    yield b"</t></si>"


@pytest.fixture(scope="module")
def bombs():
    base = _people_workbook()
    return {
        "many-strings": _with_shared_strings(base, _many_tiny_strings()),
        "lying-sizes": _with_shared_strings(base, _many_tiny_strings(), declared_size=40_000),
        "huge-string": _with_shared_strings(base, _one_huge_string()),
    }


def _measure(func):
    """(exception raised or None, seconds, peak bytes): timed alone, then run again under
    tracemalloc (which slows Python down) for the peak of Python allocations."""

    def run():
        try:
            func()
        except (ImportFileError, FormatError) as exc:
            return exc
        return None

    started = time.perf_counter()
    error = run()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return error, elapsed, peak


@pytest.mark.parametrize("kind", ["many-strings", "lying-sizes", "huge-string"])
def test_bomb_is_small_on_disk(bombs, kind):
    assert len(bombs[kind]) < 450 * 1024  # the attack: a few hundred KB uploaded


@pytest.mark.parametrize("kind", ["many-strings", "lying-sizes", "huge-string"])
def test_people_import_refuses_bomb_quickly_and_imports_nobody(bombs, kind, ward_a):
    before = set(Person.objects.values_list("pk", "full_name", "user__email"))
    error, elapsed, peak = _measure(lambda: import_people(io.BytesIO(bombs[kind]), "bom.xlsx"))
    assert isinstance(error, ImportFileError)
    assert "bom.xlsx" in error.message
    assert SHARED in error.message
    assert elapsed < TIME_LIMIT, f"{elapsed:.2f} s"
    assert peak < MEMORY_LIMIT, f"{peak / 2**20:.0f} MB"
    assert set(Person.objects.values_list("pk", "full_name", "user__email")) == before


@pytest.mark.parametrize("kind", ["many-strings", "lying-sizes", "huge-string"])
def test_question_excel_import_refuses_bomb_quickly(bombs, kind):
    error, elapsed, peak = _measure(lambda: parse("excel", bombs[kind], "cau-hoi.xlsx"))
    assert isinstance(error, FormatError)
    text = " ".join(error.messages)
    assert "cau-hoi.xlsx" in text and SHARED in text
    assert elapsed < TIME_LIMIT, f"{elapsed:.2f} s"
    assert peak < MEMORY_LIMIT, f"{peak / 2**20:.0f} MB"


def test_people_upload_of_bomb_shows_the_reason_and_imports_nobody(
    client_for, home_affairs, bombs, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_for(home_affairs)
    before = set(Person.objects.values_list("pk", "full_name", "user__email", "user_id"))
    upload = client.post(
        reverse("nhap-can-bo:upload"),
        {"file": SimpleUploadedFile("bom.xlsx", bombs["many-strings"])},
    )
    assert upload.status_code == 302
    started = time.perf_counter()
    preview = client.get(upload["Location"])
    assert time.perf_counter() - started < TIME_LIMIT
    html = preview.content.decode()
    assert "Không đọc được tệp, chưa có dữ liệu nào được nhập." in html
    assert "bom.xlsx" in html
    assert set(Person.objects.values_list("pk", "full_name", "user__email", "user_id")) == before


def test_trainer_upload_of_bomb_shows_the_reason_and_creates_no_question(
    client_for, trainer, bombs
):
    started = time.perf_counter()
    response = client_for(trainer).post(
        reverse("quizzes_admin:import"),
        {"file": SimpleUploadedFile("cau-hoi.xlsx", bombs["many-strings"]), "format": "excel"},
    )
    assert time.perf_counter() - started < TIME_LIMIT
    html = response.content.decode()
    assert "cau-hoi.xlsx" in html
    assert "chưa câu hỏi nào được nhập" in html
    assert not Question.objects.exists()


# --- the check itself: one rule per limit, each naming the file and what is wrong ------------


def _zip(members, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return io.BytesIO(out.getvalue())


def _refusal(fileobj, name="bang.xlsx"):
    with pytest.raises(SpreadsheetRefused) as caught:
        check_xlsx(fileobj, name)
    assert name in caught.value.message
    return caught.value.message


def test_too_many_members_is_refused_before_the_directory_is_read():
    message = _refusal(_zip({f"xl/media/{i}.bin": b"" for i in range(2000)}))
    assert "2.000" in message


def test_declared_size_over_the_limit_is_refused(bombs):
    message = _refusal(io.BytesIO(bombs["many-strings"]))
    assert SHARED in message


def test_high_compression_ratio_is_refused():
    message = _refusal(_zip({"xl/worksheets/sheet1.xml": b"<a>" + b" " * 20_000_000 + b"</a>"}))
    assert "xl/worksheets/sheet1.xml" in message


def test_too_many_shared_strings_is_refused(settings):
    settings.LMS_SPREADSHEET_LIMITS = {"shared_strings": 1000}
    strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(1001))
    message = _refusal(_zip({SHARED: b"<sst>" + strings + b"</sst>"}))
    assert "1.000" in message


def test_overlong_shared_string_is_refused():
    text = "ạ" * 32_768
    message = _refusal(_zip({SHARED: f"<sst><si><t>{text}</t></si></sst>".encode()}))
    assert "32.767" in message


def test_overlong_text_in_a_sheet_is_refused():
    cell = b"<c t='inlineStr'><is><t>" + "ạ".encode() * 50_000 + b"</t></is></c>"
    message = _refusal(_zip({"xl/worksheets/sheet1.xml": b"<row>" + cell + b"</row>"}))
    assert "xl/worksheets/sheet1.xml" in message


def test_doctype_in_shared_strings_is_refused():
    data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>'
    message = _refusal(_zip({SHARED: data}))
    assert SHARED in message


def test_unknown_compression_method_is_refused():
    message = _refusal(_zip({SHARED: b"<sst/>"}, method=zipfile.ZIP_BZIP2))
    assert SHARED in message


def test_not_a_zip_is_left_to_the_reader_which_says_so():
    assert check_xlsx(io.BytesIO(b"PK\x03\x04 not really a zip"), "hong.xlsx") is None
    with pytest.raises(FormatError) as caught:
        parse("excel", b"PK\x03\x04 not really a zip", "hong.xlsx")
    assert caught.value.messages == ["Tệp không phải là bảng tính Excel .xlsx hợp lệ."]


def test_check_leaves_the_file_at_its_start():
    fileobj = io.BytesIO(_people_workbook())
    fileobj.seek(10)
    check_xlsx(fileobj, "can-bo.xlsx")
    assert fileobj.tell() == 0


def test_question_template_and_a_real_question_sheet_pass():
    from quizzes.formats.excel import template

    check_xlsx(io.BytesIO(template()), "mau.xlsx")
    data = question_xlsx([question_row("Một lựa chọn", "Câu hỏi?", "Có", "Không", answer="A")])
    assert len(parse("excel", data, "cau-hoi.xlsx")) == 1


def test_a_ten_thousand_row_people_file_passes_quickly():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(HEADERS))
    for i in range(10_000):
        sheet.append(
            [
                f"Nguyễn Văn Thành {i}",
                f"CB{i:06d}",
                f"can-bo-{i}@tphcm.gov.vn",
                "26734",
                "Văn phòng HĐND và UBND",
                "Công chức Văn phòng - Thống kê",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    started = time.perf_counter()
    check_xlsx(buffer, "can-bo.xlsx")
    assert time.perf_counter() - started < 1.0
