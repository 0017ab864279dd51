"""Re-measure the peer anchor, wagtail-lms 0.11.1, on this machine in the style of bench/pages.py.

    .venv/bin/python bench/anchor_wagtail_lms.py [--requests 300] [--fresh]

Issue 3 compares our course and module pages with wagtail-lms ("course page 12 ms median with 14
queries, lesson page 12.4 ms"). This machine's speed varies, so that figure is re-measured here,
right beside bench/pages.py, instead of being trusted from another day.

Nothing of wagtail-lms enters this repository. The script:
1. creates (or reuses) a throwaway venv at /tmp/anchor-wagtail-lms/venv and pip-installs
   wagtail-lms==0.11.1 there, letting pip pick the Django and Wagtail it requires
   (`--fresh` rebuilds the venv);
2. writes a minimal Django project at /tmp/anchor-wagtail-lms/project: settings like our
   lms.settings.test (DEBUG off, ALLOWED_HOSTS ["*"], MD5 hasher, locmem cache, database
   sessions, a throwaway SQLite file), the usual Wagtail apps plus wagtail_lms, its URLs, and the
   one template it expects from the host project (base.html: a page head, its stylesheet, the
   user's name and a content block);
3. runs itself again with that venv's python (`--inside`): migrate, a course page with 12 H5P
   lesson pages (rich text only: an intro and four paragraphs each, no H5P activity), a plain
   learner enrolled in the course, then the measurement.

Measured as in bench/pages.py: in-process Django test client, no setup_test_environment(), 20
warm-up GETs, the queries of one GET (CaptureQueriesContext), then the median wall-clock and
process CPU time of N GETs (default 300), and the HTML size. Baselines: the Django admin login
form (anonymous) and Django's password change form (logged in), the trivial pages beside which
the course figures of two runs can be compared.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEER = "wagtail-lms"
PEER_VERSION = "0.11.1"
PLACE = Path(tempfile.gettempdir()) / "anchor-wagtail-lms"
VENV = PLACE / "venv"
PROJECT = PLACE / "project"
LESSONS = 12

SETTINGS = """\
# Written by bench/anchor_wagtail_lms.py: a throwaway host project for wagtail-lms.
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "anchor-bench-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "wagtail_lms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "anchor_site.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["ANCHOR_DB"]}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_URL = "/static/"
MEDIA_ROOT = os.environ["ANCHOR_MEDIA"]
MEDIA_URL = "/media/"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_SITE_NAME = "Anchor"
WAGTAILADMIN_BASE_URL = "http://testserver"
"""

URLS = """\
# Written by bench/anchor_wagtail_lms.py.
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("lms/", include("wagtail_lms.urls")),
    path("", include(wagtail_urls)),
]
"""

BASE_TEMPLATE = """\
{% load static %}<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% block title %}{{ page.title }}{% endblock %} · Anchor</title>
  <link rel="stylesheet" href="{% static 'wagtail_lms/css/course.css' %}">
</head>
<body>
  <header>
    <a href="/">Anchor</a>
    {% if user.is_authenticated %}<span>{{ user.get_username }}</span>{% endif %}
  </header>
  {% block content %}{% endblock %}
</body>
</html>
"""

# Lesson text written for this bench: four paragraphs of plain prose, like a reading lesson.
PARAGRAPHS = [
    "A strong password is long rather than clever. Four or five unrelated words joined "
    "together are easier to remember than a short string of symbols and far harder to guess. "
    "Use a different password for every service, so that one leak does not open the others.",
    "Phishing messages try to hurry you. They warn that an account will be closed, a parcel "
    "is waiting or a fine is due, and they ask you to click at once. Stop, read the sender's "
    "address carefully and open the service yourself instead of following the link.",
    "Updates close holes that attackers already know about. Turn on automatic updates for the "
    "operating system, the browser and the office programs, and restart the computer when it "
    "asks. An old program that no longer receives updates should be replaced.",
    "Before sharing a document, ask who really needs it. Send a link with access limited to "
    "named colleagues rather than an attachment that can be forwarded anywhere, and remove "
    "personal data such as identity numbers and addresses that the reader does not need.",
]


def installed_version():
    """The wagtail-lms version in the throwaway venv, or None."""
    python = VENV / "bin" / "python"
    if not python.exists():
        return None
    result = subprocess.run(
        [str(python), "-c", f"import importlib.metadata as m; print(m.version('{PEER}'))"],
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() if result.returncode == 0 else None


def ensure_venv(fresh):
    if fresh and VENV.exists():
        subprocess.run(["rm", "-rf", str(VENV)], check=True)
    if installed_version() == PEER_VERSION:
        return
    PLACE.mkdir(parents=True, exist_ok=True)
    print(f"Creating {VENV} with {PEER}=={PEER_VERSION} ...", flush=True)
    subprocess.run(["python3", "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "--quiet", f"{PEER}=={PEER_VERSION}"],
        check=True,
    )


def write_project():
    files = {
        "anchor_site/__init__.py": "",
        "anchor_site/settings.py": SETTINGS,
        "anchor_site/urls.py": URLS,
        "templates/base.html": BASE_TEMPLATE,
    }
    for name, text in files.items():
        path = PROJECT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def outside(args):
    """Prepare the venv and project, then run the measurement with the venv's python."""
    ensure_venv(args.fresh)
    write_project()
    handle, database = tempfile.mkstemp(prefix="anchor-wagtail-lms-", suffix=".sqlite3")
    os.close(handle)
    media = tempfile.TemporaryDirectory(prefix="anchor-wagtail-lms-media-")
    env = {
        **os.environ,
        "ANCHOR_DB": database,
        "ANCHOR_MEDIA": media.name,
        "DJANGO_SETTINGS_MODULE": "anchor_site.settings",
        "PYTHONPATH": str(PROJECT),
    }
    env.pop("DATABASE_URL", None)
    command = [
        str(VENV / "bin" / "python"),
        str(Path(__file__).resolve()),
        "--inside",
        "--requests",
        str(args.requests),
    ]
    try:
        return subprocess.run(command, env=env).returncode
    finally:
        Path(database).unlink(missing_ok=True)
        media.cleanup()


def measure(client, url, repeat):
    """(median ms, median CPU ms, queries of one request, HTML bytes), as in bench/pages.py."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(20):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured.captured_queries)
    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(timings), statistics.median(cpu), queries, len(response.content)


def seed():
    """A course with LESSONS rich-text lessons and an enrolled plain learner: (user, course, lessons)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Site
    from wagtail.rich_text import RichText
    from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonPage

    home = Site.objects.get(is_default_site=True).root_page
    course = CoursePage(
        title="Safe work online",
        slug="safe-work-online",
        description=RichText("<p>" + PARAGRAPHS[0] + "</p>"),
    )
    home.add_child(instance=course)
    lessons = []
    for number in range(1, LESSONS + 1):
        lesson = H5PLessonPage(
            title=f"Lesson {number}: staying safe online",
            slug=f"lesson-{number}",
            intro=RichText(f"<p>What lesson {number} covers, in a few lines.</p>"),
            body=[("paragraph", RichText(f"<p>{text}</p>")) for text in PARAGRAPHS],
        )
        course.add_child(instance=lesson)
        lessons.append(lesson)
    user = get_user_model().objects.create_user("anchor-learner", password="anchor-bench-1")
    CourseEnrollment.objects.create(user=user, course=course)
    return user, course, lessons


def inside(args):
    """Runs under the throwaway venv's python with the generated settings."""
    import django

    django.setup()
    from importlib.metadata import version

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    user, course, lessons = seed()
    print(
        f"{PEER} {version(PEER)}, Django {version('django')}, Wagtail {version('wagtail')}, "
        f"Python {sys.version.split()[0]}; SQLite, DEBUG={settings.DEBUG}"
    )
    client = Client()
    client.force_login(user)
    anonymous = Client()
    pages = [
        ("Baseline: Django admin login (anonymous)", anonymous, "/django-admin/login/"),
        ("Baseline: password change (logged in)", client, "/accounts/password_change/"),
        (f"Course page ({len(lessons)} lessons)", client, course.url),
        ("Lesson page (lesson 1, rich text)", client, lessons[0].url),
        (f"Lesson page (lesson {len(lessons)}, rich text)", client, lessons[-1].url),
    ]
    print(f"{'page':45} {'median':>9} {'CPU':>9} {'queries':>9} {'HTML':>9}")
    for label, page_client, url in pages:
        median, cpu, queries, size = measure(page_client, url, args.requests)
        print(f"{label:45} {median:6.2f} ms {cpu:6.2f} ms {queries:9d} {size / 1024:7.1f} KB")
    print(
        f"({args.requests} requests per page; issue 3's anchor figure: course page 12 ms, "
        "14 queries, lesson page 12.4 ms)"
    )
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--fresh", action="store_true", help="rebuild the throwaway venv")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.exit(inside(args) if args.inside else outside(args))


if __name__ == "__main__":
    main()
