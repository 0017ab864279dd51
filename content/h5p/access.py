"""Who may load an H5P package's files and report on it: learners allowed to study a live
module whose published body embeds the package, plus the authors and reviewers who preview."""

from django.db.models import IntegerField, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from lms.org.roles import ADMINISTRATOR, HOME_AFFAIRS, TRAINER, has_role

PREVIEW_ROLES = (TRAINER, HOME_AFFAIRS, ADMINISTRATOR)


def can_preview_packages(user):
    """Authors and reviewers see every package, as they see drafts in the admin."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_role(user, *PREVIEW_ROLES))
    )


def body_uses_package(raw_blocks, package_id):
    """True if a StreamField's raw data holds an "h5p" block (at any depth) choosing the package.
    Reads the stored JSON only, so it costs no query."""
    stack = [raw_blocks]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("value")
            if (
                item.get("type") == "h5p"
                and isinstance(value, dict)
                and str(value.get("package")) == str(package_id)
            ):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def module_uses_package(module, package_id):
    body = getattr(module, "body", None)
    if body is None:
        return False
    return body_uses_package(list(body.raw_data), package_id)


def modules_using(package):
    """Live module pages whose published body embeds `package`, in one query (the reference
    index as a subquery). The index may also know drafts, so the live body is re-checked."""
    from courses.models import ModulePage

    page_ids = (
        ReferenceIndex.get_references_to(package)
        .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .values("page_id")
    )
    modules = ModulePage.objects.live().filter(pk__in=Subquery(page_ids))
    return [module for module in modules if module_uses_package(module, package.pk)]


def user_can_use_package(user, package):
    """Checked on every request for a package file: two or three queries whatever the number
    of modules using the package (modules, the user's enrolments among their courses, then
    the courses app's own check for the first candidate)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if can_preview_packages(user):
        return True
    from lms.org.access import can_study as user_can_study_module
    from courses.models import Enrolment

    modules = modules_using(package)
    if not modules:
        return False
    enrolled_paths = set(
        Enrolment.objects.filter(
            user=user, course__path__in={module.path[: -Page.steplen] for module in modules}
        ).values_list("course__path", flat=True)
    )
    return any(
        user_can_study_module(user, module)
        for module in modules
        if module.path[: -Page.steplen] in enrolled_paths
    )
