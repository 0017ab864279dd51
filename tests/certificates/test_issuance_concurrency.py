"""On PostgreSQL (real row locks and concurrent transactions): ten simultaneous completions of one
enrolment give one certificate; ten simultaneous issues for ten enrolments take serials 1..10
with no gap and no duplicate. Run with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/ats_h1 .venv/bin/pytest --create-db
tests/certificates/test_issuance_concurrency.py"""

import threading

import pytest
from django.db import connection, connections

from certificates import issuance
from certificates.models import Certificate, SerialCounter
from courses import completion
from courses.models import Enrolment, ModuleProgress
from tests.factories import PersonFactory

from .core_fixtures import *  # noqa: F403 (fixtures)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (row locks, real concurrency)"
    ),
]

THREADS = 10


def _run_together(target, args_list):
    barrier = threading.Barrier(len(args_list))
    results, errors = [], []

    def run(*args):
        try:
            barrier.wait()
            results.append(target(*args))
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, errors


def _ready_to_complete(user, course):
    enrolment, _ = Enrolment.objects.enrol(user, course)
    for module in course.modules():
        ModuleProgress.objects.create(
            user=user,
            module=module,
            status=ModuleProgress.Status.COMPLETED,
            source=ModuleProgress.Source.VIEWED,
        )
    return enrolment


def test_ten_simultaneous_completions_give_one_certificate(learner, course, quick_files):
    enrolment = _ready_to_complete(learner, course)

    def complete_it():
        return completion.update_course_completion(Enrolment.objects.get(pk=enrolment.pk))

    results, errors = _run_together(complete_it, [()] * THREADS)
    assert errors == []
    assert results == [True] * THREADS
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    certificate = Certificate.objects.get()
    assert certificate.sequence == 1
    assert certificate.status == Certificate.Status.ISSUED
    assert SerialCounter.objects.get(kind="serial").last == 1

    # Ten more direct issues for the same enrolment: still one, no number used.
    results, errors = _run_together(issuance.issue_for_enrolment, [(enrolment.pk,)] * THREADS)
    assert errors == []
    assert {c.pk for c in results} == {certificate.pk}
    assert SerialCounter.objects.get(kind="serial").last == 1
    assert SerialCounter.objects.get(kind="register").last == 1


def test_ten_simultaneous_issues_take_gap_free_serials(course, complete, quick_files, ward_a):
    enrolments = [complete(PersonFactory(unit=ward_a).user, course) for _ in range(THREADS)]
    Certificate.objects.all().delete()
    SerialCounter.objects.all().delete()

    results, errors = _run_together(issuance.issue_for_enrolment, [(e.pk,) for e in enrolments] * 2)
    assert errors == []
    certificates = list(Certificate.objects.order_by("sequence"))
    assert len(certificates) == THREADS
    assert [c.sequence for c in certificates] == list(range(1, THREADS + 1))
    assert sorted(int(c.register_number.split("/")[0]) for c in certificates) == list(
        range(1, THREADS + 1)
    )
    assert len({c.enrolment_id for c in certificates}) == THREADS
