"""Recertification cycles and expiry: a new cycle is a new enrolment (history kept), "the"
enrolment everywhere is the current cycle, completing it issues a new certificate with a new
validity; expiring certificates are listed and notified once."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from certificates import recert
from certificates.models import Certificate, CertificateEvent
from courses.models import Enrolment, ModuleProgress
from courses.progress import CourseProgress
from training.models import TrainingCredit

from .core_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db


def _with_validity(course, months=12):
    course.certificate_validity_months = months
    course.save_revision().publish()
    return course


def test_a_new_cycle_near_the_end_of_validity(learner, course, complete, quick_files, client_for):
    _with_validity(course)
    first = complete(learner, course)
    old = Certificate.objects.get(enrolment=first)

    assert recert.open_due_cycles(today=old.valid_until - datetime.timedelta(days=31)) == []
    opened = recert.open_due_cycles(today=old.valid_until - datetime.timedelta(days=30))
    assert len(opened) == 1
    second = opened[0]
    first.refresh_from_db()
    assert (second.cycle, second.is_current, first.is_current) == (2, True, False)
    assert second.completed_at is None and second.due_date == old.valid_until
    assert first.completed_at is not None  # history kept
    # "The" enrolment is the current cycle, for every lookup.
    assert Enrolment.objects.current_for(learner, course) == second
    assert Enrolment.objects.enrol(learner, course) == (second, False)
    page = type(course).objects.get(pk=course.pk)
    assert page.enrolment_for(learner) == second
    progress = CourseProgress.for_enrolment(second, course, list(course.modules()))
    assert progress.required_done == 0
    assert not ModuleProgress.objects.filter(
        user=learner, status=ModuleProgress.Status.COMPLETED
    ).exists()
    # Running again opens nothing more.
    assert recert.open_due_cycles(today=old.valid_until - datetime.timedelta(days=30)) == []

    complete(learner, course, enrolment=second)
    new = Certificate.objects.get(enrolment=second)
    assert new.serial != old.serial and new.sequence == old.sequence + 1
    assert new.snapshot["cycle"] == 2
    assert new.valid_until >= old.valid_until
    assert Certificate.objects.get(pk=old.pk).state == "valid"  # the old one is untouched
    assert TrainingCredit.objects.filter(user=learner).count() == 2
    body = client_for(learner).get("/hoc-tap/chung-nhan/").content.decode()
    assert new.serial in body and old.serial in body


def test_a_yearly_recurrence_opens_a_cycle_on_its_date(learner, course, complete, quick_files):
    course.recert_month, course.recert_day = 8, 6
    course.save_revision().publish()
    enrolment = complete(learner, course)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        completed_at=timezone.make_aware(datetime.datetime(2026, 7, 1, 9))
    )
    assert recert.open_due_cycles(today=datetime.date(2026, 8, 5)) == []
    opened = recert.open_due_cycles(today=datetime.date(2026, 8, 6))
    assert [e.cycle for e in opened] == [2]
    out = io.StringIO()
    call_command("open_recert_cycles", stdout=out)  # today: the new cycle is open, not due
    assert "Đã mở 0 đợt mới." in out.getvalue()
    # Completed after this year's date: not due again until next year.
    assert (
        recert.cycle_due(
            Enrolment(completed_at=timezone.make_aware(datetime.datetime(2026, 8, 7))),
            course,
            datetime.date(2027, 8, 5),
        )
        is None
    )


def test_a_course_without_validity_or_recurrence_never_reopens(
    learner, course, complete, quick_files
):
    complete(learner, course)
    assert recert.open_due_cycles(today=datetime.date(2099, 1, 1)) == []


def test_expiring_certificates_are_listed_and_notified_once(
    learner, course, complete, quick_files, client_for
):
    _with_validity(course, 1)
    certificate = Certificate.objects.get(enrolment=complete(learner, course))
    learner.email = "hocvien@example.test"
    learner.save()
    today = certificate.valid_until - datetime.timedelta(days=10)

    from certificates.expiry import notify_expiring

    assert notify_expiring(today=certificate.valid_until - datetime.timedelta(days=31)) == []
    assert notify_expiring(today=today) == [certificate]
    assert len(mail.outbox) == 1
    assert certificate.serial in mail.outbox[0].subject
    assert "sắp hết hạn" in mail.outbox[0].subject
    assert notify_expiring(today=today) == []  # once
    assert len(mail.outbox) == 1
    assert CertificateEvent.objects.filter(action=CertificateEvent.Action.NOTIFIED).count() == 1

    certificate.refresh_from_db()
    assert certificate.is_expiring(today) and certificate.state_on(today) == "valid"
    later = certificate.valid_until + datetime.timedelta(days=1)
    assert certificate.state_on(later) == "expired"
    assert Certificate.objects.with_state("expired", later).get() == certificate


def test_the_learner_page_says_soon_expiring(learner, course, complete, quick_files, client_for):
    _with_validity(course, 1)
    certificate = Certificate.objects.get(enrolment=complete(learner, course))
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_until=timezone.localdate() + datetime.timedelta(days=5)
    )
    body = client_for(learner).get("/hoc-tap/chung-nhan/").content.decode()
    assert "Sắp hết hạn" in body
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    body = client_for(learner).get("/hoc-tap/chung-nhan/").content.decode()
    assert "Hết hạn" in body and "Sắp hết hạn" not in body
