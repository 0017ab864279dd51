"""Benchmark certificate issuance (not a test): issue, render and sign N certificates.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ats_certpdf .venv/bin/python bench/certificates.py
    .venv/bin/python bench/certificates.py --count 1000 [--keep] [--algorithm ecdsa] [--snapshots]

Runs the real issue path of each completed enrolment (certificates.issuance.issue_for_enrolment:
row lock, serial and register number, snapshot, then the file task, which the immediate task
backend of lms.settings.test runs inline: render, sign with a demo key made for this run, store
through the "certificates" storage in a temporary folder). With DATABASE_URL (PostgreSQL) a
separate database named after it with the suffix `_bench` is created and dropped; without it a
throwaway SQLite file is used, with a warning (the issue asks for PostgreSQL). `--snapshots`
skips the database and renders and signs N render-data dicts instead.

Prints the median per certificate for rendering and for signing, the whole batch, and the peak
memory of the process (ru_maxrss), beside a baseline measured in the same run: a one-line PDF
drawn with ReportLab. Targets (issue 10): rendering ≤ 30 ms median, the whole batch of 1,000
including signing ≤ 60 s on this 2-core machine, peak memory ≤ 300 MB.
"""

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline_ms(repeat=200):
    """Median time of a one-line PDF with ReportLab's built-in font (same run, same machine)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=landscape(A4), invariant=1)
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 500, "Certificate baseline")
        canvas.showPage()
        canvas.save()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(timings), statistics.median(cpu)


class Timed:
    """Wrap a module function, recording each call's duration in ms."""

    def __init__(self, module, name):
        self.module, self.name = module, name
        self.original = getattr(module, name)
        self.timings = []
        self.cpu = []
        setattr(module, name, self)

    def __call__(self, *args, **kwargs):
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            return self.original(*args, **kwargs)
        finally:
            self.timings.append((time.perf_counter() - started) * 1000)
            self.cpu.append((time.process_time() - started_cpu) * 1000)

    def restore(self):
        setattr(self.module, self.name, self.original)


def _people(count):
    """COUNT learners with a person each, in a few bulk statements."""
    from django.contrib.auth.hashers import make_password

    from lms.accounts.models import User
    from lms.org import roles
    from lms.org.models import AdministrativeUnit, Person

    units = list(AdministrativeUnit.objects.communes().order_by("code")[:50])
    password = make_password(None)
    users = User.objects.bulk_create(
        [User(username=f"bench-cn-{i:05d}", password=password) for i in range(count)]
    )
    group = roles.group_for(roles.LEARNER)
    group.user_set.add(*users)
    given = ["Mai", "Tuấn", "Hồng Nhung", "Đức Anh", "Thị Ánh Tuyết", "Văn Bình"]
    Person.objects.bulk_create(
        [
            Person(
                user=user,
                full_name=f"Nguyễn {given[i % len(given)]} {i:04d}",
                employee_code=f"CB{i:06d}",
                unit=units[i % len(units)],
            )
            for i, user in enumerate(users)
        ]
    )
    return Person.objects.filter(user__in=users)


def run_database(count, workers=1):
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from certificates.models import Certificate, CertificateTemplate
    from courses import demo
    from courses.models import Enrolment
    from lms.org.units import load_units

    print(f"Cơ sở dữ liệu: {connection.vendor} ({connection.settings_dict['NAME']})")
    if connection.vendor != "postgresql":
        print("CẢNH BÁO: không phải PostgreSQL (đặt DATABASE_URL để đo như issue yêu cầu).")
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    load_units(settings.LMS_PROVINCE_CODE)
    course = demo.seed(io.StringIO())
    CertificateTemplate.objects.create(
        name="Mẫu đo", signer_name="Trần Văn Bình", signer_title="GIÁM ĐỐC"
    )
    people = _people(count)
    Enrolment.objects.assign_people(people, course, due_date=None, assigned_by=None)
    enrolments = list(
        Enrolment.objects.current()
        .filter(course=course, user__username__startswith="bench-cn-")
        .values_list("pk", flat=True)
    )
    Enrolment.objects.filter(pk__in=enrolments).update(completed_at=timezone.now())
    print(
        f"Chuẩn bị {len(enrolments)} ghi danh đã hoàn thành: {time.perf_counter() - started:.1f} s"
    )

    batch_started = time.perf_counter()
    if workers <= 1:
        results = [_issue_batch(enrolments)]
    else:
        # Like task workers beside each other: forked processes, each with its own database
        # connection, sharing the serial counters' row locks.
        import multiprocessing

        connection.close()
        chunks = [enrolments[i::workers] for i in range(workers)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_issue_batch, chunks)
    batch = time.perf_counter() - batch_started
    issued = Certificate.objects.filter(status="issued").count()
    serials = sorted(Certificate.objects.values_list("sequence", flat=True))
    assert serials == list(range(1, len(serials) + 1)), "serials have gaps"
    merged = {key: [v for r in results for v in r[key]] for key in results[0]}
    cpu = {"render": merged["render_cpu"], "sign": merged["sign_cpu"], "whole": merged["whole_cpu"]}
    return merged["render"], merged["sign"], merged["whole"], batch, issued, cpu


def _issue_batch(enrolment_ids):
    """Issue the certificates of ENROLMENT_IDS in this process; the timings of each step."""
    from django.db import connection

    from certificates import issuance, pdf, signing

    render = Timed(pdf, "render_certificate")
    sign = Timed(signing, "sign_pdf")
    whole, whole_cpu = [], []
    try:
        for pk in enrolment_ids:
            t, c = time.perf_counter(), time.process_time()
            certificate = issuance.issue_for_enrolment(pk)
            whole.append((time.perf_counter() - t) * 1000)
            whole_cpu.append((time.process_time() - c) * 1000)
            assert certificate is not None and certificate.status == "issued", certificate
    finally:
        render.restore()
        sign.restore()
        connection.close()
    return {
        "render": render.timings,
        "sign": sign.timings,
        "whole": whole,
        "render_cpu": render.cpu,
        "sign_cpu": sign.cpu,
        "whole_cpu": whole_cpu,
    }


def run_snapshots(count):
    from datetime import date, timedelta
    from decimal import Decimal

    from certificates import pdf, signing

    render_t, sign_t, whole = [], [], []
    cpu = {"render": [], "sign": [], "whole": []}
    batch_started = time.perf_counter()
    for i in range(count):
        data = {
            "full_name": f"Nguyễn Thị Ánh Tuyết {i:04d}",
            "employee_code": f"CB{i:06d}",
            "unit_name": "Phường Bến Thành",
            "department_name": "Bộ phận một cửa",
            "position_name": "Công chức",
            "course_title": "An toàn thông tin và bảo vệ dữ liệu cá nhân cho cán bộ, công chức cấp xã",
            "tiet": Decimal("16"),
            "score_percent": 90,
            "completed_on": date(2026, 12, 1),
            "issued_on": date(2026, 12, 2),
            "valid_until": date(2026, 12, 2) + timedelta(days=365),
            "serial": f"ATTT-2026-{i + 1:06d}",
            "register_number": f"{i + 1:06d}/2026",
            "verification_url": f"http://127.0.0.1:8000/xac-minh/bench{i:020d}/",
            "verification_code": f"bench{i:020d}",
            "issuing_body": "Sở Nội vụ Thành phố Hồ Chí Minh",
            "issuing_place": "TP. Hồ Chí Minh",
            "signer_name": "Trần Văn Bình",
            "signer_title": "GIÁM ĐỐC",
            "heading": "GIẤY CHỨNG NHẬN",
            "wording": "Đã hoàn thành khóa bồi dưỡng",
            "template_version": 1,
            "seal_image": None,
            "background_image": None,
        }
        t0, c0 = time.perf_counter(), time.process_time()
        body = pdf.render_certificate(data)
        t1, c1 = time.perf_counter(), time.process_time()
        signing.sign_pdf(body)
        t2, c2 = time.perf_counter(), time.process_time()
        render_t.append((t1 - t0) * 1000)
        sign_t.append((t2 - t1) * 1000)
        whole.append((t2 - t0) * 1000)
        cpu["render"].append((c1 - c0) * 1000)
        cpu["sign"].append((c2 - c1) * 1000)
        cpu["whole"].append((c2 - c0) * 1000)
    return render_t, sign_t, whole, time.perf_counter() - batch_started, count, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--algorithm", choices=["rsa", "ecdsa"], default="rsa")
    parser.add_argument(
        "--workers", type=int, default=1, help="processes issuing side by side (database mode)"
    )
    parser.add_argument(
        "--snapshots", action="store_true", help="render and sign dicts, no database"
    )
    args = parser.parse_args()

    cleanup = None
    if not args.snapshots:
        import importlib.util

        # bench/pages.py's throwaway database (this file's own name shadows the app's package,
        # so bench/ is not put on sys.path).
        spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench" / "pages.py")
        pages = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(pages)
        url, cleanup = pages.bench_database()
        os.environ["DATABASE_URL"] = url
    work = tempfile.TemporaryDirectory(prefix="antoanso-cert-bench-")
    os.environ["MEDIA_ROOT"] = str(Path(work.name) / "media")

    import django

    django.setup()
    from django.conf import settings
    from django.core.files.storage import storages as storage_handler
    from django.test import override_settings

    from certificates import fonts, signing

    key, _secret = signing.create_demo_signing_cert(
        Path(work.name) / "signing" / "bench.p12", algorithm=args.algorithm
    )
    storages = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(Path(work.name) / "cert_store")},
        },
    }
    try:
        with override_settings(
            CERT_PKCS12_PATH=key, CERT_PKCS12_PASSPHRASE=None, CERT_TSA_URL="", STORAGES=storages
        ):
            from certificates.models import Certificate

            # The field's storage is bound when the model loads; use this run's folder.
            Certificate._meta.get_field("file").storage = storage_handler["certificates"]
            fonts.register_fonts()
            signing.get_signer()
            base, base_cpu = baseline_ms()
            print(f"Bộ nhớ đỉnh trước khi chạy lô: {peak_mb():.0f} MB")
            if args.snapshots:
                render_t, sign_t, per_cert, batch, issued, cpu = run_snapshots(args.count)
                label = "vẽ + ký, không cơ sở dữ liệu"
            else:
                render_t, sign_t, per_cert, batch, issued, cpu = run_database(
                    args.count, args.workers
                )
                label = "cấp trọn vẹn, kể cả CSDL"
            base_after, base_cpu_after = baseline_ms()
        workers = 1 if args.snapshots else args.workers
        print(f"Khóa ký: {args.algorithm}; {issued} giấy chứng nhận; {workers} tiến trình")
        print(f"{'':44} {'trung vị':>10} {'p95':>10} {'CPU (tv)':>10}")
        for name, values, cpu_values in (
            ("Mốc: PDF một dòng (ReportLab)", [base, base_after], [base_cpu, base_cpu_after]),
            ("Vẽ giấy chứng nhận (render)", render_t, cpu["render"]),
            ("Ký số PAdES B-B (sign)", sign_t, cpu["sign"]),
            (f"Mỗi chứng nhận ({label})", per_cert, cpu["whole"]),
        ):
            ordered = sorted(values)
            p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
            print(
                f"{name:44} {statistics.median(values):7.2f} ms {p95:7.2f} ms "
                f"{statistics.median(cpu_values):7.2f} ms"
            )
        print("(CPU: thời gian CPU của tiến trình này, ít bị tải máy làm sai lệch hơn)")
        print(f"Cả lô {issued} chứng nhận: {batch:.1f} s")
        print(f"Bộ nhớ đỉnh của tiến trình (ru_maxrss): {peak_mb():.0f} MB")
        if workers > 1:
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"Bộ nhớ đỉnh của tiến trình con lớn nhất: {children:.0f} MB")
        print("Mục tiêu: vẽ ≤ 30 ms trung vị; cả lô 1.000 kể cả ký ≤ 60 s; bộ nhớ đỉnh ≤ 300 MB")
    finally:
        from django.db import connection

        connection.close()
        work.cleanup()
        if cleanup and not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
