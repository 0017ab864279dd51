"""Background tasks (django-tasks) of the certificates app.

- `produce_certificate_file(certificate_id)`: render (certificates.pdf.render_certificate), sign
  (certificates.signing.sign_pdf) and store the PDF with its SHA-256; status "issued". A failure
  records the attempt and the error (status "failed", an audit event) and never raises into the
  caller; `retry_certificates` tries again (the command of that name runs it from cron; the
  register has the same action).
- `retry_certificates()`: issues missing certificates of completed enrolments and produces the
  files of failed (or long-pending) ones.
- `notify_expiring_certificates()`, `open_recert_cycles()`: see certificates.expiry and
  certificates.recert.
- `build_certificate_zip(export_id)`: the register's bulk ZIP of PDFs.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
PENDING_GRACE = timezone.timedelta(minutes=10)


def produce_file(certificate_id):
    """Render, sign and store the file of one certificate. Returns the certificate or None."""
    from . import pdf, signing
    from .models import Certificate, CertificateEvent

    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(skip_locked=False)
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None:
            return None
        if certificate.status == Certificate.Status.ISSUED and certificate.file:
            return certificate  # rendered once; never again
        certificate.attempts += 1
        certificate.last_attempt_at = timezone.now()
        try:
            signed = signing.sign_pdf(pdf.render_certificate(certificate.render_data()))
            certificate.sha256 = hashlib.sha256(signed).hexdigest()
            certificate.file.save(f"{certificate.serial}.pdf", ContentFile(signed), save=False)
            certificate.status = Certificate.Status.ISSUED
            certificate.last_error = ""
        except Exception as error:
            logger.exception("certificate %s: rendering or signing failed", certificate.serial)
            certificate.status = Certificate.Status.FAILED
            certificate.last_error = f"{type(error).__name__}: {error}"[:2000]
            CertificateEvent.objects.create(
                certificate=certificate,
                action=CertificateEvent.Action.FAILED,
                detail={"attempt": certificate.attempts, "error": certificate.last_error},
            )
        certificate.save(
            update_fields=[
                "attempts",
                "last_attempt_at",
                "sha256",
                "file",
                "status",
                "last_error",
            ]
        )
    return certificate


@task()
def produce_certificate_file(certificate_id):
    certificate = produce_file(certificate_id)
    return certificate.status if certificate else None


def retry(now=None):
    """Issue what is missing and produce what failed. Returns (issued, produced) counts."""
    from courses.models import Enrolment

    from .issuance import issue_for_enrolment
    from .models import Certificate

    now = now or timezone.now()
    missing = (
        Enrolment.objects.completed().filter(certificates__isnull=True).values_list("pk", flat=True)
    )
    issued = 0
    for enrolment_id in list(missing):
        if issue_for_enrolment(enrolment_id) is not None:
            issued += 1
    waiting = (
        Certificate.objects.unrevoked()
        .exclude(status=Certificate.Status.ISSUED)
        .filter(attempts__lt=MAX_ATTEMPTS)
        .exclude(status=Certificate.Status.PENDING, issued_at__gt=now - PENDING_GRACE)
        .values_list("pk", flat=True)
    )
    produced = 0
    for certificate_id in list(waiting):
        certificate = produce_file(certificate_id)
        if certificate is not None and certificate.status == Certificate.Status.ISSUED:
            produced += 1
    return issued, produced


@task()
def retry_certificates():
    return retry()


@task()
def notify_expiring_certificates():
    from .expiry import notify_expiring

    return notify_expiring()


@task()
def open_recert_cycles():
    from .recert import open_due_cycles

    return open_due_cycles()


@task()
def build_certificate_zip(export_id):
    from .register import build_zip

    return build_zip(export_id)
