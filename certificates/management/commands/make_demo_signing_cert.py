"""Create the demo signing certificate (self-signed; its subject says it has no legal value)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates import signing


class Command(BaseCommand):
    help = (
        "Tạo chứng thư ký số mẫu tự ký (DEMO - không có giá trị pháp lý) và khóa PKCS#12 tại "
        "CERT_PKCS12_PATH; mật khẩu ngẫu nhiên ghi vào tệp bí mật bên cạnh (quyền 600)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--algorithm", choices=["rsa", "ecdsa"], default="rsa")
        parser.add_argument("--path", help="Nơi ghi tệp .p12 (mặc định CERT_PKCS12_PATH).")
        parser.add_argument("--force", action="store_true", help="Ghi đè khóa mẫu đã có.")
        parser.add_argument(
            "--if-missing", action="store_true", help="Không làm gì nếu khóa đã có (seed_demo)."
        )

    def handle(self, *args, **options):
        path = Path(options["path"] or settings.CERT_PKCS12_PATH)
        if path.exists():
            if options["if_missing"]:
                self.stdout.write(f"Khóa ký đã có: {path}")
                return
            if not options["force"]:
                raise CommandError(f"Tệp {path} đã có; dùng --force để ghi đè.")
        key_path, secret_path = signing.create_demo_signing_cert(
            path, algorithm=options["algorithm"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tạo khóa ký mẫu {key_path} (mật khẩu trong {secret_path}). "
                "Chỉ dùng để thử: DEMO - không có giá trị pháp lý."
            )
        )
