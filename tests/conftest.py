"""Fixtures and personas used across the suite: one person per role, two wards; where the
shared corpus lives (../shared/testdata beside the checkout, or $LMS_TESTDATA)."""

import os
from pathlib import Path

import pytest
from django.test import Client

from lms.org import roles

from .browser_harness import browser_page, chromium  # noqa: F401 (shared browser fixtures)
from .factories import DEFAULT_PASSWORD, PersonFactory, UnitFactory, UserFactory

# --- The shared corpus (real GIFT/Aiken/Moodle/H5P files), optional -------------------------
# CI always has it. A fresh clone without it runs every core test (they build their own
# fixtures) and skips the corpus tests with this one reason, shown in the header and summary.

TESTDATA = Path(
    os.environ.get("LMS_TESTDATA", Path(__file__).resolve().parents[2] / "shared" / "testdata")
)
HAS_TESTDATA = TESTDATA.is_dir()
CORPUS_REASON = (
    f"corpus test: the shared test data is absent ({TESTDATA}); clone ../shared beside the "
    "checkout or set LMS_TESTDATA"
)
needs_corpus = pytest.mark.skipif(not HAS_TESTDATA, reason=CORPUS_REASON)


def skip_without_corpus(path=None):
    """Skip the calling test with the one corpus reason unless the corpus (or `path`) exists."""
    if not HAS_TESTDATA or (path is not None and not Path(path).exists()):
        pytest.skip(CORPUS_REASON)


def pytest_report_header(config):
    if HAS_TESTDATA:
        return f"corpus: {TESTDATA} (corpus tests run)"
    return f"corpus: ABSENT, corpus tests skip: {CORPUS_REASON}"


def pytest_terminal_summary(terminalreporter):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if CORPUS_REASON in str(getattr(report, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} corpus tests skipped: {CORPUS_REASON}")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests (and
    SQLite reuses primary keys), so nothing cached by one test may answer in the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def ward_a(db):
    return UnitFactory(code="26734", name="Phường Sài Gòn")


@pytest.fixture
def ward_b(db):
    return UnitFactory(code="27004", name="Phường Chợ Lớn")


@pytest.fixture
def city_agency(db):
    from lms.org.models import UnitKind

    return UnitFactory(code="SNV", name="Sở Nội vụ", kind=UnitKind.CITY_AGENCY)


def _person(username, unit, role, full_name):
    user = UserFactory(username=username, roles=[role])
    return PersonFactory(user=user, unit=unit, full_name=full_name, employee_code=username.upper())


@pytest.fixture
def learner(ward_a):
    return _person("hocvien", ward_a, roles.LEARNER, "Nguyễn Thị Mai").user


@pytest.fixture
def learner_b(ward_b):
    return _person("hocvienb", ward_b, roles.LEARNER, "Trần Văn Bảo").user


@pytest.fixture
def trainer(city_agency):
    return _person("giangvien", city_agency, roles.TRAINER, "Lê Hoàng Long").user


@pytest.fixture
def manager_a(ward_a):
    return _person("phutrach_a", ward_a, roles.UNIT_MANAGER, "Phạm Minh Tuấn").user


@pytest.fixture
def manager_b(ward_b):
    return _person("phutrach_b", ward_b, roles.UNIT_MANAGER, "Võ Thị Hạnh").user


@pytest.fixture
def home_affairs(city_agency):
    return _person("sonoivu", city_agency, roles.HOME_AFFAIRS, "Đặng Quốc Việt").user


@pytest.fixture
def admin_user(db):
    return UserFactory(username="quantri", is_superuser=True, is_staff=True)


def _client_for(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def client_for():
    """`client_for(user)` → a test client logged in as that user."""
    return _client_for


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


_SERIALIZED_CONTENTS = {}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _keep_serialized_contents()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    # Before the fixtures' teardown: the flush must know it need not re-run post_migrate.
    _keep_serialized_contents()


def _keep_serialized_contents():
    """Keep the migrated data that serialised rollback restores attached to the connection.

    Django keeps it on the connection object (`_test_serialized_contents`, set when the test
    database is created). A Playwright test can leave the thread with a new connection object
    (connections are per context, and the sync API runs in greenlets), and then the next
    transactional test silently restores nothing: role groups, permissions, the home page and
    the review workflow stay missing after the previous test's flush. Remember the data the
    first time it is there and put it back on whichever connection object is current."""
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        data = getattr(connection, "_test_serialized_contents", None)
        if data is not None:
            _SERIALIZED_CONTENTS[alias] = data
        elif alias in _SERIALIZED_CONTENTS:
            connection._test_serialized_contents = _SERIALIZED_CONTENTS[alias]


def pytest_collection_modifyitems(items):
    """Transactional tests (browser tests, thread tests) flush the database when they end,
    which would also wipe what migrations put there (role groups, the home page, the course
    catalogue, the review workflow). Serialised rollback restores it for every such test."""
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        marker = item.get_closest_marker("django_db")
        uses_live_server = "live_server" in getattr(item, "fixturenames", ())
        if marker is None and not uses_live_server:
            continue
        kwargs = dict(marker.kwargs) if marker is not None else {}
        if not (kwargs.get("transaction") or uses_live_server):
            continue
        if kwargs.get("serialized_rollback"):
            continue
        kwargs.update(transaction=True, serialized_rollback=True)
        item.add_marker(pytest.mark.django_db(**kwargs), append=False)


def site_root():
    """The default site's home page; recreated if a transactional test flushed it."""
    from django.conf import settings as django_settings
    from wagtail.models import Locale, Page, Site

    from content.models import HomePage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="An Toàn Số", slug="trang-chu"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home
