"""Every test package of ../shared/testdata/h5p, and handmade hostile archives, through the
upload path: accepted ones are stored and readable, rejected ones leave nothing behind."""

import zipfile

import pytest

from content.h5p.models import H5PPackage
from content.h5p.services import H5PPackageError, import_package
from content.h5p.storage import package_storage
from content.h5p.validation import MAX_FILES, validate_package
from tests.conftest import needs_corpus

from .conftest import H5P_DIR, stored_files
from .h5p_zips import make_h5p

VALID = {
    "truefalse-h5p-standalone.h5p": ("Hello World", "H5P.TrueFalse 1.6"),
    "dragtext.h5p": ("Drag the Words", "H5P.DragText 1.8"),
    "lumi-valid2.h5p": ("Greeting card", "H5P.GreetingCard 1.0"),
    "lumi-valid3-3-images.h5p": ("agamotto", "H5P.Agamotto 1.5"),
}

# What each invalid package must be told: (file named in the message, words of the rule).
INVALID = {
    "corrupt_archive.h5p": ('"corrupt_archive.h5p"', "không phải tệp nén ZIP hợp lệ"),
    "broken-h5p-json.h5p": ('"h5p.json"', "không phải JSON hợp lệ"),
    "broken-content-json.h5p": ('"content/content.json"', "không phải JSON hợp lệ"),
    "invalid-h5p-json-schema.h5p": ('"h5p.json"', '"mainLibrary"'),
    "invalid-library-json.h5p": ('"H5P.GreetingCard-1.0/library.json"', '"majorVersion"'),
    "invalid-library-directory-name.h5p": (
        '"H5P.GreetingCard-1.0/library.json"',
        'thư viện khai báo là "H5P.AnotherLibrary"',
    ),
    "malformed-library-directory.h5p": ('"library!/"', "tên thư mục thư viện không hợp lệ"),
    "missing-preloaded-js.h5p": (
        '"H5P.GreetingCard-1.0/library.json"',
        'preloadedJs khai báo tệp "greetingcard.js"',
    ),
    "2-invalid-libraries.h5p": (
        '"H5P.GreetingCard-1.0/language/XXX!.json"',
        "tên tệp ngôn ngữ không hợp lệ",
    ),
}


def rejection(source, **kwargs):
    with pytest.raises(H5PPackageError) as caught:
        import_package(source, **kwargs)
    return caught.value.messages


def assert_nothing_stored(media_root):
    assert H5PPackage.objects.count() == 0
    assert stored_files(media_root) == []


@needs_corpus
@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_package_is_stored_member_by_member(media_root, trainer, name):
    package = import_package(H5P_DIR / "valid" / name, user=trainer)

    title, main_library = VALID[name]
    package.refresh_from_db()
    assert (package.title, package.main_library) == (title, main_library)
    assert package.is_ready and package.uploaded_by == trainer
    assert package.storage_prefix == f"h5p/{package.uuid}"
    with zipfile.ZipFile(H5P_DIR / "valid" / name) as archive:
        files = [info for info in archive.infolist() if not info.is_dir()]
        assert package.file_count == len(files)
        assert package.total_size == sum(info.file_size for info in files)
        for info in files:
            with package_storage().open(package.storage_path(info.filename)) as stored:
                assert stored.read() == archive.read(info)
    assert len(stored_files(media_root)) == len(files)


@needs_corpus
@pytest.mark.django_db
def test_stray_text_file_at_top_level_of_truefalse_is_accepted(media_root):
    package = import_package(H5P_DIR / "valid" / "truefalse-h5p-standalone.h5p")
    assert package_storage().exists(package.storage_path("H5P_CONTENT_HERE.txt"))


@needs_corpus
@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_package_is_rejected_with_a_message_naming_file_and_rule(media_root, name):
    messages = rejection(H5P_DIR / "invalid" / name)

    file_part, rule_part = INVALID[name]
    assert any(file_part in m and rule_part in m for m in messages), messages
    assert_nothing_stored(media_root)


@needs_corpus
@pytest.mark.django_db
def test_two_invalid_libraries_are_both_reported(media_root):
    messages = rejection(H5P_DIR / "invalid" / "2-invalid-libraries.h5p")
    assert any('"H5P.GreetingCard2-1.0/library.json"' in m and '"title"' in m for m in messages)
    assert len(messages) == 2


@needs_corpus
@pytest.mark.django_db
def test_hostile_svg_package_is_rejected(media_root):
    messages = rejection(H5P_DIR / "hostile" / "xss-svg.h5p")
    assert messages == ['Tệp "content/images/xss.svg": ảnh SVG chứa mã script, không được phép.']
    assert_nothing_stored(media_root)


def test_minimal_handmade_package_is_valid():
    validated = validate_package(make_h5p())
    assert validated.main_library == "ATS.Demo 1.0"
    assert len(validated.members) == 5


SVG = "http://www.w3.org/2000/svg"
XHTML = "http://www.w3.org/1999/xhtml"


def svg_member(template):
    text = template.format(svg=SVG, xhtml=XHTML, xl='xmlns:xlink="http://www.w3.org/1999/xlink"')
    return {"content/x.svg": text}


HOSTILE_MEMBERS = [
    ({"../evil.js": "alert(1)"}, '"../evil.js"', '".."'),
    ({"content/../../evil.txt": "x"}, '"content/../../evil.txt"', '".."'),
    ({"/etc/passwd.txt": "x"}, '"/etc/passwd.txt"', "đường dẫn tuyệt đối"),
    ({"C:/windows/evil.txt": "x"}, '"C:/windows/evil.txt"', "đường dẫn tuyệt đối"),
    ({"content\\..\\evil.txt": "x"}, '"content\\..\\evil.txt"', "dấu gạch ngược"),
    ({"content/shell.php": "<?php system($_GET['c']);"}, '"content/shell.php"', '".php"'),
    ({"content/page.html": "<script>alert(1)</script>"}, '"content/page.html"', '".html"'),
    ({"content/page.htm": "x"}, '"content/page.htm"', '".htm"'),
    ({"ATS.Demo-1.0/run.exe": "MZ"}, '"ATS.Demo-1.0/run.exe"', '".exe"'),
    ({"ATS.Demo-1.0/run.sh": "#!/bin/sh"}, '"ATS.Demo-1.0/run.sh"', '".sh"'),
    ({"content/data.xml": "<x/>"}, '"content/data.xml"', '".xml"'),
    ({"evil.js": "alert(1)"}, '"evil.js"', "thư mục gốc"),
    ({"content/evil.js": "alert(1)"}, '"content/evil.js"', "chỉ được nằm trong thư mục thư viện"),
    ({"content/evil.css": "body{}"}, '"content/evil.css"', "chỉ được nằm trong thư mục thư viện"),
    (svg_member('<svg xmlns="{svg}" onload="alert(1)"/>'), '"content/x.svg"', "thuộc tính sự kiện"),
    (
        svg_member('<svg xmlns="{svg}"><foreignObject><p>x</p></foreignObject></svg>'),
        '"content/x.svg"',
        "foreignObject",
    ),
    (
        svg_member('<svg xmlns="{svg}" {xl}><g xlink:href="javascript:alert(1)"/></svg>'),
        '"content/x.svg"',
        "javascript:",
    ),
    (
        {"content/x.svg": f'<svg xmlns="{SVG}"><script>alert(1)</script></svg>'.encode("utf-16")},
        '"content/x.svg"',
        "UTF-8",
    ),
    (
        svg_member('<svg xmlns="{svg}"><use href="&#106;avascript:alert(1)"/></svg>'),
        '"content/x.svg"',
        "javascript:",
    ),
    (
        svg_member('<svg xmlns="{svg}"><image href="https://evil.example/x.png"/></svg>'),
        '"content/x.svg"',
        "liên kết ra ngoài",
    ),
    # Issue 8: a namespaced XHTML script passed the old regex checks and ran from /media/.
    (
        svg_member('<svg xmlns="{svg}" xmlns:h="{xhtml}"><h:script>alert(1)</h:script></svg>'),
        '"content/x.svg"',
        "mã script",
    ),
    (
        svg_member('<svg:svg xmlns:svg="{svg}"><svg:script>alert(1)</svg:script></svg:svg>'),
        '"content/x.svg"',
        "mã script",
    ),
    (
        svg_member('<svg xmlns="{svg}" xmlns:h="{xhtml}"><h:iframe src="/admin/"/></svg>'),
        '"content/x.svg"',
        "http://www.w3.org/1999/xhtml",
    ),
    (
        svg_member('<svg xmlns="{svg}" xmlns:m="urn:x"><g m:onclick="x()"/></svg>'),
        '"content/x.svg"',
        "thuộc tính sự kiện",
    ),
    (
        svg_member('<svg xmlns="{svg}" xmlns:m="urn:x"><g m:label="x"/></svg>'),
        '"content/x.svg"',
        'không gian tên "urn:x"',
    ),
    (
        svg_member('<svg xmlns="{svg}"><a><circle/></a></svg>'),
        '"content/x.svg"',
        "phần tử <a>",
    ),
    (
        svg_member('<svg xmlns="{svg}"><animate attributeName="href" to="#x"/></svg>'),
        '"content/x.svg"',
        "phần tử <animate>",
    ),
    (
        svg_member('<svg xmlns="{svg}"><style>@import "https://evil.example/x.css";</style></svg>'),
        '"content/x.svg"',
        "CSS",
    ),
    (
        svg_member('<svg xmlns="{svg}"><rect style="fill:url(https://evil.example/)"/></svg>'),
        '"content/x.svg"',
        "CSS",
    ),
    (
        svg_member('<svg xmlns="{svg}"><rect style="fill:u\\72l(https://evil.example/)"/></svg>'),
        '"content/x.svg"',
        "CSS",
    ),
    (
        svg_member('<svg xmlns="{svg}" xml:base="https://evil.example/"><use href="#a"/></svg>'),
        '"content/x.svg"',
        '"base"',
    ),
    (
        svg_member('<?xml-stylesheet href="https://evil.example/x.xsl"?><svg xmlns="{svg}"/>'),
        '"content/x.svg"',
        "chỉ thị xử lý",
    ),
    (
        svg_member('<!DOCTYPE svg [<!ENTITY e "x">]><svg xmlns="{svg}">&e;</svg>'),
        '"content/x.svg"',
        "ENTITY",
    ),
    (svg_member("<svg><rect/></svg>"), '"content/x.svg"', "phần tử gốc không phải <svg>"),
    (svg_member('<svg xmlns="{svg}"><rect></svg>'), '"content/x.svg"', "lỗi cú pháp XML"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("extra", "file_part", "rule_part"), HOSTILE_MEMBERS)
def test_hostile_member_is_rejected_by_name_and_rule(media_root, extra, file_part, rule_part):
    messages = rejection(make_h5p(extra))
    assert any(file_part in m and rule_part in m for m in messages), messages
    assert_nothing_stored(media_root)


@pytest.mark.django_db
def test_symlink_is_rejected(media_root):
    messages = rejection(make_h5p(symlinks=[("content/link.txt", "/etc/passwd")]))
    assert messages == ['Tệp "content/link.txt": liên kết tượng trưng (symlink) không được phép.']
    assert_nothing_stored(media_root)


@pytest.mark.django_db
def test_zip_bomb_is_rejected_by_compression_ratio(media_root):
    messages = rejection(make_h5p({"content/zeros.txt": b"\0" * (20 * 1024 * 1024)}))
    assert any('"content/zeros.txt"' in m and "bom nén" in m for m in messages), messages
    assert_nothing_stored(media_root)


@pytest.mark.django_db
def test_too_many_files_are_rejected(media_root):
    extra = {f"content/images/{i}.txt": "x" for i in range(MAX_FILES)}
    messages = rejection(make_h5p(extra))
    assert any("vượt giới hạn 2000 tệp" in m for m in messages), messages
    assert_nothing_stored(media_root)


@pytest.mark.django_db
def test_total_uncompressed_size_is_capped(media_root, monkeypatch):
    monkeypatch.setattr("content.h5p.validation.MAX_TOTAL_SIZE", 1000)
    messages = rejection(make_h5p({"content/big.txt": "0123456789" * 200}))
    assert any("vượt giới hạn" in m and "MB" in m for m in messages), messages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("drop", "message"),
    [
        (("h5p.json",), 'Thiếu tệp "h5p.json"'),
        (("content/content.json",), 'Thiếu tệp "content/content.json"'),
        (("ATS.Demo-1.0/library.json",), 'Thư mục "ATS.Demo-1.0/": thiếu tệp library.json.'),
        (("ATS.Demo-1.0/demo.css",), 'preloadedCss khai báo tệp "demo.css"'),
    ],
)
def test_missing_required_file_is_named(media_root, drop, message):
    messages = rejection(make_h5p(drop=drop))
    assert any(message in m for m in messages), messages
    assert_nothing_stored(media_root)


@pytest.mark.django_db
def test_missing_nested_dependency_is_named(media_root):
    import json

    from .h5p_zips import LIBRARY_JSON

    library = dict(
        LIBRARY_JSON,
        preloadedDependencies=[
            {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}
        ],
    )
    messages = rejection(make_h5p({"ATS.Demo-1.0/library.json": json.dumps(library)}))
    assert messages == [
        'Thiếu thư viện "H5P.JoubelUI 1.3": gói phải có thư mục "H5P.JoubelUI-1.3/" với tệp '
        "library.json hợp lệ."
    ]


@needs_corpus
@pytest.mark.django_db
def test_storage_failure_midway_removes_what_was_written(media_root, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    original = FileSystemStorage._save
    calls = {"n": 0}

    def failing_save(self, name, content):
        calls["n"] += 1
        if calls["n"] == 50:
            raise OSError("disk full")
        return original(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", failing_save)
    messages = rejection(H5P_DIR / "valid" / "truefalse-h5p-standalone.h5p")
    assert len(messages) == 1 and "không lưu được vào kho lưu trữ (disk full)" in messages[0]
    assert calls["n"] == 50
    assert_nothing_stored(media_root)


@needs_corpus
@pytest.mark.django_db
def test_deleting_a_package_deletes_its_files_once_committed(
    media_root, django_capture_on_commit_callbacks
):
    package = import_package(H5P_DIR / "valid" / "lumi-valid2.h5p")
    assert len(stored_files(media_root)) == 10
    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
        assert len(stored_files(media_root)) == 10  # not before the deletion is committed
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_damaged_member_is_reported_before_anything_is_stored(media_root):
    data = bytearray(make_h5p({"content/notes.txt": "Ghi chú " * 500}).getvalue())
    with zipfile.ZipFile(make_h5p({"content/notes.txt": "Ghi chú " * 500})) as archive:
        info = archive.getinfo("content/notes.txt")
    # Flip a byte inside the member's compressed data (after its 30-byte local header + name).
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 10
    data[offset] ^= 0xFF
    import io

    buffer = io.BytesIO(bytes(data))
    buffer.name = "hong.h5p"
    messages = rejection(buffer)
    assert messages == ['Tệp "content/notes.txt": dữ liệu nén bị hỏng.']
    assert_nothing_stored(media_root)


def test_ordinary_svg_with_editor_metadata_is_accepted():
    svg = (
        f'<svg xmlns="{SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">'
        '<defs><linearGradient id="g"><stop offset="0" style="stop-color:#000"/>'
        '</linearGradient></defs><g inkscape:label="Lớp 1" data-name="x">'
        '<rect width="10" height="10" style="fill:url(#g)"/><use xlink:href="#g"/></g></svg>'
    )
    assert validate_package(make_h5p({"content/ok.svg": svg})).main_library == "ATS.Demo 1.0"
