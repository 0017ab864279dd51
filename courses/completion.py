"""The completion service: the one place that decides "module complete", "requirements met" and
"course complete", from the database (never from the content cache of courses.outline).

Events come in from the places that hold evidence; none of them completes anything itself:
- the reading endpoints (courses.services: heartbeat, "Tôi đã học xong bài này"):
  `reading_recorded(user, module)`;
- the quiz engine (quizzes.services.attempt_graded, inside the grading transaction):
  `quiz_passed(attempt)`;
- the xAPI endpoint (content.h5p.views.xapi_statement): `h5p_result(stored_statement)`.
Rendering a page completes nothing (it only starts the reading clock, courses.services).

Rules (each written once, here):
- a module's effective rule (`module_rule`): passing its quiz whenever a knowledge check is
  attached, else its `completion_rule`; a module completes only on that kind of evidence;
- evidence (`has_evidence`): "viewed" needs the server-measured time since first opening to reach
  ModulePage.required_reading_seconds (the heartbeat path: its visible seconds, checked by
  `reading_recorded`); "quiz" a submitted, passed attempt of the module's quiz; "h5p" a stored
  statement the endpoint judged at the module's pass mark (content.h5p.xapi.counts_as_completion);
- a course's requirements (`requirements_met`): every module required for the enrolment's tracks
  completed, and, when the course has a final test, a passed attempt of it;
- a course completes once per enrolment (a conditional UPDATE), credits the ledger
  (training.TrainingCredit: tiết and title read from the course's database row) in the same
  transaction, and after commit sends `course_completed` once.

`course_completed` (a Django signal, sent with `sender=Enrolment` after the transaction commits;
never sent when it rolls back). Keyword arguments:
    enrolment_id (int), user_id (int), course_id (int), completed_at (aware datetime).
Subscribers (certificates, reports) must be quick: anything heavy (rendering, signing, mail) is a
background task (django_tasks `@task`, `.enqueue(...)` from the receiver).
"""

import logging

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from .models import (
    CompletionRule,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
    ModuleReading,
)

logger = logging.getLogger(__name__)

course_completed = Signal()

SOURCES = {choice.value for choice in ModuleProgress.Source}


# -- rules -----------------------------------------------------------------------------------


def module_rule(module, has_quiz=None):
    """The rule that decides completion of `module`: its quiz whenever one is attached (reading or
    an H5P activity never stands in for a knowledge check), else its `completion_rule`.
    `has_quiz` lets a page that already knows (display only) avoid the query."""
    if has_quiz is None:
        from quizzes.models import Quiz

        has_quiz = bool(module.pk) and Quiz.objects.filter(module_id=module.pk).exists()
    return CompletionRule.QUIZ if has_quiz else module.completion_rule


def has_evidence(user, module, source, now=None):
    """The database's own record behind a "viewed" or "quiz" completion."""
    now = now or timezone.now()
    if source == ModuleProgress.Source.VIEWED:
        reading = ModuleReading.objects.filter(user=user, module=module).first()
        return (
            reading is not None
            and reading.seconds_since_opening(now) >= module.required_reading_seconds
        )
    if source == ModuleProgress.Source.QUIZ:
        from quizzes.models import Attempt

        return (
            Attempt.objects.filter(
                user=user, quiz__module=module, state=Attempt.State.SUBMITTED, passed=True
            )
            .of_current_cycles()
            .exists()
        )
    return True  # h5p: h5p_result judged the stored statement against the module's pass mark


def final_test_passed(user, course):
    """Has `user` a submitted, passed attempt of a final test of `course` in the current cycle?"""
    from quizzes.models import Attempt

    return (
        Attempt.objects.filter(
            user=user, quiz__course_id=course.pk, state=Attempt.State.SUBMITTED, passed=True
        )
        .of_current_cycles()
        .exists()
    )


def requirements_met(enrolment, course):
    """Every module required for the enrolment's tracks is completed and, if the course has a
    final test, it is passed (recorded on the enrolment). Read from the database."""
    from .progress import CourseProgress

    progress = CourseProgress.for_enrolment(enrolment, course, list(course.modules()))
    if not progress.required_count or not progress.all_required_done:
        return False
    return not course.has_final_test() or enrolment.final_test_passed_at is not None


# -- reading the database, not the cache -------------------------------------------------------


def _live_module(module):
    """`module` read again from the database (a routed page may come from the content cache)."""
    pk = getattr(module, "pk", None)
    if pk is None:
        return None
    return ModulePage.objects.live().defer("body").filter(pk=pk).first()


def _course_row(**lookup):
    """The course read from the database now, marked so that the same event does not read it
    twice (`update_course_completion`)."""
    course = CoursePage.objects.filter(**lookup).first()
    if course is not None:
        course._read_by_completion = True
    return course


def _fresh(course):
    return course is not None and getattr(course, "_read_by_completion", False)


# -- events ------------------------------------------------------------------------------------


def record_module_completion(user, module_page, source, enrolment=None, now=None):
    """Mark `module_page` completed for `user` from a server-verified event.

    Idempotent. Returns True when the module is (now or already) complete for an enrolled user,
    False when the user is not enrolled, the module or course is not live, `source` is unknown,
    is not the module's effective rule, or its evidence is missing from the database.
    """
    if source not in SOURCES or user is None or not user.is_authenticated:
        return False
    module = _live_module(module_page)
    # A passed attempt of the module's quiz (the evidence, checked below) proves a quiz is
    # attached, hence that the rule is "quiz": no separate question for that source.
    if module is None or (source != ModuleProgress.Source.QUIZ and source != module_rule(module)):
        return False
    course = _course_row(path=module.course_path)
    if course is None or not course.live:
        return False
    if enrolment is None or enrolment.course_id != course.pk:
        enrolment = Enrolment.objects.current_for(user, course)
    if enrolment is None:
        return False
    now = now or timezone.now()
    if not has_evidence(user, module, source, now):
        return False
    try:
        with transaction.atomic():
            progress, created = ModuleProgress.objects.get_or_create(
                user=user,
                module=module,
                defaults={
                    "status": ModuleProgress.Status.COMPLETED,
                    "source": source,
                    "completed_at": now,
                },
            )
    except IntegrityError:  # a concurrent request created it first
        created = False
        progress = ModuleProgress.objects.get(user=user, module=module)
    if not created and progress.status != ModuleProgress.Status.COMPLETED:
        progress.status = ModuleProgress.Status.COMPLETED
        progress.source = source
        progress.completed_at = now
        progress.save(update_fields=["status", "source", "completed_at"])
    if created or enrolment.completed_at is None:
        update_course_completion(enrolment, course, now=now)
    return True


def reading_recorded(user, module, now=None):
    """The reading endpoints recorded evidence (a heartbeat or the button): complete the module
    if the time the server measured suffices."""
    return record_module_completion(user, module, ModuleProgress.Source.VIEWED, now=now)


def h5p_result(statement):
    """The xAPI endpoint stored `statement` (content.h5p.models.H5PStatement): complete its
    module if the module is assessed by its H5P activity and the result reaches the module's
    pass mark (both read from the database)."""
    from content.h5p.xapi import counts_as_completion

    module = _live_module(statement.module_page)
    if module is None or module_rule(module) != CompletionRule.H5P:
        return False
    if not counts_as_completion(statement.statement, module.h5p_pass_percent):
        return False
    return record_module_completion(statement.user, module, ModuleProgress.Source.H5P)


def record_final_test_passed(user, course_page, now=None):
    """A final test of `course_page` was passed (checked against the attempt in the database)."""
    course = _course_row(pk=getattr(course_page, "pk", None))
    if course is None or user is None or not final_test_passed(user, course):
        return False
    enrolment = Enrolment.objects.current_for(user, course)
    if enrolment is None:
        return False
    now = now or timezone.now()
    if enrolment.final_test_passed_at is None:
        Enrolment.objects.filter(pk=enrolment.pk, final_test_passed_at__isnull=True).update(
            final_test_passed_at=now
        )
        enrolment.refresh_from_db(fields=["final_test_passed_at"])
    update_course_completion(enrolment, course, now=now)
    return True


def on_quiz_passed(user, module_page=None, course_page=None):
    """A passed quiz: a module check completes its module, a final test counts for the course
    (each re-checked against the passed attempt in the database)."""
    result = False
    if module_page is not None:
        result = record_module_completion(user, module_page, ModuleProgress.Source.QUIZ)
    if course_page is not None:
        result = record_final_test_passed(user, course_page) or result
    return result


def quiz_passed(attempt):
    """The quiz engine graded `attempt` as passed (called inside the grading transaction)."""
    if not attempt.passed:
        return False
    quiz = attempt.quiz
    return on_quiz_passed(
        attempt.user,
        module_page=ModulePage(pk=quiz.module_id) if quiz.module_id else None,
        course_page=CoursePage(pk=quiz.course_id) if quiz.course_id else None,
    )


def update_course_completion(enrolment, course=None, now=None):
    """Complete the enrolment if its requirements are met. Returns True if complete."""
    if enrolment.completed_at is not None:
        return True
    if not (_fresh(course) and course.pk == enrolment.course_id):
        course = _course_row(pk=enrolment.course_id)
    if course is None or not requirements_met(enrolment, course):
        return False
    now = now or timezone.now()
    with transaction.atomic():
        updated = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
            completed_at=now
        )
        enrolment.refresh_from_db(fields=["completed_at"])
        if updated:
            _course_completed(enrolment, course)
    return True


def _course_completed(enrolment, course):
    """Inside the completing transaction: credit the ledger, then announce it after commit."""
    from lms.org.snapshots import person_of
    from training.models import TrainingCredit

    # The course row was just read from the database (update_course_completion): its tiết and
    # title, never a cached course object's, go into the permanent record.
    TrainingCredit.objects.credit(
        source=TrainingCredit.Source.COURSE,
        evidence=enrolment,
        user_id=enrolment.user_id,
        title=course.title,
        tiet=course.tiet,
        date=timezone.localdate(enrolment.completed_at),
        person=person_of(enrolment.user_id),
    )
    payload = {
        "enrolment_id": enrolment.pk,
        "user_id": enrolment.user_id,
        "course_id": enrolment.course_id,
        "completed_at": enrolment.completed_at,
    }
    logger.info("course %s completed by user %s", enrolment.course_id, enrolment.user_id)
    transaction.on_commit(lambda: course_completed.send(sender=Enrolment, **payload))
