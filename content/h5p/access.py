"""Who may load an H5P package's files and report on it: learners allowed to study a live
module whose published body embeds the package, plus the authors and reviewers who preview."""

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
