"""Background task (django-tasks): close overdue attempts. Enqueue it from a scheduler every few
minutes where a task worker runs; `manage.py close_overdue_attempts` does the same from cron."""

from django_tasks import task


@task()
def close_overdue_attempts():
    from .models import Attempt

    return Attempt.objects.close_overdue()
