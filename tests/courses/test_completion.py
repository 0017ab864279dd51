"""The completion service (courses.completion): every rule through it, decided from the database;
one `course_completed` event after commit per completed course, none on rollback; heavy
subscriber work goes to a background task."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from content.h5p.models import H5PStatement
from courses import completion
from courses.models import (
    CompletionRule,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
    ModuleReading,
)
from quizzes.models import Attempt, Quiz
from training.models import TrainingCredit

pytestmark = pytest.mark.django_db


def read_long_ago(user, module):
    opened = timezone.now() - timedelta(hours=1)
    ModuleReading.objects.create(
        user=user, module=module, first_opened_at=opened, last_beat_at=opened
    )


def passed_attempt(quiz, user, passed=True):
    return Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=Attempt.objects.filter(quiz=quiz, user=user).count() + 1,
        state=Attempt.State.SUBMITTED,
        submitted_at=timezone.now(),
        score=Decimal("100") if passed else Decimal("10"),
        passed=passed,
        pass_mark=quiz.pass_mark,
        review_policy=quiz.review_policy,
    )


@pytest.fixture
def received():
    """Every `course_completed` sent during the test, with its keyword payload."""
    events = []

    def receiver(sender, **kwargs):
        kwargs.pop("signal", None)
        events.append((sender, kwargs))

    completion.course_completed.connect(receiver, dispatch_uid="test-completion-received")
    yield events
    completion.course_completed.disconnect(dispatch_uid="test-completion-received")


def nothing_changed(user, enrolment):
    enrolment.refresh_from_db()
    return (
        not ModuleProgress.objects.filter(user=user).exists()
        and enrolment.completed_at is None
        and enrolment.final_test_passed_at is None
        and not TrainingCredit.objects.filter(user=user).exists()
    )


# -- module rules -----------------------------------------------------------------------------


def test_module_rule_is_the_quiz_whenever_one_is_attached(modules):
    module = modules[0]
    assert completion.module_rule(module) == CompletionRule.VIEWED
    Quiz.objects.create(title="Kiểm tra bài 1", module=module, pass_mark=Decimal("80"))
    assert completion.module_rule(module) == CompletionRule.QUIZ
    assert module.effective_completion_rule() == CompletionRule.QUIZ  # the page asks the service


def test_reading_recorded_completes_only_with_enough_server_measured_time(
    learner, modules, enrolled
):
    module = modules[0]
    assert not completion.reading_recorded(learner, module)  # no clock at all
    ModuleReading.objects.create(user=learner, module=module)  # opened just now
    assert not completion.reading_recorded(learner, module)
    assert nothing_changed(learner, enrolled)
    ModuleReading.objects.filter(user=learner, module=module).update(
        first_opened_at=timezone.now() - timedelta(seconds=module.required_reading_seconds)
    )
    assert completion.reading_recorded(learner, module)
    assert ModuleProgress.objects.get(user=learner, module=module).source == "viewed"


def test_quiz_passed_completes_the_module_from_the_attempt_in_the_database(
    learner, modules, enrolled
):
    module = modules[0]
    quiz = Quiz.objects.create(title="Kiểm tra bài 1", module=module, pass_mark=Decimal("80"))
    failed = passed_attempt(quiz, learner, passed=False)
    assert not completion.quiz_passed(failed)
    assert nothing_changed(learner, enrolled)
    # An attempt object that claims a pass the database does not hold completes nothing.
    failed.passed = True
    assert not completion.quiz_passed(failed)
    assert nothing_changed(learner, enrolled)
    assert completion.quiz_passed(passed_attempt(quiz, learner))
    assert ModuleProgress.objects.get(user=learner, module=module).source == "quiz"


def _stored_statement(user, module, raw, success):
    from content.h5p.models import H5PPackage

    package = H5PPackage.objects.create(title="Gói thử", main_library="H5P.TrueFalse")
    return H5PStatement.objects.create(
        user=user,
        package=package,
        module_page=module,
        verb="http://adlnet.gov/expapi/verbs/answered",
        score_raw=raw,
        score_max=10,
        success=success,
        statement={
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "result": {"score": {"raw": raw, "max": 10}, "success": success},
        },
    )


def test_h5p_result_needs_the_h5p_rule_and_the_pass_mark_read_from_the_database(
    learner, modules, enrolled
):
    module = modules[0]
    ModulePage.objects.filter(pk=module.pk).update(
        completion_rule=CompletionRule.H5P, h5p_pass_percent=90
    )
    # The object in hand is stale (still "viewed", pass mark 80): the service reads the row.
    assert not completion.h5p_result(_stored_statement(learner, module, 8, None))
    assert nothing_changed(learner, enrolled)
    assert not completion.h5p_result(_stored_statement(learner, module, 10, False))
    assert nothing_changed(learner, enrolled)
    assert completion.h5p_result(_stored_statement(learner, module, 9, None))
    assert ModuleProgress.objects.get(user=learner, module=module).source == "h5p"


def test_final_test_counts_only_with_a_passed_attempt(learner, course, modules, enrolled):
    quiz = Quiz.objects.create(title="Cuối khóa", course=course, pass_mark=Decimal("80"))
    for module in modules:
        read_long_ago(learner, module)
        assert completion.reading_recorded(learner, module)
    enrolled.refresh_from_db()
    assert enrolled.completed_at is None  # the final test is still to pass
    assert not completion.requirements_met(enrolled, course)
    assert not completion.record_final_test_passed(learner, course)
    enrolled.refresh_from_db()
    assert enrolled.final_test_passed_at is None and enrolled.completed_at is None
    assert completion.quiz_passed(passed_attempt(quiz, learner))
    enrolled.refresh_from_db()
    assert enrolled.final_test_passed_at is not None and enrolled.completed_at is not None


def test_requirements_follow_the_enrolment_tracks(make_course, learner):
    course = make_course(2, slug="theo-nhom", tracks_of={2: "C"})
    enrolment, _ = Enrolment.objects.enrol(learner, course)
    first, leaders_only = list(course.modules())
    assert not completion.requirements_met(enrolment, course)
    read_long_ago(learner, first)
    completion.reading_recorded(learner, first)
    assert completion.requirements_met(enrolment, course)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert not ModuleProgress.objects.filter(module=leaders_only).exists()


def test_the_service_ignores_a_stale_module_object(learner, modules, enrolled):
    """A routed page may come from the content cache: the rule is read from the database."""
    stale = modules[0]
    ModulePage.objects.filter(pk=stale.pk).update(completion_rule=CompletionRule.H5P)
    read_long_ago(learner, stale)
    assert stale.completion_rule == CompletionRule.VIEWED
    assert not completion.reading_recorded(learner, stale)
    assert nothing_changed(learner, enrolled)


# -- the after-commit event -------------------------------------------------------------------


def complete_all(user, modules):
    for module in modules:
        read_long_ago(user, module)
        completion.reading_recorded(user, module)


def test_course_completed_is_sent_once_after_commit_with_its_payload(
    learner, course, modules, enrolled, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        complete_all(learner, modules)
        assert received == []  # not before the commit
        # Reported again (a second tab, a replayed beat, the quiz): nothing more is sent.
        completion.reading_recorded(learner, modules[-1])
        completion.update_course_completion(Enrolment.objects.get(pk=enrolled.pk))
    enrolled.refresh_from_db()
    assert len(callbacks) == 1
    assert received == [
        (
            Enrolment,
            {
                "enrolment_id": enrolled.pk,
                "user_id": learner.pk,
                "course_id": course.pk,
                "completed_at": enrolled.completed_at,
            },
        )
    ]
    assert TrainingCredit.objects.filter(user=learner).count() == 1


def test_course_completed_is_not_sent_when_the_transaction_rolls_back(
    learner, modules, enrolled, received, django_capture_on_commit_callbacks
):
    for module in modules:
        read_long_ago(learner, module)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        for module in modules:
            completion.reading_recorded(learner, module)
        assert Enrolment.objects.get(pk=enrolled.pk).completed_at is not None
        raise RuntimeError("the request fails after completing")
    assert callbacks == [] and received == []
    assert nothing_changed(learner, enrolled)


heavy_work_done = []


@task()
def render_for_completion(enrolment_id):
    """A stand-in for a subscriber's heavy work (rendering, signing a certificate)."""
    heavy_work_done.append(enrolment_id)
    return enrolment_id


def test_a_subscriber_enqueues_its_heavy_work_as_a_background_task(
    learner, modules, enrolled, django_capture_on_commit_callbacks
):
    results = []

    def subscriber(sender, enrolment_id, **kwargs):
        results.append(render_for_completion.enqueue(enrolment_id))

    completion.course_completed.connect(subscriber, dispatch_uid="test-completion-heavy")
    heavy_work_done.clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            complete_all(learner, modules)
    finally:
        completion.course_completed.disconnect(dispatch_uid="test-completion-heavy")
    assert [r.status for r in results] == [TaskResultStatus.SUCCESSFUL]  # immediate backend
    assert heavy_work_done == [enrolled.pk]


# -- through the real endpoints ---------------------------------------------------------------


def test_rendering_completes_nothing_and_the_reading_endpoint_reports_to_the_service(
    client_for, learner, modules, enrolled, received, django_capture_on_commit_callbacks
):
    client = client_for(learner)
    with django_capture_on_commit_callbacks(execute=True):
        for module in modules:
            client.get(module.url)
    assert not ModuleProgress.objects.exists() and received == []
    ModuleReading.objects.filter(user=learner).update(
        first_opened_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        for module in modules:
            client.post(reverse("courses:reading-done", args=[module.pk]))
    assert ModuleProgress.objects.filter(user=learner).count() == len(modules)
    assert len(received) == 1


def test_course_path_is_the_parent_path(course, modules):
    assert all(m.course_path == course.path for m in modules)
    assert CoursePage.objects.get(path=modules[0].course_path).pk == course.pk
