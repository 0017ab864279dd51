#!/usr/bin/env python
"""Quiz load benchmark: gunicorn + PostgreSQL on loopback, 200 learners take a 30-question test.

    .venv/bin/python bench/quiz_load.py [--learners 200] [--concurrency 16] [--workers 5]
                                        [--redis redis://127.0.0.1:6379/3] [--no-save-token]

What it does (bounded: every request has a timeout and the whole run stops after --max-seconds):
1. creates the database named by DATABASE_URL if missing (default
   postgres://postgres@127.0.0.1:5432/antoanso_bench) and migrates it;
2. creates 200 learners (with a unit), a live course, a 30-question final test and one logged-in
   session per learner, made by the configured session engine's SessionStore (no password
   hashing): the database table by default, Redis (cache sessions) with --redis;
3. starts gunicorn on 127.0.0.1 and a free port with production settings (DEBUG off, a dummy
   SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=false, REDIS_URL only with --redis;
   only the static files storage is the plain one, so pages render without `collectstatic`);
4. phase "start": each learner starts an attempt and opens it (one page, 30 questions);
   phase "save": each learner saves 30 answers, one POST each (what quiz.js sends: the
   question's fields with its shape token, and the page's autosave token, quizzes.autosave;
   --no-save-token leaves the latter out, so every save takes the session + user path);
   phase "submit": each learner submits;
5. the ceiling: the same gunicorn configuration serving a trivial Django view (same settings and
   middleware, CSRF-checked POST) that writes one row through the ORM, driven the same way
   ("ceiling"); and the same view behind the login session ("ceil-auth": + session and user
   lookups, which the learner requests without a token pay); both servers run throughout and the
   save phase alternates with the two ceiling phases in --rounds rounds (a tenth of the learners'
   saves, then as many ceiling requests; the order rotates), so load from elsewhere on the
   machine falls on both sides of the ratio;
6. counts in the database that every answer sent is stored and every attempt is graded.

It prints throughput and p50/p95 latency per phase, the ceiling, and whether the targets
(save ≥ 50% of the ceiling, save p95 ≤ 200 ms, zero errors, zero lost answers) are met.
"""

import argparse
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/antoanso_bench"
CSRF_SECRET = "b" * 32  # an unmasked 32-character secret is a valid CSRF token for Django
CEILING_PREFIX = "bench-ceiling-"


def server_env(database_url, redis_url=""):
    # REDIS_URL is always set ("" = unset for the settings), so a value in the caller's
    # environment cannot switch the session engine behind the option's back.
    return {
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": "bench-only-not-a-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": redis_url,
        # Production refuses per-process caches unless told; the bench measures quiz writes,
        # which read no cached content.
        "LMS_SINGLE_PROCESS": "" if redis_url else "1",
    }


# -- the two WSGI apps gunicorn serves (imported as quiz_load:product_app / :ceiling_app) --------


def _django_app(urlconf=None):
    import django
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if urlconf:
        settings.ROOT_URLCONF = urlconf
    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    return WSGIHandler()


def write_one_row(request):
    """The ceiling: a POST that writes one row through the ORM, nothing else."""
    from django.contrib.sessions.models import Session
    from django.http import HttpResponse
    from django.utils import timezone

    Session.objects.create(
        session_key=CEILING_PREFIX + secrets.token_hex(12),
        session_data="",
        expire_date=timezone.now(),
    )
    return HttpResponse("ok")


def write_one_row_logged_in(request):
    """The same, for a logged-in user (session and user lookups, as any learner request)."""
    from django.http import HttpResponseForbidden

    if not request.user.is_authenticated:
        return HttpResponseForbidden()
    return write_one_row(request)


def _ceiling_urlpatterns():
    from django.urls import path
    from django.views.decorators.http import require_POST

    return [
        path("ghi/", require_POST(write_one_row)),
        path("ghi-dang-nhap/", require_POST(write_one_row_logged_in)),
    ]


def __getattr__(name):
    # Lazily built so that importing this file does not configure Django.
    if name == "product_app":
        return _django_app()
    if name == "ceiling_app":
        return _django_app(urlconf="quiz_load")
    if name == "urlpatterns":
        return _ceiling_urlpatterns()
    raise AttributeError(name)


# -- set-up ------------------------------------------------------------------------------------


def ensure_database(url):
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    cfg = dj_database_url.parse(url)
    conn = psycopg2.connect(
        dbname="postgres",
        user=cfg["USER"] or "postgres",
        password=cfg["PASSWORD"] or None,
        host=cfg["HOST"] or "127.0.0.1",
        port=cfg["PORT"] or 5432,
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(cfg["NAME"])))
            print(f"Đã tạo cơ sở dữ liệu {cfg['NAME']}.")
    conn.close()


def prepare(learners, questions):
    """Bench data; returns (quiz id, [session keys])."""
    from decimal import Decimal

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.models import Session
    from django.db import transaction
    from wagtail.models import Page

    from courses.models import CoursePage, Enrolment
    from lms.accounts.models import User
    from lms.lib.vietnamese import name_sort_key
    from lms.org.models import AdministrativeUnit, Person, UnitKind
    from quizzes.models import Attempt, Category, Choice, Question, Quiz, QuizQuestion

    with transaction.atomic():
        unit, _ = AdministrativeUnit.objects.get_or_create(
            code="BENCH", defaults={"name": "Phường Đo Tải", "kind": UnitKind.WARD}
        )
        category, _ = Category.objects.get_or_create(name="Đo tải", parent=None)
        existing = list(category.questions.order_by("pk")[:questions])
        for index in range(len(existing), questions):
            question = Question.objects.create(
                category=category,
                qtype="single",
                stem=f"<p>Câu hỏi đo tải số {index + 1}?</p>",
                explanation="<p>Giải thích.</p>",
            )
            Choice.objects.bulk_create(
                Choice(
                    question=question,
                    text=f"Lựa chọn {k}",
                    fraction=100 if k == 0 else 0,
                    sort_order=k,
                )
                for k in range(4)
            )
            existing.append(question)
        course = CoursePage.objects.filter(slug="do-tai").first()
        if course is None:
            parent = (
                Page.objects.filter(depth=2).order_by("path").first() or Page.get_first_root_node()
            )
            course = parent.add_child(
                instance=CoursePage(title="Khóa đo tải", slug="do-tai", summary="Đo tải.")
            )
        quiz = Quiz.objects.filter(course=course).first()
        if quiz is None:
            quiz = Quiz.objects.create(
                title="Bài kiểm tra đo tải",
                course=course,
                time_limit_minutes=60,
                pass_mark=Decimal(80),
                questions_per_page=0,
            )
            QuizQuestion.objects.bulk_create(
                QuizQuestion(quiz=quiz, question=q, sort_order=i) for i, q in enumerate(existing)
            )
        Attempt.objects.filter(quiz=quiz).delete()
        usernames = [f"bench{n:04d}" for n in range(learners)]
        have = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
        User.objects.bulk_create(
            User(username=name, password=make_password(None))
            for name in usernames
            if name not in have
        )
        users = list(User.objects.filter(username__in=usernames).order_by("username"))
        with_person = set(Person.objects.filter(user__in=users).values_list("user_id", flat=True))
        Person.objects.bulk_create(
            Person(
                user=u,
                full_name=f"Học viên Đo Tải {u.username[-4:]}",
                employee_code=u.username.upper(),
                unit=unit,
                name_sort_key=name_sort_key(f"Học viên Đo Tải {u.username[-4:]}"),
            )
            for u in users
            if u.pk not in with_person
        )
        enrolled = set(Enrolment.objects.filter(course=course).values_list("user_id", flat=True))
        Enrolment.objects.bulk_create(
            Enrolment(user=u, course=course) for u in users if u.pk not in enrolled
        )
        Session.objects.filter(session_key__startswith=CEILING_PREFIX).delete()
        SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
        keys = []
        for user in users:
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            keys.append(store.session_key)
    return quiz.pk, keys


# -- HTTP --------------------------------------------------------------------------------------


class Client:
    def __init__(self, port, session_key=None):
        self.port = port
        cookies = [f"csrftoken={CSRF_SECRET}"]
        if session_key:
            cookies.append(f"sessionid={session_key}")
        self.cookie = "; ".join(cookies)

    def request(self, method, path, data=None, accept="text/html"):
        body = urllib.parse.urlencode(data or {}, doseq=True) if data is not None else None
        headers = {"Cookie": self.cookie, "Host": "127.0.0.1", "Accept": accept}
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = CSRF_SECRET
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        start = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            payload = response.read()
            return (
                response.status,
                response.getheader("Location"),
                payload,
                time.perf_counter() - start,
            )
        finally:
            conn.close()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = {}

    def add(self, phase, seconds, ok, detail=""):
        with self.lock:
            self.latencies.setdefault(phase, []).append(seconds)
            if not ok:
                self.errors.setdefault(phase, []).append(detail)


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def start_gunicorn(app, workers, env):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--pythonpath",
        f"{ROOT},{BENCH}",
        "--chdir",
        str(ROOT),
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn ({app}) đã dừng với mã {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.terminate()
        raise RuntimeError("gunicorn không khởi động được trong 60 giây")
    # Warm every worker (imports, URL resolvers, first DB connection).
    for _ in range(workers * 3):
        Client(port).request("GET", "/hoc-tap/kiem-tra/0/")
    return process, port


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


# -- phases ------------------------------------------------------------------------------------

SHOWN_RE = re.compile(r'name="shown" value="(\d+)"')
# Choice values are the attempt's opaque tokens (quizzes.models.AttemptTokens), not bank ids.
RADIO_RE = re.compile(r'name="q(\d+)" value="([0-9a-f]+)"')
TOKEN_RE = re.compile(r'name="k(\d+)" value="([^"]+)"')
SAVE_TOKEN_RE = re.compile(r'data-save-token="([^"]*)"')


def run_phase(name, jobs, concurrency, stats, deadline):
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(
            pool.map(
                lambda job: (
                    job() if time.time() < deadline else stats.add(name, 0, False, "hết giờ")
                ),
                jobs,
            )
        )
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--questions", type=int, default=30)
    workers = 2 * (os.cpu_count() or 1) + 1
    parser.add_argument("--workers", type=int, default=workers, help="gunicorn sync workers")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=workers,
        help="simultaneous learners (client threads); default: one per worker",
    )
    parser.add_argument("--max-seconds", type=int, default=600, help="stop after this long")
    parser.add_argument(
        "--rounds",
        type=int,
        default=10,
        help="save and ceiling phases alternate in this many rounds (each a share of learners)",
    )
    parser.add_argument(
        "--redis",
        default="",
        metavar="URL",
        help="run with REDIS_URL=URL (cache and cache sessions in Redis), "
        "e.g. redis://127.0.0.1:6379/3; default: no Redis (database sessions)",
    )
    parser.add_argument(
        "--no-save-token",
        action="store_true",
        help="saves without the page's autosave token (every save reads the session and user)",
    )
    args = parser.parse_args()
    deadline = time.time() + args.max_seconds
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DB)
    env = server_env(database_url, args.redis)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    ensure_database(database_url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    quiz_id, session_keys = prepare(args.learners, args.questions)
    from django.conf import settings

    print(
        f"Dữ liệu: {args.learners} học viên, bài kiểm tra {args.questions} câu (quiz {quiz_id}); "
        f"gunicorn {args.workers} worker đồng bộ, {args.concurrency} luồng khách; CPU: {os.cpu_count()}."
    )
    load_before = os.getloadavg()
    print(
        f"Phiên đăng nhập: {settings.SESSION_ENGINE}"
        f"{' (' + args.redis + ')' if args.redis else ''}; "
        f"lưu câu trả lời {'không kèm' if args.no_save_token else 'kèm'} mã tự lưu của trang."
    )

    stats = Stats()
    sent = {}  # attempt question id -> choice token
    attempts = {}  # learner index -> (attempt id, [(aq id, [choice ids])])
    sent_lock = threading.Lock()

    # Both servers run for the whole measurement (an idle sync worker costs nothing), so the
    # save rounds and the ceiling rounds can alternate: a burst of load from something else on
    # the machine then hits both alike instead of whichever phase happened to be running.
    process, port = start_gunicorn("quiz_load:product_app", args.workers, env)
    ceiling_process = None
    try:
        ceiling_process, ceiling_port = start_gunicorn("quiz_load:ceiling_app", args.workers, env)

        def start_job(index):
            def job():
                client = Client(port, session_keys[index])
                status, location, _body, seconds = client.request(
                    "POST", f"/hoc-tap/kiem-tra/{quiz_id}/bat-dau/"
                )
                ok = status == 302 and location and "/lam-bai/" in location
                stats.add("start", seconds, ok, f"{status} {location}")
                if not ok:
                    return
                path = urllib.parse.urlparse(location).path
                status, _loc, body, seconds = client.request("GET", path)
                page = body.decode("utf-8", "replace")
                questions = {}
                for aq, choice in RADIO_RE.findall(page):
                    questions.setdefault(int(aq), []).append(choice)
                tokens = dict(TOKEN_RE.findall(page))
                found = SAVE_TOKEN_RE.search(page)
                save_token = found.group(1) if found else ""
                ok = (
                    status == 200
                    and len(SHOWN_RE.findall(page)) == args.questions
                    and len(questions) == args.questions
                    and save_token != ""
                )
                stats.add(
                    "page", seconds, ok, f"{status} {len(questions)} câu, mã tự lưu: {save_token!r}"
                )
                attempt_id = int(path.rstrip("/").split("/")[-1])
                attempts[index] = (
                    attempt_id,
                    sorted(questions.items()),
                    tokens,
                    None if args.no_save_token else save_token,
                )

            return job

        def save_job(index):
            def job():
                if index not in attempts:
                    return
                client = Client(port, session_keys[index])
                attempt_id, questions, tokens, save_token = attempts[index]
                rng = secrets.SystemRandom()
                for aq, choices in questions:
                    choice = rng.choice(choices)
                    # What quiz.js posts: the question's fields, with its signed shape token,
                    # and the page's autosave token.
                    data = {"shown": aq, f"k{aq}": tokens.get(str(aq), ""), f"q{aq}": choice}
                    if save_token:
                        data["save_token"] = save_token
                    status, _loc, body, seconds = client.request(
                        "POST",
                        f"/hoc-tap/kiem-tra/lam-bai/{attempt_id}/luu/",
                        data,
                        accept="application/json",
                    )
                    ok = status == 200 and b'"ok": true' in body
                    stats.add("save", seconds, ok, f"{status} {body[:120]!r}")
                    if ok:
                        with sent_lock:
                            sent[aq] = choice

            return job

        def submit_job(index):
            def job():
                if index not in attempts:
                    return
                attempt_id = attempts[index][0]
                status, location, _body, seconds = Client(port, session_keys[index]).request(
                    "POST", f"/hoc-tap/kiem-tra/lam-bai/{attempt_id}/nop-bai/"
                )
                stats.add(
                    "submit",
                    seconds,
                    status == 302 and "/ket-qua/" in (location or ""),
                    f"{status} {location}",
                )

            return job

        def ceiling_job(phase, path, index, count):
            def job():
                client = Client(ceiling_port, session_keys[index] if phase == "ceil-auth" else None)
                for _ in range(count):
                    status, _loc, _body, seconds = client.request("POST", path, {})
                    stats.add(phase, seconds, status == 200, str(status))

            return job

        learners = list(range(args.learners))
        walls = {
            "start": run_phase(
                "start", [start_job(i) for i in learners], args.concurrency, stats, deadline
            )
        }
        rounds = max(1, min(args.rounds, args.learners))
        for number in range(rounds):
            group = learners[number::rounds]
            per_thread = max(len(group) * args.questions // args.concurrency, 1)
            runs = {
                "save": [save_job(i) for i in group],
                "ceiling": [
                    ceiling_job("ceiling", "/ghi/", i, per_thread) for i in range(args.concurrency)
                ],
                "ceil-auth": [
                    ceiling_job("ceil-auth", "/ghi-dang-nhap/", i, per_thread)
                    for i in range(args.concurrency)
                ],
            }
            order = ["save", "ceiling", "ceil-auth"]
            order = order[number % 3 :] + order[: number % 3]  # rotate: no phase always first
            for phase in order:
                walls[phase] = walls.get(phase, 0) + run_phase(
                    phase, runs[phase], args.concurrency, stats, deadline
                )
        walls["submit"] = run_phase(
            "submit", [submit_job(i) for i in learners], args.concurrency, stats, deadline
        )
    finally:
        stop(process)
        if ceiling_process is not None:
            stop(ceiling_process)

    # Count what the database holds.
    from django.contrib.sessions.models import Session
    from django.db import connection

    from quizzes.models import Attempt, AttemptQuestion

    connection.close()
    rows = AttemptQuestion.objects.filter(attempt__quiz_id=quiz_id).values_list(
        "pk", "response", "snapshot"
    )
    stored, choice_of = {}, {}
    for pk, response, snapshot in rows:
        if response is not None:
            stored[pk] = response
        # The token sent maps to the bank id the response stores (through the snapshot).
        choice_of[pk] = {c.get("token"): c["id"] for c in snapshot.get("choices", [])}
    lost = [
        aq
        for aq, token in sent.items()
        if choice_of.get(aq, {}).get(token) is None
        or (stored.get(aq) or {}).get("choice") != choice_of[aq][token]
    ]
    graded = Attempt.objects.filter(quiz_id=quiz_id, state="submitted", score__isnull=False).count()
    ceiling_rows = Session.objects.filter(session_key__startswith=CEILING_PREFIX).count()
    Session.objects.filter(session_key__startswith=CEILING_PREFIX).delete()
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
    for key in session_keys:
        SessionStore(session_key=key).delete()

    print()
    print(
        f"{'pha':<8} {'số yêu cầu':>10} {'lỗi':>5} {'thông lượng (yc/s)':>19} {'p50 (ms)':>9} {'p95 (ms)':>9}"
    )
    rates = {}
    for phase in ("start", "page", "save", "submit", "ceiling", "ceil-auth"):
        values = stats.latencies.get(phase, [])
        wall = walls.get(phase if phase != "page" else "start", 0)
        rate = len(values) / wall if wall and phase != "page" else float("nan")
        rates[phase] = rate
        print(
            f"{phase:<8} {len(values):>10} {len(stats.errors.get(phase, [])):>5} {rate:>19.1f} "
            f"{statistics.median(values) * 1000 if values else float('nan'):>9.1f} {percentile(values, 95) * 1000:>9.1f}"
        )
    errors = sum(len(v) for v in stats.errors.values())
    save_p95 = percentile(stats.latencies.get("save", []), 95) * 1000
    ratio = rates["save"] / rates["ceiling"] if rates.get("ceiling") else 0
    ratio_auth = rates["save"] / rates["ceil-auth"] if rates.get("ceil-auth") else 0
    print()
    print(
        "Tải máy (load average 1/5/15 phút) lúc đầu: "
        + ", ".join(f"{v:.2f}" for v in load_before)
        + "; lúc cuối: "
        + ", ".join(f"{v:.2f}" for v in os.getloadavg())
        + "."
    )
    print(f"Câu trả lời đã gửi: {len(sent)}; lưu trong CSDL: {len(stored)}; bị mất: {len(lost)}.")
    print(f"Bài đã chấm: {graded}/{len(attempts)}; dòng ghi bởi trần (ceiling): {ceiling_rows}.")
    print(
        f"Lưu câu trả lời đạt {ratio:.0%} thông lượng trần (ghi một dòng, không đăng nhập) và "
        f"{ratio_auth:.0%} trần có đăng nhập; p95 lưu {save_p95:.0f} ms; lỗi: {errors}."
    )
    for phase, details in stats.errors.items():
        print(f"  lỗi {phase}: {details[:3]}")
    met = (
        ratio >= 0.5
        and save_p95 <= 200
        and errors == 0
        and not lost
        and graded == len(attempts) == args.learners
    )
    print("ĐẠT mục tiêu." if met else "CHƯA ĐẠT mục tiêu.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
