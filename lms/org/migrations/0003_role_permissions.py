"""Roles become permissions: `org.role_<code>` on Person, granted to the five role groups.

From here on lms.org.roles answers "has this user this role" from these permissions, so an
administrator renaming a group (or making a new group carry a role) changes nothing. The groups
are found by the names 0002 gave them; a missing one is created under that name.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_GROUPS = {
    "role_learner": "Học viên",
    "role_trainer": "Giảng viên",
    "role_unit_manager": "Cán bộ phụ trách đơn vị",
    "role_home_affairs": "Sở Nội vụ",
    "role_administrator": "Quản trị",
}


def grant_role_permissions(apps, schema_editor):
    create_permissions(global_apps.get_app_config("org"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for codename, group_name in ROLE_GROUPS.items():
        permission = Permission.objects.get(content_type__app_label="org", codename=codename)
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(permission)


def revoke_role_permissions(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="org", codename__in=ROLE_GROUPS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("org", "0002_roles")]

    operations = [
        migrations.AlterModelOptions(
            name="person",
            options={
                "ordering": ["name_sort_key", "id"],
                "permissions": [
                    ("role_learner", "Vai trò: Học viên"),
                    ("role_trainer", "Vai trò: Giảng viên"),
                    ("role_unit_manager", "Vai trò: Cán bộ phụ trách đơn vị"),
                    ("role_home_affairs", "Vai trò: Sở Nội vụ"),
                    ("role_administrator", "Vai trò: Quản trị"),
                ],
                "verbose_name": "cán bộ",
                "verbose_name_plural": "cán bộ",
            },
        ),
        migrations.RunPython(grant_role_permissions, revoke_role_permissions),
    ]
