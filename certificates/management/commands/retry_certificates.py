"""Issue the certificates a completion event missed and produce the files that failed (cron:
every few minutes where no task scheduler runs `certificates.tasks.retry_certificates`)."""

from django.core.management.base import BaseCommand

from certificates.tasks import retry


class Command(BaseCommand):
    help = "Cấp chứng nhận còn thiếu và tạo lại tệp PDF bị lỗi."

    def handle(self, *args, **options):
        issued, produced = retry()
        if options["verbosity"]:
            self.stdout.write(f"Đã cấp {issued} chứng nhận, tạo lại {produced} tệp.")
