"""Fixtures of cert-core's tests (imported by each test module, so that the shared conftest stays
cert-pdf's): course trees (from the courses tests), a way to complete a course through the
completion service, and a quick stand-in for rendering and signing where a test is about the
record, not the file (`quick_files`)."""

import hashlib

import pytest
from django.utils import timezone

from courses import completion
from courses.models import Enrolment, ModuleProgress
from tests.courses.conftest import *  # noqa: F403 (the course-tree fixtures)


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    """complete(user, course) -> the enrolment, completed through the completion service (the
    after-commit event runs, so the certificate is issued)."""

    def _complete(user, course_page, enrolment=None):
        enrolment = enrolment or Enrolment.objects.current_for(user, course_page)
        if enrolment is None:
            enrolment, _ = Enrolment.objects.enrol(user, course_page)
        now = timezone.now()
        for module in course_page.modules():
            ModuleProgress.objects.update_or_create(
                user=user,
                module=module,
                defaults={
                    "status": ModuleProgress.Status.COMPLETED,
                    "source": ModuleProgress.Source.VIEWED,
                    "completed_at": now,
                },
            )
        with django_capture_on_commit_callbacks(execute=True):
            completion.update_course_completion(Enrolment.objects.get(pk=enrolment.pk))
        enrolment.refresh_from_db()
        return enrolment

    return _complete


def fake_pdf(data):
    lines = [f"{key}={value}" for key, value in sorted(data.items()) if not key.endswith("image")]
    return ("%PDF-1.7\n" + "\n".join(lines) + "\n%%EOF\n").encode()


@pytest.fixture
def quick_files(monkeypatch):
    """Rendering and signing replaced by a fast stand-in (the record is under test)."""
    from certificates import pdf, signing

    calls = []

    def render(data):
        calls.append(data)
        return fake_pdf(data)

    monkeypatch.setattr(pdf, "render_certificate", render)
    monkeypatch.setattr(signing, "sign_pdf", lambda pdf_bytes, **kw: pdf_bytes + b"%signed\n")
    return calls


def sha256(data):
    return hashlib.sha256(data).hexdigest()
