"""The rows of the old courses.TrainingCredit are carried into the ledger (training 0002) and the
enrolments get the names of their snapshot (courses 0005)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from courses.models import Enrolment
from tests.courses.conftest import course_index, make_course  # noqa: F401 (fixtures)
from training.models import TrainingCredit

BEFORE = [("courses", "0004_reading_clock_and_h5p_pass_mark"), ("training", "0001_initial")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_credits_become_ledger_rows(learner, make_course):  # noqa: F811
    course = make_course(1)
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    unit = learner.person.unit
    earned = timezone.make_aware(timezone.datetime(2026, 4, 5, 9, 0))

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldCredit = old_apps.get_model("courses", "TrainingCredit")
    old_row = OldCredit.objects.create(
        user_id=learner.pk,
        course_id=course.pk,
        course_title="Tên khóa lúc hoàn thành",
        year=2026,
        tiet=Decimal("2.5"),
        earned_at=earned,
    )
    OldCredit.objects.create(
        user_id=learner.pk, course_id=None, course_title="Khóa đã xóa", year=2025, tiet=Decimal("3")
    )
    OldEnrolment = old_apps.get_model("courses", "Enrolment")
    assert OldEnrolment.objects.get(pk=enrolment.pk).unit_id == unit.pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = {row.title: row for row in TrainingCredit.objects.all()}
    assert set(rows) == {"Tên khóa lúc hoàn thành", "Khóa đã xóa"}
    carried = rows["Tên khóa lúc hoàn thành"]
    assert carried.source == "course" and carried.tiet == Decimal("2.5")
    assert (carried.date.isoformat(), carried.year) == ("2026-04-05", 2026)
    assert carried.evidence == Enrolment.objects.get(pk=enrolment.pk)
    assert (carried.unit_id, carried.unit_name) == (unit.pk, unit.name)
    orphan = rows["Khóa đã xóa"]
    assert orphan.year == 2025 and orphan.evidence_id is None
    assert f"courses.TrainingCredit {old_row.pk + 1}" in orphan.evidence_note
    assert Enrolment.objects.get(pk=enrolment.pk).unit_name == unit.name
    assert TrainingCredit.objects.tiet_of(learner, 2026) == Decimal("2.5")
