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


def _callout_html(kind, title):
    from content.blocks import CalloutBlock

    block = CalloutBlock()
    value = block.to_python({"kind": kind, "title": title, "body": "<p>Luật 91/2025/QH15.</p>"})
    with translation.override("vi"):
        return str(block.render(value))


def test_a_legal_callout_titled_with_its_label_shows_the_label_once():
    html = _callout_html("legal", "Căn cứ pháp lý")
    assert "Căn cứ pháp lý: Căn cứ pháp lý" not in html
    assert html.count("Căn cứ pháp lý") == 2  # the aside's aria-label and the visible label


def test_a_callout_with_its_own_title_keeps_label_and_title():
    html = _callout_html("legal", "Căn cứ pháp lý về dữ liệu cá nhân")
    assert "Căn cứ pháp lý: Căn cứ pháp lý về dữ liệu cá nhân" in html


def test_objectives_speak_to_the_learner_like_the_lessons():
    """The lessons say "anh/chị"; the objectives did say "học viên" (docs/glossary.md)."""
    import importlib
    import pkgutil

    from courses import curriculum

    objectives = []
    modules = [curriculum] + [
        importlib.import_module(f"courses.curriculum.{info.name}")
        for info in pkgutil.iter_modules(curriculum.__path__)
    ]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, dict) and "objectives" in value:
                objectives.extend(value["objectives"])
    assert len(objectives) >= 40
    third_person = [text for text in objectives if "học viên" in text]
    assert not third_person, third_person
    assert all("anh/chị" in text for text in objectives)


# Wagtail's templates put our names (verbose names, workflow and task names) into its own
# sentences; the translations are worded so that the result reads as Vietnamese.
WORKFLOW = "Duyệt nội dung đào tạo"
TASK = "Sở Nội vụ duyệt nội dung"


@pytest.mark.parametrize(
    "msgid, params, expected",
    [
        ("Choose %(object)s", {"object": "năng lực"}, "Chọn năng lực"),
        (
            "Submit to %(workflow_name)s",
            {"workflow_name": WORKFLOW},
            f"Gửi vào quy trình “{WORKFLOW}”",
        ),
        ("Resubmit to %(task_name)s", {"task_name": TASK}, f"Gửi lại cho bước “{TASK}”"),
        (
            "The %(model_name)s could not be created due to errors.",
            {"model_name": "câu hỏi"},
            "Chưa tạo được câu hỏi vì có lỗi.",
        ),
        (
            "%(model_name)s '%(object)s' created.",
            {"model_name": "Câu hỏi", "object": "Mật khẩu mạnh"},
            "Đã tạo Câu hỏi “Mật khẩu mạnh”.",
        ),
        ("History", {}, "Lịch sử"),
        ("Home", {}, "Trang chủ"),
        ("Delete", {}, "Xóa"),
        ("Search term", {}, "Từ khóa tìm kiếm"),
    ],
)
def test_wagtail_sentences_read_well_with_our_names(msgid, params, expected):
    from django.utils.translation import gettext

    with translation.override("vi"):
        text = gettext(msgid)
    assert (text % params if params else text) == expected


def test_the_dashboard_names_the_waiting_step_in_vietnamese():
    """ "Awaiting" + task name on the dashboard, "Changes requested at" + task name."""
    from django.utils.translation import gettext

    with translation.override("vi"):
        assert f"{gettext('Awaiting')} {TASK}" == f"Đang chờ {TASK}"
        assert f"{gettext('Changes requested at')} {TASK}" == f"Bị yêu cầu chỉnh sửa ở bước {TASK}"


def test_the_account_form_asks_for_the_family_name_first(trainer, client_for):
    html = client_for(trainer).get("/admin/account/").content.decode()
    family, given = html.find("-last_name"), html.find("-first_name")
    assert family != -1 and given != -1
    assert family < given
