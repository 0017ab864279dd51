"""Issue 11, "Words": the login error is friendly, and the words follow docs/glossary.md."""

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"
FRIENDLY = (
    "Tên đăng nhập hoặc mật khẩu chưa đúng. Anh/chị kiểm tra lại (chú ý chữ hoa, chữ thường)."
)
STIFF = "Vui lòng điền vào"


def test_a_wrong_password_gets_the_friendly_message(learner):
    client = Client()
    response = client.post(LOGIN, {"username": learner.username, "password": "sai-mat-khau"})
    body = response.content.decode()
    assert response.status_code == 200
    assert FRIENDLY in body
    assert STIFF not in body
    assert "_auth_user_id" not in client.session


def test_an_unknown_user_gets_the_same_message(db):
    """The message does not tell whether the account exists."""
    response = Client().post(LOGIN, {"username": "khong-ton-tai", "password": "sai-mat-khau"})
    assert FRIENDLY in response.content.decode()


def test_the_right_password_still_logs_in(learner, password):
    client = Client()
    client.post(LOGIN, {"username": learner.username, "password": password})
    assert client.session.get("_auth_user_id") == str(learner.pk)


def test_django_and_wagtail_login_messages_are_overridden_too():
    """Other login forms (Wagtail's admin login, any AuthenticationForm) use the overrides."""
    from django.contrib.auth.forms import AuthenticationForm

    with translation.override("vi"):
        message = str(AuthenticationForm.error_messages["invalid_login"])
        assert STIFF not in message
        assert message.startswith("Chưa đúng %(username)s hoặc mật khẩu")
