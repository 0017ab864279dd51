"""Fixtures for the H5P tests: a temporary MEDIA_ROOT and H5P store, the True/False package
(the corpus's real one when ../shared/testdata is there, otherwise one generated here), and a
course with a module embedding an uploaded package."""

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from wagtail.models import Page, ReferenceIndex

from tests.conftest import TESTDATA

H5P_DIR = TESTDATA / "h5p"
TRUEFALSE = H5P_DIR / "valid" / "truefalse-h5p-standalone.h5p"
_GENERATED = []


def truefalse_file():
    """Path of a True/False package to import: the corpus's real one when present; otherwise
    the generated one of h5p_zips.make_truefalse(), whose libraries are vetted here the way a
    superuser vets any library (call inside a test: it writes VettedLibrary rows)."""
    if TRUEFALSE.exists():
        return TRUEFALSE
    from content.h5p.libraries import vet_libraries
    from content.h5p.validation import validate_structure
    from tests.factories import UserFactory

    from .h5p_zips import make_truefalse

    if not _GENERATED:
        folder = Path(tempfile.mkdtemp(prefix="ats-h5p-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "truefalse-sinh-ra.h5p"
        path.write_bytes(make_truefalse().getvalue())
        _GENERATED.append(path)
    from django.contrib.auth import get_user_model

    vetter = get_user_model().objects.filter(username="thamdinh").first() or UserFactory(
        username="thamdinh", is_superuser=True, is_staff=True
    )
    vet_libraries(validate_structure(make_truefalse()).libraries, vetter, "truefalse.h5p")
    return _GENERATED[0]


@pytest.fixture
def media_root(settings, tmp_path):
    """A temporary MEDIA_ROOT and, beside it (never inside), a temporary H5P store; returns
    their common parent, so `stored_files(media_root)` sees every file either one holds."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "h5p": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "h5p_store")},
        },
    }
    return tmp_path


def stored_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file()) if Path(root).exists() else []


@pytest.fixture
def truefalse(media_root, trainer):
    from content.h5p.services import import_package

    return import_package(truefalse_file(), user=trainer)


@pytest.fixture
def course(db):
    from courses.models import CourseIndexPage, CoursePage

    index = CourseIndexPage.objects.first()
    if index is None:
        home = Page.objects.get(depth=2)
        index = home.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc"))
    return index.add_child(
        instance=CoursePage(
            title="An toàn thông tin cấp xã", slug="atbt-cap-xa", summary="Tóm tắt."
        )
    )


def make_module(course, package, *, slug="bai-h5p", rule="h5p", live=True):
    from courses.models import ModulePage

    module = ModulePage(
        title="Bài tập đúng sai",
        slug=slug,
        completion_rule=rule,
        live=live,
        body=[("h5p", {"package": package, "title": "Đúng hay sai?", "instructions": ""})],
    )
    course.add_child(instance=module)
    # Wagtail updates the reference index in a task run on commit; tests run in a transaction.
    ReferenceIndex.create_or_update_for_object(module)
    return module


@pytest.fixture
def module(course, truefalse):
    return make_module(course, truefalse)


@pytest.fixture
def enrolled(learner, course):
    from courses.models import Enrolment

    return Enrolment.objects.create(user=learner, course=course)


@pytest.fixture(autouse=True)
def vetted_demo_library(db):
    """The handmade packages' library (ATS.Demo 1.0.2, tests/content/h5p_zips.py) is vetted
    the way any library is: a superuser confirms it and vet_libraries records it."""
    from django.contrib.auth import get_user_model

    from content.h5p.libraries import vet_libraries
    from content.h5p.validation import validate_structure
    from tests.factories import UserFactory

    from .h5p_zips import make_h5p

    vetter = get_user_model().objects.filter(username="thamdinh").first() or UserFactory(
        username="thamdinh", is_superuser=True, is_staff=True
    )
    return vet_libraries(validate_structure(make_h5p()).libraries, vetter, "thu.h5p")
