"""Import a question file into the bank, all-or-nothing.

manage.py import_questions bank.gift --format gift --category "Mô-đun 01"
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes import bank_io, formats
from quizzes.models import Category

EXTENSION_FORMATS = {".gift": "gift", ".xml": "moodle_xml", ".xlsx": "excel"}


class Command(BaseCommand):
    help = "Nhập câu hỏi từ tệp GIFT, Aiken, Moodle XML hoặc Excel (tất cả hoặc không)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--format", choices=formats.FORMATS, help="gift, aiken, moodle_xml, excel"
        )
        parser.add_argument(
            "--category",
            default="",
            help="Đường dẫn danh mục đích (A/B), tạo nếu chưa có; danh mục trong tệp nằm bên dưới.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        fmt = options["format"] or EXTENSION_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise CommandError(f"{path.name}: không đoán được định dạng; dùng --format.")
        try:
            parsed = formats.parse(fmt, path.read_bytes(), path.name)
        except formats.FormatError as error:
            raise CommandError("\n".join(f"{path.name}: {m}" for m in error.messages)) from error
        problems = bank_io.check(parsed)
        if problems:
            raise CommandError("\n".join(f"{path.name}: {p}" for p in problems))
        if options["dry_run"]:
            self.stdout.write(f"{path.name}: {len(parsed)} câu hỏi hợp lệ (chưa ghi).")
            return
        category = Category.get_or_create_path(options["category"]) if options["category"] else None
        created = bank_io.save_questions(parsed, under=category)
        self.stdout.write(f"Đã nhập {len(created)} câu hỏi từ {path.name}.")
