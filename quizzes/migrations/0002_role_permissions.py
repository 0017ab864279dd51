"""Give the bank's editors (Giảng viên, Sở Nội vụ, Quản trị) the quizzes permissions.

`view_attempt` opens the item analysis; `add_question` the import screen.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_CODES = [
    f"{action}_{model}"
    for model in ("category", "question", "quiz")
    for action in ("add", "change", "delete", "view")
] + ["view_attempt"]
ROLES = ["Giảng viên", "Sở Nội vụ", "Quản trị"]


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("quizzes"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="quizzes", codename__in=EDITOR_CODES)
    )
    if len(permissions) != len(EDITOR_CODES):
        raise RuntimeError("quizzes permissions are missing")
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="quizzes", codename__in=EDITOR_CODES
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("org", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
