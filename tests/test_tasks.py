"""Background tasks (django-tasks): inline in dev and tests, and in production stored in the
database (django-tasks-db) and run by its worker command, `manage.py db_worker`."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_tasks import TaskResultStatus, task

DATABASE_BACKEND = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


@task()
def name_a_group(name):
    """A stand-in for real work (rendering, signing, exports): leaves a row behind."""
    return Group.objects.create(name=name).pk


@pytest.fixture
def production_tasks(settings):
    settings.TASKS = DATABASE_BACKEND  # django-tasks forgets its backends when TASKS changes


@pytest.mark.django_db
def test_tasks_run_inline_in_tests():
    result = name_a_group.enqueue("Nhóm chạy ngay")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert Group.objects.get(name="Nhóm chạy ngay").pk == result.return_value


@pytest.mark.django_db(transaction=True)
def test_production_backend_waits_for_the_worker_then_runs_the_task(production_tasks):
    from django_tasks_db.models import DBTaskResult

    result = name_a_group.enqueue("Nhóm của worker")
    assert type(name_a_group.get_backend()).__name__ == "DatabaseBackend"
    # Stored, not run: nothing happened yet.
    assert not Group.objects.filter(name="Nhóm của worker").exists()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    group = Group.objects.get(name="Nhóm của worker")
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == group.pk
