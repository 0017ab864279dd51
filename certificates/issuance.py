"""Issuing certificates: the one place that makes, revokes and re-issues them.

- `on_course_completed` receives courses.completion.course_completed (sent after the completing
  transaction commits) and calls `issue_for_enrolment`.
- `issue_for_enrolment` locks the enrolment row, returns the unrevoked certificate if one exists,
  else takes the serial and register number under their counters' row locks and inserts the row
  with its snapshot, all in one transaction; the partial unique constraint (one unrevoked
  certificate per enrolment) is the last word: an IntegrityError means another process issued it,
  and the rolled-back transaction gives its numbers back (no gaps). After commit, the background
  task (certificates.tasks.produce_certificate_file) renders, signs and stores the PDF.
- The snapshot is read from the database at that moment and never rewritten: the learner's name
  and employee code, where they worked at enrolment (the enrolment's WorkplaceSnapshot), the
  course's title, the tiết credited (the ledger row of that enrolment), the score (best passed
  final-test attempt of the cycle), the dates, and the template's values and version.
- `revoke` needs a reason and logs who, when and why; `reissue` revokes (if needed) and issues a
  new certificate for the same enrolment with a new serial and a fresh snapshot, linked to the old
  one by `replaces`.
"""

import calendar
import datetime
import logging

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.org.snapshots import SNAPSHOT_FIELDS

from .models import (
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    SerialCounter,
)

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATE = {
    "issuing_body": "SỞ NỘI VỤ THÀNH PHỐ HỒ CHÍ MINH",
    "issuing_place": "TP. Hồ Chí Minh",
    "signer_name": "",
    "signer_title": "GIÁM ĐỐC",
    "heading": "GIẤY CHỨNG NHẬN",
    "wording": "Đã hoàn thành khóa bồi dưỡng",
}


def add_months(day, months):
    """`day` plus `months` calendar months, the day clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until_for(course, completed_on):
    months = course.certificate_validity_months or 0
    return add_months(completed_on, months) if months else None


def format_serial(prefix, year, sequence):
    return f"{prefix}-{year}-{sequence:06d}"


def format_register_number(year, sequence):
    return f"{sequence:06d}/{year}"


# -- snapshot ----------------------------------------------------------------------------------


def _template_values():
    template = CertificateTemplate.objects.active()
    if template is None:
        return None, {**DEFAULT_TEMPLATE, "template_version": 0, "template_id": None}
    values = {name: getattr(template, name) for name in DEFAULT_TEMPLATE}
    values.update(
        template_version=template.version,
        template_id=template.pk,
        seal_image=template.seal_image.file.name if template.seal_image_id else "",
        background_image=(
            template.background_image.file.name if template.background_image_id else ""
        ),
    )
    return template, values


def _best_score(enrolment):
    from quizzes.models import Attempt

    attempts = Attempt.objects.filter(
        user_id=enrolment.user_id,
        quiz__course_id=enrolment.course_id,
        state=Attempt.State.SUBMITTED,
        passed=True,
    )
    if enrolment.cycle > 1:  # an earlier cycle's passes do not count for this one
        attempts = attempts.filter(submitted_at__gte=enrolment.enrolled_at)
    best = attempts.order_by("-score").values_list("score", flat=True).first()
    return None if best is None else int(round(best))


def _credited_tiet(enrolment, course):
    from django.contrib.contenttypes.models import ContentType

    from training.models import TrainingCredit

    row = (
        TrainingCredit.objects.filter(
            source=TrainingCredit.Source.COURSE,
            evidence_type=ContentType.objects.get_for_model(type(enrolment)),
            evidence_id=enrolment.pk,
        )
        .values_list("tiet", flat=True)
        .first()
    )
    return row if row is not None else course.tiet


def build_snapshot(enrolment, course, person, *, issued_on):
    """Everything printed on the certificate, read from the database now (JSON-ready)."""
    template, values = _template_values()
    completed_on = timezone.localdate(enrolment.completed_at)
    valid_until = valid_until_for(course, completed_on)
    snapshot = {
        "full_name": person.full_name if person else enrolment.user.get_full_name(),
        "employee_code": person.employee_code if person else "",
        "unit_code": enrolment.unit_code,
        "unit_name": enrolment.unit_name,
        "department_name": enrolment.department_name,
        "position_name": enrolment.primary_position_name,
        "course_id": course.pk,
        "course_title": course.title,
        "cycle": enrolment.cycle,
        "tiet": str(_credited_tiet(enrolment, course)),
        "score_percent": _best_score(enrolment),
        "completed_on": completed_on.isoformat(),
        "issued_on": issued_on.isoformat(),
        "valid_until": valid_until.isoformat() if valid_until else None,
        **values,
    }
    return template, snapshot, valid_until


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _file_bytes(name):
    if not name:
        return None
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except OSError:
        logger.warning("certificate image %s is missing", name)
        return None


def render_data(certificate):
    """The dict certificates.pdf renders, from the snapshot and the numbers only."""
    from decimal import Decimal

    snap = certificate.snapshot
    return {
        "full_name": snap["full_name"],
        "employee_code": snap.get("employee_code", ""),
        "unit_name": snap.get("unit_name", ""),
        "department_name": snap.get("department_name", ""),
        "position_name": snap.get("position_name", ""),
        "course_title": snap["course_title"],
        "tiet": Decimal(snap["tiet"]),
        "score_percent": snap.get("score_percent"),
        "completed_on": _date(snap["completed_on"]),
        "issued_on": _date(snap["issued_on"]),
        "valid_until": _date(snap.get("valid_until")),
        "serial": certificate.serial,
        "register_number": certificate.register_number,
        "verification_url": certificate.verification_url,
        "verification_code": certificate.verification_code,
        "issuing_body": snap.get("issuing_body", ""),
        "issuing_place": snap.get("issuing_place", ""),
        "signer_name": snap.get("signer_name", ""),
        "signer_title": snap.get("signer_title", ""),
        "heading": snap.get("heading", DEFAULT_TEMPLATE["heading"]),
        "wording": snap.get("wording", DEFAULT_TEMPLATE["wording"]),
        "template_version": snap.get("template_version", 0),
        "seal_image": _file_bytes(snap.get("seal_image")),
        "background_image": _file_bytes(snap.get("background_image")),
    }


# -- issuing -----------------------------------------------------------------------------------


def _schedule_file(certificate):
    """Enqueue the rendering task. Called after the issuing transaction has left its atomic
    block: the receiver runs after the completion committed, so the row is committed when a
    worker looks (inside an outer transaction a worker may look too early: the task then finds
    nothing, and `retry_certificates` produces the file later)."""
    from .tasks import produce_certificate_file

    try:
        produce_certificate_file.enqueue(certificate.pk)
    except Exception:  # the queue is down: retry_certificates picks it up later
        logger.exception("could not enqueue certificate %s", certificate.pk)


def _create(enrolment, *, replaces=None, actor=None, reason=""):
    """Inside a transaction holding the enrolment's row lock: number and insert the row."""
    from lms.org.snapshots import person_of

    course = enrolment.course
    issued_at = timezone.now()
    issued_on = timezone.localdate(issued_at)
    template, snapshot, valid_until = build_snapshot(
        enrolment, course, person_of(enrolment.user_id), issued_on=issued_on
    )
    prefix = course.certificate_prefix or "ATTT"
    year = issued_on.year
    sequence = SerialCounter.take(SerialCounter.Kind.SERIAL, prefix, year)
    register = SerialCounter.take(SerialCounter.Kind.REGISTER, "", year)
    certificate = Certificate(
        enrolment=enrolment,
        user_id=enrolment.user_id,
        course=course,
        prefix=prefix,
        year=year,
        sequence=sequence,
        serial=format_serial(prefix, year, sequence),
        register_number=format_register_number(year, register),
        snapshot=snapshot,
        template=template,
        template_version=snapshot["template_version"],
        issued_at=issued_at,
        valid_until=valid_until,
        replaces=replaces,
        **{name: getattr(enrolment, name) for name in SNAPSHOT_FIELDS},
    )
    certificate.save()
    CertificateEvent.objects.create(
        certificate=certificate,
        action=CertificateEvent.Action.REISSUED if replaces else CertificateEvent.Action.ISSUED,
        actor=actor,
        reason=reason,
        detail={"serial": certificate.serial, "replaces": replaces.serial if replaces else None},
    )
    return certificate


def _locked_enrolment(enrolment_id):
    from courses.models import Enrolment

    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .filter(pk=enrolment_id)
        .first()
    )


def issue_for_enrolment(enrolment_id):
    """The certificate of a completed enrolment: the existing unrevoked one, or a new one.
    Returns None when the enrolment does not exist or is not completed."""
    try:
        with transaction.atomic():
            enrolment = _locked_enrolment(enrolment_id)
            if enrolment is None or enrolment.completed_at is None:
                return None
            existing = Certificate.objects.unrevoked().filter(enrolment=enrolment).first()
            if existing is not None:
                return existing
            certificate = _create(enrolment)
    except IntegrityError:  # issued by a concurrent process (the constraint says so)
        return Certificate.objects.unrevoked().filter(enrolment_id=enrolment_id).first()
    _schedule_file(certificate)
    certificate.refresh_from_db()
    return certificate


def on_course_completed(sender, enrolment_id, **kwargs):
    """courses.completion.course_completed receiver: quick, never fails the learner's request
    (a missed issue is found again by `manage.py retry_certificates`)."""
    try:
        issue_for_enrolment(enrolment_id)
    except Exception:
        logger.exception("issuing the certificate of enrolment %s failed", enrolment_id)


def revoke(certificate, *, by, reason):
    """Revoke with a reason (required); logged. Returns the certificate."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Cần ghi lý do thu hồi."))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = by
            locked.revoked_reason = reason
            locked.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
            CertificateEvent.objects.create(
                certificate=locked, action=CertificateEvent.Action.REVOKED, actor=by, reason=reason
            )
    return locked


def reissue(certificate, *, by, reason):
    """Correct a certificate: revoke it (reason required) and issue a new one, with a new serial
    and a snapshot read now, linked to the old one (`replaces`)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Cần ghi lý do cấp lại."))
    with transaction.atomic():
        enrolment = _locked_enrolment(certificate.enrolment_id)
        old = revoke(certificate, by=by, reason=reason)
        current = Certificate.objects.unrevoked().filter(enrolment=enrolment).first()
        if current is not None:
            return current
        new = _create(enrolment, replaces=old, actor=by, reason=reason)
    _schedule_file(new)
    new.refresh_from_db()
    return new
