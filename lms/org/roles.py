"""The five roles, as Django groups created by a data migration (org 0002)."""

from django.utils.translation import gettext_lazy as _

LEARNER = "Học viên"
TRAINER = "Giảng viên"
UNIT_MANAGER = "Cán bộ phụ trách đơn vị"
HOME_AFFAIRS = "Sở Nội vụ"
ADMINISTRATOR = "Quản trị"

ALL_ROLES = [LEARNER, TRAINER, UNIT_MANAGER, HOME_AFFAIRS, ADMINISTRATOR]
CITY_WIDE_ROLES = {HOME_AFFAIRS, ADMINISTRATOR}
STAFF_ROLES = {TRAINER, UNIT_MANAGER, HOME_AFFAIRS, ADMINISTRATOR}

ROLE_DESCRIPTIONS = {
    LEARNER: _("Học tập, làm bài kiểm tra, nhận chứng nhận."),
    TRAINER: _("Biên soạn khóa học, ngân hàng câu hỏi; xem phân tích câu hỏi."),
    UNIT_MANAGER: _("Theo dõi cán bộ của đơn vị mình; nhắc nhở; đăng ký nhu cầu đào tạo."),
    HOME_AFFAIRS: _("Theo dõi toàn thành phố, duyệt nội dung, sổ chứng nhận, kế hoạch lớp."),
    ADMINISTRATOR: _("Quản trị hệ thống."),
}


def role_names(user):
    """The role group names of a user, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_lms_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._lms_role_names = cached
    return cached


def has_role(user, *roles):
    return bool(role_names(user) & set(roles))
