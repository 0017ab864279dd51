"""List the certificates expiring within 30 days and e-mail their holders (once each)."""

from django.core.management.base import BaseCommand

from certificates.expiry import notify_expiring


class Command(BaseCommand):
    help = "Liệt kê và báo cho học viên các chứng nhận sắp hết hạn (30 ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi thư.")

    def handle(self, *args, **options):
        rows = notify_expiring(dry_run=options["dry_run"])
        for certificate in rows:
            self.stdout.write(
                f"{certificate.serial}\t{certificate.valid_until:%d/%m/%Y}\t"
                f"{certificate.snapshot.get('full_name', '')}"
            )
        self.stdout.write(f"{len(rows)} chứng nhận sắp hết hạn.")
