"""The H5P player and the vetted libraries speak Vietnamese (issue 11, point 4): our language
files (content/h5p/l10n/vi/) replace the libraries' English defaults in the content.json the
frame fetches, the player's own strings reach h5p-standalone, and the package files stay as
uploaded (their SHA-256 is pinned in vetted_libraries.json)."""

import hashlib
import json
import re
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from content.h5p import l10n
from content.h5p.frame import make_frame_token
from content.h5p.libraries import SHIPPED_PATH
from tests.conftest import TESTDATA, needs_corpus

from .conftest import H5P_DIR, make_module

SITE = "http://testserver"
TRUEFALSE = H5P_DIR / "valid" / "truefalse-h5p-standalone.h5p"
VI_DIR = l10n.L10N_DIR / "vi"
LIBRARY_FILES = sorted(p for p in VI_DIR.glob("*.json") if p.name != l10n.CORE_FILE)


def load_manifest():
    """The shipped allow-list's entries (machineName, version, files: path -> SHA-256)."""
    return json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))["libraries"]


# --- the merge, on semantics written here -------------------------------------------------

SEMANTICS = [
    {"name": "question", "type": "text"},
    {
        "name": "l10n",
        "type": "group",
        "common": True,
        "fields": [
            {"name": "check", "type": "text", "default": "Check"},
            {"name": "retry", "type": "text", "default": "Retry"},
            {"name": "score", "type": "text", "default": "You got @score of @total points"},
        ],
    },
    {"name": "image", "type": "library", "options": ["H5P.Image 1.1"]},
    {"name": "colour", "type": "text", "default": "#000000"},
]
TRANSLATION = [
    {"label": "Câu hỏi"},
    {
        "label": "Chữ trên giao diện",
        "fields": [
            {"label": "Nút kiểm tra", "default": "Kiểm tra"},
            {"label": "Nút làm lại", "default": "Làm lại"},
            {"label": "Câu báo điểm", "default": "Bạn được @score/@total điểm"},
        ],
    },
    {"label": "Hình ảnh"},
    {"label": "Màu"},
]
IMAGE_SEMANTICS = [{"name": "contentName", "type": "text", "default": "Image"}]


@pytest.fixture
def demo_files(monkeypatch):
    files = {"ATS.Demo": TRANSLATION, "H5P.Image": [{"label": "Tên", "default": "Hình ảnh"}]}
    monkeypatch.setattr(l10n, "library_translation", lambda name, lang=None: files.get(name))
    semantics = {"ATS.Demo-1.0": SEMANTICS, "H5P.Image-1.1": IMAGE_SEMANTICS}
    return lambda library_name: semantics.get(l10n.library_folder(library_name))


def test_english_defaults_become_vietnamese_and_the_authors_words_stay(demo_files):
    params = {
        "question": "Check",  # content, not an interface string: never touched
        "l10n": {
            "check": "check ",
            "retry": "Thử lại nhé",
            "score": "You got @score of @total points",
        },
        "image": {"library": "H5P.Image 1.1", "params": {"contentName": "Image"}},
        "colour": "#000000",
    }
    out = l10n.translate_params(params, "ATS.Demo 1.0", demo_files, "vi")
    assert out["question"] == "Check"
    assert out["l10n"] == {
        "check": "Kiểm tra",  # the default, whatever its case and spacing
        "retry": "Thử lại nhé",  # the author's own wording
        "score": "Bạn được @score/@total điểm",
    }
    assert out["image"]["params"] == {"contentName": "Hình ảnh"}  # sub-content's library too
    assert out["colour"] == "#000000"  # no Vietnamese default: left alone


def test_a_missing_interface_group_is_filled_in_vietnamese(demo_files):
    out = l10n.translate_params({"question": "?"}, "ATS.Demo 1.0", demo_files, "vi")
    assert out["l10n"]["check"] == "Kiểm tra" and out["l10n"]["retry"] == "Làm lại"
    assert "image" not in out  # only interface strings are added


def test_a_file_for_another_version_of_the_library_is_not_applied(demo_files, monkeypatch):
    shorter = TRANSLATION[:3]  # a field added or removed since the file was written
    monkeypatch.setattr(
        l10n,
        "library_translation",
        lambda name, lang=None: shorter if name == "ATS.Demo" else [{"default": "Hình ảnh"}],
    )
    params = {
        "l10n": {"check": "Check"},
        "image": {"library": "H5P.Image 1.1", "params": {"contentName": "Image"}},
    }
    out = l10n.translate_params(params, "ATS.Demo 1.0", demo_files, "vi")
    assert out["l10n"] == {"check": "Check"}
    assert out["image"]["params"]["contentName"] == "Hình ảnh"  # its sub-content still is


def test_a_library_name_that_is_a_path_is_never_looked_up(demo_files):
    asked = []

    def load(name):
        asked.append(name)
        return demo_files(name)

    for name in ("../../etc/passwd 1.0", "H5P.Image/../x 1.1", "H5P.Image", ".. 1.1"):
        params = {"image": {"library": name, "params": {"contentName": "Image"}}}
        out = l10n.translate_params(params, "ATS.Demo 1.0", load, "vi")
        assert out["image"]["params"] == {"contentName": "Image"}
    assert asked == ["ATS.Demo 1.0"] * 4


def test_content_that_is_not_json_is_served_unchanged(truefalse):
    assert l10n.localised_content(truefalse, b"{not json") == b"{not json"
    assert l10n.localised_content(truefalse, b"[1, 2]") == b"[1, 2]"


# --- our language files -------------------------------------------------------------------

PLACEHOLDER = re.compile(r"[@:][a-z]+")


def _corpus_semantics():
    """machineName -> semantics.json of each library in the corpus packages."""
    found = {}
    for package in sorted((TESTDATA / "h5p" / "valid").glob("*.h5p")):
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                if name.endswith("/semantics.json") and name.count("/") == 1:
                    machine_name = name.split("/")[0].rsplit("-", 1)[0]
                    found[machine_name] = json.loads(archive.read(name))
    return found


def _pairs(semantics, translation):
    for field, entry in zip(semantics, translation, strict=True):
        yield field, entry
        if "fields" in field:
            yield from _pairs(field["fields"], entry["fields"])
        if "field" in field:
            yield from _pairs([field["field"]], [entry["field"]])


def test_every_language_file_is_well_formed_and_in_house_spelling():
    assert {p.stem for p in LIBRARY_FILES} >= {"H5P.TrueFalse", "H5P.DragText"}
    for path in [*LIBRARY_FILES, VI_DIR / l10n.CORE_FILE]:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        assert isinstance(data, dict) and data, path.name
        # One spelling convention (glossary): khóa, xóa, hủy; "học viên", not "người học".
        for wrong in ("khoá", "xoá", "huỷ", "người học"):
            assert wrong not in text.lower(), (path.name, wrong)


def test_core_strings_cover_every_string_of_the_player():
    bundle = l10n.settings.BASE_DIR / "node_modules" / "h5p-standalone" / "dist" / "main.bundle.js"
    if not bundle.exists():
        pytest.skip("node_modules/h5p-standalone is not installed (npm ci --ignore-scripts)")
    english = re.search(r"l10n:\{H5P:\{(.*?)\}\}", bundle.read_text(encoding="utf-8"))[1]
    keys = set(re.findall(r'(?:^|",)(\w+):"', english))
    ours = l10n.core_strings("vi")["H5P"]
    assert len(keys) > 50 and keys <= set(ours), sorted(keys - set(ours))
    assert ours["fullscreen"] == "Toàn màn hình"


@needs_corpus
def test_language_files_fit_the_vetted_libraries_field_by_field():
    semantics = _corpus_semantics()
    vetted = {entry["machineName"] for entry in load_manifest()}
    for path in LIBRARY_FILES:
        machine_name = path.stem
        assert machine_name in vetted, f"{path.name}: not a vetted library"
        translation = json.loads(path.read_text(encoding="utf-8"))["semantics"]
        assert l10n.same_shape(semantics[machine_name], translation), path.name
        for field, entry in _pairs(semantics[machine_name], translation):
            if "default" not in entry:
                continue
            # A Vietnamese default only where the library has an English text default, and
            # with the same placeholders (@score, :num...) the library fills in.
            assert field["type"] in ("text", "html"), (path.name, field["name"])
            english = field.get("default")
            assert isinstance(english, str), (path.name, field["name"])
            assert entry["default"] != english, (path.name, field["name"])
            assert sorted(PLACEHOLDER.findall(entry["default"])) == sorted(
                PLACEHOLDER.findall(english)
            ), (path.name, field["name"])


# --- served to the frame ------------------------------------------------------------------


def _serve(user, package, module, member):
    token = make_frame_token(user, package.pk, module.pk, SITE)
    return Client().get(reverse("h5p:play-file", args=[token, member]))


def _body(response):
    return b"".join(response.streaming_content)


@needs_corpus
def test_frame_gets_vietnamese_truefalse_and_the_package_files_stay_as_uploaded(
    learner, course, enrolled, media_root, trainer
):
    from content.h5p.services import import_package
    from content.h5p.storage import package_storage

    package = import_package(TRUEFALSE, user=trainer)
    module = make_module(course, package)
    stored = package_storage().open(package.storage_path(l10n.CONTENT_JSON)).read()

    response = _serve(learner, package, module, l10n.CONTENT_JSON)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    served = json.loads(_body(response))
    assert served["l10n"]["trueText"] == "Đúng" and served["l10n"]["falseText"] == "Sai"
    assert served["l10n"]["checkAnswer"] == "Kiểm tra"
    assert served["l10n"]["score"] == "Bạn được @score/@total điểm"
    assert served["confirmCheck"]["cancelLabel"] == "Hủy"
    assert served["question"] == json.loads(stored)["question"]  # the author's text untouched
    # What is stored is what was uploaded; library files are served byte for byte.
    with zipfile.ZipFile(TRUEFALSE) as archive:
        assert stored == archive.read(l10n.CONTENT_JSON)
        member = "H5P.TrueFalse-1.6/semantics.json"
        assert _body(_serve(learner, package, module, member)) == archive.read(member)
    pinned = {
        e["files"]["semantics.json"] for e in load_manifest() if e["machineName"] == "H5P.TrueFalse"
    }
    served_lib = _body(_serve(learner, package, module, "H5P.TrueFalse-1.6/semantics.json"))
    assert hashlib.sha256(served_lib).hexdigest() in pinned


def test_a_package_without_semantics_is_served_byte_for_byte(learner, module, enrolled, truefalse):
    from content.h5p.storage import package_storage

    stored = package_storage().open(truefalse.storage_path(l10n.CONTENT_JSON)).read()
    if package_storage().exists(truefalse.storage_path("H5P.TrueFalse-1.6/semantics.json")):
        pytest.skip("the corpus package has semantics: covered above")
    assert _body(_serve(learner, truefalse, module, l10n.CONTENT_JSON)) == stored


def test_frame_page_carries_the_players_strings_as_inert_json(learner, module, enrolled, truefalse):
    token = make_frame_token(learner, truefalse.pk, module.pk, SITE)
    response = Client().get(reverse("h5p:play", args=[token]))
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(
        r'<script id="h5p-player-strings" type="application/json">(.*?)</script>', html, re.S
    )
    strings = json.loads(match[1])["H5P"]
    assert strings["close"] == "Đóng" and strings["confirmLabel"] == "Xác nhận"
    # Inert data: the frame's policy still allows no inline script.
    script_src = re.search(r"script-src ([^;]+)", response["Content-Security-Policy"])[1]
    assert "'unsafe-inline'" not in script_src and "'nonce-" not in script_src
