"""What a learner's browser downloads on first load (not a test): bytes and requests per page.

    .venv/bin/python bench/page_weight.py [--keep] [--port 8765]

Builds a throwaway SQLite database with the demo data (migrate, seed_demo: the curriculum
course, lesson 2 with the True/False H5P activity when ../shared/testdata is there, the
knowledge checks), collects the static files with the compressed storage (a .gz beside each
file, as in production) and serves them with WhiteNoise from a server of its own (DEBUG off,
runserver --noreload). Debian's Chromium (Playwright, /usr/bin/chromium, a fresh profile per
page, so nothing is cached) logs in as the demo learner and opens: the home page, the
dashboard (Khóa học của tôi), the course page, a text lesson, the H5P lesson (first load, then
what opening the activity adds), the quiz page and a quiz being taken.

Counted, as the budget says: HTML, CSS, JavaScript and fonts (images, media and the xAPI posts
are listed apart). "compressed" is what travels: the encoded body when the server compressed
it (WhiteNoise's .gz), otherwise the body gzipped at level 6, which is what the nginx in front
(`gzip on`) sends; Django itself compresses no HTML. Budget (issue 11): a lesson's first load,
H5P lesson included, at most 100 KB compressed.
"""

import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 100 * 1000  # bytes, compressed
COUNTED = ("document", "stylesheet", "script", "font")
DEMO_LEARNER = ("hocvien", "AnToanSo@2026")  # lms/org/demo.py (ROLE_ACCOUNTS, DEMO_PASSWORD)
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


# --- measuring (also used by tests/browser/test_page_weight.py) ---------------------------


def compressed_size(request, body):
    """(bytes on the wire for the body, how): as sent when the server encoded it ("sent"),
    else as gzip would send it ("gzip"); a body the browser took from its cache is 0."""
    response = request.response()
    if response is not None and response.headers.get("content-encoding"):
        sent = request.sizes()["responseBodySize"]
        return (sent, "sent") if sent > 0 else (0, "cache")
    return (len(gzip.compress(body, 6)) if body else 0), "gzip"


def short(url):
    """A request's URL without the frame's long capability token."""
    path = "/" + url.split("://", 1)[-1].split("/", 1)[-1]
    return re.sub(r"/h5p/play/[^/]+/", "/h5p/play/<token>/", path)


class Load:
    """The requests one step made: counted kinds (HTML, CSS, JS, fonts) and the rest."""

    def __init__(self, name):
        self.name = name
        self.rows = []  # (kind, url, raw bytes, compressed bytes, how)

    def add(self, request):
        response = request.response()
        try:
            body = response.body() if response is not None else b""
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        size, how = compressed_size(request, body)
        self.rows.append((request.resource_type, request.url, len(body), size, how))

    def counted(self):
        return [row for row in self.rows if row[0] in COUNTED]

    @property
    def requests(self):
        return len(self.counted())

    @property
    def raw(self):
        return sum(row[2] for row in self.counted())

    @property
    def compressed(self):
        return sum(row[3] for row in self.counted())

    def by_kind(self):
        kinds = {}
        for kind, _url, _raw, size, _how in self.counted():
            kinds[kind] = kinds.get(kind, 0) + size
        return kinds


def record(page, name):
    """Start recording the requests `page` (and its frames) finish; settle() reads them."""
    load = Load(name)
    load.finished = []
    load.listener = lambda request: load.finished.append(request)
    page.on("requestfinished", load.listener)
    return load


def settle(page, load):
    """Wait for the network to go quiet, then read the sizes of what finished."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.remove_listener("requestfinished", load.listener)
    for request in load.finished:
        load.add(request)
    return load


def first_load(context, url, name):
    page = context.new_page()
    load = record(page, name)
    page.goto(url, wait_until="networkidle")
    return page, settle(page, load)


def open_activity(page, name):
    """What "Mở hoạt động" adds: the sandboxed player frame, its player and the package."""
    load = record(page, name)
    page.get_by_role("button", name="Mở hoạt động").first.click()
    page.frame_locator(".h5p-player iframe").locator(
        ".h5p-content, .h5p-container"
    ).first.wait_for()
    return settle(page, load)


def api_login(context, base, username, password):
    """Log `context` in without loading a page in it (its cache stays empty)."""
    url = f"{base}/tai-khoan/dang-nhap/"
    form = context.request.get(url).text()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    response = context.request.post(
        url,
        form={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": url},
        max_redirects=0,
    )
    if response.status != 302:
        raise SystemExit(f"login as {username} failed ({response.status})")


def print_table(loads, out=None):
    out = out or sys.stdout
    out.write(
        f"{'page':42} {'requests':>8} {'raw KB':>8} {'compr. KB':>9} {'budget':>8}  by kind\n"
    )
    for load in loads:
        kinds = ", ".join(f"{k} {v / 1000:.1f}" for k, v in sorted(load.by_kind().items()))
        verdict = "ok" if load.compressed <= BUDGET else "OVER"
        if load.name.startswith("  "):
            verdict = "(own)"
        out.write(
            f"{load.name:42} {load.requests:8d} {load.raw / 1000:8.1f} "
            f"{load.compressed / 1000:9.1f} {verdict:>8}  {kinds}\n"
        )
    out.write(f"budget: {BUDGET / 1000:.0f} KB compressed HTML+CSS+JS+fonts per first load\n")


# --- the server -----------------------------------------------------------------------------

SETTINGS = """\
# Written by bench/page_weight.py: the dev settings, served as in production (DEBUG off,
# compressed static files collected and served by WhiteNoise, nothing from the finders).
from lms.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STATIC_ROOT = {static_root!r}
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES = {{**STORAGES, "staticfiles": {{"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}}}  # noqa: F405,E501
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(place):
    (place / "bench_settings").mkdir(parents=True, exist_ok=True)
    static_root = place / "static"
    (place / "bench_settings" / "__init__.py").write_text(
        SETTINGS.format(static_root=str(static_root)), encoding="utf-8"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(place), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DATABASE_URL": f"sqlite:///{place / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(place / "media"),
        "H5P_ROOT": str(place / "h5p_store"),
        "LMS_SINGLE_PROCESS": "1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for args in (
        ["migrate", "--no-input", "-v", "0"],
        ["seed_demo"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        subprocess.run([*manage, *args], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return manage, env


def start_server(manage, env, port):
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/tai-khoan/dang-nhap/", timeout=2)  # noqa: S310
            return server, base
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the bench server did not start")


def demo_urls(env):
    """URLs of the course, a text lesson, the H5P lesson and a quiz, read from the database."""
    script = (
        "import django; django.setup()\n"
        "from courses.models import CoursePage, ModulePage\n"
        "from quizzes.models import Quiz\n"
        "from django.urls import reverse\n"
        "course = CoursePage.objects.live().order_by('path').first()\n"
        "modules = list(ModulePage.objects.live().descendant_of(course).order_by('path'))\n"
        "h5p = [m for m in modules if any(b.block_type == 'h5p' for b in m.body)]\n"
        "text = [m for m in modules if m not in h5p]\n"
        "quiz = Quiz.objects.filter(module__isnull=False).order_by('pk').first()\n"
        "print(course.url)\n"
        "print(text[0].url)\n"
        "print(h5p[0].url if h5p else '')\n"
        "print(reverse('quizzes:quiz', args=[quiz.pk]) if quiz else '')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    return out[0], out[1], out[2], out[3]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--verbose", action="store_true", help="list every request")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    place = Path(tempfile.mkdtemp(prefix="antoanso-weight-"))
    server = None
    try:
        manage, env = prepare(place)
        course, text_lesson, h5p_lesson, quiz = demo_urls(env)
        server, base = start_server(manage, env, args.port or free_port())
        loads = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            def measure(path, name, then=None):
                # A new context per page: empty cache; logged in through the API request
                # context, which shares the cookies but not the browser's cache.
                context = browser.new_context(
                    viewport={"width": 1366, "height": 768}, locale="vi-VN"
                )
                api_login(context, base, *DEMO_LEARNER)
                page, load = first_load(context, base + path, name)
                loads.append(load)
                if then:
                    then(page)
                context.close()

            context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
            page, load = first_load(context, base + "/", "home page (anonymous)")
            loads.append(load)
            context.close()
            measure("/hoc-tap/", "dashboard (Khóa học của tôi)")
            measure(course, "course page")
            measure(text_lesson, "text lesson")
            if h5p_lesson:
                measure(
                    h5p_lesson,
                    "H5P lesson, first load",
                    then=lambda page: loads.append(
                        open_activity(page, "  + opening the H5P activity")
                    ),
                )
            else:
                sys.stdout.write("(no H5P lesson: ../shared/testdata is absent)\n")
            if quiz:

                def take(page):
                    load = record(page, "quiz being taken (after Bắt đầu)")
                    page.locator("form[action$='/bat-dau/'] button[type=submit]").first.click()
                    page.wait_for_load_state()
                    loads.append(settle(page, load))

                measure(quiz, "quiz page", then=take)
            browser.close()
        print_table(loads)
        if args.verbose:
            for load in loads:
                sys.stdout.write(f"\n{load.name}\n")
                for kind, url, raw, size, how in load.rows:
                    sys.stdout.write(f"  {kind:10} {raw:8d} {size:8d} {how:5}  {short(url)}\n")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if args.keep:
            sys.stdout.write(f"kept {place}\n")
        else:
            shutil.rmtree(place, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
