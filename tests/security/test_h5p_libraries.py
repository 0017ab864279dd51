"""Only vetted H5P library code may run (issue 8, point 1: the allow-list).

Attack reproduced before the fix: a trainer uploaded an .h5p whose library folder carried
JavaScript; it was accepted (`.js` is allowed in library folders) and ran when a superuser
previewed the module. Now a library must match, file for file and byte for byte (SHA-256), a
vetted version: the shipped list, or one a superuser added on the vetting screen. Every attack
test asserts that nothing was stored (no package, no file, no vetted library, no log entry).
"""

import io
import json
import re
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from content.h5p.libraries import SHIPPED_PATH, VET_ACTION, vet_libraries
from content.h5p.models import H5PPackage, VettedLibrary
from content.h5p.services import H5PPackageError, import_package
from content.h5p.validation import validate_structure
from tests.conftest import skip_without_corpus
from tests.content.conftest import H5P_DIR, TRUEFALSE, media_root, stored_files  # noqa: F401
from tests.content.h5p_zips import H5P_JSON, LIBRARY_JSON, make_h5p

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

ADD_URL = "wagtailsnippets_content_h5ppackage:add"
EVIL_JS = "fetch('/admin/users/').then(r => r.text()).then(t => top.postMessage(t, '*'));"


def needs_testdata():
    skip_without_corpus(TRUEFALSE)


def evil_package():
    """A package whose only library, ATS.Evil 1.0.0, nobody vetted."""
    library = {**LIBRARY_JSON, "machineName": "ATS.Evil", "patchVersion": 0}
    library["preloadedJs"] = [{"path": "evil.js"}]
    library["preloadedCss"] = []
    h5p = {**H5P_JSON, "mainLibrary": "ATS.Evil"}
    h5p["preloadedDependencies"] = [
        {"machineName": "ATS.Evil", "majorVersion": 1, "minorVersion": 0}
    ]
    return make_h5p(
        {
            "h5p.json": json.dumps(h5p),
            "ATS.Evil-1.0/library.json": json.dumps(library),
            "ATS.Evil-1.0/evil.js": EVIL_JS,
        },
        drop=("ATS.Demo-1.0/library.json", "ATS.Demo-1.0/demo.js", "ATS.Demo-1.0/demo.css"),
    )


def altered_truefalse(change=None, add=None, drop=None):
    """The real TrueFalse package with one library file changed, added or removed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(TRUEFALSE) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename == drop:
                continue
            data = source.read(info)
            if info.filename == change:
                data += b"\n;fetch('/admin/users/');"
            target.writestr(info, data)
        if add:
            target.writestr(add, EVIL_JS)
    buffer.seek(0)
    buffer.name = "dung-sai.h5p"
    return buffer


def upload(client, data, name):
    return client.post(
        reverse(ADD_URL),
        {"title": "", "package_file": SimpleUploadedFile(name, data, "application/zip")},
    )


def assert_nothing_stored(root, vetted_before=0):
    assert not H5PPackage.objects.exists()
    assert stored_files(root) == []
    assert VettedLibrary.objects.count() == vetted_before
    assert (
        not ModelLogEntry.objects.filter(action=VET_ACTION)
        .exclude(user__username="thamdinh")
        .exists()
    )


@pytest.fixture
def vetted_before():
    return VettedLibrary.objects.count()


def test_trainer_upload_with_an_unvetted_library_is_refused_naming_it(
    client_for, trainer, tmp_path, vetted_before
):
    response = upload(client_for(trainer), evil_package().read(), "hoc-lieu.h5p")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thư viện &quot;ATS.Evil 1.0.0&quot; chưa được thẩm định" in html
    assert "Quản trị viên phải thẩm định thư viện này" in html
    assert_nothing_stored(tmp_path, vetted_before)


def test_superuser_upload_with_an_unvetted_library_points_to_the_vetting_screen(
    admin_user, tmp_path, vetted_before
):
    with pytest.raises(H5PPackageError) as caught:
        import_package(evil_package(), user=admin_user)
    assert caught.value.messages == [
        'Thư viện "ATS.Evil 1.0.0" chưa được thẩm định, nên mã của nó không được phép chạy. '
        'Hãy thẩm định thư viện ở mục "Thư viện H5P" của trang quản trị rồi tải lại gói.'
    ]
    assert_nothing_stored(tmp_path, vetted_before)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"change": "H5P.TrueFalse-1.6/scripts/h5p-true-false.js"},
            'Thư viện "H5P.TrueFalse 1.6.1": tệp "H5P.TrueFalse-1.6/scripts/h5p-true-false.js" '
            "khác với bản đã thẩm định.",
        ),
        (
            {"add": "H5P.Question-1.4/scripts/extra.js"},
            'Thư viện "H5P.Question 1.4.6": tệp "H5P.Question-1.4/scripts/extra.js" không có '
            "trong bản đã thẩm định.",
        ),
        (
            {"drop": "H5P.JoubelUI-1.3/fonts/joubel.svg"},
            'Thư viện "H5P.JoubelUI 1.3.9": thiếu tệp "H5P.JoubelUI-1.3/fonts/joubel.svg" của '
            "bản đã thẩm định.",
        ),
    ],
)
def test_vetted_library_with_changed_added_or_missing_file_is_refused(
    trainer, tmp_path, vetted_before, kwargs, expected
):
    needs_testdata()
    with pytest.raises(H5PPackageError) as caught:
        import_package(altered_truefalse(**kwargs), user=trainer)
    messages = caught.value.messages
    assert expected in messages, messages
    assert any("Quản trị viên phải thẩm định" in m for m in messages)
    assert_nothing_stored(tmp_path, vetted_before)


def test_shipped_list_covers_the_curriculum_packages_with_hashes_only(tmp_path):
    needs_testdata()
    data = json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))
    for entry in data["libraries"]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", entry["version"])
        assert entry["files"] and all(
            re.fullmatch(r"[0-9a-f]{64}", h) for h in entry["files"].values()
        )
    names = {entry["machineName"] for entry in data["libraries"]}
    assert {"H5P.TrueFalse", "H5P.DragText", "H5P.GreetingCard", "H5P.Agamotto"} <= names
    for name in ("truefalse-h5p-standalone.h5p", "dragtext.h5p", "lumi-valid2.h5p"):
        assert import_package(H5P_DIR / "valid" / name).is_ready


def test_manifest_command_reproduces_the_shipped_entries(capsys):
    needs_testdata()
    call_command("h5p_library_manifest", str(TRUEFALSE))
    printed = json.loads(capsys.readouterr().out)
    shipped = json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))["libraries"]
    as_set = {
        (e["machineName"], e["version"], json.dumps(e["files"], sort_keys=True)) for e in shipped
    }
    assert printed and all(
        (e["machineName"], e["version"], json.dumps(e["files"], sort_keys=True)) in as_set
        for e in printed
    )


def test_only_a_superuser_can_vet(trainer, home_affairs, vetted_before):
    manifests = validate_structure(evil_package()).libraries
    for user in (trainer, home_affairs, None):
        with pytest.raises(PermissionDenied):
            vet_libraries(manifests, user)
    assert VettedLibrary.objects.count() == vetted_before


@pytest.mark.parametrize("role_user", ["trainer", "home_affairs", "manager_a"])
def test_vetting_screen_is_for_superusers_only(request, client_for, role_user, vetted_before):
    client = client_for(request.getfixturevalue(role_user))
    url = reverse("h5p_libraries:index")
    assert client.get(url).status_code in (302, 403)
    data = {"package_file": SimpleUploadedFile("x.h5p", evil_package().read())}
    assert client.post(url, data).status_code in (302, 403)
    confirm = client.post(reverse("h5p_libraries:confirm"), {"payload": "x", "confirm": "on"})
    assert confirm.status_code in (302, 403)
    assert VettedLibrary.objects.count() == vetted_before


def _step_one(client):
    response = client.post(
        reverse("h5p_libraries:index"),
        {"package_file": SimpleUploadedFile("hoc-lieu.h5p", evil_package().read())},
    )
    html = response.content.decode()
    payload = re.search(r'name="payload" value="([^"]+)"', html)[1]
    return html, payload


def test_superuser_vets_a_library_after_an_explicit_confirmation_and_it_is_logged(
    client_for, admin_user, trainer, tmp_path, vetted_before
):
    client = client_for(admin_user)
    html, payload = _step_one(client)
    assert "ATS.Evil 1.0.0" in html and "mới" in html
    assert "evil.js" in html  # each script file is shown with its hash
    assert VettedLibrary.objects.count() == vetted_before  # nothing yet

    # Without the confirmation box: nothing.
    client.post(reverse("h5p_libraries:confirm"), {"payload": payload})
    assert VettedLibrary.objects.count() == vetted_before

    response = client.post(reverse("h5p_libraries:confirm"), {"payload": payload, "confirm": "on"})
    assert response.status_code == 302
    row = VettedLibrary.objects.get(machine_name="ATS.Evil")
    assert (row.major_version, row.minor_version, row.patch_version) == (1, 0, 0)
    assert row.vetted_by == admin_user and row.source_filename == "hoc-lieu.h5p"
    assert set(row.files) == {"library.json", "evil.js"}
    entry = ModelLogEntry.objects.get(action=VET_ACTION, user=admin_user)
    assert entry.data["library"] == "ATS.Evil 1.0.0" and entry.object_id == str(row.pk)

    # The same package is now accepted from a trainer.
    assert import_package(evil_package(), user=trainer).is_ready


def test_confirmation_cannot_be_forged_or_replayed_by_another_superuser(
    client_for, admin_user, vetted_before
):
    from tests.factories import UserFactory

    _html, payload = _step_one(client_for(admin_user))
    other = UserFactory(username="quantri2", is_superuser=True, is_staff=True)
    client_for(other).post(reverse("h5p_libraries:confirm"), {"payload": payload, "confirm": "on"})
    forged = payload[:-4] + ("AAAA" if not payload.endswith("AAAA") else "BBBB")
    client_for(admin_user).post(
        reverse("h5p_libraries:confirm"), {"payload": forged, "confirm": "on"}
    )
    assert VettedLibrary.objects.count() == vetted_before
    assert not ModelLogEntry.objects.filter(
        action=VET_ACTION, user__in=[admin_user, other]
    ).exists()
