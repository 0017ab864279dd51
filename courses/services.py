"""Cross-app workflows around progress: module completed → course completed → tiết credited →
(certificates, later). Callers: the reading endpoints (viewed: courses.views), the H5P xAPI
endpoint (h5p), the quiz engine (quiz, final test: quizzes.services.attempt_graded). Every entry
point checks enrolment itself; none trusts the caller's claim that the learner may study the
module, and "viewed" and "quiz" completions are re-checked against the database's own evidence
(the reading clock, a passed attempt).

Which evidence completes a module (ModulePage.effective_completion_rule):
- a module with a knowledge check attached completes only when its quiz is passed, whatever its
  completion rule says;
- "viewed": the server-measured time since the learner first opened the lesson reaches
  ModulePage.required_reading_seconds (half the estimated minutes, 1 to 20 minutes). The page's
  heartbeat completes it once the *visible* time counted by beats reaches that; the
  "Tôi đã học xong bài này" button (no JavaScript needed) once the time since first opening does;
- "h5p": an xAPI statement the endpoint judged successful (content.h5p.xapi.counts_as_completion).
"""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import (
    CompletionRule,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
    ModuleReading,
    TrainingCredit,
)
from .progress import CourseProgress

logger = logging.getLogger(__name__)

SOURCES = {choice.value for choice in ModuleProgress.Source}


def _course_of(module_page):
    return CoursePage.objects.filter(path=module_page.path[: -module_page.steplen]).first()


def _has_evidence(user, module_page, source, now):
    """The database's own record behind a "viewed" or "quiz" completion."""
    if source == ModuleProgress.Source.VIEWED:
        reading = ModuleReading.objects.filter(user=user, module=module_page).first()
        return (
            reading is not None
            and reading.seconds_since_opening(now) >= module_page.required_reading_seconds
        )
    if source == ModuleProgress.Source.QUIZ:
        from quizzes.models import Attempt

        return Attempt.objects.filter(
            user=user, quiz__module=module_page, state=Attempt.State.SUBMITTED, passed=True
        ).exists()
    return True  # h5p: the xAPI endpoint judged the statement against the module's pass mark


def record_module_completion(user, module_page, source, enrolment=None, now=None):
    """Mark `module_page` completed for `user` from a server-verified event.

    Idempotent. Returns True when the module is (now or already) complete for an enrolled user,
    False when the user is not enrolled, the module or course is not live, `source` is unknown,
    is not the module's effective rule, or its evidence is missing from the database.
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
    now = now or timezone.now()
    if not _has_evidence(user, module_page, source, now):
        return False
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


def record_module_opened(user, module_page, now=None):
    """A learner who may study a "viewed" lesson opened it: start its reading clock once.

    One statement (INSERT that does nothing when the record exists), so a lesson GET costs one
    cheap write at most. Completes nothing."""
    now = now or timezone.now()
    ModuleReading.objects.bulk_create(
        [ModuleReading(user=user, module=module_page, first_opened_at=now, last_beat_at=now)],
        ignore_conflicts=True,
    )


@dataclass(frozen=True)
class ReadingState:
    """What the reading endpoints tell the learner."""

    opened: bool  # False: no reading clock (the lesson was never opened, or is quiz-assessed)
    completed: bool
    seconds: int = 0  # visible time counted by heartbeats
    since_opening: int = 0  # wall time since the first opening
    required: int = 0

    @property
    def minutes_left(self):
        """Whole minutes still to read by the button's measure (rounded up)."""
        return max(0, -(-(self.required - self.since_opening) // 60))


def _reading_rule_applies(module_page):
    return module_page.effective_completion_rule() == CompletionRule.VIEWED


def record_reading_beat(user, module_page, now=None):
    """A heartbeat from the open lesson: add the server-measured time since the previous beat
    (capped, ModuleReading.add_beat); complete the module once the visible time suffices."""
    now = now or timezone.now()
    if not _reading_rule_applies(module_page):
        return ReadingState(opened=False, completed=False)
    with transaction.atomic():
        reading = (
            ModuleReading.objects.select_for_update().filter(user=user, module=module_page).first()
        )
        if reading is None:
            return ReadingState(opened=False, completed=False)
        if reading.add_beat(now):
            reading.save(update_fields=["seconds", "last_beat_at"])
    required = module_page.required_reading_seconds
    completed = reading.seconds >= required and record_module_completion(
        user, module_page, ModuleProgress.Source.VIEWED, now=now
    )
    return ReadingState(
        opened=True,
        completed=completed,
        seconds=reading.seconds,
        since_opening=reading.seconds_since_opening(now),
        required=required,
    )


def finish_reading(user, module_page, now=None):
    """The "Tôi đã học xong bài này" button: complete the module if the server-measured time
    since the learner first opened it reaches the required reading time."""
    now = now or timezone.now()
    if not _reading_rule_applies(module_page):
        return ReadingState(opened=False, completed=False)
    reading = ModuleReading.objects.filter(user=user, module=module_page).first()
    if reading is None:
        return ReadingState(opened=False, completed=False)
    completed = record_module_completion(user, module_page, ModuleProgress.Source.VIEWED, now=now)
    return ReadingState(
        opened=True,
        completed=completed,
        seconds=reading.seconds,
        since_opening=reading.seconds_since_opening(now),
        required=module_page.required_reading_seconds,
    )


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
    """A passed quiz (the quiz engine calls this from Attempt.submit, through
    quizzes.services.attempt_graded): a module check completes its module (re-checked against
    the passed attempt); a final test counts for the course."""
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
