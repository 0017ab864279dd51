"""Several processes tested together: two gunicorn servers on loopback share one PostgreSQL
database (of this test's own) and one Redis database (flushed). A change made in one server
(publishing, unpublishing, a new view restriction, an edited quiz) is seen by the other on its
very next request: the content version lives in Redis and is replaced after commit, and each
server's own memory holds only entries under a version.

Needs PostgreSQL (DATABASE_URL's server, else 127.0.0.1:5432 as postgres) and Redis
(REDIS_URL's server, else 127.0.0.1:6379); skipped, saying which, when one is unreachable."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REDIS_DB = 13  # this test's own Redis database, flushed before and after

pytestmark = pytest.mark.multiprocess

SETUP = """
import django
django.setup()
from decimal import Decimal
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cache import SessionStore
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage
from quizzes.models import Quiz
from tests.factories import PersonFactory, UnitFactory, UserFactory

body = [("paragraph", "<p>Nội dung bài học chung của mọi tiến trình.</p>")]
index = CourseIndexPage.objects.first()
course = index.add_child(instance=CoursePage(
    title="Khóa nhiều tiến trình", slug="khoa-nhieu-tien-trinh", summary="Tóm tắt.",
    tiet=Decimal("2"), estimated_minutes=90, tracks="A"))
course.save_revision().publish()
modules = []
for n in (1, 2):
    module = course.add_child(instance=ModulePage(
        title=f"Bài {n}", slug=f"bai-{n}", summary="Tóm tắt.", body=body,
        estimated_minutes=10, tiet=Decimal("1"), tracks="A"))
    module.save_revision().publish()
    modules.append(module)
draft = course.add_child(instance=ModulePage(
    title="Bài mới xuất bản", slug="bai-moi", summary="Tóm tắt.", body=body,
    estimated_minutes=10, tiet=Decimal("1"), tracks="A", live=False))
draft.save_revision()
Quiz.objects.create(title="Kiểm tra bài 1", module_id=modules[0].pk)
user = UserFactory(username="hocvien.tientrinh")
PersonFactory(user=user, unit=UnitFactory(code="26734", name="Phường Sài Gòn"))
Enrolment.objects.enrol(user, course)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(course.url_path, session.session_key)
"""


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def servers():
    import dj_database_url
    import psycopg2
    import redis

    base = os.environ.get("DATABASE_URL", "")
    pg = dj_database_url.parse(base) if base.startswith("postgres") else {}
    pg_host, pg_port = pg.get("HOST") or "127.0.0.1", int(pg.get("PORT") or 5432)
    if not _reachable(pg_host, pg_port):
        pytest.skip(f"PostgreSQL không truy cập được tại {pg_host}:{pg_port}")
    redis_base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0]
    redis_url = f"{redis_base}/{REDIS_DB}"
    try:
        redis_client = redis.Redis.from_url(redis_url, socket_timeout=2)
        redis_client.flushdb()
    except redis.RedisError as exc:
        pytest.skip(f"Redis không truy cập được ({redis_url}): {exc}")

    name = f"antoanso_nhieu_tien_trinh_{secrets.token_hex(4)}"
    admin = psycopg2.connect(
        dbname="postgres",
        user=pg.get("USER") or "postgres",
        password=pg.get("PASSWORD") or None,
        host=pg_host,
        port=pg_port,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = pg.get("USER") or "postgres"
    password = f":{pg['PASSWORD']}" if pg.get("PASSWORD") else ""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LMS_"))},
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": "multiprocess-test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://{user}{password}@{pg_host}:{pg_port}/{name}",
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    processes = []
    try:
        run = {"cwd": ROOT, "env": env, "capture_output": True, "text": True, "timeout": 300}
        migrated = subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], **run)
        assert migrated.returncode == 0, migrated.stderr
        made = subprocess.run([sys.executable, "-c", SETUP], **run)
        assert made.returncode == 0, made.stderr
        course_path, session_key = made.stdout.split()[-2:]
        ports = []
        for _ in range(2):
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                port = sock.getsockname()[1]
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "tests.multiprocess_app:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ]
            processes.append(subprocess.Popen(command, cwd=ROOT, env=env))
            ports.append(port)
        deadline = time.time() + 60
        for process, port in zip(processes, ports, strict=True):
            while not _reachable("127.0.0.1", port):
                assert process.poll() is None, "gunicorn đã dừng"
                assert time.time() < deadline, "gunicorn không khởi động được trong 60 giây"
                time.sleep(0.2)
        # The catalogue sits under the home page: URLs drop the site root's own path.
        site_path = "/" + course_path.split("/", 2)[2]
        yield [Server(port, session_key, site_path) for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        redis_client.flushdb()


class Server:
    def __init__(self, port, session_key, course_url):
        self.base = f"http://127.0.0.1:{port}"
        self.cookie = f"sessionid={session_key}"
        self.course_url = course_url

    def get(self, path):
        """(status, HTML) as the enrolled learner."""
        url = self.base + path  # http://127.0.0.1 only
        request = urllib.request.Request(url, headers={"Cookie": self.cookie})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def change(self, action):
        status, _html = self.get(f"/__thay-doi__/{action}/")
        assert status == 200, action


def test_a_change_in_one_server_shows_in_the_other_at_once(servers):
    editor, reader = servers
    course = reader.course_url
    lesson = f"{course}bai-1/"

    for server in (editor, reader):  # both warm: each has read every entry into its memory
        for path in (course, lesson, f"{course}bai-2/"):
            status, html = server.get(path)
            assert status == 200, (path, html[:500])
    status, html = reader.get(course)
    assert "Bài mới xuất bản" not in html
    assert "Kiểm tra bài 1" in reader.get(lesson)[1]

    editor.change("xuat-ban")
    assert "Bài mới xuất bản" in reader.get(course)[1]
    assert reader.get(f"{course}bai-moi/")[0] == 200

    editor.change("sua-quiz")
    assert "Kiểm tra bài 1 (đã sửa)" in reader.get(lesson)[1]

    editor.change("go-xuat-ban")
    assert reader.get(f"{course}bai-2/")[0] == 404
    assert f'href="{course}bai-2/"' not in reader.get(course)[1]

    assert "Nội dung bài học chung" in reader.get(lesson)[1]
    editor.change("gioi-han")
    status, html = reader.get(lesson)
    assert "Nội dung bài học chung" not in html
    assert 'name="password"' in html
