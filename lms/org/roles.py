"""The five roles, as fixed codes keyed by permissions, never by group names.

Each role is a custom permission `org.role_<code>` (declared on Person's Meta). A data migration
(org 0003) grants it to the role's group (created by org 0002 under its Vietnamese name). An
administrator may rename a group, or make another group carry a role by ticking its permission
in the Wagtail group editor: `has_role` answers from the permissions the user's groups hold.
"""

from django.utils.translation import gettext_lazy as _

LEARNER = "learner"
TRAINER = "trainer"
UNIT_MANAGER = "unit_manager"
HOME_AFFAIRS = "home_affairs"
ADMINISTRATOR = "administrator"

ALL_ROLES = [LEARNER, TRAINER, UNIT_MANAGER, HOME_AFFAIRS, ADMINISTRATOR]
CITY_WIDE_ROLES = {HOME_AFFAIRS, ADMINISTRATOR}
STAFF_ROLES = {TRAINER, UNIT_MANAGER, HOME_AFFAIRS, ADMINISTRATOR}

PERMISSION_APP_LABEL = "org"

# The Vietnamese names the groups are created with (display only; renaming them changes nothing).
ROLE_LABELS = {
    LEARNER: _("Học viên"),
    TRAINER: _("Giảng viên"),
    UNIT_MANAGER: _("Cán bộ phụ trách đơn vị"),
    HOME_AFFAIRS: _("Sở Nội vụ"),
    ADMINISTRATOR: _("Quản trị"),
}

ROLE_DESCRIPTIONS = {
    LEARNER: _("Học tập, làm bài kiểm tra, nhận chứng nhận."),
    TRAINER: _("Biên soạn khóa học, ngân hàng câu hỏi; xem phân tích câu hỏi."),
    UNIT_MANAGER: _("Theo dõi cán bộ của đơn vị mình; nhắc nhở; đăng ký nhu cầu đào tạo."),
    HOME_AFFAIRS: _("Theo dõi toàn thành phố, duyệt nội dung, sổ chứng nhận, kế hoạch lớp."),
    ADMINISTRATOR: _("Quản trị hệ thống."),
}


def codename(role):
    """The permission codename of a role: `role_<code>`."""
    return f"role_{role}"


ROLE_CODENAMES = {codename(role): role for role in ALL_ROLES}

# Role permissions that add nothing a Quản trị account lacks (a unit's scope, content preview,
# city-wide reading they already have): account administration (lms.accounts.privilege) does
# not count them as privileges to hold before granting. The Quản trị role itself stays one.
NON_PRIVILEGED_ROLE_PERMISSIONS = frozenset(
    f"{PERMISSION_APP_LABEL}.{codename(role)}" for role in ALL_ROLES if role != ADMINISTRATOR
)


def role_codes(user):
    """The role codes of a user, from the permissions of their groups: one query, cached on the
    user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_lms_role_codes", None)
    if cached is None:
        from django.contrib.auth.models import Permission

        names = Permission.objects.filter(
            group__user=user,
            content_type__app_label=PERMISSION_APP_LABEL,
            codename__in=ROLE_CODENAMES,
        ).values_list("codename", flat=True)
        cached = frozenset(ROLE_CODENAMES[name] for name in names)
        user._lms_role_codes = cached
    return cached


def has_role(user, *roles):
    return bool(role_codes(user) & set(roles))


def groups_for(roles):
    """The groups that carry any of `roles` (QuerySet)."""
    from django.contrib.auth.models import Group

    return Group.objects.filter(
        permissions__content_type__app_label=PERMISSION_APP_LABEL,
        permissions__codename__in=[codename(role) for role in roles],
    ).distinct()


def group_for(role):
    """The group new holders of `role` are put in (the oldest group carrying the role)."""
    group = groups_for([role]).order_by("pk").first()
    if group is None:
        raise LookupError(
            f"Không có nhóm nào mang vai trò “{ROLE_LABELS[role]}” "
            f"(quyền {PERMISSION_APP_LABEL}.{codename(role)}); hãy gán quyền này cho một nhóm."
        )
    return group
