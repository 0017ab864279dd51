"""Fixtures for the H5P tests: a temporary MEDIA_ROOT and H5P store, the shared test packages, and a course
with a module embedding an uploaded package."""

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from wagtail.models import Page, ReferenceIndex

TESTDATA = Path(
    os.environ.get("LMS_TESTDATA", Path(django_settings.BASE_DIR).parent / "shared" / "testdata")
)
H5P_DIR = TESTDATA / "h5p"
TRUEFALSE = H5P_DIR / "valid" / "truefalse-h5p-standalone.h5p"


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

    return import_package(TRUEFALSE, user=trainer)


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
    from content.h5p.libraries import vet_libraries
    from content.h5p.validation import validate_structure
    from tests.factories import UserFactory

    from .h5p_zips import make_h5p

    vetter = UserFactory(username="thamdinh", is_superuser=True, is_staff=True)
    return vet_libraries(validate_structure(make_h5p()).libraries, vetter, "thu.h5p")
