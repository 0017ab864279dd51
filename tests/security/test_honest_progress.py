"""Honest progress (issue 8, point 4): a module is completed only on evidence the server measured
or graded itself.

Attacks reproduced before the fix: a module with a knowledge check completed by one page view
with no attempt; a "viewed" module completed the moment it opened (0.4 s on a 45-minute lesson);
an xAPI `answered` statement with raw 0 and `success: false` completed an H5P module. Every
attack test below asserts that nothing changed (no ModuleProgress row, no completed enrolment,
no tiết credited), not only the status code.
"""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from content.h5p.models import H5PStatement
from courses import services
from courses.models import (
    Enrolment,
    ModulePage,
    ModuleProgress,
    ModuleReading,
    required_reading_seconds,
)
from quizzes.models import Attempt, Quiz, QuizQuestion
from tests.content.conftest import make_module, truefalse_file
from tests.content.test_h5p_xapi import ANSWERED, post, xapi_url
from tests.courses.conftest import course_index, make_course  # noqa: F401 (fixtures)
from tests.quizzes.conftest import make_single, right_answers
from training.models import TrainingCredit

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(timezone.datetime(2026, 3, 2, 8, 0))


@pytest.fixture
def course(make_course):  # noqa: F811 (the imported fixture)
    return make_course(2)


@pytest.fixture
def lesson(course):
    """A 45-minute "viewed" lesson (the courses fixture's default rule)."""
    return list(course.modules())[0]


@pytest.fixture
def enrolled(learner, course):
    return Enrolment.objects.enrol(learner, course)[0]


def beat_url(module):
    return reverse("courses:reading-beat", args=[module.pk])


def done_url(module):
    return reverse("courses:reading-done", args=[module.pk])


def nothing_completed(user):
    return (
        not ModuleProgress.objects.filter(user=user).exists()
        and not Enrolment.objects.filter(user=user, completed_at__isnull=False).exists()
        and not TrainingCredit.objects.filter(user=user).exists()
    )


# -- the reading-time rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "seconds"),
    [(0, 60), (1, 60), (2, 60), (10, 300), (15, 450), (40, 1200), (45, 1200), (240, 1200)],
)
def test_required_reading_time_is_half_the_estimate_between_one_and_twenty_minutes(
    minutes, seconds
):
    assert required_reading_seconds(minutes) == seconds
    assert ModulePage(estimated_minutes=minutes).required_reading_seconds == seconds


# -- "viewed" needs time on the page, measured by the server ------------------------------------


def test_opening_a_viewed_lesson_does_not_complete_it(client_for, learner, lesson, enrolled):
    with time_machine.travel(T0, tick=False):
        for _ in range(3):
            html = client_for(learner).get(lesson.url).content.decode()
    assert "Chưa hoàn thành" in html and "Tôi đã học xong bài này" in html
    assert nothing_completed(learner)
    reading = ModuleReading.objects.get(user=learner, module=lesson)
    assert reading.first_opened_at == T0 and reading.seconds == 0


def test_done_button_right_after_opening_is_refused_with_minutes_left(
    client_for, learner, lesson, enrolled
):
    client = client_for(learner)
    with time_machine.travel(T0, tick=False):
        client.get(lesson.url)
    with time_machine.travel(T0 + timedelta(minutes=5), tick=False):
        response = client.post(done_url(lesson), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    # 45 minutes → 20 minutes required; 5 read → 15 more.
    assert "cần học thêm khoảng 15 phút" in html
    assert nothing_completed(learner)


def test_forged_heartbeat_burst_adds_nothing(client_for, learner, lesson, enrolled):
    client = client_for(learner)
    with time_machine.travel(T0, tick=True):
        client.get(lesson.url)
        answers = [client.post(beat_url(lesson)) for _ in range(40)]
    assert all(r.status_code == 200 for r in answers)
    assert all(r.json()["completed"] is False for r in answers)
    assert ModuleReading.objects.get(user=learner, module=lesson).seconds <= 5
    assert nothing_completed(learner)


def test_heartbeats_after_a_long_absence_add_at_most_one_beat_cap(
    client_for, learner, lesson, enrolled
):
    """A tab left hidden for an hour (no beats) does not count that hour as reading time."""
    client = client_for(learner)
    with time_machine.travel(T0, tick=False):
        client.get(lesson.url)
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        answer = client.post(beat_url(lesson)).json()
    assert answer["seconds"] == 60 and answer["completed"] is False
    assert nothing_completed(learner)


def test_heartbeats_every_30_seconds_complete_the_lesson_after_the_required_time(
    client_for, learner, lesson, enrolled
):
    client = client_for(learner)
    with time_machine.travel(T0, tick=False):
        client.get(lesson.url)
    required = lesson.required_reading_seconds
    beats = required // 30
    for number in range(1, beats + 1):
        with time_machine.travel(T0 + timedelta(seconds=30 * number), tick=False):
            answer = client.post(beat_url(lesson)).json()
        if number < beats:
            assert answer["completed"] is False, number
            assert not ModuleProgress.objects.filter(user=learner).exists()
    assert answer == {"seconds": required, "required": required, "completed": True}
    progress = ModuleProgress.objects.get(user=learner, module=lesson)
    assert progress.status == ModuleProgress.Status.COMPLETED and progress.source == "viewed"


def test_done_button_completes_after_enough_server_time_without_javascript(
    client_for, learner, lesson, enrolled
):
    client = client_for(learner)
    with time_machine.travel(T0, tick=False):
        client.get(lesson.url)
    with time_machine.travel(T0 + timedelta(minutes=19, seconds=50), tick=False):
        client.post(done_url(lesson))
    assert nothing_completed(learner)
    with time_machine.travel(T0 + timedelta(minutes=20), tick=False):
        response = client.post(done_url(lesson), follow=True)
    assert "Đã ghi nhận: bạn đã học xong bài này." in response.content.decode()
    progress = ModuleProgress.objects.get(user=learner, module=lesson)
    assert (progress.source, progress.completed_at) == ("viewed", T0 + timedelta(minutes=20))


def test_done_button_without_ever_opening_the_lesson_records_nothing(
    client_for, learner, lesson, enrolled
):
    from django.contrib.messages import get_messages

    response = client_for(learner).post(done_url(lesson))
    assert response.status_code == 302
    assert "Hãy mở bài học" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert nothing_completed(learner) and not ModuleReading.objects.exists()
    assert client_for(learner).post(beat_url(lesson)).status_code == 409
    assert not ModuleReading.objects.exists()


def test_reading_endpoints_refuse_learners_not_enrolled_and_get(
    client_for, learner, learner_b, lesson, enrolled
):
    with time_machine.travel(T0, tick=False):
        client_for(learner_b).get(lesson.url)
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        assert client_for(learner_b).post(beat_url(lesson)).status_code == 404
        assert client_for(learner_b).post(done_url(lesson)).status_code == 404
    assert client_for(learner).get(done_url(lesson)).status_code == 405
    assert not ModuleReading.objects.filter(user=learner_b).exists()
    assert nothing_completed(learner_b)


def test_reading_endpoints_need_csrf(learner, lesson, enrolled):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner, backend="django.contrib.auth.backends.ModelBackend")
    with time_machine.travel(T0, tick=False):
        client.get(lesson.url)
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        assert client.post(done_url(lesson)).status_code == 403
        assert client.post(beat_url(lesson)).status_code == 403
    assert nothing_completed(learner)


def test_the_service_refuses_viewed_without_reading_evidence(learner, lesson, enrolled):
    assert not services.record_module_completion(learner, lesson, "viewed")
    assert nothing_completed(learner)


def test_preview_records_no_reading(client_for, admin_user, lesson):
    client_for(admin_user).get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert not ModuleReading.objects.exists() and not ModuleProgress.objects.exists()


# -- a module with a quiz completes only by passing it --------------------------------------------


@pytest.fixture
def checked_lesson(lesson):
    """The "viewed" lesson with a knowledge check attached (one single-choice question)."""
    from quizzes.models import Category

    quiz = Quiz.objects.create(
        title="Kiểm tra bài 1",
        module=lesson,
        pass_mark=Decimal("80"),
        shuffle_questions=False,
        shuffle_choices=False,
    )
    question = make_single(Category.objects.create(name="Bài 1"))
    QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=0)
    return lesson, quiz


def test_module_with_a_quiz_is_not_completed_by_views_time_or_the_button(
    client_for, learner, checked_lesson, enrolled
):
    lesson, _quiz = checked_lesson
    client = client_for(learner)
    with time_machine.travel(T0, tick=False):
        html = client.get(lesson.url).content.decode()
    assert "Tôi đã học xong bài này" not in html
    assert "phút · Đạt bài kiểm tra" in html  # the rule that applies, not the "viewed" setting
    with time_machine.travel(T0 + timedelta(hours=3), tick=False):
        client.get(lesson.url)
        client.post(beat_url(lesson))
        client.post(done_url(lesson))
    assert not services.record_module_completion(learner, lesson, "viewed")
    assert not services.record_module_completion(learner, lesson, "h5p")
    assert nothing_completed(learner)


def test_quiz_source_without_a_passed_attempt_completes_nothing(learner, checked_lesson, enrolled):
    lesson, _quiz = checked_lesson
    assert not services.on_quiz_passed(learner, module_page=lesson)
    assert not services.record_module_completion(learner, lesson, "quiz")
    assert nothing_completed(learner)


def test_passing_the_quiz_through_the_real_submit_completes_the_module(
    client_for, learner, checked_lesson, enrolled
):
    lesson, quiz = checked_lesson
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner, quiz=quiz)
    data = right_answers(attempt) | {"da_xem_lai": "1"}
    client.post(reverse("quizzes:submit", args=[attempt.pk]), data)
    attempt.refresh_from_db()
    assert attempt.passed is True
    progress = ModuleProgress.objects.get(user=learner, module=lesson)
    assert (progress.status, progress.source) == (ModuleProgress.Status.COMPLETED, "quiz")


# -- xAPI completes an H5P module only on success or a score at its threshold ----------------------


@pytest.fixture
def h5p_lesson(settings, tmp_path, trainer, course):
    from content.h5p.services import import_package

    settings.MEDIA_ROOT = str(tmp_path / "media")
    return make_module(course, import_package(truefalse_file(), user=trainer), slug="dung-sai")


def answered(**result):
    return {**ANSWERED, "result": result}


@pytest.mark.parametrize(
    "result",
    [
        {"score": {"min": 0, "max": 1, "raw": 0}, "success": False, "completion": True},
        {"score": {"min": 0, "max": 1, "raw": 0}, "completion": True},
        {"score": {"min": 0, "max": 10, "raw": 7}, "completion": True},
        {"score": {"scaled": 0.79}},
        {"score": {"min": 0, "max": 1, "raw": 1, "scaled": 1}, "success": False},
        {"completion": True},
    ],
    ids=["raw0-failed", "raw0", "70-percent", "scaled-0.79", "success-false", "completion-only"],
)
def test_xapi_failure_or_low_score_does_not_complete(
    client_for, learner, h5p_lesson, enrolled, result
):
    package = h5p_lesson.body[0].value["package"]
    response = post(client_for(learner), xapi_url(h5p_lesson, package), answered(**result))
    assert response.status_code == 200
    assert response.json() == {"recorded": True, "module_completed": False}
    assert H5PStatement.objects.count() == 1
    assert nothing_completed(learner)


@pytest.mark.parametrize(
    "result",
    [
        {"score": {"min": 0, "max": 1, "raw": 1}, "success": True},
        {"success": True},
        {"score": {"min": 0, "max": 10, "raw": 8}},
        {"score": {"scaled": 0.8}},
    ],
    ids=["success", "success-without-score", "80-percent", "scaled-0.8"],
)
def test_xapi_success_or_score_at_the_threshold_completes(
    client_for, learner, h5p_lesson, enrolled, result
):
    package = h5p_lesson.body[0].value["package"]
    response = post(client_for(learner), xapi_url(h5p_lesson, package), answered(**result))
    assert response.json() == {"recorded": True, "module_completed": True}
    assert ModuleProgress.objects.get(user=learner, module=h5p_lesson).source == "h5p"


def test_xapi_threshold_is_the_modules(client_for, learner, h5p_lesson, enrolled):
    ModulePage.objects.filter(pk=h5p_lesson.pk).update(h5p_pass_percent=100)
    package = h5p_lesson.body[0].value["package"]
    client = client_for(learner)
    nine = answered(score={"min": 0, "max": 10, "raw": 9}, completion=True)
    assert post(client, xapi_url(h5p_lesson, package), nine).json()["module_completed"] is False
    assert nothing_completed(learner)
    full = answered(score={"min": 0, "max": 10, "raw": 10}, completion=True)
    assert post(client, xapi_url(h5p_lesson, package), full).json()["module_completed"] is True


def test_threshold_is_editable_in_the_admin_with_vietnamese_help(client_for, home_affairs, lesson):
    html = client_for(home_affairs).get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert 'name="h5p_pass_percent"' in html
    assert "Tỉ lệ điểm tối thiểu" in html


def test_statement_body_in_the_database_is_what_the_rule_read(
    client_for, learner, h5p_lesson, enrolled
):
    """The stored statement keeps the result the decision was made on (for audit)."""
    package = h5p_lesson.body[0].value["package"]
    failed = answered(score={"min": 0, "max": 1, "raw": 0}, success=False)
    post(client_for(learner), xapi_url(h5p_lesson, package), json.dumps(failed))
    stored = H5PStatement.objects.get()
    assert (stored.score_raw, stored.success) == (0, False)
