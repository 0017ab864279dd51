"""Who may change whose account: the one home of the rules that stop account takeover.

- A *privileged* account (superuser, is_staff, or holding a staff role) is never changed by
  people management (person forms, the import): its e-mail, username, password and active flag
  are managed only in the account admin, by someone allowed to manage it.
- A non-superuser can hand out only what they hold themselves: a group may be granted only if
  every permission it carries (model, page and collection permissions) is one the granting user
  holds, and never a group that administers accounts or groups (the Quản trị role). The same
  rule limits what they may add to a group in Wagtail's group editor.
- A non-superuser may manage (edit, deactivate, delete) only accounts that are not superusers or
  is_staff and whose every group they could have granted; their own account excepted.

Roles are asked through lms.org.roles.has_role, so re-keying roles underneath keeps this working.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils.translation import gettext as _

from lms.org import roles

# Holding one of these makes a group an administration group (the Quản trị role): only a
# superuser may add anyone to it, whatever the granting user holds.
ADMINISTRATION_PERMISSIONS = frozenset(
    {
        "accounts.add_user",
        "accounts.change_user",
        "accounts.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "auth.add_permission",
        "auth.change_permission",
        "auth.delete_permission",
    }
)


def is_privileged_account(user):
    """Superuser, is_staff, or holding a staff role (Giảng viên, phụ trách đơn vị, Sở Nội vụ,
    Quản trị): such an account is out of reach of people management."""
    return bool(user.is_superuser or user.is_staff or roles.has_role(user, *roles.STAFF_ROLES))


def privileged_account_ids(user_ids):
    """The subset of `user_ids` that are privileged accounts, for imports of many rows.

    Accounts with the same groups (and no permission of their own) have the same roles, so
    `is_privileged_account` is asked once per distinct set of groups: a handful of queries
    whatever the number of accounts.
    """
    User = get_user_model()
    user_ids = list(user_ids)
    privileged = set()
    memberships = {}
    for start in range(0, len(user_ids), 900):
        chunk = user_ids[start : start + 900]
        for pk, is_superuser, is_staff in User.objects.filter(pk__in=chunk).values_list(
            "pk", "is_superuser", "is_staff"
        ):
            if is_superuser or is_staff:
                privileged.add(pk)
            else:
                memberships[pk] = set()
        for user_id, group_id in User.groups.through.objects.filter(user_id__in=chunk).values_list(
            "user_id", "group_id"
        ):
            if user_id in memberships:
                memberships[user_id].add(group_id)
        own = set(
            User.user_permissions.through.objects.filter(user_id__in=chunk).values_list(
                "user_id", flat=True
            )
        )
        for user_id in own & set(memberships):
            if is_privileged_account(User.objects.get(pk=user_id)):
                privileged.add(user_id)
            memberships.pop(user_id)
    verdicts = {}
    for user_id, groups in memberships.items():
        key = frozenset(groups)
        if key not in verdicts:
            verdicts[key] = is_privileged_account(User.objects.get(pk=user_id))
        if verdicts[key]:
            privileged.add(user_id)
    return privileged


# --- Granting --------------------------------------------------------------------------------


class Grants:
    """A set of permissions: model codes, (page path, codename), (collection path, codename)."""

    def __init__(self, model=(), pages=(), collections=()):
        self.model = set(model)
        self.pages = set(pages)
        self.collections = set(collections)

    def __bool__(self):
        return bool(self.model or self.pages or self.collections)


def _model_codes(permissions):
    return {
        f"{app}.{codename}"
        for app, codename in permissions.values_list("content_type__app_label", "codename")
    }


def _grants(model, **group_filter):
    """Grants of the given model permissions plus the page and collection permissions of the
    groups matched by `group_filter`."""
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    return Grants(
        model=model,
        pages=GroupPagePermission.objects.filter(**group_filter).values_list(
            "page__path", "permission__codename"
        ),
        collections=(
            (path, f"{app}.{codename}")
            for path, app, codename in GroupCollectionPermission.objects.filter(
                **group_filter
            ).values_list(
                "collection__path",
                "permission__content_type__app_label",
                "permission__codename",
            )
        ),
    )


def group_grants(group):
    """Everything a group carries, read from the database."""
    if group.pk is None:
        return Grants()
    model = _model_codes(group.permissions.all()) - roles.NON_PRIVILEGED_ROLE_PERMISSIONS
    return _grants(model, group=group)


def held_grants(user):
    """What `user` holds through their groups and own permissions (cached on the user)."""
    cached = getattr(user, "_lms_held_grants", None)
    if cached is None:
        cached = _grants(user.get_all_permissions(), group__in=user.groups.all())
        user._lms_held_grants = cached
    return cached


def _covered(path, code, held):
    # A permission on a page (or collection) covers its whole subtree (treebeard paths).
    return any(code == held_code and path.startswith(held_path) for held_path, held_code in held)


def missing_grants(user, grants):
    """Human-readable descriptions of what in `grants` the user does not hold (Vietnamese)."""
    if user.is_superuser:
        return []
    held = held_grants(user)
    missing = []
    unknown = sorted(grants.model - held.model)
    if unknown:
        names = {
            f"{app}.{codename}": name
            for app, codename, name in Permission.objects.filter(
                codename__in=[code.split(".", 1)[1] for code in unknown]
            ).values_list("content_type__app_label", "codename", "name")
        }
        missing += [
            _("quyền “%(name)s” (%(code)s)") % {"name": names.get(code, code), "code": code}
            for code in unknown
        ]
    missing += [
        _("quyền trang “%(code)s”") % {"code": code}
        for path, code in sorted(grants.pages)
        if not _covered(path, code, held.pages)
    ]
    missing += [
        _("quyền thư mục “%(code)s”") % {"code": code}
        for path, code in sorted(grants.collections)
        if not _covered(path, code, held.collections)
    ]
    return missing


def is_administration_group(group):
    """A group that administers accounts or groups: the Quản trị role, whatever its name."""
    return bool(group_grants(group).model & ADMINISTRATION_PERMISSIONS)


def may_grant_group(user, group):
    if user.is_superuser:
        return True
    grants = group_grants(group)
    if grants.model & ADMINISTRATION_PERMISSIONS:
        return False
    return not missing_grants(user, grants)


def grantable_group_ids(user):
    from django.contrib.auth.models import Group

    cached = getattr(user, "_lms_grantable_groups", None)
    if cached is None:
        cached = frozenset(g.pk for g in Group.objects.all() if may_grant_group(user, g))
        user._lms_grantable_groups = cached
    return cached


def may_manage_account(user, target):
    """May `user` change `target` in the account admin (edit, deactivate, delete, regroup)?"""
    if user.is_superuser:
        return True
    if target.pk == user.pk:
        return True  # own account: Wagtail already hides the superuser and active flags
    if target.is_superuser or target.is_staff:
        return False
    allowed = grantable_group_ids(user)
    return all(pk in allowed for pk in target.groups.values_list("pk", flat=True))
