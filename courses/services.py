"""Cross-app workflows around progress: module completed → course completed → tiết credited →
(certificates, later). Callers: module pages (viewed), the H5P xAPI endpoint (h5p), the quiz
engine (quiz, final test). Every entry point checks enrolment itself; none trusts the caller's
claim that the learner may study the module.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import CoursePage, Enrolment, ModulePage, ModuleProgress, TrainingCredit
from .progress import CourseProgress

logger = logging.getLogger(__name__)

SOURCES = {choice.value for choice in ModuleProgress.Source}


def _course_of(module_page):
    return CoursePage.objects.filter(path=module_page.path[: -module_page.steplen]).first()


def record_module_completion(user, module_page, source, enrolment=None):
    """Mark `module_page` completed for `user` from a server-verified event.

    Idempotent. Returns True when the module is (now or already) complete for an enrolled user,
    False when the user is not enrolled, the module or course is not live, or `source` is unknown.
    """
    if source not in SOURCES or user is None or not user.is_authenticated:
        return False
    if not isinstance(module_page, ModulePage):
        module_page = module_page.specific
        if not isinstance(module_page, ModulePage):
            return False
    if not module_page.live or not module_page.accepts_completion_from(source):
        return False
    course = getattr(module_page, "course", None) or _course_of(module_page)
    if course is None or not course.live:
        return False
    if enrolment is None:
        enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is None:
        return False
    now = timezone.now()
    try:
        with transaction.atomic():
            progress, created = ModuleProgress.objects.get_or_create(
                user=user,
                module=module_page,
                defaults={
                    "status": ModuleProgress.Status.COMPLETED,
                    "source": source,
                    "completed_at": now,
                },
            )
    except IntegrityError:  # a concurrent request created it first
        created = False
        progress = ModuleProgress.objects.get(user=user, module=module_page)
    if not created and progress.status != ModuleProgress.Status.COMPLETED:
        progress.status = ModuleProgress.Status.COMPLETED
        progress.source = source
        progress.completed_at = now
        progress.save(update_fields=["status", "source", "completed_at"])
    if created or enrolment.completed_at is None:
        update_course_completion(enrolment, course)
    return True


def record_final_test_passed(user, course_page):
    """The quiz engine calls this when `user` passes the final test of `course_page`."""
    enrolment = Enrolment.objects.filter(user=user, course=course_page).first()
    if enrolment is None:
        return False
    if enrolment.final_test_passed_at is None:
        enrolment.final_test_passed_at = timezone.now()
        enrolment.save(update_fields=["final_test_passed_at"])
    update_course_completion(enrolment, course_page)
    return True


def on_quiz_passed(user, module_page=None, course_page=None):
    """A passed quiz: a module check completes its module; a final test counts for the course."""
    result = False
    if module_page is not None:
        result = record_module_completion(user, module_page, ModuleProgress.Source.QUIZ)
    if course_page is not None:
        result = record_final_test_passed(user, course_page) or result
    return result


def update_course_completion(enrolment, course=None):
    """Recompute completion from ModuleProgress; complete the enrolment when every required
    module is done (and the final test passed, if the course has one). Returns True if complete."""
    if enrolment.completed_at is not None:
        return True
    course = course or enrolment.course
    progress = CourseProgress.for_enrolment(enrolment, course, list(course.modules()))
    if not progress.required_count or not progress.all_required_done:
        return False
    if course.has_final_test() and enrolment.final_test_passed_at is None:
        return False
    with transaction.atomic():
        updated = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
            completed_at=timezone.now()
        )
        enrolment.refresh_from_db(fields=["completed_at"])
        if updated:
            course_completed(enrolment, course)
    return True


def course_completed(enrolment, course=None):
    """Hook point for the certificates issue. Credits the course's tiết to the yearly ledger."""
    course = course or enrolment.course
    year = timezone.localtime(enrolment.completed_at).year
    TrainingCredit.objects.get_or_create(
        user_id=enrolment.user_id,
        course=course,
        year=year,
        defaults={
            "tiet": course.tiet,
            "course_title": course.title,
            "earned_at": enrolment.completed_at,
        },
    )
    logger.info("course %s completed by user %s", course.pk, enrolment.user_id)
