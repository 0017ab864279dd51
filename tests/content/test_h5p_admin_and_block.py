"""Uploading packages in the Wagtail admin, and the H5P block on a module page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.h5p.blocks import H5PActivityBlock
from content.h5p.frame import read_frame_token
from content.h5p.models import H5PPackage
from tests.conftest import needs_corpus

from .conftest import H5P_DIR, TRUEFALSE, stored_files, truefalse_file
from .h5p_zips import make_h5p, truefalse_members

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_content_h5ppackage:add"


def upload(client, path_or_bytes, name=None, title=""):
    if hasattr(path_or_bytes, "read"):
        data, name = path_or_bytes.read(), name or "thu.h5p"
    else:
        data, name = path_or_bytes.read_bytes(), name or path_or_bytes.name
    return client.post(
        reverse(ADD_URL),
        {"title": title, "package_file": SimpleUploadedFile(name, data, "application/zip")},
    )


@pytest.mark.parametrize("role_user", ["trainer", "home_affairs", "admin_user"])
def test_authors_can_upload_a_package(request, client_for, media_root, role_user):
    user = request.getfixturevalue(role_user)
    client = client_for(user)
    assert client.get(reverse(ADD_URL)).status_code == 200

    source = truefalse_file()  # the corpus's real package, or the generated one
    response = upload(client, source, title="Mật khẩu dùng chung")

    assert response.status_code == 302
    package = H5PPackage.objects.get()
    assert (package.title, package.main_library, package.uploaded_by) == (
        "Mật khẩu dùng chung",
        "H5P.TrueFalse 1.6",
        user,
    )
    assert package.is_ready and len(stored_files(media_root)) == package.file_count
    assert package.file_count == (107 if source == TRUEFALSE else len(truefalse_members()))


@needs_corpus
def test_title_defaults_to_the_one_in_h5p_json(client_for, trainer, media_root):
    upload(client_for(trainer), H5P_DIR / "valid" / "lumi-valid2.h5p")
    assert H5PPackage.objects.get().title == "Greeting card"


@needs_corpus
def test_invalid_upload_shows_the_vietnamese_reasons_and_stores_nothing(
    client_for, trainer, media_root
):
    response = upload(client_for(trainer), H5P_DIR / "invalid" / "missing-preloaded-js.h5p")

    assert response.status_code == 200
    html = response.content.decode()
    assert "preloadedJs khai báo tệp &quot;greetingcard.js&quot;" in html
    assert not H5PPackage.objects.exists() and stored_files(media_root) == []


@needs_corpus
def test_hostile_svg_upload_is_refused_in_the_admin(client_for, trainer, media_root):
    response = upload(client_for(trainer), H5P_DIR / "hostile" / "xss-svg.h5p")
    assert "ảnh SVG chứa mã script" in response.content.decode()
    assert not H5PPackage.objects.exists() and stored_files(media_root) == []


def test_non_h5p_file_name_is_refused(client_for, trainer, media_root):
    response = upload(client_for(trainer), make_h5p(), name="thu.zip")
    assert "chỉ nhận tệp có phần mở rộng .h5p" in response.content.decode()
    assert not H5PPackage.objects.exists()


@needs_corpus
@pytest.mark.parametrize("role_user", ["learner", "manager_a"])
def test_other_roles_cannot_upload(request, client_for, media_root, role_user):
    client = client_for(request.getfixturevalue(role_user))
    assert client.get(reverse(ADD_URL)).status_code in (302, 403)
    response = upload(client, H5P_DIR / "valid" / "lumi-valid2.h5p")
    assert response.status_code in (302, 403)
    assert not H5PPackage.objects.exists() and stored_files(media_root) == []


@needs_corpus
def test_anonymous_is_sent_to_admin_login(client, media_root):
    response = upload(client, H5P_DIR / "valid" / "lumi-valid2.h5p")
    assert response.status_code == 302 and "login" in response["Location"]
    assert not H5PPackage.objects.exists()


def frame_src(html):
    match = re.search(r'<iframe class="h5p-frame" src="([^"]+)" sandbox="([^"]*)"', html)
    assert match, "no player frame"
    return match[1], match[2]


def test_module_page_renders_the_sandboxed_player_frame_and_script(
    client_for, learner, module, enrolled, truefalse
):
    response = client_for(learner).get(module.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-h5p-player" in html
    src, sandbox = frame_src(html)
    assert src.startswith("http://testserver/h5p/play/")
    assert sandbox == "allow-scripts"  # never allow-same-origin
    grant = read_frame_token(src.split("/h5p/play/", 1)[1].split("/", 1)[0])
    assert (grant.user_id, grant.package_id, grant.module_id, grant.preview) == (
        learner.pk,
        truefalse.pk,
        module.pk,
        False,
    )
    assert grant.parent_origin == "http://testserver"
    assert f'data-xapi-url="/h5p/xapi/{module.pk}/{truefalse.pk}/"' in html
    assert "/static/content/h5p/player.js" in html
    assert "Hoạt động tương tác này cần bật JavaScript" in html  # the <noscript> note
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'data-attempt="' in html


def test_pages_without_h5p_do_not_load_the_player(client_for, learner, course, enrolled):
    from courses.models import ModulePage

    plain = course.add_child(instance=ModulePage(title="Bài đọc", slug="bai-doc", body=[]))
    html = client_for(learner).get(plain.url).content.decode()
    assert "h5p-standalone" not in html and "player.js" not in html


def test_block_without_a_package_says_so():
    block = H5PActivityBlock()
    html = block.render(block.get_preview_value())
    assert "Đúng hay sai: mật khẩu dùng chung" in html
    assert "chưa được chọn" in html


def test_block_preview_in_the_block_picker(rf, trainer):
    from django.template.loader import render_to_string

    block = H5PActivityBlock()
    assert block.is_previewable
    value = block.get_preview_value()
    html = render_to_string(
        block.get_preview_template(value),
        {"bound_block": block.bind(value), "block_def": block, "request": rf.get("/")},
    )
    assert "Đúng hay sai: mật khẩu dùng chung" in html and "Kiểm tra" in html


def test_upload_form_is_multipart_and_in_vietnamese(client_for, trainer):
    html = client_for(trainer).get(reverse(ADD_URL)).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "tệp .h5p" in html and 'accept=".h5p"' in html


def test_edit_view_changes_only_the_title(client_for, trainer, truefalse):
    url = reverse("wagtailsnippets_content_h5ppackage:edit", args=[truefalse.pk])
    client = client_for(trainer)
    assert 'name="package_file"' not in client.get(url).content.decode()
    response = client.post(url, {"title": "Đúng hay sai: tài khoản dùng chung"})
    assert response.status_code == 302
    truefalse.refresh_from_db()
    assert truefalse.title == "Đúng hay sai: tài khoản dùng chung"
    assert truefalse.main_library == "H5P.TrueFalse 1.6"


def test_admin_preview_shows_the_player_but_reports_nothing(rf, trainer, module, truefalse):
    request = rf.get("/")
    request.user = trainer
    request.is_preview = True
    block = H5PActivityBlock()
    value = block.to_python({"package": truefalse.pk, "title": "", "instructions": ""})
    html = block.render(value, context={"page": module, "request": request})
    src, sandbox = frame_src(html)
    grant = read_frame_token(src.split("/h5p/play/", 1)[1].split("/", 1)[0])
    assert grant.preview and grant.user_id == trainer.pk and sandbox == "allow-scripts"
    assert "data-xapi-url" not in html and "data-attempt" not in html
    assert f"<h3>{truefalse.title}</h3>" in html  # the package's own title when the block has none


def test_preview_by_someone_without_an_author_role_shows_no_player(rf, learner, module, truefalse):
    request = rf.get("/")
    request.user = learner
    request.is_preview = True
    block = H5PActivityBlock()
    value = block.to_python({"package": truefalse.pk, "title": "", "instructions": ""})
    html = block.render(value, context={"page": module, "request": request})
    assert "<iframe" not in html
