"""Guard tests: no pending migrations, system checks pass."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # makemigrations --check exits 1 when changes are missing
        pytest.fail(f"Missing migrations:\n{out.getvalue()} ({exc})")


def test_system_checks_pass():
    out = StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


def _project_sources():
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    for folder in ("lms", "courses", "quizzes", "certificates", "content"):
        for path in (root / folder).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_one_access_layer_and_roles_never_keyed_by_group_names():
    """Access rules live in lms/org/access.py (no second copy); roles are asked through
    lms.org.roles (permissions), never by comparing group names an admin can rename."""
    import re

    forbidden = re.compile(
        r"lms\.org\.visibility|courses\.access\b|from \.visibility|groups__name|group__name"
        r"|groups\.filter\(name|Group\.objects\.get\(name=roles|Group\.objects\.filter\(name__in=roles"
    )
    offenders = [
        f"{path}:{number}: {line.strip()}"
        for path in _project_sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert not offenders, "\n".join(offenders)


def test_one_export_writer():
    """Every XLSX/CSV the project writes goes through lms/lib/exports.py: no other module
    builds an openpyxl workbook for writing or a csv writer (readers are fine)."""
    import re

    forbidden = re.compile(r"\bWorkbook\(|WriteOnlyCell|csv\.(writer|DictWriter)\(")
    offenders = [
        f"{path}:{number}: {line.strip()}"
        for path in _project_sources()
        if path.as_posix().rsplit("/", 3)[-3:] != ["lms", "lib", "exports.py"]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert not offenders, "\n".join(offenders)


def test_one_home_for_the_corpus_path():
    """Tests find ../shared/testdata through tests/conftest.py (TESTDATA, needs_corpus,
    skip_without_corpus), so a fresh clone skips corpus tests with one visible reason."""
    from pathlib import Path

    root = Path(__file__).resolve().parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path not in (root / "conftest.py", Path(__file__).resolve())
        if '"shared" / "testdata"' in path.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders
