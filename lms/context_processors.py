from django.utils.functional import SimpleLazyObject

from lms.org.roles import STAFF_ROLES, has_role


def navigation(request):
    """`can_use_admin` for the site menu: one cached group lookup, only if a template asks."""
    user = getattr(request, "user", None)

    def can_use_admin():
        return bool(user and user.is_authenticated and (user.is_superuser or has_role(user, *STAFF_ROLES)))

    return {"can_use_admin": SimpleLazyObject(can_use_admin)}
