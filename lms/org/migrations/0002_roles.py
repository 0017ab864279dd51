"""Create the five role groups with the permissions each needs.

Later apps (courses, quizzes, certificates) add their own permissions to these groups in their
own data migrations, so this one only grants what exists now.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Học viên": [],
    "Giảng viên": [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    ],
    "Cán bộ phụ trách đơn vị": [
        "wagtailadmin.access_admin",
        "org.view_person", "org.view_department", "org.view_administrativeunit",
    ],
    "Sở Nội vụ": [
        "wagtailadmin.access_admin",
        "org.view_person", "org.add_person", "org.change_person",
        "org.view_department", "org.add_department", "org.change_department",
        "org.view_administrativeunit", "org.view_position", "org.add_position",
        "org.change_position",
    ],
    "Quản trị": [
        "wagtailadmin.access_admin",
        "org.view_person", "org.add_person", "org.change_person", "org.delete_person",
        "org.view_department", "org.add_department", "org.change_department",
        "org.delete_department", "org.view_administrativeunit", "org.change_administrativeunit",
        "org.view_position", "org.add_position", "org.change_position", "org.delete_position",
        "accounts.view_user", "accounts.add_user", "accounts.change_user",
        "auth.view_group", "auth.change_group",
    ],
}


def create_roles(apps, schema_editor):
    for label in ("org", "accounts", "auth", "wagtailimages", "wagtaildocs"):
        # Permissions are normally made after migrate; make them now so groups can hold them.
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            try:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            except Permission.DoesNotExist as exc:
                raise RuntimeError(f"permission {code} is missing") from exc
            group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0001_initial"),
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
