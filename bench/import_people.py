"""Benchmark the people import (not a test): generate N people as XLSX, import, print rows/s.

    .venv/bin/python bench/import_people.py [--rows 10000] [--keep]

Uses a throwaway SQLite file by default; with DATABASE_URL set (PostgreSQL), a separate database
named after it with the suffix `_bench`, created and dropped here. Prints, for the same file:
reading alone, reading + validation (the preview), the full import (creates everyone), and a
re-import of the same file (everyone unchanged), with rows per second and peak memory.
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 5),
    ("Phan", 4),
    ("Vũ", 3),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Trương", 1),
    ("Đinh", 1),
    ("Lâm", 1),
    ("Tô", 1),
]
MIDDLE_MALE = ["Văn", "Minh", "Quốc", "Hoàng", "Đức", "Thanh", "Hữu", "Công", "Ngọc", "Tấn"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thanh", "Thu", "Mỹ", "Kim", "Phương", "Bích", "Hồng", "Diệu"]
GIVEN_MALE = [
    "An",
    "Bảo",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khang",
    "Khoa",
    "Long",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Thịnh",
    "Toàn",
    "Trí",
    "Tuấn",
    "Vinh",
]
GIVEN_FEMALE = [
    "Anh",
    "Bình",
    "Châu",
    "Diễm",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Thảo",
    "Trang",
    "Trinh",
    "Uyên",
    "Vân",
    "Xuân",
    "Yến",
]
DEPARTMENTS = [
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công",
]
POSITIONS = [
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Công chức Văn phòng - Thống kê",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức Địa chính - Xây dựng",
    "Công chức Tài chính - Kế toán",
    "Công chức Văn hóa - Xã hội",
    "Viên chức Trung tâm Phục vụ hành chính công",
    "Nhân viên hợp đồng",
]


def _bench_database_url():
    url = os.environ.get("DATABASE_URL")
    if not url:
        handle, path = tempfile.mkstemp(prefix="antoanso-bench-", suffix=".sqlite3")
        os.close(handle)
        return f"sqlite:///{path}", ("sqlite", path)
    import dj_database_url

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_bench"
    base, _sep, _old = url.rpartition("/")
    query = ""
    if "?" in _old:
        query = "?" + _old.split("?", 1)[1]
    return f"{base}/{name}{query}", ("postgres", config, name)


def _create_postgres(config, name, drop=False):
    import psycopg2

    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def _name(rng):
    family = rng.choices([f for f, _w in FAMILY], weights=[w for _f, w in FAMILY])[0]
    if rng.random() < 0.5:
        return f"{family} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{family} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def _write_workbook(path, rows, units, rng):
    from openpyxl import Workbook

    from lms.org.importing import HEADERS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Cán bộ")
    sheet.append(HEADERS)
    for n in range(rows):
        unit = units[n % len(units)]
        positions = [rng.choice(POSITIONS)]
        if rng.random() < 0.3:  # kiêm nhiệm
            positions.append(rng.choice([p for p in POSITIONS if p != positions[0]]))
        code = f"CB{n + 1:07d}"
        sheet.append(
            [
                _name(rng),
                code,
                f"{code.lower()}@tphcm.gov.vn",
                unit.code,
                rng.choice(DEPARTMENTS),
                "; ".join(positions),
            ]
        )
    workbook.save(path)


def _maxrss_mb():
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=79)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()

    url, database = _bench_database_url()
    os.environ["DATABASE_URL"] = url
    if database[0] == "postgres":
        _create_postgres(database[1], database[2])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from lms.org.importing import import_people, plan_import, read_table
    from lms.org.models import AdministrativeUnit, Department, Person, Position
    from lms.org.units import load_units

    try:
        print(f"Cơ sở dữ liệu: {connection.vendor} ({connection.settings_dict['NAME']})")
        call_command("migrate", verbosity=0, interactive=False)
        load_units(79)
        units = list(AdministrativeUnit.objects.communes().order_by("code"))
        Department.objects.bulk_create(
            [Department(unit=u, name=d) for u in units for d in DEPARTMENTS],
            ignore_conflicts=True,
        )
        Position.objects.bulk_create([Position(name=p) for p in POSITIONS], ignore_conflicts=True)

        rng = random.Random(args.seed)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "can-bo.xlsx"
            _write_workbook(path, args.rows, units, rng)
            size_kb = path.stat().st_size / 1024
            print(f"Tệp: {args.rows} cán bộ, {len(units)} đơn vị, XLSX {size_kb:.0f} KB")
            rss_before = _maxrss_mb()

            def timed(label, func):
                # Wall time is what a user waits; CPU time of this process is what the import
                # costs, and stays meaningful when other jobs share the machine's two cores.
                started, cpu_started = time.perf_counter(), time.process_time()
                value = func()
                elapsed = time.perf_counter() - started
                cpu = time.process_time() - cpu_started
                print(
                    f"  {label:<40} {elapsed:6.2f} s {args.rows / elapsed:7.0f} dòng/s | "
                    f"CPU {cpu:5.2f} s {args.rows / cpu:7.0f} dòng/s | "
                    f"RSS đỉnh {_maxrss_mb():.0f} MB"
                )
                return value

            def read_only():
                with path.open("rb") as handle:
                    return sum(1 for _row in read_table(handle, path.name))

            def validate():
                with path.open("rb") as handle:
                    return plan_import(handle, path.name)

            def full_import():
                with path.open("rb") as handle:
                    return import_people(handle, path.name)

            timed("chỉ đọc tệp XLSX (luồng)", read_only)
            plan = timed("đọc + kiểm tra (xem trước, không ghi)", validate)
            assert plan.ok, plan.problems[:5]
            result = timed("nhập đầy đủ (tạo mới)", full_import)
            assert result.created == args.rows, result
            assert Person.objects.count() == args.rows
            result = timed("nhập lại cùng tệp (không đổi)", full_import)
            assert result.unchanged == args.rows, result
            print(f"Tải máy (loadavg 1 phút) lúc kết thúc: {os.getloadavg()[0]:.1f}")
            print(
                f"RSS đỉnh của tiến trình: {_maxrss_mb():.0f} MB "
                f"(trước khi đọc tệp: {rss_before:.0f} MB)"
            )
    finally:
        connection.close()
        if not args.keep:
            if database[0] == "sqlite":
                Path(database[1]).unlink(missing_ok=True)
            else:
                _create_postgres(database[1], database[2], drop=True)
        else:
            print(f"Giữ lại cơ sở dữ liệu: {url}")


if __name__ == "__main__":
    main()
