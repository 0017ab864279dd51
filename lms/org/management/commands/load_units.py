from django.conf import settings
from django.core.management.base import BaseCommand

from lms.org.units import load_units


class Command(BaseCommand):
    help = "Nạp/cập nhật danh mục đơn vị hành chính cấp xã và cơ quan cấp thành phố (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--province", type=int, default=settings.LMS_PROVINCE_CODE)

    def handle(self, *args, province, **options):
        counts = load_units(province)
        self.stdout.write(
            "Đơn vị: {created} mới, {renamed} đổi tên, {reactivated} hoạt động lại, "
            "{deactivated} ngừng hoạt động, {unchanged} không đổi.".format(**counts)
        )
