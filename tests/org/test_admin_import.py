"""The people import in the Wagtail admin: upload → preview → confirm (POST) → done."""

import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from lms.org.importing import HEADERS
from lms.org.models import Department, Person
from tests.factories import DepartmentFactory, PositionFactory

from .test_import import GOOD, KT, PNG, VP, csv_bytes, xlsx_bytes

UPLOAD = reverse("nhap-can-bo:upload")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def catalogue(ward_a, ward_b):
    DepartmentFactory(unit=ward_a, name=VP)
    DepartmentFactory(unit=ward_b, name=KT)
    PositionFactory(name="Công chức Văn phòng - Thống kê")
    PositionFactory(name="Chủ tịch UBND")


def stored_files(media_root):
    folder = media_root / "org-imports"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def upload(client, data, name="can-bo.xlsx"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def _token(response):
    match = re.search(r"/xem-truoc/([^/]+)/", response["Location"])
    assert match, response["Location"]
    return match.group(1)


# --- Access ---------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_learner_cannot_import(client_for, learner):
    # No admin access at all: Wagtail sends them to its login page.
    response = client_for(learner).get(UPLOAD)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("persona", ["manager_a", "trainer"])
def test_roles_without_people_permissions_are_forbidden(client_for, request, persona, catalogue):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    # Inside the admin a PermissionDenied becomes Wagtail's redirect to the dashboard.
    for response in (
        client.get(UPLOAD),
        upload(client, xlsx_bytes(GOOD)),
        client.get(reverse("nhap-can-bo:template")),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Person.objects.filter(employee_code__startswith="CB").count() == 0


# --- Happy path -----------------------------------------------------------------------------


def test_upload_page_explains_the_columns(client_for, home_affairs):
    html = client_for(home_affairs).get(UPLOAD).content.decode()
    for header in HEADERS:
        assert header in html
    assert "Tải tệp mẫu" in html
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html


def test_full_flow_imports_everyone(client_for, home_affairs, catalogue, private_media):
    client = client_for(home_affairs)
    before = Person.objects.count()

    response = upload(client, xlsx_bytes(GOOD))
    assert response.status_code == 302
    token = _token(response)
    assert len(stored_files(private_media)) == 1

    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Tệp hợp lệ: 3 dòng" in html
    assert "Cán bộ Địa chính" in html  # the position that will be created
    assert Person.objects.count() == before  # nothing written by the preview

    done = client.post(reverse("nhap-can-bo:confirm", args=[token]))
    assert done.status_code == 302 and done["Location"] == reverse("nhap-can-bo:done")
    assert Person.objects.count() == before + 3
    assert Person.objects.get(employee_code="CB001").user.username == "cb001"
    assert stored_files(private_media) == []  # the upload is deleted once used

    html = client.get(done["Location"]).content.decode()
    assert "Đã nhập xong tệp" in html and "can-bo.xlsx" in html
    assert re.search(r"Cán bộ mới</th><td>3<", html)

    # The token is spent: confirming again does nothing.
    assert client.post(reverse("nhap-can-bo:confirm", args=[token])).status_code == 404
    assert Person.objects.count() == before + 3


def test_reimport_through_admin_updates_in_place(client_for, home_affairs, catalogue):
    client = client_for(home_affairs)
    for _round in range(2):
        token = _token(upload(client, csv_bytes(GOOD, bom=True), "a.csv"))
        client.post(reverse("nhap-can-bo:confirm", args=[token]))
    assert Person.objects.filter(employee_code__in=["CB001", "CB002", "CB003"]).count() == 3
    html = client.get(reverse("nhap-can-bo:done")).content.decode()
    assert re.search(r"không thay đổi</th><td>3<", html)


# --- Bad input ------------------------------------------------------------------------------


def test_bad_rows_are_listed_and_nothing_is_imported(
    client_for, home_affairs, catalogue, private_media
):
    client = client_for(home_affairs)
    rows = [GOOD[0], ["", "CB002", "sai-email", "99999", "", ""], GOOD[0]]
    before = Person.objects.count()
    token = _token(upload(client, xlsx_bytes(rows)))
    html = client.get(reverse("nhap-can-bo:preview", args=[token])).content.decode()

    assert "2 dòng có lỗi. Chưa có dữ liệu nào được nhập." in html
    assert "<td>3</td>" in html and "<td>4</td>" in html
    assert "thiếu họ và tên" in html
    assert "email “sai-email” không hợp lệ" in html
    assert "mã đơn vị “99999” không tồn tại" in html
    assert "mã cán bộ “CB001” trùng với dòng 2" in html
    assert "Xác nhận nhập" not in html
    assert Person.objects.count() == before
    assert stored_files(private_media) == []
    assert client.post(reverse("nhap-can-bo:confirm", args=[token])).status_code == 404


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (PNG, "anh.csv", "không phải CSV hay XLSX"),
        (b"Ho va ten;Ma can bo\nA;B\n", "thieu-cot.csv", "Thiếu cột"),
        (b"\xef\xbb\xbf", "chi-bom.csv", "rỗng"),
    ],
)
def test_unreadable_file_gets_a_clear_message(
    client_for, home_affairs, catalogue, data, name, message
):
    client = client_for(home_affairs)
    response = client.get(reverse("nhap-can-bo:preview", args=[_token(upload(client, data, name))]))
    html = response.content.decode()
    assert "Không đọc được tệp, chưa có dữ liệu nào được nhập." in html
    assert message in html
    assert name in html


def test_empty_upload_is_refused_by_the_form(client_for, home_affairs, private_media):
    response = upload(client_for(home_affairs), b"", "rong.csv")
    assert response.status_code == 200
    assert "Tập tin được gửi là rỗng." in response.content.decode()  # Django's own message
    assert stored_files(private_media) == []


def test_oversized_upload_is_refused(client_for, home_affairs, private_media):
    response = upload(client_for(home_affairs), b"x" * (5 * 1024 * 1024 + 1), "lon.csv")
    assert response.status_code == 200
    assert "vượt giới hạn 5 MB" in response.content.decode()
    assert stored_files(private_media) == []


def test_confirm_revalidates_against_current_data(client_for, home_affairs, catalogue):
    client = client_for(home_affairs)
    token = _token(upload(client, xlsx_bytes(GOOD)))
    assert "Tệp hợp lệ" in client.get(reverse("nhap-can-bo:preview", args=[token])).content.decode()
    Department.objects.filter(name=KT).delete()  # someone removes a department meanwhile
    before = Person.objects.count()

    response = client.post(reverse("nhap-can-bo:confirm", args=[token]))
    assert response.status_code == 200
    assert "phòng ban “Phòng Kinh tế” không có trong đơn vị “27004”" in response.content.decode()
    assert Person.objects.count() == before


def test_unit_manager_with_people_permissions_is_limited_to_their_unit(
    client_for, manager_a, catalogue
):
    manager_a.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_person", "change_person"])
    )
    client = client_for(manager_a)
    token = _token(upload(client, xlsx_bytes(GOOD)))
    html = client.get(reverse("nhap-can-bo:preview", args=[token])).content.decode()
    assert "đơn vị “27004” ngoài phạm vi quản lý của bạn" in html
    assert not Person.objects.filter(employee_code__startswith="CB00").exists()


# --- Methods, CSRF, ownership ---------------------------------------------------------------


def test_get_on_confirm_is_405(client_for, home_affairs, catalogue):
    client = client_for(home_affairs)
    token = _token(upload(client, xlsx_bytes(GOOD)))
    response = client.get(reverse("nhap-can-bo:confirm", args=[token]))
    assert response.status_code == 405
    assert not Person.objects.filter(employee_code="CB001").exists()


def test_post_without_csrf_token_is_rejected(home_affairs, catalogue, private_media):
    client = Client(enforce_csrf_checks=True)
    client.force_login(home_affairs, backend="django.contrib.auth.backends.ModelBackend")
    response = upload(client, xlsx_bytes(GOOD))
    assert response.status_code == 403
    assert stored_files(private_media) == []


def test_confirm_without_csrf_token_is_rejected(home_affairs, catalogue):
    client = Client(enforce_csrf_checks=True)
    client.force_login(home_affairs, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(UPLOAD)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile("a.xlsx", xlsx_bytes(GOOD)),
            "csrfmiddlewaretoken": csrf,
        },
    )
    token = _token(response)
    assert client.post(reverse("nhap-can-bo:confirm", args=[token])).status_code == 403
    assert not Person.objects.filter(employee_code="CB001").exists()


def test_another_user_cannot_use_my_upload(client_for, home_affairs, admin_user, catalogue):
    token = _token(upload(client_for(home_affairs), xlsx_bytes(GOOD)))
    other = client_for(admin_user)
    assert other.get(reverse("nhap-can-bo:preview", args=[token])).status_code == 404
    assert other.post(reverse("nhap-can-bo:confirm", args=[token])).status_code == 404
    assert not Person.objects.filter(employee_code="CB001").exists()


def test_cancel_deletes_the_upload(client_for, home_affairs, catalogue, private_media):
    client = client_for(home_affairs)
    token = _token(upload(client, xlsx_bytes(GOOD)))
    response = client.post(reverse("nhap-can-bo:cancel", args=[token]))
    assert response.status_code == 302
    assert stored_files(private_media) == []
    assert client.get(reverse("nhap-can-bo:cancel", args=[token])).status_code == 405


def test_template_download_is_a_workbook_with_the_headers(client_for, home_affairs):
    response = client_for(home_affairs).get(reverse("nhap-can-bo:template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "mau-danh-sach-can-bo.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    assert list(next(sheet.iter_rows(values_only=True))) == HEADERS


def test_done_without_result_goes_back_to_upload(client_for, home_affairs):
    response = client_for(home_affairs).get(reverse("nhap-can-bo:done"))
    assert response.status_code == 302 and response["Location"] == UPLOAD
