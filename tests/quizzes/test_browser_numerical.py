"""A numerical question in a real browser: typing a number autosaves it, garbage shows the
server's Vietnamese message under the question and nothing is stored."""

import os

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.browser_harness import axe_violations, login

from .conftest import make_numerical

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typed_number_autosaves_and_garbage_is_explained(
    browser_page, live_server, learner, password, make_quiz, module, category, enrolled
):
    quiz = make_quiz([make_numerical(category)], module=module)
    page = browser_page
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.click("text=Bắt đầu làm bài")
    page.wait_for_selector("form.quiz-form")
    item = Attempt.objects.get(quiz=quiz).questions.get()
    field = f"#f-{item.pk}"
    status = f"#trangthai-{item.pk}"

    page.fill(field, "ba phẩy năm")
    page.wait_for_selector(f"{status}:has-text('không phải là một số')")
    item.refresh_from_db()
    assert item.response is None

    page.fill(field, "3,5")
    page.wait_for_selector(f"{status}:has-text('Đã lưu')")
    item.refresh_from_db()
    assert item.response == {"value": "3.5", "text": "3,5"}
    if os.environ.get("QUIZ_SCREENSHOT"):
        page.screenshot(path=os.environ["QUIZ_SCREENSHOT"], full_page=True)
    page.reload()
    assert page.input_value(field) == "3,5"
    assert axe_violations(page) == []
