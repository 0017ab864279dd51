"""Open the next cycle of the courses whose certificates near their end of validity or whose
yearly refresher date has come (certificates.recert)."""

from django.core.management.base import BaseCommand

from certificates.recert import open_due_cycles


class Command(BaseCommand):
    help = "Mở đợt bồi dưỡng lại cho các khóa học đến hạn."

    def handle(self, *args, **options):
        opened = open_due_cycles()
        self.stdout.write(f"Đã mở {len(opened)} đợt mới.")
