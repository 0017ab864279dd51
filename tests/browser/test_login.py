"""End-to-end: a learner logs in through the real form and lands on their dashboard."""

import pytest

from .conftest import axe_violations, login

pytestmark = pytest.mark.django_db(transaction=True)


def test_learner_logs_in_and_sees_dashboard_in_vietnamese(
    browser_page, live_server, learner, password
):
    login(browser_page, live_server, learner.username, password)

    assert browser_page.url.endswith("/hoc-tap/")
    assert browser_page.locator("h1").inner_text() == "Khóa học của tôi"
    assert "Nguyễn Thị Mai" in browser_page.content()
    assert browser_page.locator("html").get_attribute("lang") == "vi"
    assert axe_violations(browser_page) == []


def test_wrong_password_shows_vietnamese_error(browser_page, live_server, learner):
    login(browser_page, live_server, learner.username, "sai-mat-khau")

    assert "/tai-khoan/dang-nhap/" in browser_page.url
    assert "mật khẩu chưa đúng" in browser_page.locator("[role=alert]").inner_text()
