"""The quiz pages cost the same number of queries for 10 and 50 questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes.models import Attempt

from .conftest import make_bank, right_answers


def _queries(client, method, url, data=None):
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response
    return len(ctx.captured_queries)


@pytest.fixture
def two_quizzes(make_quiz, module, course, category, enrolled):
    questions = []
    for _ in range(9):  # 54 questions of every type
        questions.extend(make_bank(category).values())
    small = make_quiz(questions[:10], module=module)
    large = make_quiz(questions[:50], course=course)
    return small, large


@pytest.mark.django_db
def test_attempt_page_queries_do_not_grow_with_questions(client_for, learner, two_quizzes):
    client = client_for(learner)
    client.get(reverse("quizzes:quiz", args=[two_quizzes[0].pk]))  # warm the site/page caches
    counts = {}
    for quiz in two_quizzes:
        client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(quiz=quiz, user=learner)
        assert attempt.questions.count() in (10, 50)
        url = reverse("quizzes:attempt", args=[attempt.pk])
        counts[quiz.pk] = (
            _queries(client, "get", url),
            _queries(
                client,
                "post",
                reverse("quizzes:attempt", args=[attempt.pk]),
                right_answers(attempt) | {"action": "save"},
            ),
            _queries(client, "post", reverse("quizzes:submit", args=[attempt.pk])),
            _queries(client, "get", reverse("quizzes:result", args=[attempt.pk])),
        )
    small, large = (counts[q.pk] for q in two_quizzes)
    assert small[0] == large[0] <= 8
    assert small[1] == large[1]
    assert small[3] == large[3] <= 8
    # Submitting grades every question in one bulk update; the course-progress calls differ
    # between a module check and a final test, not with the number of questions.
    assert large[2] <= 40


@pytest.mark.django_db
def test_autosave_costs_a_handful_of_queries(
    client_for, learner, quiz, bank, django_assert_max_num_queries
):
    client = client_for(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=learner)
    item = attempt.questions.get(question=bank["short"])
    with django_assert_max_num_queries(8):
        response = client.post(
            reverse("quizzes:save", args=[attempt.pk]), {"shown": item.pk, f"q{item.pk}": "x"}
        )
    assert response.json()["ok"]


@pytest.mark.django_db
def test_quiz_card_for_a_module_page(rf, learner, quiz, module):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = learner
    html = Template("{% load quizzes_tags %}{% quiz_card page %}").render(
        Context({"page": module, "request": request})
    )
    assert "Kiểm tra kiến thức" in html
    assert reverse("quizzes:quiz", args=[quiz.pk]) in html
    assert "Làm bài kiểm tra" in html
    empty = Template("{% load quizzes_tags %}{% quiz_card page %}").render(
        Context({"page": None, "request": request})
    )
    assert empty.strip() == ""


@pytest.mark.django_db
def test_module_page_shows_the_learners_quiz_state_within_budget(
    client_for, learner, quiz, module, django_assert_max_num_queries
):
    client = client_for(learner)
    client.get(module.url)  # first visit records the view
    with django_assert_max_num_queries(8):
        html = client.get(module.url).content.decode()
    assert "Làm bài kiểm tra" in html

    client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert "Tiếp tục làm bài" in client.get(module.url).content.decode()

    attempt = Attempt.objects.get(user=learner)
    client.post(reverse("quizzes:submit", args=[attempt.pk]), right_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.passed
    html = client.get(module.url).content.decode()
    assert "Đạt" in html and "100" in html
