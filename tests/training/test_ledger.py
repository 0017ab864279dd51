"""The sổ bồi dưỡng (training.TrainingCredit): one row per credited activity, written for courses
only by the completion service, with the tiết of the course's database row; yearly sums in SQL;
one credit per piece of evidence; a read-only admin list scoped to the viewer's units."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import completion
from courses.models import CoursePage, Enrolment, ModuleReading
from lms.org import roles
from lms.org.models import PersonPosition, Position
from tests.courses.conftest import course_index, make_course  # noqa: F401 (fixtures)
from tests.factories import PersonFactory, UserFactory
from training.models import TrainingCredit

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(make_course):  # noqa: F811 (the imported fixture)
    return make_course(2)


def read_long_ago(user, module):
    opened = timezone.now() - timedelta(hours=1)
    ModuleReading.objects.update_or_create(
        user=user, module=module, defaults={"first_opened_at": opened, "last_beat_at": opened}
    )


def complete(user, course):
    for module in course.modules():
        read_long_ago(user, module)
        completion.reading_recorded(user, module)


def test_a_completed_course_writes_one_ledger_row_with_its_evidence_and_snapshot(learner, course):
    chief = Position.objects.create(name="Công chức Văn phòng - Thống kê")
    PersonPosition.objects.create(person=learner.person, position=chief, is_primary=True)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    complete(learner, course)
    enrolment.refresh_from_db()
    row = TrainingCredit.objects.get(user=learner)
    assert row.source == TrainingCredit.Source.COURSE
    assert (row.title, row.tiet) == ("Khóa học thử nghiệm", Decimal("2.5"))
    assert row.date == timezone.localdate(enrolment.completed_at)
    assert row.year == row.date.year
    assert row.evidence == enrolment
    person = learner.person
    assert (row.unit_id, row.unit_code, row.unit_name) == (
        person.unit_id,
        person.unit.code,
        "Phường Sài Gòn",
    )
    assert row.department_name == (person.department.name if person.department else "")
    assert row.positions == [{"id": chief.pk, "name": chief.name, "primary": True}]


def test_tiet_comes_from_the_database_row_even_when_the_cache_holds_an_older_course(
    client_for, learner, course
):
    """The routed pages carry course objects from the content cache; a permanent record must
    never be written from one."""
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    client = client_for(learner)
    modules = list(course.modules())
    for module in modules:
        client.get(module.url)  # warms the content cache with the course as it is now
    stale_course = CoursePage.objects.get(pk=course.pk)
    # Changed in the database without any signal: whatever the cache holds is now older.
    CoursePage.objects.filter(pk=course.pk).update(tiet=Decimal("4"), title="Khóa học mới")
    for module in modules:
        read_long_ago(learner, module)
    # The first module through the real endpoint (served from the warm cache)...
    client.post(reverse("courses:reading-done", args=[modules[0].pk]))
    # ...the last with a module object carrying the stale course, as a routed page does.
    last = modules[-1]
    last.course = stale_course
    assert completion.record_module_completion(learner, last, "viewed")
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    row = TrainingCredit.objects.get(user=learner)
    assert (row.tiet, row.title) == (Decimal("4"), "Khóa học mới")


def test_one_credit_per_evidence(learner, course):
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    complete(learner, course)
    complete(learner, course)  # reported again
    row, created = TrainingCredit.objects.credit(
        source=TrainingCredit.Source.COURSE,
        evidence=enrolment,
        user_id=learner.pk,
        title="Lần nữa",
        tiet=Decimal("9"),
        date=date(2026, 5, 1),
    )
    assert not created and row.tiet == Decimal("2.5")
    assert TrainingCredit.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingCredit.objects.create(
            user=learner,
            source=TrainingCredit.Source.COURSE,
            title="Bản sao",
            tiet=Decimal("2.5"),
            date=date(2026, 5, 1),
            evidence_type=ContentType.objects.get_for_model(Enrolment),
            evidence_id=enrolment.pk,
        )
    # The same evidence under another source is another activity.
    TrainingCredit.objects.credit(
        source=TrainingCredit.Source.CLASS,
        evidence=enrolment,
        user_id=learner.pk,
        title="Lớp trực tiếp",
        tiet=Decimal("1"),
        date=date(2026, 5, 2),
    )
    assert TrainingCredit.objects.count() == 2


def _row(user, tiet, on, source=TrainingCredit.Source.EXTERNAL, title="Bồi dưỡng"):
    return TrainingCredit.objects.create(
        user=user, source=source, title=title, tiet=Decimal(tiet), date=on
    )


def test_tiet_of_a_user_in_a_year_is_one_sql_sum(learner, learner_b):
    _row(learner, "2.5", date(2026, 1, 1))
    _row(learner, "1.5", date(2026, 12, 31), source=TrainingCredit.Source.CLASS)
    _row(learner, "30", date(2025, 12, 31))
    _row(learner_b, "8", date(2026, 6, 1))
    from django.db import connection

    with CaptureQueriesContext(connection) as queries:
        total = TrainingCredit.objects.tiet_of(learner, 2026)
    assert total == Decimal("4.0")
    assert len(queries) == 1 and "SUM" in queries[0]["sql"].upper()
    assert TrainingCredit.objects.tiet_of(learner, 2025) == Decimal("30")
    assert TrainingCredit.objects.tiet_of(learner, 2024) == Decimal("0")
    assert TrainingCredit.objects.for_year(2026).aggregate(t=Sum("tiet"))["t"] == Decimal("12")
    assert TrainingCredit.objects.get(tiet=Decimal("30")).year == 2025  # the calendar year


def test_the_learner_dashboard_shows_the_yearly_sum(client_for, learner):
    today = timezone.localdate()
    _row(learner, "2.5", today)
    _row(learner, "3", today, source=TrainingCredit.Source.CLASS)
    _row(learner, "30", date(today.year - 1, 6, 1))
    html = client_for(learner).get("/hoc-tap/").content.decode()
    assert "Đã tích lũy 5,5/40 tiết." in html or "Đã tích lũy 5.5/40 tiết." in html


# -- the admin list ---------------------------------------------------------------------------

LEDGER_URL = "/admin/so-boi-duong/"


@pytest.fixture
def rows(ward_a, ward_b):
    person_a = PersonFactory(
        user=UserFactory(username="so.a", roles=[roles.LEARNER]),
        unit=ward_a,
        full_name="Hoàng Sổ Phường A",
    )
    person_b = PersonFactory(
        user=UserFactory(username="so.b", roles=[roles.LEARNER]),
        unit=ward_b,
        full_name="Lý Sổ Phường B",
    )
    row_a = _row(person_a.user, "2", date(2026, 3, 1), title="Lớp phường A")
    row_a.take_snapshot(person_a)
    row_a.save()
    row_b = _row(person_b.user, "2", date(2026, 3, 1), title="Lớp phường B")
    row_b.take_snapshot(person_b)
    row_b.save()
    return row_a, row_b


def test_a_ward_b_manager_sees_only_ward_b_rows(client_for, manager_a, manager_b, rows):
    row_a, row_b = rows
    html = client_for(manager_b).get(LEDGER_URL).content.decode()
    assert "Lớp phường B" in html and "Lý Sổ Phường B" in html
    assert "Lớp phường A" not in html and "Hoàng Sổ Phường A" not in html
    assert client_for(manager_b).get(f"{LEDGER_URL}inspect/{row_a.pk}/").status_code == 404
    assert client_for(manager_b).get(f"{LEDGER_URL}inspect/{row_b.pk}/").status_code == 200
    html = client_for(manager_a).get(LEDGER_URL).content.decode()
    assert "Lớp phường A" in html and "Lớp phường B" not in html


def test_city_wide_roles_see_every_row_and_nobody_edits_here(client_for, home_affairs, rows):
    row_a, _row_b = rows
    client = client_for(home_affairs)
    html = client.get(LEDGER_URL).content.decode()
    assert "Lớp phường A" in html and "Lớp phường B" in html
    before = list(TrainingCredit.objects.order_by("pk").values())
    assert client.get(f"{LEDGER_URL}new/").status_code in (302, 403)
    client.post(f"{LEDGER_URL}new/", {"title": "Tự thêm"})
    client.post(f"{LEDGER_URL}edit/{row_a.pk}/", {"title": "Sửa tay"})
    client.post(f"{LEDGER_URL}delete/{row_a.pk}/")
    assert list(TrainingCredit.objects.order_by("pk").values()) == before


def test_learners_and_trainers_have_no_ledger_list(client_for, learner, trainer, rows):
    for user in (learner, trainer):
        response = client_for(user).get(LEDGER_URL)
        assert response.status_code in (302, 403)
        assert "Lớp phường A" not in response.content.decode()
