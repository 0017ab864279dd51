"""In Chromium: the True/False activity speaks Vietnamese, loads only when opened, says
"đã ghi nhận" only once the server accepted a real answer, and the lesson's badge follows
the server's answer without a reload (issue 11, point 4)."""

# ruff: noqa: F811 - the h5p_module fixture is imported from tests/browser/test_h5p.py
import pytest

from tests.browser.test_h5p import h5p_module, is_answered_post, open_activity  # noqa: F401
from tests.browser_harness import login
from tests.conftest import TESTDATA, needs_corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), needs_corpus]

ALL_LABELS = """b => Array.from(b.querySelectorAll('[aria-label], [title]'))
    .map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || ''))"""
ENGLISH = ("True", "False", "Check", "Retry", "Show solution", "You got", "points")


def is_xapi_post(response):
    return "/h5p/xapi/" in response.url and response.request.method == "POST"


def test_truefalse_in_vietnamese_recorded_only_after_a_real_answer(
    browser_page,
    live_server,
    learner,
    password,
    h5p_module,
):
    from courses.models import ModuleProgress

    module, _package = h5p_module
    page = browser_page
    frames_requested = []
    page.on("request", lambda r: frames_requested.append(r.url) if "/h5p/play/" in r.url else None)
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{module.url}")
    page.wait_for_load_state("networkidle")

    # Not opened yet: no player, nothing of the package fetched, nothing said.
    assert page.locator(".h5p-player iframe").count() == 0
    assert frames_requested == []
    badge = page.locator("[data-module-badge]")
    assert badge.inner_text() == "Chưa hoàn thành"
    status = page.locator(".h5p-status")

    with page.expect_response(is_xapi_post) as started:  # "attempted", as the player starts
        open_activity(page)
    assert "verbs/attempted" in started.value.request.post_data
    assert started.value.ok
    frame = page.frame_locator(".h5p-player iframe")
    for label in ("Đúng", "Sai"):
        frame.get_by_text(label, exact=True).wait_for()
    check = frame.get_by_role("button", name="Kiểm tra")
    check.wait_for()
    assert "ghi nhận" not in status.inner_text()  # nothing answered yet
    assert not ModuleProgress.objects.filter(user=learner).exists()

    frame.get_by_text("Sai", exact=True).click()
    with page.expect_response(is_answered_post) as posted:
        check.click()
    assert posted.value.json() == {"recorded": True, "module_completed": True}
    page.locator(".h5p-status", has_text="Kết quả đã được ghi nhận.").wait_for()
    assert "hoàn thành bài học" in status.inner_text()
    # The score line and the activity's buttons are Vietnamese, nothing English is left.
    body = frame.locator("body")
    frame.get_by_text("Bạn được 1/1 điểm").wait_for()
    text = body.inner_text()
    assert "Làm lại" in text or "Xem đáp án" in text or "Chính xác" in text, text
    for word in ENGLISH:
        assert word not in text, (word, text)
    labels = body.evaluate(
        "b => Array.from(b.querySelectorAll('[aria-label]')).map(e => e.getAttribute('aria-label'))"
    )
    for label in labels:
        assert not any(word in label for word in ENGLISH), labels
    # The badge follows the server's answer, no reload.
    assert badge.inner_text() == "Đã hoàn thành"
    assert "done" in badge.get_attribute("class")
    progress = ModuleProgress.objects.get(user=learner, module_id=module.pk)
    assert progress.status == ModuleProgress.Status.COMPLETED


DRAGTEXT = TESTDATA / "h5p" / "valid" / "dragtext.h5p"


def test_dragtext_interface_is_vietnamese(
    browser_page,
    live_server,
    learner,
    password,
    h5p_module,
    trainer,
):
    from wagtail.models import ReferenceIndex

    from content.h5p.services import import_package

    module, _package = h5p_module
    package = import_package(DRAGTEXT, user=trainer)
    module.body = [("h5p", {"package": package, "title": "Kéo thả", "instructions": ""})]
    module.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(module)
    page = browser_page
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{module.url}")
    open_activity(page)
    frame = page.frame_locator(".h5p-player iframe")
    check = frame.get_by_role("button", name="Kiểm tra")
    check.wait_for()
    body = frame.locator("body")
    check.click()
    frame.get_by_role("button", name="Làm lại").wait_for()
    frame.get_by_role("button", name="Xem đáp án").wait_for()
    text = body.inner_text()
    labels = " | ".join(body.evaluate(ALL_LABELS))
    assert "Từ thứ 1 trong 3 từ kéo được." in text and "Bạn được 0 trên 3 điểm" in text
    assert "Ô thả số 1" in labels and "Xem gợi ý" in labels
    # The library's English interface defaults are gone; the author's own (English) question
    # and feedback stay as written.
    for english in ("Drop Zone", "draggable", "Show tip", "Check", "Retry", "Show solution"):
        assert english.lower() not in (text + labels).lower(), english
    assert "What are the colors" in text


def test_an_answer_the_server_refuses_is_not_called_recorded(
    browser_page, live_server, learner, password, h5p_module
):
    from content.h5p.models import H5PStatement
    from courses.models import ModuleProgress

    module, _package = h5p_module
    page = browser_page
    login(page, live_server, learner.username, password)
    page.goto(f"{live_server.url}{module.url}")
    # A stale or forged attempt token: the server refuses every statement (403).
    page.evaluate("document.querySelector('[data-h5p-player]').dataset.attempt = 'cu'")
    open_activity(page)
    frame = page.frame_locator(".h5p-player iframe")
    frame.get_by_text("Sai", exact=True).click()
    with page.expect_response(is_answered_post) as posted:
        frame.get_by_role("button", name="Kiểm tra").click()
    assert posted.value.status == 403
    status = page.locator(".h5p-status")
    status.get_by_text("kết quả này không được ghi nhận").wait_for()
    assert "Kết quả đã được ghi nhận" not in status.inner_text()
    assert page.locator("[data-module-badge]").inner_text() == "Chưa hoàn thành"
    assert not H5PStatement.objects.exists()
    assert not ModuleProgress.objects.filter(user=learner).exists()
