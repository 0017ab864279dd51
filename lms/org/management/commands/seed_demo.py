import importlib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Each app that has demo content exposes `<app>.demo.seed(stdout)`; order matters.
DEMO_MODULES = ["lms.org.demo", "courses.demo", "quizzes.demo", "certificates.demo"]


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu (idempotent): đơn vị, cán bộ, tài khoản theo vai trò, khóa học, câu hỏi."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "LMS_DEMO_ALLOWED", False):
            raise CommandError(
                "Không tạo dữ liệu mẫu ở cấu hình này (LMS_DEMO_ALLOWED=False, ví dụ production)."
            )
        call_command("load_units", stdout=self.stdout)
        for name in DEMO_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                continue
            module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Đã tạo dữ liệu mẫu."))
