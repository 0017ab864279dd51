"""The summary page before submitting (issue 11, item 5), without JavaScript: the Django client
walks the same forms a browser with JavaScript off would post."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, AttemptQuestion

from .conftest import right_answers


def _start(client, quiz):
    assert client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 302
    return Attempt.objects.latest("pk")


def _answers_for(attempt, positions):
    """right_answers() for the questions at `positions` only (the others stay unanswered)."""
    data = right_answers(attempt)
    keep = {str(aq.pk) for aq in attempt.questions.filter(position__in=positions)}
    answers = {"shown": data["shown"]}
    for key, value in data.items():
        if key == "shown":
            continue
        aq = re.match(r"q(\d+)", key).group(1)
        if aq in keep:
            answers[key] = value
    return answers


@pytest.fixture
def started(client_for, learner, quiz):
    client = client_for(learner)
    return client, _start(client, quiz)


@pytest.mark.django_db
def test_the_attempt_page_offers_review_and_no_direct_submit(started):
    client, attempt = started
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert "Xem lại và nộp bài" in html
    assert 'value="review"' in html
    assert 'value="submit"' not in html
    assert (
        reverse("quizzes:submit", args=[attempt.pk]) + '"' not in html.split("data-submit-url")[0]
    )
    assert ">Nộp bài<" not in html


@pytest.mark.django_db
def test_review_button_saves_the_page_and_opens_the_summary_without_spending_the_attempt(started):
    client, attempt = started
    data = _answers_for(attempt, [1, 2, 3]) | {"action": "review", "trang": "1"}
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)
    assert response.status_code == 302
    assert response.url == reverse("quizzes:summary", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert attempt.questions.filter(response__isnull=False).count() == 3


@pytest.mark.django_db
def test_an_old_forms_submit_action_also_goes_to_the_summary(started):
    client, attempt = started
    data = right_answers(attempt) | {"action": "submit", "trang": "1"}
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)
    assert response.url == reverse("quizzes:summary", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS


@pytest.mark.django_db
def test_summary_lists_each_question_answered_or_not_with_links_and_the_unanswered_count(started):
    client, attempt = started
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        _answers_for(attempt, [1, 2, 3, 4]) | {"action": "save"},
    )
    html = client.get(reverse("quizzes:summary", args=[attempt.pk])).content.decode()
    total = attempt.questions.count()
    assert total == 7
    rows = re.findall(r'<tr class="(answered|unanswered)">(.*?)</tr>', html, re.S)
    assert [state for state, _row in rows] == ["answered"] * 4 + ["unanswered"] * 3
    for position, (_state, row) in enumerate(rows, start=1):
        link = reverse("quizzes:attempt", args=[attempt.pk]) + f"?trang=1#cau-{position}"
        assert f'href="{link}"' in row
        assert f"Câu {position}<" in row
    assert "Còn 3 câu chưa trả lời. Sau khi nộp, anh/chị không sửa được nữa." in html
    assert "Đã trả lời 4/7 câu" in html
    # The only submit: a form to the submit URL carrying the summary's confirmation.
    form = re.search(
        r'<form method="post" action="([^"]+)" class="quiz-submit">(.*?)</form>', html, re.S
    )
    assert form.group(1) == reverse("quizzes:submit", args=[attempt.pk])
    assert '<input type="hidden" name="da_xem_lai" value="1">' in form.group(2)
    assert "csrfmiddlewaretoken" in form.group(2)


@pytest.mark.django_db
def test_summary_links_point_to_the_page_holding_each_question(client_for, learner, quiz):
    quiz.questions_per_page = 3
    quiz.save()
    client = client_for(learner)
    attempt = _start(client, quiz)
    html = client.get(reverse("quizzes:summary", args=[attempt.pk])).content.decode()
    base = reverse("quizzes:attempt", args=[attempt.pk])
    assert f'href="{base}?trang=1#cau-3"' in html
    assert f'href="{base}?trang=2#cau-4"' in html
    assert f'href="{base}?trang=3#cau-7"' in html
    assert "Còn 7 câu chưa trả lời." in html


@pytest.mark.django_db
def test_all_answered_summary_says_so(started):
    client, attempt = started
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), right_answers(attempt) | {"action": "save"}
    )
    html = client.get(reverse("quizzes:summary", args=[attempt.pk])).content.decode()
    assert "Anh/chị đã trả lời cả 7 câu. Sau khi nộp, anh/chị không sửa được nữa." in html
    assert "chưa trả lời." not in html


@pytest.mark.django_db
def test_a_post_straight_to_submit_without_the_summary_saves_but_does_not_grade(started):
    client, attempt = started
    data = right_answers(attempt)  # what the attempt page's form would carry, no confirmation
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]), data)
    assert response.url == reverse("quizzes:summary", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert attempt.score is None
    assert attempt.questions.filter(response__isnull=True).count() == 0  # the answers were kept
    # A wrong value in the field is no confirmation either.
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "yes"})
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS


@pytest.mark.django_db
def test_the_summary_form_submits_and_grades_once(started):
    client, attempt = started
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]), right_answers(attempt) | {"action": "save"}
    )
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    assert response.url == reverse("quizzes:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.closed_by == Attempt.Closure.LEARNER
    assert attempt.score == 100
    # The summary of a closed attempt leads to the result, never to a second submit.
    assert client.get(reverse("quizzes:summary", args=[attempt.pk])).url == reverse(
        "quizzes:result", args=[attempt.pk]
    )


@pytest.mark.django_db
def test_after_the_deadline_the_countdowns_submit_needs_no_confirmation(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=10)
    client = client_for(learner)
    attempt = _start(client, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=2))
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]), right_answers(attempt))
    assert response.url == reverse("quizzes:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.closed_by == Attempt.Closure.DEADLINE
    assert attempt.score == 100  # the answers posted within the grace were kept


@pytest.mark.django_db
def test_flags_are_saved_with_the_page_and_shown_on_the_summary(started):
    client, attempt = started
    first, third = attempt.questions.filter(position__in=[1, 3]).order_by("position")
    data = _answers_for(attempt, [1]) | {"action": "save", f"f{first.pk}": "1", f"f{third.pk}": "1"}
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)
    assert set(AttemptQuestion.objects.filter(attempt=attempt, flagged=True)) == {first, third}
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert f'name="f{first.pk}" value="1" checked' in html
    summary = client.get(reverse("quizzes:summary", args=[attempt.pk])).content.decode()
    assert "2 câu đánh dấu xem lại" in summary
    rows = re.findall(r"<tr class=\"(?:un)?answered\">(.*?)</tr>", summary, re.S)
    assert ["Đánh dấu xem lại" in row for row in rows] == [True, False, True] + [False] * 4
    # Unticking a flag on the next save clears it.
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        _answers_for(attempt, [1]) | {"action": "save", f"f{third.pk}": "1"},
    )
    assert set(AttemptQuestion.objects.filter(attempt=attempt, flagged=True)) == {third}


@pytest.mark.django_db
def test_autosave_stores_the_flag_and_reports_whether_each_question_is_answered(started):
    client, attempt = started
    item = attempt.questions.get(position=1)
    data = _answers_for(attempt, [1])
    post = {"shown": str(item.pk), f"q{item.pk}": data[f"q{item.pk}"], f"f{item.pk}": "1"}
    response = client.post(reverse("quizzes:save", args=[attempt.pk]), post)
    assert response.json()["ok"] is True
    assert response.json()["answered"] == {str(item.pk): True}
    item.refresh_from_db()
    assert item.flagged is True and item.response is not None
    response = client.post(reverse("quizzes:save", args=[attempt.pk]), {"shown": str(item.pk)})
    assert response.json()["answered"] == {str(item.pk): False}
    item.refresh_from_db()
    assert item.flagged is False and item.response is None


@pytest.mark.django_db
def test_the_counter_counts_answers_not_saves_of_empty_questions(started):
    client, attempt = started
    # Saving the page with nothing ticked stamps answered_at on all seven but answers none.
    client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {"shown": [str(aq.pk) for aq in attempt.questions.all()], "action": "save"},
    )
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert "Đã trả lời 0/7 câu" in html


@pytest.mark.django_db
def test_the_countdown_is_outside_any_live_region(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=10)
    client = client_for(learner)
    attempt = _start(client, quiz)
    for url in ("quizzes:attempt", "quizzes:summary"):
        html = client.get(reverse(url, args=[attempt.pk])).content.decode()
        bar = re.search(r'<div class="quiz-bar"[^>]*>.*?</div>', html, re.S).group(0)
        assert 'class="timer"' in bar
        assert "role=" not in bar and "aria-live" not in bar
        assert '<p class="visually-hidden" role="status" id="timer-alert"></p>' in html


@pytest.mark.django_db
def test_someone_elses_summary_is_a_404(started, client_for, learner_b):
    _client, attempt = started
    assert (
        client_for(learner_b).get(reverse("quizzes:summary", args=[attempt.pk])).status_code == 404
    )
    other = client_for(learner_b)
    other.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS


@pytest.mark.django_db
def test_summary_is_get_only_and_needs_login(started, client):
    own, attempt = started
    assert own.post(reverse("quizzes:summary", args=[attempt.pk])).status_code == 405
    response = client.get(reverse("quizzes:summary", args=[attempt.pk]))
    assert response.status_code == 302 and "dang-nhap" in response.url
