"""Taking a quiz end to end through the learner views (JavaScript off and on)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from courses.models import Enrolment, ModuleProgress
from quizzes.models import Attempt, AttemptQuestion, Choice

from .conftest import right_answers


def start(client, quiz):
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


@pytest.mark.django_db
def test_quiz_page_shows_settings_and_start_button(client_for, learner, quiz):
    response = client_for(learner).get(reverse("quizzes:quiz", args=[quiz.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Bắt đầu làm bài" in text
    assert "7 câu hỏi" in text
    assert "Điểm đạt: 80\u00a0%" in text  # no trailing zeros (pass_mark is 80.00)


@pytest.mark.django_db
def test_learner_passes_without_javascript_and_module_completes(client_for, learner, quiz, module):
    client = client_for(learner)
    attempt = start(client, quiz)
    assert attempt.questions.count() == 7
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    assert "Câu một đáp án?" in page.content.decode()
    # "Xem lại và nộp bài" saves the page and shows the summary; "Nộp bài" there submits.
    data = right_answers(attempt) | {"action": "review", "trang": "1"}
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)
    assert response.url == reverse("quizzes:summary", args=[attempt.pk])
    response = client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.score == Decimal("100.00")
    assert attempt.passed is True
    assert ModuleProgress.objects.filter(user=learner, module=module, status="completed").exists()
    result = client.get(reverse("quizzes:result", args=[attempt.pk]))
    text = result.content.decode()
    assert "Điểm: <strong>100\u00a0%</strong>" in text
    assert "Đạt" in text
    assert "Vì luật." in text  # explanation shown under the "feedback" review policy


@pytest.mark.django_db
def test_failing_does_not_complete_the_module(client_for, learner, quiz, module, bank):
    client = client_for(learner)
    attempt = start(client, quiz)
    item = attempt.questions.get(question=bank["single"])
    wrong = next(c for c in item.snapshot["choices"] if c["fraction"] == "0.00000")
    client.post(
        reverse("quizzes:submit", args=[attempt.pk]),
        {"shown": [item.pk], f"q{item.pk}": wrong["token"], "da_xem_lai": "1"},
    )
    attempt.refresh_from_db()
    assert attempt.score == Decimal("0.00")
    assert attempt.passed is False
    assert not ModuleProgress.objects.filter(user=learner, module=module).exists()


@pytest.mark.django_db
def test_autosave_stores_each_answer_and_resume_shows_it(client_for, learner, quiz, bank):
    client = client_for(learner)
    attempt = start(client, quiz)
    item = attempt.questions.get(question=bank["short"])
    response = client.post(
        reverse("quizzes:save", args=[attempt.pk]),
        {"shown": item.pk, f"q{item.pk}": "  91/2025/QH15 "},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True
    item.refresh_from_db()
    assert item.response == {"text": "91/2025/QH15"}
    # The tab was closed; a new visit (new client, same user) shows the saved answer.
    page = client_for(learner).get(reverse("quizzes:attempt", args=[attempt.pk]))
    assert 'value="91/2025/QH15"' in page.content.decode()


@pytest.mark.django_db
def test_starting_twice_resumes_the_attempt_in_progress(client_for, learner, quiz):
    client = client_for(learner)
    first = start(client, quiz)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    assert Attempt.objects.filter(user=learner, quiz=quiz).count() == 1
    assert Attempt.objects.get(user=learner, quiz=quiz).pk == first.pk


@pytest.mark.django_db
def test_editing_a_question_never_changes_a_started_attempt(client_for, learner, quiz, bank):
    client = client_for(learner)
    attempt = start(client, quiz)
    question = bank["single"]
    question.stem = "<p>Câu hỏi đã sửa</p>"
    question.save()
    Choice.objects.filter(question=question, fraction=100).update(text="Đáp án mới")
    page = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()
    assert "Câu một đáp án?" in page
    assert "Câu hỏi đã sửa" not in page
    assert "Đáp án mới" not in page
    item = attempt.questions.get(question=question)
    assert item.question_version == 1
    question.refresh_from_db()
    assert question.version == 2


@pytest.mark.django_db
def test_attempt_records_unit_and_department_at_the_time(client_for, learner, quiz, ward_b):
    client = client_for(learner)
    attempt = start(client, quiz)
    person = learner.person
    old_unit = person.unit
    person.unit = ward_b
    person.save()
    attempt.refresh_from_db()
    assert attempt.unit == old_unit
    assert attempt.unit_name == "Phường Sài Gòn"
    assert attempt.department_name == person.department.name


@pytest.mark.django_db
def test_paging_saves_the_page_and_moves_on(client_for, learner, make_quiz, module, bank, enrolled):
    quiz = make_quiz(list(bank.values()), module=module, questions_per_page=2)
    client = client_for(learner)
    attempt = start(client, quiz)
    first = attempt.questions.get(position=1)
    data = right_answers(attempt)
    page_data = {k: v for k, v in data.items() if k.startswith(f"q{first.pk}")}
    response = client.post(
        reverse("quizzes:attempt", args=[attempt.pk]),
        {
            "shown": [first.pk, attempt.questions.get(position=2).pk],
            "trang": 1,
            "action": "next",
            **page_data,
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?trang=2")
    first.refresh_from_db()
    assert first.response is not None
    page2 = client.get(response["Location"]).content.decode()
    assert "Trang 2/4" in page2
    assert 'id="cau-3"' in page2 and 'id="cau-1"' not in page2


@pytest.mark.django_db
def test_attempts_allowed_are_enforced(client_for, learner, make_quiz, module, bank, enrolled):
    quiz = make_quiz([bank["single"]], module=module, attempts_allowed=1)
    client = client_for(learner)
    attempt = start(client, quiz)
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    response = client.post(reverse("quizzes:start", args=[quiz.pk]), follow=True)
    assert "Bạn đã dùng hết số lần làm bài." in response.content.decode()
    assert Attempt.objects.filter(quiz=quiz).count() == 1


@pytest.mark.django_db
def test_grading_method_highest_or_last(learner, make_quiz, module, bank, enrolled):
    quiz = make_quiz([bank["single"]], module=module)
    first, _ = quiz.start_attempt(learner)
    item = first.questions.get()
    right = next(c["id"] for c in item.snapshot["choices"] if c["fraction"].startswith("100"))
    first.save_responses({item.pk: {"choice": right}})
    first.submit()
    second, _ = quiz.start_attempt(learner)
    second.submit()
    assert quiz.final_attempt(learner).pk == first.pk
    quiz.grading_method = "last"
    assert quiz.final_attempt(learner).pk == second.pk


@pytest.mark.django_db
def test_random_rule_prefers_questions_not_seen_before(
    learner, make_quiz, module, category, enrolled
):
    from .conftest import make_single

    for i in range(6):
        make_single(category, stem=f"Câu {i}")
    quiz = make_quiz(module=module, random_from=category, count=3)
    first, _ = quiz.start_attempt(learner)
    first.submit()
    second, _ = quiz.start_attempt(learner)
    seen = set(first.questions.values_list("question_id", flat=True))
    again = set(second.questions.values_list("question_id", flat=True))
    assert len(seen) == 3 and len(again) == 3
    assert not seen & again


@pytest.mark.django_db
def test_review_policy_score_only_hides_answers(
    client_for, learner, make_quiz, module, bank, enrolled
):
    quiz = make_quiz([bank["single"]], module=module, review_policy="score")
    client = client_for(learner)
    attempt = start(client, quiz)
    client.post(reverse("quizzes:submit", args=[attempt.pk]), {"da_xem_lai": "1"})
    text = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert "chỉ cho xem điểm" in text
    assert "Câu một đáp án?" not in text
    assert "đáp án đúng" not in text


@pytest.mark.django_db
def test_final_test_pass_records_the_enrolment(
    client_for, learner, make_quiz, course, bank, enrolled
):
    quiz = make_quiz([bank["single"]], course=course)
    client = client_for(learner)
    attempt = start(client, quiz)
    client.post(
        reverse("quizzes:submit", args=[attempt.pk]), right_answers(attempt) | {"da_xem_lai": "1"}
    )
    attempt.refresh_from_db()
    assert attempt.passed
    assert Enrolment.objects.get(pk=enrolled.pk).final_test_passed_at is not None


@pytest.mark.django_db
def test_snapshot_keeps_choices_even_if_question_deleted_later(
    learner, make_quiz, module, category, enrolled
):
    from .conftest import make_single

    q = make_single(category)
    quiz = make_quiz([q], module=module)
    attempt, _ = quiz.start_attempt(learner)
    attempt.submit()
    item = AttemptQuestion.objects.get(attempt=attempt)
    assert [c["text"] for c in item.snapshot["choices"]] == ["Đúng rồi", "Sai 1", "Sai 2"]
