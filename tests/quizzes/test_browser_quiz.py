"""The quiz in a real browser (Playwright + Debian's Chromium): autosave shows "Đã lưu" and
survives a reload; the quiz works with JavaScript off; no serious accessibility violations."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.browser_harness import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _start(page, live_server, quiz):
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.click("text=Bắt đầu làm bài")
    page.wait_for_selector("form.quiz-form")
    return Attempt.objects.get(quiz=quiz)


def test_autosave_then_reload_keeps_the_answer(
    browser_page,
    live_server,
    learner,
    password,
    quiz,
    bank,
):
    page = browser_page
    login(page, live_server, learner.username, password)
    attempt = _start(page, live_server, quiz)
    item = attempt.questions.get(question=bank["single"])
    choice = item.snapshot["choices"][1]  # the page names it by its token, stores its id
    saves = []
    page.on("request", lambda r: saves.append(r) if r.url.endswith("/luu/") else None)
    page.check(f"input[name=q{item.pk}][value='{choice['token']}']")
    page.wait_for_selector(f"#trangthai-{item.pk}:has-text('Đã lưu')")
    item.refresh_from_db()
    assert item.response == {"choice": choice["id"]}
    # quiz.js sent the page's autosave token (quizzes.autosave) with the answer.
    token = page.get_attribute("form.quiz-form", "data-save-token")
    assert token and len(saves) == 1
    assert f'name="save_token"\r\n\r\n{token}\r\n' in saves[0].post_data
    page.reload()
    assert page.is_checked(f"input[name=q{item.pk}][value='{choice['token']}']")
    assert axe_violations(page) == []


def test_quiz_works_with_javascript_off(
    chromium,
    live_server,
    learner,
    password,
    quiz,
    bank,
):
    context = chromium.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    try:
        login(page, live_server, learner.username, password)
        attempt = _start(page, live_server, quiz)
        item = attempt.questions.get(question=bank["single"])
        right = next(c for c in item.snapshot["choices"] if c["fraction"].startswith("100"))
        page.check(f"input[name=q{item.pk}][value='{right['token']}']")
        page.click("button[value=review]")
        page.wait_for_selector("text=Xem lại trước khi nộp")
        page.click("form.quiz-submit button[type=submit]")
        page.wait_for_selector("text=Kết quả")
        assert "Chưa đạt" in page.content()
        attempt.refresh_from_db()
        assert attempt.state == "submitted"
        assert attempt.questions.get(pk=item.pk).response == {"choice": right["id"]}
    finally:
        context.close()
