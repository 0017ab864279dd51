"""Issuance: one certificate per completed cycle, numbered without gaps, its snapshot read from
the database and never rewritten; a failed rendering is recorded and retried."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command

from certificates import issuance, tasks
from certificates.models import (
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    SerialCounter,
)
from lms.org.models import Person

from .core_fixtures import *  # noqa: F403 (fixtures)
from .core_fixtures import sha256

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(db):
    return CertificateTemplate.objects.create(
        name="Mẫu 2026", signer_name="Trần Thị Bích", signer_title="PHÓ GIÁM ĐỐC"
    )


def test_completion_issues_one_certificate_with_its_snapshot(
    learner, course, complete, quick_files, template
):
    course.certificate_validity_months = 12
    course.save_revision().publish()
    enrolment = complete(learner, course)

    certificate = Certificate.objects.get(enrolment=enrolment)
    person = Person.objects.get(user=learner)
    year = certificate.issued_at.year
    assert certificate.serial == f"ATTT-{year}-000001"
    assert certificate.register_number == f"000001/{year}"
    assert len(certificate.verification_code) >= 22  # >= 128 bits, URL-safe
    assert certificate.status == Certificate.Status.ISSUED
    snap = certificate.snapshot
    assert snap["full_name"] == person.full_name
    assert snap["employee_code"] == person.employee_code
    assert snap["unit_name"] == enrolment.unit_name != ""
    assert snap["course_title"] == "Khóa học thử nghiệm"
    assert Decimal(snap["tiet"]) == Decimal("2.5")
    assert snap["signer_name"] == "Trần Thị Bích"
    assert snap["template_version"] == template.version == 1
    completed_on = datetime.date.fromisoformat(snap["completed_on"])
    assert certificate.valid_until == issuance.add_months(completed_on, 12)
    # The stored file is what the task produced, with its hash.
    stored = certificate.file.read()
    assert sha256(stored) == certificate.sha256
    assert quick_files[0]["serial"] == certificate.serial
    assert quick_files[0]["verification_url"].endswith(
        f"/xac-minh/{certificate.verification_code}/"
    )
    assert certificate.state == "valid"
    assert CertificateEvent.objects.filter(
        certificate=certificate, action=CertificateEvent.Action.ISSUED
    ).exists()


def test_a_second_completion_event_issues_nothing_more(learner, course, complete, quick_files):
    enrolment = complete(learner, course)
    first = Certificate.objects.get(enrolment=enrolment)
    again = issuance.issue_for_enrolment(enrolment.pk)
    issuance.on_course_completed(None, enrolment_id=enrolment.pk)
    assert again.pk == first.pk
    assert Certificate.objects.count() == 1
    assert len(quick_files) == 1  # rendered once
    assert SerialCounter.objects.get(kind="serial").last == 1


def test_an_open_enrolment_gets_no_certificate(learner, course, enrolled, quick_files):
    assert issuance.issue_for_enrolment(enrolled.pk) is None
    assert not Certificate.objects.exists()


def test_serials_follow_the_course_prefix_and_are_gap_free(
    learner, learner_b, make_course, complete, quick_files
):
    first = make_course(1, slug="k1")
    second = make_course(1, slug="k2", title="Khóa hai")
    second.certificate_prefix = "BVDL"
    second.save_revision().publish()
    a = Certificate.objects.get(enrolment=complete(learner, first))
    b = Certificate.objects.get(enrolment=complete(learner_b, first))
    c = Certificate.objects.get(enrolment=complete(learner, second))
    year = a.year
    assert [a.serial, b.serial, c.serial] == [
        f"ATTT-{year}-000001",
        f"ATTT-{year}-000002",
        f"BVDL-{year}-000001",
    ]
    # One register book for the year, whatever the prefix.
    assert [a.register_number, b.register_number, c.register_number] == [
        f"00000{n}/{year}" for n in (1, 2, 3)
    ]


def test_a_rolled_back_issue_gives_its_number_back(learner, learner_b, make_course, complete):
    from django.db import transaction

    course = make_course(1, slug="k1")
    enrolment = complete(learner, course)  # no stand-in: the file may fail, the row stays
    Certificate.objects.all().delete()
    SerialCounter.objects.all().delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        issuance._create(issuance._locked_enrolment(enrolment.pk))
        raise RuntimeError("rollback")
    assert not Certificate.objects.exists()
    assert not SerialCounter.objects.filter(last__gt=0).exists()


def test_template_edit_and_a_move_change_nothing_issued(
    learner, course, complete, quick_files, template, ward_b
):
    certificate = Certificate.objects.get(enrolment=complete(learner, course))
    stored, snapshot = certificate.file.read(), dict(certificate.snapshot)

    template.signer_name = "Người khác"
    template.wording = "Lời khác"
    template.save()
    person = Person.objects.get(user=learner)
    person.full_name = "Tên Mới Hẳn"
    person.unit = ward_b
    person.save()
    call_command("retry_certificates", verbosity=0)

    certificate.refresh_from_db()
    assert template.version == 2
    assert template.versions.count() == 2
    assert template.versions.get(version=1).content["signer_name"] == "Trần Thị Bích"
    assert certificate.snapshot == snapshot
    assert certificate.file.read() == stored
    assert sha256(stored) == certificate.sha256
    assert len(quick_files) == 1


def test_a_save_without_changes_keeps_the_template_version(template):
    template.save()
    template.refresh_from_db()
    assert template.version == 1


def test_a_failed_rendering_is_recorded_and_retried(
    learner, course, complete, monkeypatch, quick_files
):
    from certificates import pdf

    def broken(data):
        raise OSError("font missing")

    good = pdf.render_certificate
    monkeypatch.setattr(pdf, "render_certificate", broken)
    enrolment = complete(learner, course)  # the learner's request did not fail
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.status == Certificate.Status.FAILED
    assert certificate.attempts == 1
    assert "font missing" in certificate.last_error
    assert certificate.state == "pending"
    assert not certificate.file
    assert CertificateEvent.objects.filter(action=CertificateEvent.Action.FAILED).count() == 1

    monkeypatch.setattr(pdf, "render_certificate", good)
    assert tasks.retry() == (0, 1)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.attempts == 2
    assert certificate.last_error == ""
    assert certificate.file.read()


def test_retry_issues_a_certificate_the_event_missed(
    learner, course, complete, monkeypatch, quick_files
):
    monkeypatch.setattr(issuance, "issue_for_enrolment", lambda pk: 1 / 0)
    enrolment = complete(learner, course)
    assert not Certificate.objects.exists()
    monkeypatch.undo()
    from certificates import pdf, signing

    monkeypatch.setattr(pdf, "render_certificate", lambda data: b"%PDF-1.7\n")
    monkeypatch.setattr(signing, "sign_pdf", lambda b, **kw: b)
    call_command("retry_certificates", verbosity=0)
    assert Certificate.objects.get(enrolment=enrolment).status == Certificate.Status.ISSUED


def test_the_score_is_the_best_passed_final_test_attempt(learner, course, complete, quick_files):
    from quizzes.models import Attempt, Quiz

    quiz = Quiz.objects.create(course=course, title="Kiểm tra cuối khóa", pass_mark=Decimal("70"))
    enrolment, _ = __import__("courses.models").models.Enrolment.objects.enrol(learner, course)
    for number, (score, passed) in enumerate([(60, False), (80, True), (95, True)], 1):
        Attempt.objects.create(
            quiz=quiz,
            user=learner,
            number=number,
            state=Attempt.State.SUBMITTED,
            score=Decimal(score),
            passed=passed,
            pass_mark=quiz.pass_mark,
            review_policy=quiz.review_policy,
        )
    from django.utils import timezone

    type(enrolment).objects.filter(pk=enrolment.pk).update(final_test_passed_at=timezone.now())
    enrolment = complete(learner, course)
    assert Certificate.objects.get(enrolment=enrolment).snapshot["score_percent"] == 95
