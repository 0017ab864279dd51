"""Recertification: opening the next cycle of a course for a learner.

A course may have a validity (CoursePage.certificate_validity_months) and a yearly recurrence
(recert_month/recert_day, e.g. 6 August, Vietnam Cybersecurity Day). `open_due_cycles(today)`
opens a new cycle for each current, completed enrolment when
- its certificate's validity ends within EXPIRING_DAYS (30) days, or
- the course's recurrence date of this year (or last year's, before this year's date) has come
  and the enrolment was completed before it.
A new cycle is a new Enrolment (cycle + 1, is_current) with a new workplace snapshot; the old one
stays as history (its completion, certificate and ledger row are untouched). The learner's module
progress for the course is set back to "đang học" and the reading clock restarts, so the new
cycle is earned again; completing it issues a new certificate with a new validity.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import EXPIRING_DAYS, Certificate


def recurrence_date(course, today):
    """The latest recurrence date on or before `today` (None: the course has no recurrence)."""
    if not (course.recert_month and course.recert_day):
        return None
    for year in (today.year, today.year - 1):
        try:
            day = datetime.date(year, course.recert_month, course.recert_day)
        except ValueError:  # 29 February in a common year
            day = datetime.date(year, course.recert_month, 28)
        if day <= today:
            return day
    return None


def cycle_due(enrolment, course, today, certificate=None):
    """Why a new cycle is due for this current, completed enrolment ("validity",
    "recurrence") or None."""
    if enrolment.completed_at is None:
        return None
    valid_until = certificate.valid_until if certificate is not None else None
    if valid_until is not None and (valid_until - today).days <= EXPIRING_DAYS:
        return "validity"
    since = recurrence_date(course, today)
    if since is not None and timezone.localdate(enrolment.completed_at) < since:
        return "recurrence"
    return None


def open_new_cycle(enrolment, *, due_date=None):
    """Close `enrolment` as history and open the next cycle. Returns the new enrolment (or the
    current one if another process opened it first)."""
    from courses.models import Enrolment, ModulePage, ModuleProgress, ModuleReading
    from lms.org.snapshots import person_of, snapshot_of

    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
        if locked is None or not locked.is_current:
            return Enrolment.objects.current_for(enrolment.user_id, enrolment.course_id)
        Enrolment.objects.filter(pk=locked.pk).update(is_current=False)
        new = Enrolment.objects.create(
            user_id=locked.user_id,
            course_id=locked.course_id,
            cycle=locked.cycle + 1,
            is_current=True,
            source=locked.source,
            assigned_by_id=locked.assigned_by_id,
            due_date=due_date,
            tracks=locked.tracks,
            **snapshot_of(person_of(locked.user_id)),
        )
        course_path = locked.course.path
        modules = ModulePage.objects.filter(
            path__startswith=course_path, depth__gt=locked.course.depth
        )
        ModuleProgress.objects.filter(user_id=locked.user_id, module__in=modules).update(
            status=ModuleProgress.Status.IN_PROGRESS, completed_at=None
        )
        ModuleReading.objects.filter(user_id=locked.user_id, module__in=modules).delete()
    return new


def open_due_cycles(today=None):
    """Open every cycle that is due. Returns the list of new enrolments."""
    from courses.models import CoursePage, Enrolment

    today = today or timezone.localdate()
    courses = CoursePage.objects.filter(_recurring()).only(
        "pk", "path", "depth", "recert_month", "recert_day", "certificate_validity_months"
    )
    opened = []
    for course in courses:
        enrolments = Enrolment.objects.current().completed().filter(course=course)
        certificates = {
            c.enrolment_id: c
            for c in Certificate.objects.unrevoked().filter(enrolment__in=enrolments)
        }
        for enrolment in enrolments.select_related("course"):
            certificate = certificates.get(enrolment.pk)
            reason = cycle_due(enrolment, course, today, certificate)
            if reason is None:
                continue
            due = certificate.valid_until if certificate and certificate.valid_until else None
            opened.append(open_new_cycle(enrolment, due_date=due))
    return opened


def _recurring():
    from django.db.models import Q

    return Q(certificate_validity_months__gt=0) | Q(
        recert_month__isnull=False, recert_day__isnull=False
    )
