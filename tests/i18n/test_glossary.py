"""Issue 11, "One glossary": the catalogues, the templates, the Python source strings and the
curriculum follow docs/glossary.md: none of its forbidden variants (khoá/xoá spelling, "người
học", "học phần", "mô-đun", "Bản ghi nhớ", "Trang Chủ", ...) appears anywhere users read."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from .glossary_rules import GLOSSARY, forbidden_hits, forbidden_variants

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "node_modules", ".git", "migrations", "tests", "bench", "staticfiles"}
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
# Texts shown to learners as written (lessons, objectives, question banks): every string.
CURRICULUM_DIRS = [ROOT / "courses" / "curriculum", ROOT / "quizzes" / "curriculum"]
# The overrides' msgids are Wagtail's and Django's English, their msgstr our Vietnamese: both
# are read. In locale/vi the msgids are copies of our source strings (checked at the source:
# templates and Python), refreshed by `makemessages`; only its translations are read here.
OVERRIDE_CATALOGUES = sorted((ROOT / "lms" / "locale_overrides" / "vi").glob("LC_MESSAGES/*.po"))
PROJECT_CATALOGUES = sorted((ROOT / "locale" / "vi").glob("LC_MESSAGES/*.po"))
# Wrong words that only a migration of their app can change (a field's verbose_name or
# help_text, a choice label, a StreamField block's help_text): left to the app's owner. Each
# entry must still be found (the list only shrinks); any other hit fails.
NEEDS_A_MIGRATION: set[tuple[str, str]] = set()


def _files(pattern):
    for path in sorted(ROOT.rglob(pattern)):
        if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts):
            yield path


def _gettext_strings(tree):
    """The string arguments of gettext calls, with their line numbers."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in GETTEXT_NAMES:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield arg.lineno, arg.value


def _all_strings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _po_texts(path, fields=("msgid", "msgstr")):
    """The text of the given fields of every entry (continuation lines joined; obsolete "#~"
    entries skipped), with line numbers."""
    current, start = [], 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(("msgid", "msgstr", "msgctxt")):
            if current:
                yield start, "".join(current)
            current = []
            if stripped.startswith(fields):
                start, current = number, [stripped.split(" ", 1)[1].strip('"')]
        elif stripped.startswith('"') and current:
            current.append(stripped.strip('"'))
        else:
            if current:
                yield start, "".join(current)
            current = []
    if current:
        yield start, "".join(current)


def glossary_hits():
    """{(path, text): [description, ...]} of every forbidden variant users could read."""
    hits = {}

    def check(path, line, text):
        for hit in forbidden_hits(text):
            key = (str(path.relative_to(ROOT)), text)
            hits.setdefault(key, []).append(f"{key[0]}:{line}: {hit}  in {text[:90]!r}")

    for catalogue in OVERRIDE_CATALOGUES:
        for line, text in _po_texts(catalogue):
            check(catalogue, line, text)
    for catalogue in PROJECT_CATALOGUES:
        for line, text in _po_texts(catalogue, fields=("msgstr",)):
            check(catalogue, line, text)
    for template in _files("*.html"):
        for line, text in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            check(template, line, text)
    for source in _files("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        in_curriculum = any(directory in source.parents for directory in CURRICULUM_DIRS)
        strings = _all_strings(tree) if in_curriculum else _gettext_strings(tree)
        for line, text in strings:
            check(source, line, text)
    return hits


def test_the_glossary_states_its_forbidden_variants():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert "khóa" in text and "bài học" in text and "học viên" in text
    patterns = [pattern.pattern for pattern, _instead in forbidden_variants()]
    assert len(patterns) >= 6
    assert any("người học" in pattern for pattern in patterns)


@pytest.mark.parametrize(
    "text, variant",
    [
        ("Xoá bài", "Xoá"),
        ("Từ khoá tìm kiếm", "khoá"),
        ("Huỷ", "uỷ"),
        ("Bản ghi nhớ", "Bản ghi nhớ"),
        ("Về Trang Chủ", "Trang Chủ"),
        ("Dành cho người học", "người học"),
        ("Học phần 3", "Học phần"),
        ("Mô-đun 2", "Mô-đun"),
    ],
)
def test_the_rules_catch_each_variant(text, variant):
    hits = forbidden_hits(text)
    assert hits and variant.lower() in hits[0].lower()


@pytest.mark.parametrize(
    "text",
    ["Xóa khóa học", "An toàn thông tin", "hoàn thành", "Hủy", "quý", "khuỷu tay", "Trang chủ"],
)
def test_the_rules_leave_the_right_spelling_alone(text):
    assert forbidden_hits(text) == []


def test_catalogues_templates_and_sources_follow_the_glossary():
    hits = glossary_hits()
    unexpected = [
        line for key, lines in hits.items() if key not in NEEDS_A_MIGRATION for line in lines
    ]
    assert not unexpected, f"{len(unexpected)} forbidden variants:\n" + "\n".join(unexpected)


def test_the_words_waiting_for_a_migration_are_still_there():
    """When an owner fixes one of these words, take it off NEEDS_A_MIGRATION."""
    fixed = NEEDS_A_MIGRATION - set(glossary_hits())
    assert not fixed, f"fixed, remove from NEEDS_A_MIGRATION: {sorted(fixed)}"
