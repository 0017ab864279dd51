"""The staff "Ghi danh" admin: scoped list, filters, search, XLSX export, query counts, changing a
due date and removing an assigned enrolment (issue 3)."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import Enrolment, ModuleProgress
from tests.factories import DepartmentFactory, PersonFactory

LIST_URL = "/admin/ghi-danh/"


def due_url(enrolment):
    return f"/admin/ghi-danh/{enrolment.pk}/doi-han/"


def remove_url(enrolment):
    return f"/admin/ghi-danh/{enrolment.pk}/go/"


def enrol(person_or_user, course, *, source="assigned", due=None, completed=False):
    user = getattr(person_or_user, "user", person_or_user)
    person = user.person
    return Enrolment.objects.create(
        user=user,
        course=course,
        source=source,
        due_date=due,
        unit_id=person.unit_id,
        department_id=person.department_id,
        tracks="A",
        completed_at=timezone.now() if completed else None,
    )


def complete(user, module):
    return ModuleProgress.objects.create(
        user=user,
        module=module,
        status=ModuleProgress.Status.COMPLETED,
        source=ModuleProgress.Source.VIEWED,
        completed_at=timezone.now(),
    )


def names_in(html, names):
    """The given names in the order they appear in `html` (those that appear)."""
    found = [(html.find(n), n) for n in names if n in html]
    return [n for _, n in sorted(found)]


def sheet_rows(response):
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(BytesIO(response.getvalue())).active  # streamed (FileResponse)
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.fixture
def two_wards(course, learner, learner_b):
    """An assigned enrolment in each ward: Nguyễn Thị Mai (A) and Trần Văn Bảo (B)."""
    today = timezone.localdate()
    return (
        enrol(learner, course, due=today + timedelta(days=30)),
        enrol(learner_b, course, due=today + timedelta(days=30)),
    )


# --- Scope ------------------------------------------------------------------------------------


def test_unit_manager_sees_only_own_ward(client_for, manager_a, manager_b, two_wards):
    html_a = client_for(manager_a).get(LIST_URL).content.decode()
    assert "Nguyễn Thị Mai" in html_a and "Trần Văn Bảo" not in html_a
    assert "1 lượt ghi danh." in html_a
    html_b = client_for(manager_b).get(LIST_URL).content.decode()
    assert "Trần Văn Bảo" in html_b and "Nguyễn Thị Mai" not in html_b
    assert "1 lượt ghi danh." in html_b


@pytest.mark.parametrize("persona", ["home_affairs", "admin_user"])
def test_home_affairs_and_administrators_see_every_ward(request, client_for, persona, two_wards):
    html = client_for(request.getfixturevalue(persona)).get(LIST_URL).content.decode()
    assert "Nguyễn Thị Mai" in html and "Trần Văn Bảo" in html
    assert "2 lượt ghi danh." in html


def test_unit_manager_cannot_filter_by_another_ward(client_for, manager_a, ward_b, two_wards):
    response = client_for(manager_a).get(LIST_URL, {"unit": ward_b.pk})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Đơn vị không tồn tại hoặc ngoài phạm vi bạn quản lý." in html
    assert "Trần Văn Bảo" not in html and "Nguyễn Thị Mai" not in html


def test_filter_choices_offer_only_visible_units_and_departments(
    client_for, manager_a, ward_a, ward_b, two_wards
):
    DepartmentFactory(unit=ward_b, name="Phòng riêng của phường B")
    html = client_for(manager_a).get(LIST_URL).content.decode()
    assert "Phường Sài Gòn" in html
    assert "Phường Chợ Lớn" not in html
    assert "Phòng riêng của phường B" not in html


def test_unit_manager_export_holds_only_own_ward(client_for, manager_a, two_wards):
    rows = sheet_rows(client_for(manager_a).get(LIST_URL, {"export": "xlsx"}))
    assert rows[0][0] == "Họ và tên"
    assert [r[0] for r in rows[1:]] == ["Nguyễn Thị Mai"]


def test_trainer_is_refused_and_not_shown_the_menu(client_for, trainer, two_wards):
    client = client_for(trainer)
    response = client.get(LIST_URL)
    assert response.status_code == 403
    assert "Chỉ Sở Nội vụ và cán bộ phụ trách đơn vị được quản lý ghi danh." in (
        response.content.decode()
    )
    assert client.get(LIST_URL, {"export": "xlsx"}).status_code == 403
    assert client.post(remove_url(two_wards[0])).status_code == 403
    assert Enrolment.objects.count() == 2
    assert LIST_URL not in client.get("/admin/").content.decode()


def test_learner_and_anonymous_are_sent_to_login(client, client_for, learner, two_wards):
    for c in (client, client_for(learner)):
        for response in (c.get(LIST_URL), c.post(remove_url(two_wards[0]))):
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Enrolment.objects.count() == 2


def test_menu_groups_enrolments_and_assignment_for_managers(client_for, manager_a):
    html = client_for(manager_a).get("/admin/").content.decode()
    assert LIST_URL in html and "/admin/khoa-hoc/giao/" in html


# --- List content, sorting, filters, search -------------------------------------------------------


def test_rows_show_unit_department_source_dates_overdue_and_progress(
    client_for, home_affairs, ward_a, make_course
):
    course = make_course(3, tracks_of={3: "C"})  # module 3 is for leaders only
    modules = list(course.modules())
    department = DepartmentFactory(unit=ward_a, name="Phòng Văn hóa - Xã hội")
    person = PersonFactory(unit=ward_a, department=department, full_name="Lý Thị Thu")
    overdue_day = timezone.localdate() - timedelta(days=3)
    enrolment = enrol(person, course, due=overdue_day)
    complete(person.user, modules[0])
    complete(person.user, modules[2])  # done, but not required for track A: not counted
    html = client_for(home_affairs).get(LIST_URL).content.decode()
    assert "Phòng Văn hóa - Xã hội" in html and "Phường Sài Gòn" in html
    assert "Được giao" in html
    assert overdue_day.strftime("%d/%m/%Y") in html
    assert (
        enrolment.enrolled_at.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y")
        in html
    )
    assert "<td>1/2</td>" in html
    assert '<strong class="w-status w-status--label">Quá hạn</strong>' in html


def test_learners_are_sorted_the_vietnamese_way(client_for, home_affairs, ward_a, course):
    names = ["Đỗ Văn Đức", "Nguyễn Văn Dũng", "Bùi Thị Ánh", "Trần Thị Anh"]
    for name in names:
        enrol(PersonFactory(unit=ward_a, full_name=name), course)
    html = client_for(home_affairs).get(LIST_URL).content.decode()
    # By given name, then family name: Anh < Ánh < Dũng < Đức (not by code point).
    assert names_in(html, names) == [
        "Trần Thị Anh",
        "Bùi Thị Ánh",
        "Nguyễn Văn Dũng",
        "Đỗ Văn Đức",
    ]


@pytest.fixture
def four_states(ward_a, course):
    """One enrolment per state in ward A, named after it."""
    today = timezone.localdate()
    module = next(iter(course.modules()))
    not_started = PersonFactory(unit=ward_a, full_name="Chưa Học Một")
    started = PersonFactory(unit=ward_a, full_name="Đang Học Hai")
    finished = PersonFactory(unit=ward_a, full_name="Hoàn Thành Ba")
    late = PersonFactory(unit=ward_a, full_name="Quá Hạn Bốn")
    enrol(not_started, course, due=today + timedelta(days=5))
    enrol(started, course, due=today + timedelta(days=5))
    complete(started.user, module)
    enrol(finished, course, due=today - timedelta(days=5), completed=True)
    enrol(late, course, due=today - timedelta(days=1))
    return ["Chưa Học Một", "Đang Học Hai", "Hoàn Thành Ba", "Quá Hạn Bốn"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("chua-hoc", {"Chưa Học Một", "Quá Hạn Bốn"}),
        ("dang-hoc", {"Đang Học Hai"}),
        ("hoan-thanh", {"Hoàn Thành Ba"}),
        ("qua-han", {"Quá Hạn Bốn"}),
    ],
)
def test_status_filter(client_for, manager_a, four_states, status, expected):
    html = client_for(manager_a).get(LIST_URL, {"status": status}).content.decode()
    assert set(names_in(html, four_states)) == expected


def test_bad_status_is_a_vietnamese_error(client_for, manager_a, four_states):
    response = client_for(manager_a).get(LIST_URL, {"status": "xyz"})
    assert response.status_code == 400
    assert "Tình trạng không hợp lệ." in response.content.decode()


def test_filter_by_course_and_department(client_for, home_affairs, ward_a, make_course):
    first = make_course(1, slug="mot", title="Khóa Một")
    second = make_course(1, slug="hai", title="Khóa Hai")
    office = DepartmentFactory(unit=ward_a, name="Văn phòng HĐND và UBND")
    economy = DepartmentFactory(unit=ward_a, name="Phòng Kinh tế")
    in_office = PersonFactory(unit=ward_a, department=office, full_name="Mai Văn Phòng")
    in_economy = PersonFactory(unit=ward_a, department=economy, full_name="Hồ Thị Kinh")
    enrol(in_office, first)
    enrol(in_economy, second)
    client = client_for(home_affairs)
    html = client.get(LIST_URL, {"course": first.pk}).content.decode()
    assert names_in(html, ["Mai Văn Phòng", "Hồ Thị Kinh"]) == ["Mai Văn Phòng"]
    html = client.get(LIST_URL, {"department": "Phòng Kinh tế"}).content.decode()
    assert names_in(html, ["Mai Văn Phòng", "Hồ Thị Kinh"]) == ["Hồ Thị Kinh"]


def test_search_ignores_accents_and_finds_employee_code(client_for, manager_a, ward_a, course):
    dung = PersonFactory(unit=ward_a, full_name="Nguyễn Văn Dũng", employee_code="CB-77")
    enrol(dung, course)
    enrol(PersonFactory(unit=ward_a, full_name="Trần Thị Lan"), course)
    client = client_for(manager_a)
    html = client.get(LIST_URL, {"q": "dung nguyen"}).content.decode()
    assert names_in(html, ["Nguyễn Văn Dũng", "Trần Thị Lan"]) == ["Nguyễn Văn Dũng"]
    html = client.get(LIST_URL, {"q": "cb-77"}).content.decode()
    assert names_in(html, ["Nguyễn Văn Dũng", "Trần Thị Lan"]) == ["Nguyễn Văn Dũng"]


def test_export_follows_the_filters(client_for, manager_a, four_states):
    rows = sheet_rows(client_for(manager_a).get(LIST_URL, {"status": "qua-han", "export": "xlsx"}))
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Họ và tên"] == "Quá Hạn Bốn"
    assert row["Quá hạn"] == "Có" and row["Hình thức"] == "Được giao"
    assert row["Bài bắt buộc đã xong"] == 0 and row["Số bài bắt buộc"] == 3
    assert row["Hạn hoàn thành"].date() == timezone.localdate() - timedelta(days=1)


def test_export_never_writes_a_formula(client_for, home_affairs, ward_a, course):
    enrol(PersonFactory(unit=ward_a, full_name="=HYPERLINK(1)"), course)
    rows = sheet_rows(client_for(home_affairs).get(LIST_URL, {"export": "xlsx"}))
    assert rows[1][0] == "=HYPERLINK(1)"
    sheet = load_workbook(
        BytesIO(client_for(home_affairs).get(LIST_URL, {"export": "xlsx"}).getvalue())
    ).active
    assert sheet["A2"].data_type == "s"


def test_list_is_paginated(client_for, manager_a, ward_a, course):
    for i in range(55):
        enrol(PersonFactory(unit=ward_a, full_name=f"Học Viên {i:02d}"), course)
    client = client_for(manager_a)
    first = client.get(LIST_URL).content.decode()
    second = client.get(LIST_URL, {"p": 2}).content.decode()
    assert "55 lượt ghi danh." in first and "Trang 1/2" in first and "p=2" in first
    assert first.count('<th scope="row">Học Viên') == 50
    assert second.count('<th scope="row">Học Viên') == 5


# --- Query counts -------------------------------------------------------------------------------


def _populate(unit, course, count):
    departments = [DepartmentFactory(unit=unit, name=f"Phòng {i}") for i in range(3)]
    modules = list(course.modules())
    for i in range(count):
        person = PersonFactory(unit=unit, department=departments[i % 3])
        enrol(person, course, due=timezone.localdate() + timedelta(days=i % 7 - 3))
        for module in modules[: i % (len(modules) + 1)]:
            complete(person.user, module)


@pytest.mark.parametrize("persona", ["manager_a", "home_affairs"])
def test_list_and_export_cost_the_same_for_10_and_200_enrolments(
    request, client_for, ward_a, course, persona
):
    client = client_for(request.getfixturevalue(persona))
    counts = {"list": [], "export": []}
    for total in (10, 200):
        _populate(ward_a, course, total - Enrolment.objects.count())
        client.get(LIST_URL)  # warm caches (content types, site)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(LIST_URL).content.decode()
        counts["list"].append(len(queries))
        assert f"{total} lượt ghi danh." in html
        with CaptureQueriesContext(connection) as queries:
            rows = sheet_rows(client.get(LIST_URL, {"export": "xlsx"}))
        counts["export"].append(len(queries))
        assert len(rows) == total + 1
    assert counts["list"][0] == counts["list"][1], counts
    assert counts["export"][0] == counts["export"][1], counts
    # Session, user, permissions, roles, scope, filter choices, count, rows, modules, progress.
    assert counts["list"][1] <= 17, counts
    assert counts["export"][1] <= 12, counts


def test_progress_counts_match_per_row_truth(client_for, home_affairs, ward_a, course):
    _populate(ward_a, course, 12)
    rows = sheet_rows(client_for(home_affairs).get(LIST_URL, {"export": "xlsx"}))
    header = rows[0]
    done_col = header.index("Bài bắt buộc đã xong")
    code_col = header.index("Mã cán bộ")
    module_ids = [m.pk for m in course.modules()]
    for row in rows[1:]:
        user_id = Enrolment.objects.get(user__person__employee_code=row[code_col]).user_id
        truth = ModuleProgress.objects.filter(user_id=user_id, module_id__in=module_ids).count()
        assert row[done_col] == truth


# --- Changing a due date ------------------------------------------------------------------------


def test_manager_changes_a_due_date(client_for, manager_a, two_wards):
    enrolment = two_wards[0]
    client = client_for(manager_a)
    page = client.get(due_url(enrolment)).content.decode()
    assert "Nguyễn Thị Mai" in page and 'name="csrfmiddlewaretoken"' in page
    new_due = timezone.localdate() + timedelta(days=60)
    response = client.post(
        due_url(enrolment), {"due_date": new_due.strftime("%d/%m/%Y")}, follow=True
    )
    enrolment.refresh_from_db()
    assert enrolment.due_date == new_due
    assert (
        f"Đã đổi hạn hoàn thành khóa “Khóa học thử nghiệm” của Nguyễn Thị Mai thành "
        f"{new_due:%d/%m/%Y}." in response.content.decode()
    )


def test_due_date_of_another_ward_is_404(client_for, manager_b, two_wards):
    enrolment = two_wards[0]
    before = enrolment.due_date
    client = client_for(manager_b)
    assert client.get(due_url(enrolment)).status_code == 404
    response = client.post(due_url(enrolment), {"due_date": "31/12/2099"})
    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.due_date == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/02/2099", "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026."),
        ("01/01/2020", "Hạn hoàn thành không được ở trong quá khứ."),
        ("", "Hãy nhập hạn hoàn thành."),
    ],
)
def test_bad_due_date_is_refused_with_a_message(client_for, manager_a, two_wards, value, message):
    enrolment = two_wards[0]
    before = enrolment.due_date
    response = client_for(manager_a).post(due_url(enrolment), {"due_date": value})
    assert response.status_code == 400
    assert message in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.due_date == before


def test_due_date_of_completed_enrolment_is_kept(client_for, manager_a, learner, course):
    enrolment = enrol(learner, course, due=timezone.localdate(), completed=True)
    response = client_for(manager_a).post(
        due_url(enrolment), {"due_date": "31/12/2099"}, follow=True
    )
    assert "đã hoàn thành khóa “Khóa học thử nghiệm”" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.due_date == timezone.localdate()


def test_due_date_post_needs_csrf(manager_a, two_wards):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager_a, backend="django.contrib.auth.backends.ModelBackend")
    enrolment = two_wards[0]
    response = client.post(due_url(enrolment), {"due_date": "31/12/2099"})
    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.due_date != timezone.datetime(2099, 12, 31).date()


def test_due_date_wrong_method_is_405(client_for, manager_a, two_wards):
    assert client_for(manager_a).put(due_url(two_wards[0])).status_code == 405


def test_next_url_outside_the_list_is_ignored(client_for, manager_a, two_wards):
    response = client_for(manager_a).post(
        due_url(two_wards[0]),
        {"due_date": "31/12/2099", "next": "https://example.com/admin/ghi-danh/"},
    )
    assert response.status_code == 302 and response["Location"] == LIST_URL
    response = client_for(manager_a).post(
        due_url(two_wards[0]), {"due_date": "31/12/2099", "next": LIST_URL + "?status=qua-han"}
    )
    assert response["Location"] == LIST_URL + "?status=qua-han"


# --- Removing an enrolment ----------------------------------------------------------------------


def test_manager_removes_an_assigned_enrolment_after_confirming(client_for, manager_a, two_wards):
    enrolment = two_wards[0]
    client = client_for(manager_a)
    page = client.get(remove_url(enrolment)).content.decode()
    assert "Gỡ Nguyễn Thị Mai khỏi khóa học “Khóa học thử nghiệm”?" in page
    assert 'method="post"' in page and 'name="csrfmiddlewaretoken"' in page
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()  # GET changes nothing
    response = client.post(remove_url(enrolment), follow=True)
    assert not Enrolment.objects.filter(pk=enrolment.pk).exists()
    assert "Đã gỡ ghi danh khóa “Khóa học thử nghiệm” của Nguyễn Thị Mai." in (
        response.content.decode()
    )
    assert Enrolment.objects.filter(pk=two_wards[1].pk).exists()


def test_removing_an_enrolment_with_progress_is_refused_and_keeps_progress(
    client_for, manager_a, learner, course
):
    enrolment = enrol(learner, course, due=timezone.localdate() + timedelta(days=9))
    progress = complete(learner, next(iter(course.modules())))
    client = client_for(manager_a)
    page = client.get(remove_url(enrolment)).content.decode()
    assert "Không gỡ được ghi danh: học viên có tiến độ ở 1 bài học." in page
    assert "Gỡ ghi danh</button>" not in page
    response = client.post(remove_url(enrolment), follow=True)
    assert "Kết quả học tập không bao giờ bị xóa" in response.content.decode()
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
    assert ModuleProgress.objects.filter(pk=progress.pk).exists()


def test_removing_a_completed_enrolment_is_refused(client_for, manager_a, learner, course):
    enrolment = enrol(learner, course, completed=True)
    response = client_for(manager_a).post(remove_url(enrolment), follow=True)
    assert "học viên đã hoàn thành khóa học" in response.content.decode()
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()


def test_removing_a_self_enrolment_is_refused(client_for, manager_a, learner, course):
    enrolment = enrol(learner, course, source="self")
    response = client_for(manager_a).post(remove_url(enrolment), follow=True)
    assert "Chỉ gỡ được ghi danh do cán bộ giao" in response.content.decode()
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()


def test_removing_another_wards_enrolment_is_404(client_for, manager_b, two_wards):
    client = client_for(manager_b)
    assert client.get(remove_url(two_wards[0])).status_code == 404
    assert client.post(remove_url(two_wards[0])).status_code == 404
    assert client.post("/admin/ghi-danh/999999/go/").status_code == 404
    assert Enrolment.objects.filter(pk=two_wards[0].pk).exists()


def test_remove_needs_csrf(manager_a, two_wards):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager_a, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(remove_url(two_wards[0])).status_code == 403
    assert Enrolment.objects.filter(pk=two_wards[0].pk).exists()


def test_remove_wrong_method_is_405(client_for, manager_a, two_wards):
    assert client_for(manager_a).delete(remove_url(two_wards[0])).status_code == 405
    assert Enrolment.objects.filter(pk=two_wards[0].pk).exists()


# --- Accessibility and language -----------------------------------------------------------------


def test_table_has_caption_and_scoped_headers(client_for, manager_a, two_wards):
    html = client_for(manager_a).get(LIST_URL).content.decode()
    assert "<caption" in html and "Danh sách ghi danh, trang 1/1" in html
    assert '<th scope="col">Học viên</th>' in html
    assert '<th scope="row">Nguyễn Thị Mai</th>' in html


def test_list_in_english(client_for, manager_a, two_wards):
    client = client_for(manager_a)
    client.cookies["django_language"] = "en"
    html = client.get(LIST_URL).content.decode()
    assert "1 enrolment." in html and "Overdue" in html
