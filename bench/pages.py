"""Benchmark the course and module pages (not a test): median render time and query counts.

    .venv/bin/python bench/pages.py [--requests 300] [--keep]

Renders through Django's test client in-process with DEBUG off (lms.settings.test), logged in as
an enrolled learner, on the seeded 12-module curriculum course. Uses a throwaway SQLite file by
default; with DATABASE_URL set (PostgreSQL), a separate database named after it with the suffix
`_bench`, created and dropped here. A trivial page (the login form GET) is measured in the same
run as a baseline, so that figures from a noisy machine can be compared. Besides the wall-clock
median it prints the median CPU time of this process per request (SQLite runs in-process, so on
SQLite that is the whole cost), which other programs on a busy machine disturb much less.
`--profile` adds a cProfile of 50 requests of one page (BENCH_PAGE=index in the table, default 2:
the course page; BENCH_SORT, BENCH_ROWS, BENCH_CALLEES, BENCH_DUMP=file tune its output).
Targets (issue 3): ≤ 6 ms median and ≤ 8 queries (peer anchor wagtail-lms: 12 ms, 14 queries).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"


def bench_database():
    """(DATABASE_URL to use, cleanup callable)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        handle, path = tempfile.mkstemp(prefix="antoanso-pages-", suffix=".sqlite3")
        os.close(handle)
        return f"sqlite:///{path}", lambda: Path(path).unlink(missing_ok=True)
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_bench"
    head, _slash, tail = url.rpartition("/")
    query = "?" + tail.split("?", 1)[1] if "?" in tail else ""

    def admin(sql):
        connection = psycopg2.connect(
            dbname="postgres",
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            host=config["HOST"] or None,
            port=config["PORT"] or None,
        )
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql)
        connection.close()

    admin(f'DROP DATABASE IF EXISTS "{name}"')
    admin(f'CREATE DATABASE "{name}"')
    return f"{head}/{name}{query}", lambda: admin(f'DROP DATABASE IF EXISTS "{name}"')


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(20):  # warm-up: template loading, caches, the first "viewed" write
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()  # a full log (maxlen) would make the capture below empty
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured.captured_queries)  # read now: the next request resets the log
    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(timings), statistics.median(cpu), queries, len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of the course page"
    )
    parser.add_argument(
        "--calls",
        action="store_true",
        help="also count Python function calls per request (steady under machine load)",
    )
    args = parser.parse_args()

    url, cleanup = bench_database()
    os.environ["DATABASE_URL"] = url
    media = tempfile.TemporaryDirectory(prefix="antoanso-pages-media-")
    os.environ["MEDIA_ROOT"] = media.name

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from courses import demo
    from courses.models import Enrolment
    from lms.org import roles
    from lms.org.models import AdministrativeUnit, Person
    from lms.org.units import load_units
    from quizzes import demo as quiz_demo

    # No setup_test_environment(): it instruments every template render for the test client,
    # which a real server does not do (test settings already allow the "testserver" host).
    try:
        print(
            f"Cơ sở dữ liệu: {connection.vendor} ({connection.settings_dict['NAME']}), DEBUG={settings.DEBUG}"
        )
        call_command("migrate", verbosity=0, interactive=False)
        load_units(settings.LMS_PROVINCE_CODE)

        from lms.accounts.models import User

        user = User.objects.create_user("bench-hocvien", password="mat-khau-bench-1")
        user.groups.add(roles.group_for(roles.LEARNER))
        Person.objects.create(
            user=user,
            full_name="Nguyễn Thị Mai",
            employee_code="BENCH1",
            unit=AdministrativeUnit.objects.communes().order_by("code").first(),
        )
        course = demo.seed(StringIO())
        # The real curriculum's quizzes too: the course page then shows its final test and the
        # module pages their knowledge checks (one more query each, for the learner's attempts).
        quiz_demo.seed(StringIO())
        assert Enrolment.objects.filter(user=user, course=course).exists()
        modules = list(course.modules())

        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        anonymous = Client()
        pages = [
            ("Mốc: trang đăng nhập (ẩn danh)", anonymous, "/tai-khoan/dang-nhap/"),
            ("Mốc: trang đổi mật khẩu (đã đăng nhập)", client, "/tai-khoan/doi-mat-khau/"),
            (f"Trang khóa học ({len(modules)} bài)", client, course.url),
            ("Trang bài học (bài 1, nội dung)", client, modules[0].url),
            ("Trang bài học (bài 2, có H5P)", client, modules[1].url),
            ("Khóa học của tôi", client, "/hoc-tap/"),
        ]
        print(f"{'trang':45} {'trung vị':>9} {'CPU':>9} {'truy vấn':>9} {'HTML':>9}")
        for label, page_client, page_url in pages:
            median, cpu, queries, size = measure(page_client, page_url, args.requests)
            print(f"{label:45} {median:6.2f} ms {cpu:6.2f} ms {queries:9d} {size / 1024:7.1f} KB")
        if args.calls:
            import cProfile
            import pstats

            print("Số lời gọi hàm Python mỗi yêu cầu (đếm bằng cProfile, không phụ thuộc tải máy):")
            for label, page_client, page_url in pages:
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(10):
                    page_client.get(page_url)
                profiler.disable()
                print(f"  {label:45} {pstats.Stats(profiler).total_calls // 10:8d}")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            _label, profile_client, profile_url = pages[int(os.environ.get("BENCH_PAGE", "2"))]
            for _ in range(50):
                profile_client.get(profile_url)
            profiler.disable()
            if os.environ.get("BENCH_DUMP"):
                profiler.dump_stats(os.environ["BENCH_DUMP"])
            stats = pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_SORT", "cumulative"))
            stats.print_stats(int(os.environ.get("BENCH_ROWS", "45")))
            if os.environ.get("BENCH_CALLEES"):
                stats.print_callees(os.environ["BENCH_CALLEES"])
            if os.environ.get("BENCH_CALLERS"):
                stats.print_callers(os.environ["BENCH_CALLERS"])
        print(
            f"({args.requests} yêu cầu mỗi trang; mục tiêu ≤ 6 ms, ≤ 8 truy vấn; wagtail-lms: 12 ms, 14 truy vấn)"
        )
    finally:
        connection.close()
        media.cleanup()
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
