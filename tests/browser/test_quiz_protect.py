"""The quiz protects learners, in Chromium (issue 11, item 5): the answered counter follows the
autosaves, the countdown is outside any live region and a hidden one says only "Còn 5 phút" and
"Còn 1 phút", and the summary's "Nộp bài" asks once more naming the unanswered questions."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import Attempt
from tests.browser_harness import axe_violations, login
from tests.quizzes import conftest as quiz_fixtures

# The quiz app's fixtures, shared with this folder.
course, module, enrolled = quiz_fixtures.course, quiz_fixtures.module, quiz_fixtures.enrolled
category, bank, make_quiz = quiz_fixtures.category, quiz_fixtures.bank, quiz_fixtures.make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _seconds_shown(page):
    m, s = re.search(r"(\d+):(\d\d)", page.text_content(".timer")).groups()
    return int(m) * 60 + int(s)


def test_counter_countdown_announcements_and_the_summary_confirmation(
    browser_page, live_server, learner, password, make_quiz, module, bank, enrolled
):
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=10)
    page = browser_page
    login(page, live_server, learner.username, password)
    page.clock.install()  # real time keeps flowing; fast_forward jumps to the marks
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.click("text=Bắt đầu làm bài")
    page.wait_for_selector("form.quiz-form")
    attempt = Attempt.objects.get(quiz=quiz)
    assert page.text_content(".answered-count").strip() == "Đã trả lời 0/7 câu"

    # Three answers saved by the autosave: the counter says 3 without a reload.
    items = {aq.snapshot["type"]: aq for aq in attempt.questions.all()}
    single, truefalse, multiple = items["single"], items["truefalse"], items["multiple"]
    page.check(f"input[name=q{single.pk}][value='{single.snapshot['choices'][0]['token']}']")
    page.check(f"input[name=q{truefalse.pk}][value='{truefalse.snapshot['choices'][1]['token']}']")
    page.check(f"input[name=q{multiple.pk}][value='{multiple.snapshot['choices'][0]['token']}']")
    for aq in (single, truefalse, multiple):
        page.wait_for_selector(f"#trangthai-{aq.pk}:has-text('Đã lưu ')")
    expect(page.locator(".answered-count")).to_have_text("Đã trả lời 3/7 câu")
    assert attempt.questions.filter(response__isnull=False).count() == 3
    # Unticking the only choice of a multiple-answer question takes it back to 2.
    page.uncheck(f"input[name=q{multiple.pk}][value='{multiple.snapshot['choices'][0]['token']}']")
    expect(page.locator(".answered-count")).to_have_text("Đã trả lời 2/7 câu")
    page.check(f"input[name=q{multiple.pk}][value='{multiple.snapshot['choices'][0]['token']}']")
    expect(page.locator(".answered-count")).to_have_text("Đã trả lời 3/7 câu")
    # A review mark rides on the same autosave.
    page.check(f"input[name=f{single.pk}]")
    page.wait_for_timeout(300)
    page.wait_for_selector(f"#trangthai-{single.pk}:has-text('Đã lưu ')")
    single.refresh_from_db()
    assert single.flagged is True

    # The countdown: not inside any live region; the hidden region is silent until 5 minutes.
    live = "[aria-live], [role=status], [role=alert], [role=timer], [role=log]"
    assert page.locator(".timer").evaluate(f"el => !!el.closest('{live}')") is False
    region = page.locator("#timer-alert")
    assert region.get_attribute("role") == "status"
    assert region.text_content() == ""
    assert region.evaluate("el => el.getBoundingClientRect().width <= 1")
    page.clock.fast_forward((_seconds_shown(page) - 298) * 1000)
    expect(region).to_have_text("Còn 5 phút")
    page.clock.fast_forward(10_000)  # ticking on changes the countdown, not the region
    page.wait_for_timeout(1100)
    assert _seconds_shown(page) < 290
    assert region.text_content() == "Còn 5 phút"
    page.clock.fast_forward((_seconds_shown(page) - 58) * 1000)
    expect(region).to_have_text("Còn 1 phút")

    # "Xem lại và nộp bài" goes to the summary; nothing is submitted yet.
    page.click("button[value=review]")
    page.wait_for_selector("form.quiz-submit")
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert "Còn 4 câu chưa trả lời. Sau khi nộp, anh/chị không sửa được nữa." in page.text_content(
        "form.quiz-submit"
    )
    assert axe_violations(page) == []
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click("form.quiz-submit button[type=submit]")
    page.wait_for_timeout(300)
    assert dialogs == [
        "Nộp bài ngay? Còn 4 câu chưa trả lời. Sau khi nộp, anh/chị không sửa được nữa."
    ]
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.IN_PROGRESS  # cancelled: still open
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("form.quiz-submit button[type=submit]")
    page.wait_for_selector("text=Kết quả")
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.closed_by == Attempt.Closure.LEARNER


@pytest.mark.parametrize("where", ["attempt", "summary"])
def test_when_time_runs_out_the_page_submits_itself_as_the_deadlines(
    where, browser_page, live_server, learner, password, make_quiz, module, bank, enrolled
):
    """The countdown's own submit needs no confirmation once the server's deadline has passed;
    the attempt is closed by the deadline, with the answer saved before it."""
    quiz = make_quiz(list(bank.values()), module=module, time_limit_minutes=10)
    page = browser_page
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{reverse('quizzes:quiz', args=[quiz.pk])}")
    page.click("text=Bắt đầu làm bài")
    page.wait_for_selector("form.quiz-form")
    attempt = Attempt.objects.get(quiz=quiz)
    single = attempt.questions.get(question=bank["single"])
    page.check(f"input[name=q{single.pk}][value='{single.snapshot['choices'][0]['token']}']")
    page.wait_for_selector(f"#trangthai-{single.pk}:has-text('Đã lưu ')")
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=3))
    page.goto(f"{live_server.url}{reverse(f'quizzes:{where}', args=[attempt.pk])}")
    page.wait_for_selector("text=Kết quả", timeout=15_000)
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.SUBMITTED
    assert attempt.closed_by == Attempt.Closure.DEADLINE
    assert attempt.questions.get(pk=single.pk).response is not None
