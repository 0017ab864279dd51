"""Submit every attempt whose deadline (plus grace) has passed, with the answers it saved.

Run it every few minutes (cron/systemd timer); learners' pages also close overdue attempts when
they are next opened, so this only tidies abandoned ones for reports.
"""

from django.core.management.base import BaseCommand

from quizzes.models import Attempt


class Command(BaseCommand):
    help = "Nộp các lần làm bài đã quá hạn (chấm với các câu trả lời đã lưu)."

    def handle(self, *args, **options):
        closed = Attempt.objects.close_overdue()
        self.stdout.write(f"Đã nộp {closed} lần làm bài quá hạn.")
