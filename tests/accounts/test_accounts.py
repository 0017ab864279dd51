"""Login, logout, password change/reset and throttling, in Vietnamese."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"


def test_login_page_is_vietnamese(client):
    response = client.get(LOGIN)
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<h1>Đăng nhập</h1>" in html
    assert "Quên mật khẩu?" in html


def test_learner_logs_in_and_lands_on_my_courses(client, learner, password):
    response = client.post(LOGIN, {"username": learner.username, "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("courses:my-courses")
    assert "Khóa học của tôi" in response.content.decode()
    assert response.context["user"] == learner


def test_staff_lands_on_wagtail_admin(client, home_affairs, password):
    response = client.post(LOGIN, {"username": home_affairs.username, "password": password})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("wagtailadmin_home")


def test_wrong_password_is_refused_in_vietnamese(client, learner):
    response = client.post(LOGIN, {"username": learner.username, "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu chưa đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_post_requires_csrf(learner, password):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": learner.username, "password": password})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_dashboard_requires_login(client):
    response = client.get(reverse("courses:my-courses"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_logout_is_post_only(client_for, learner):
    client = client_for(learner)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_password_change(client_for, learner, password):
    client = client_for(learner)
    new = "mot-cau-mat-khau-dai-2026"
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": password,
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password(new)


def test_password_change_rejects_short_password_in_vietnamese(client_for, learner, password):
    client = client_for(learner)
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": password,
            "new_password1": "abc",
            "new_password2": "abc",
        },
    )
    assert response.status_code == 200
    assert "quá ngắn" in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(password)


def test_password_reset_sends_vietnamese_email(client, learner):
    response = client.post(reverse("accounts:password-reset"), {"email": learner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]
    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    assert "/tai-khoan/dat-lai-mat-khau/" in mail.outbox[0].body


def test_password_reset_for_unknown_email_sends_nothing_and_does_not_tell(client):
    response = client.post(reverse("accounts:password-reset"), {"email": "ai-do@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_lockout_after_five_failures_with_vietnamese_message(client, learner, learner_b, password):
    for _ in range(5):
        client.post(LOGIN, {"username": learner.username, "password": "sai"})
    response = client.post(LOGIN, {"username": learner.username, "password": password})
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Colleagues behind the same ward NAT address are not locked out.
    other = client.post(LOGIN, {"username": learner_b.username, "password": password})
    assert other.status_code == 302


def test_learner_cannot_enter_wagtail_admin(client_for, learner):
    response = client_for(learner).get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
