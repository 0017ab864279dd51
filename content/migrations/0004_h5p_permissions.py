"""Let trainers, Home Affairs and administrators upload and manage H5P packages."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Giảng viên", "Sở Nội vụ", "Quản trị"]
CODES = ["add_h5ppackage", "change_h5ppackage", "delete_h5ppackage", "view_h5ppackage"]


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("content"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="content", codename__in=CODES)
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="content", codename__in=CODES)
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_h5p"),
        ("org", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
