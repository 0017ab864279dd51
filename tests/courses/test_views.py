"""Enrolment by POST, staff assignment scoped to visible units, the learner dashboard."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from courses.models import Enrolment, ModuleProgress
from lms.org import roles
from tests.factories import DepartmentFactory, PersonFactory, PositionFactory, UserFactory
from training.models import TrainingCredit

ASSIGN_URL = "/admin/khoa-hoc/giao/"


def enrol_url(course):
    return f"/hoc-tap/khoa-hoc/{course.pk}/ghi-danh/"


# --- self-enrolment -------------------------------------------------------------------------


def test_learner_enrols_by_post_with_unit_snapshot(client_for, learner, course):
    response = client_for(learner).post(enrol_url(course), follow=True)
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.source == "self" and enrolment.unit_id == learner.person.unit_id
    assert enrolment.department_id == learner.person.department_id
    assert "Bạn đã ghi danh khóa học “Khóa học thử nghiệm”." in response.content.decode()


def test_enrol_twice_keeps_one_enrolment(client_for, learner, course):
    client = client_for(learner)
    client.post(enrol_url(course))
    response = client.post(enrol_url(course), follow=True)
    assert Enrolment.objects.count() == 1
    assert "Bạn đã ghi danh khóa học này từ trước." in response.content.decode()


def test_enrol_by_get_is_405(client_for, learner, course):
    assert client_for(learner).get(enrol_url(course)).status_code == 405
    assert not Enrolment.objects.exists()


def test_enrol_anonymous_redirects_to_login(client, course):
    response = client.post(enrol_url(course))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_enrol_wrong_role_is_403(client_for, trainer, course):
    response = client_for(trainer).post(enrol_url(course))
    assert response.status_code == 403
    assert "Chỉ học viên" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_enrol_in_draft_or_missing_course_is_404(client_for, learner, make_course):
    draft = make_course(1, slug="nhap", live=False)
    client = client_for(learner)
    assert client.post(enrol_url(draft)).status_code == 404
    assert client.post("/hoc-tap/khoa-hoc/999999/ghi-danh/").status_code == 404
    assert not Enrolment.objects.exists()


# --- staff assignment -----------------------------------------------------------------------


def _form(course, **extra):
    data = {
        "course": course.pk,
        "target": "unit",
        "due_date": (timezone.localdate() + timedelta(days=30)).strftime("%d/%m/%Y"),
    }
    data.update(extra)
    return data


@pytest.fixture
def ward_a_staff(ward_a):
    department = DepartmentFactory(unit=ward_a, name="Bộ phận một cửa")
    leader = PositionFactory(name="Chủ tịch UBND phường")
    leader.is_leader = True
    leader.save()
    clerk = PositionFactory(name="Công chức Tư pháp - Hộ tịch")
    people = [
        PersonFactory(
            user=UserFactory(username=f"a{n}", roles=[roles.LEARNER]),
            unit=ward_a,
            department=department,
            positions=[clerk],
        )
        for n in range(3)
    ]
    people.append(
        PersonFactory(
            user=UserFactory(username="chutich", roles=[roles.LEARNER]),
            unit=ward_a,
            positions=[leader],
        )
    )
    return {"department": department, "clerk": clerk, "people": people}


def test_home_affairs_assigns_a_unit_idempotently(
    client_for, home_affairs, course, ward_a, ward_a_staff, learner, learner_b
):
    client = client_for(home_affairs)
    response = client.post(ASSIGN_URL, _form(course, unit=ward_a.pk), follow=True)
    enrolments = Enrolment.objects.filter(course=course)
    assert enrolments.count() == 5  # four staff + the learner persona, all of ward A
    assert not enrolments.filter(user=learner_b).exists()
    assert set(enrolments.values_list("source", flat=True)) == {"assigned"}
    assert enrolments.get(user__username="chutich").tracks == "AC"
    assert "cho 5 người" in response.content.decode()
    response = client.post(ASSIGN_URL, _form(course, unit=ward_a.pk), follow=True)
    assert Enrolment.objects.count() == 5
    assert (
        "cho 0 người" in response.content.decode()
        and "5 người đã ghi danh từ trước" in response.content.decode()
    )


def test_assignment_keeps_existing_progress_and_due_date(
    client_for, home_affairs, learner, course, modules, ward_a
):
    Enrolment.objects.enrol(learner, course)
    ModuleProgress.objects.create(user=learner, module=modules[0], source="viewed")
    client_for(home_affairs).post(ASSIGN_URL, _form(course, unit=ward_a.pk))
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.source == "self" and enrolment.due_date is None
    assert ModuleProgress.objects.filter(user=learner).count() == 1


def test_manager_assigns_department_and_position_of_own_unit(
    client_for, manager_a, course, ward_a_staff
):
    client = client_for(manager_a)
    client.post(
        ASSIGN_URL, _form(course, target="department", department=ward_a_staff["department"].pk)
    )
    assert Enrolment.objects.count() == 3
    client.post(ASSIGN_URL, _form(course, target="position", position=ward_a_staff["clerk"].pk))
    assert Enrolment.objects.count() == 3
    due = Enrolment.objects.first().due_date
    assert due == timezone.localdate() + timedelta(days=30)


def test_manager_cannot_assign_other_unit(client_for, manager_b, course, ward_a, ward_a_staff):
    response = client_for(manager_b).post(ASSIGN_URL, _form(course, unit=ward_a.pk))
    assert response.status_code == 400
    assert "Đơn vị không tồn tại hoặc ngoài phạm vi bạn quản lý." in response.content.decode()
    response = client_for(manager_b).post(
        ASSIGN_URL, _form(course, target="department", department=ward_a_staff["department"].pk)
    )
    assert "Phòng ban không tồn tại hoặc ngoài phạm vi bạn quản lý." in response.content.decode()
    response = client_for(manager_b).post(
        ASSIGN_URL, _form(course, target="position", position=ward_a_staff["clerk"].pk)
    )
    assert (
        not Enrolment.objects.exists()
    )  # position targets stay inside ward B: nobody there holds it


def test_manager_does_not_see_other_units_in_the_form(
    client_for, manager_a, ward_a, ward_b, course
):
    html = client_for(manager_a).get(ASSIGN_URL).content.decode()
    assert "Phường Sài Gòn" in html and "Phường Chợ Lớn" not in html


def test_assign_bad_input_shows_vietnamese_errors(client_for, home_affairs, course, ward_a):
    client = client_for(home_affairs)
    response = client.post(ASSIGN_URL, _form(course, unit=ward_a.pk, due_date="31-02-2026"))
    assert response.status_code == 400
    assert "nhập theo dạng ngày/tháng/năm" in response.content.decode()
    response = client.post(ASSIGN_URL, _form(course, unit=ward_a.pk, due_date="01/01/2020"))
    assert "Hạn hoàn thành không được ở trong quá khứ." in response.content.decode()
    response = client.post(ASSIGN_URL, _form(course))
    assert "Hãy chọn đơn vị." in response.content.decode()
    response = client.post(ASSIGN_URL, {**_form(course, unit=ward_a.pk), "course": "abc"})
    assert "Khóa học không tồn tại hoặc chưa xuất bản." in response.content.decode()
    assert not Enrolment.objects.exists()


def test_assign_wrong_role_is_403(client_for, trainer, course, ward_a):
    response = client_for(trainer).post(ASSIGN_URL, _form(course, unit=ward_a.pk))
    assert response.status_code == 403
    assert not Enrolment.objects.exists()


def test_assign_learner_and_anonymous_are_sent_to_login(
    client_for, client, learner, course, ward_a
):
    for c in (client, client_for(learner)):
        response = c.post(ASSIGN_URL, _form(course, unit=ward_a.pk))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_assign_wrong_method_is_405(client_for, home_affairs):
    assert client_for(home_affairs).put(ASSIGN_URL).status_code == 405


def test_assign_menu_item_shown_to_manager(client_for, manager_a):
    html = client_for(manager_a).get("/admin/").content.decode()
    assert ASSIGN_URL in html  # the sidebar menu is JSON data; its URL is there verbatim


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_groups_courses_with_due_dates_and_overdue(client_for, learner, make_course):
    overdue = make_course(2, slug="qua-han", title="Khóa quá hạn")
    started = make_course(2, slug="dang-hoc", title="Khóa đang học")
    done = make_course(1, slug="xong", title="Khóa đã xong")
    Enrolment.objects.create(
        user=learner, course=overdue, due_date=date(2025, 3, 5), source="assigned"
    )
    Enrolment.objects.create(user=learner, course=started, due_date=date(2099, 12, 31))
    ModuleProgress.objects.create(user=learner, module=started.modules().first(), source="viewed")
    Enrolment.objects.create(user=learner, course=done, completed_at=timezone.now())
    TrainingCredit.objects.create(
        user=learner,
        source=TrainingCredit.Source.COURSE,
        title="Khóa đã xong",
        date=timezone.localdate(),
        tiet=4,
    )
    TrainingCredit.objects.create(
        user=learner,
        source=TrainingCredit.Source.EXTERNAL,
        title="Năm trước",
        date=date(2000, 5, 1),
        tiet=30,
    )
    html = client_for(learner).get("/hoc-tap/").content.decode()
    assigned_at, progress_at, completed_at = (
        html.index(h) for h in ("Được giao, chưa bắt đầu", "Đang học", "<h2>Đã hoàn thành")
    )
    assert (
        assigned_at
        < html.index("Khóa quá hạn")
        < progress_at
        < html.index("Khóa đang học")
        < completed_at
        < html.index("Khóa đã xong")
    )
    assert "05/03/2025" in html and "Quá hạn" in html and "31/12/2099" in html
    assert html.count("badge overdue") == 1
    assert "Đã tích lũy 4/40 tiết." in html
    assert "1/2 bài bắt buộc · 50\u00a0%" in html
    assert f'href="{list(started.modules())[1].url}">Tiếp tục học' in html


def test_dashboard_empty_and_anonymous_and_method(client_for, client, learner):
    assert (
        "Bạn chưa được giao khóa học nào." in client_for(learner).get("/hoc-tap/").content.decode()
    )
    response = client.get("/hoc-tap/")
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]
    assert client_for(learner).post("/hoc-tap/").status_code == 405


def test_dashboard_hides_unpublished_courses(client_for, learner, course, enrolled):
    course.unpublish()
    assert "Khóa học thử nghiệm" not in client_for(learner).get("/hoc-tap/").content.decode()
