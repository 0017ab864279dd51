"""`manage.py import_people FILE`: the admin's people import, from the command line."""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.org.importing import ImportFileError, apply_plan, plan_import


class _Progress:
    """A one-line text progress bar on stderr (redrawn at most ten times a second)."""

    def __init__(self, stream, enabled=True):
        self.stream = stream
        self.enabled = enabled
        self.last = 0.0

    def __call__(self, stage, done, total):
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done != total):
            return
        self.last = now
        if total:
            width = 30
            filled = width * done // total
            bar = "#" * filled + "-" * (width - filled)
            line = f"\rGhi dữ liệu [{bar}] {done}/{total}"
        else:
            line = f"\rĐọc và kiểm tra: {done} dòng"
        self.stream.write(line)
        self.stream.flush()

    def end(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Nhập danh sách cán bộ từ tệp CSV (UTF-8) hoặc XLSX có các cột: Họ và tên, Mã cán bộ, "
        "Email, Mã đơn vị, Phòng ban, Chức danh. Có dòng lỗi thì không nhập dòng nào."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .csv hoặc .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi vào cơ sở dữ liệu."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình."
        )

    def handle(self, *args, file, dry_run, no_progress, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{file}”.")
        progress = _Progress(sys.stderr, enabled=not no_progress and options["verbosity"] > 0)
        started = time.perf_counter()
        try:
            with path.open("rb") as handle:
                plan = plan_import(handle, path.name, progress=progress)
        except ImportFileError as exc:
            progress.end()
            raise CommandError(exc.message) from exc
        progress.end()
        if not plan.ok:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Không nhập được: {len(plan.problems)} dòng có lỗi (liệt kê ở trên). "
                "Chưa có dữ liệu nào được ghi."
            )
        summary = (
            f"{plan.to_create} cán bộ mới, {plan.to_update} cập nhật, {plan.unchanged} không đổi"
        )
        if plan.new_positions:
            summary += f", {len(plan.new_positions)} chức danh mới"
        if dry_run:
            self.stdout.write(f"Kiểm tra xong, tệp hợp lệ (chưa ghi): {summary}.")
            return
        result = apply_plan(plan, progress=progress)
        progress.end()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập {result.total} dòng trong {elapsed:.1f} giây: {result.created} cán bộ mới, "
                f"{result.updated} cập nhật, {result.unchanged} không đổi"
                + (
                    f", {result.positions_created} chức danh mới."
                    if result.positions_created
                    else "."
                )
            )
        )
