"""The catalogue page, the moderation workflow "Duyệt nội dung đào tạo" and who may do what.

Trainers (Giảng viên) add and edit course pages under the catalogue but cannot publish: they
submit to the workflow, whose single task is approved by Sở Nội vụ, which publishes. Quản trị
may do everything. Learners get no page permission: Wagtail serves them live pages only.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Duyệt nội dung đào tạo"
TASK_NAME = "Sở Nội vụ duyệt nội dung"
INDEX_TITLE = "Khóa học"
INDEX_SLUG = "khoa-hoc"

PAGE_PERMISSIONS = {
    "Giảng viên": ["add", "change"],
    "Sở Nội vụ": ["add", "change", "publish", "lock", "unlock"],
    "Quản trị": ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}
MODEL_PERMISSIONS = {
    "Giảng viên": ["courses.add_competency", "courses.change_competency", "courses.view_competency"],
    "Sở Nội vụ": [
        "courses.add_competency", "courses.change_competency", "courses.view_competency",
        "courses.view_enrolment", "courses.add_enrolment",
    ],
    "Quản trị": [
        "courses.add_competency", "courses.change_competency", "courses.delete_competency",
        "courses.view_competency", "courses.view_enrolment", "courses.add_enrolment",
    ],
}


def _course_index(apps):
    """The catalogue page under the home page, created if missing (returns None if no home)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("content", "HomePage")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")
    existing = CourseIndexPage.objects.first()
    if existing is not None:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model="courseindexpage")
    last_child = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    next_number = int(last_child.path[-4:], 36) + 1 if last_child else 1
    suffix = ""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for _ in range(4):
        next_number, rest = divmod(next_number, 36)
        suffix = digits[rest] + suffix
    slug = INDEX_SLUG
    if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug=slug).exists():
        slug = f"{INDEX_SLUG}-1"
    index = CourseIndexPage.objects.create(
        title=INDEX_TITLE, draft_title=INDEX_TITLE, slug=slug, content_type=content_type,
        path=home.path + suffix, depth=home.depth + 1, numchild=0,
        url_path=f"{home.url_path}{slug}/", locale_id=home.locale_id, live=True,
        intro="Các khóa bồi dưỡng an toàn thông tin và bảo vệ dữ liệu cá nhân dành cho cán bộ, công chức.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    return index


def setup(apps, schema_editor):
    for label in ("wagtailcore", "courses"):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = {group.name: group for group in Group.objects.filter(name__in=PAGE_PERMISSIONS)}
    for name, codes in MODEL_PERMISSIONS.items():
        if name in groups:
            for code in codes:
                app_label, codename = code.split(".")
                groups[name].permissions.add(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )

    index = _course_index(apps)
    if index is None:
        return
    for name, types in PAGE_PERMISSIONS.items():
        if name not in groups:
            continue
        for permission_type in types:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
            )
            GroupPagePermission.objects.get_or_create(group=groups[name], page_id=index.pk, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    if "Sở Nội vụ" in groups:
        task.groups.add(groups["Sở Nội vụ"])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("content", "0002_home_page"),
        ("org", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
