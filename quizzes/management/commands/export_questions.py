"""Export the bank (or a category with its sub-categories) to GIFT or Moodle XML.

manage.py export_questions --format gift --category "Chương trình An toàn thông tin cấp xã/Mô-đun 01" -o m01.txt
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from quizzes.admin_views import build_export
from quizzes.models import Category


class Command(BaseCommand):
    help = "Xuất ngân hàng câu hỏi (hoặc một danh mục) ra GIFT hoặc Moodle XML."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["gift", "moodle_xml"], default="gift")
        parser.add_argument(
            "--category", default="", help="Đường dẫn danh mục (A/B); trống = cả ngân hàng."
        )
        parser.add_argument("-o", "--output", default="-", help="Tệp ghi ra; '-' = màn hình.")

    def handle(self, *args, **options):
        category = None
        if options["category"]:
            category = None
            for name in [p.strip() for p in options["category"].split("/") if p.strip()]:
                category = Category.objects.filter(parent=category, name=name).first()
                if category is None:
                    raise CommandError(f"Không có danh mục “{options['category']}”.")
        content, _name, skipped = build_export(options["format"], category)
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
        else:
            with open(options["output"], "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Đã ghi {options['output']}.")
        if skipped:
            self.stderr.write(f"Bỏ qua {skipped} câu sắp xếp (GIFT không hỗ trợ).")
