"""One workplace snapshot (lms.org.snapshots): enrolments, attempts and ledger rows freeze the
unit, department and positions of the moment with one function; later renames and moves change
none of them."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Enrolment
from lms.org.models import Department, Person, PersonPosition, Position
from lms.org.snapshots import WorkplaceSnapshot, person_of, snapshot_of
from quizzes.models import Attempt, Category, Quiz, QuizQuestion
from tests.courses.conftest import course_index, make_course  # noqa: F401 (fixtures)
from tests.factories import PersonFactory
from tests.quizzes.conftest import make_single
from training.models import TrainingCredit

pytestmark = pytest.mark.django_db

FIELDS = ["unit_id", "unit_code", "unit_name", "department_id", "department_name", "positions"]


@pytest.fixture
def placed(learner, ward_a):
    """The learner in a named department of ward A, holding two positions (one primary)."""
    person = learner.person
    person.department = Department.objects.create(unit=ward_a, name="Phòng Ảnh Chụp Thử")
    person.save()
    chair = Position.objects.create(name="Phó Chủ tịch UBND phường", is_leader=True)
    clerk = Position.objects.create(name="Công chức Tư pháp - Hộ tịch")
    PersonPosition.objects.create(person=person, position=clerk, is_primary=False)
    PersonPosition.objects.create(person=person, position=chair, is_primary=True)
    return person, chair, clerk


def values(row):
    return [getattr(row, name) for name in FIELDS]


def test_every_snapshotting_model_uses_the_one_abstract_model():
    for model in (Enrolment, Attempt, TrainingCredit):
        assert issubclass(model, WorkplaceSnapshot)
        for name in ("unit", "unit_code", "unit_name", "department", "department_name"):
            assert model._meta.get_field(name).model is model


def test_snapshot_of_a_person(placed, ward_a):
    person, chair, clerk = placed
    snap = snapshot_of(person_of(person.user))
    assert snap == {
        "unit_id": ward_a.pk,
        "unit_code": "26734",
        "unit_name": "Phường Sài Gòn",
        "department_id": person.department_id,
        "department_name": "Phòng Ảnh Chụp Thử",
        "positions": [
            {"id": chair.pk, "name": chair.name, "primary": True},
            {"id": clerk.pk, "name": clerk.name, "primary": False},
        ],
    }
    assert snapshot_of(None)["positions"] == [] and snapshot_of(None)["unit_id"] is None


def _quiz(course):
    quiz = Quiz.objects.create(title="Kiểm tra", course=course, pass_mark=Decimal("80"))
    QuizQuestion.objects.create(
        quiz=quiz, question=make_single(Category.objects.create(name="Ảnh chụp")), sort_order=0
    )
    return quiz


def test_enrolment_attempt_and_ledger_row_take_the_same_snapshot_and_keep_it(
    placed,
    learner,
    make_course,  # noqa: F811 (the imported fixture)
    ward_a,
    ward_b,
):
    person, chair, clerk = placed
    course = make_course(1)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    attempt, _ = _quiz(course).start_attempt(learner)
    row = TrainingCredit(
        user=learner, source="external", title="Hội thảo", tiet=Decimal("2"), date=date(2026, 8, 6)
    ).take_snapshot(person_of(learner))
    row.save()
    expected = list(snapshot_of(person_of(learner)).values())
    for saved in (enrolment, attempt, row):
        saved.refresh_from_db()
        assert values(saved) == expected
    assert enrolment.primary_position_name == chair.name

    # Everything about the person changes afterwards...
    ward_a.rename("Phường Sài Gòn Mới")
    Department.objects.filter(pk=person.department_id).update(name="Phòng đã đổi tên")
    moved = Person.objects.get(pk=person.pk)
    moved.unit = ward_b
    moved.department = Department.objects.create(unit=ward_b, name="Phòng Văn hóa - Xã hội")
    moved.save()
    PersonPosition.objects.filter(person=person).delete()
    Position.objects.filter(pk=chair.pk).update(name="Chức danh đã đổi")

    # ...and no snapshot does.
    for model, pk in ((Enrolment, enrolment.pk), (Attempt, attempt.pk), (TrainingCredit, row.pk)):
        assert values(model.objects.get(pk=pk)) == expected
    # A new snapshot sees the new workplace.
    assert snapshot_of(person_of(learner))["unit_name"] == "Phường Chợ Lớn"


def _assign(course, people):
    with CaptureQueriesContext(connection) as queries:
        created, _existing = Enrolment.objects.assign_people(
            Person.objects.filter(pk__in=[p.pk for p in people]),
            course,
            due_date=None,
            assigned_by=None,
        )
    return created, len(queries)


def test_assigning_people_snapshots_each_in_a_constant_number_of_queries(
    make_course,  # noqa: F811 (the imported fixture)
    ward_a,
):
    leader = Position.objects.create(name="Chủ tịch UBND phường", is_leader=True)
    few = [PersonFactory(unit=ward_a) for _ in range(2)]
    many = [PersonFactory(unit=ward_a) for _ in range(12)]
    for person in (few[0], many[0], many[5]):
        PersonPosition.objects.create(person=person, position=leader, is_primary=True)
    created_few, queries_few = _assign(make_course(1, slug="it"), few)
    created_many, queries_many = _assign(make_course(1, slug="nhieu"), many)
    assert (created_few, created_many) == (2, 12)
    assert queries_few == queries_many <= 8
    for person in many:
        enrolment = Enrolment.objects.get(user=person.user, course__slug="nhieu")
        assert values(enrolment) == list(snapshot_of(person_of(person.user)).values())
        assert ("C" in enrolment.tracks) == (person in (many[0], many[5]))
