from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from lms.org.roles import STAFF_ROLES, has_role

ADMIN_LINK_KEY = "lms:admin-link:{}"
ADMIN_LINK_SECONDS = 300


def forget_admin_link(sender, instance=None, action=None, reverse=False, pk_set=None, **kwargs):
    """Signal receiver: a user's groups or flags changed (or a group was deleted)."""
    from django.contrib.auth.models import Group

    if action is not None and not action.startswith("post_"):
        return
    if isinstance(instance, Group):
        # Which users were in a deleted group is gone with it; for m2m changes from the group's
        # side, pk_set names the users. Forget those; a deleted group's members expire.
        user_ids = pk_set or ()
    else:
        user_ids = [instance.pk] if instance is not None else []
    cache.delete_many([ADMIN_LINK_KEY.format(pk) for pk in user_ids])


def navigation(request):
    """`can_use_admin` for the site menu, only if a template asks: cached per user (it only
    decides whether a link is shown; the admin checks permissions itself on every request)."""
    user = getattr(request, "user", None)

    def can_use_admin():
        if not (user and user.is_authenticated):
            return False
        key = ADMIN_LINK_KEY.format(user.pk)
        allowed = cache.get(key)
        if allowed is None:
            allowed = bool(user.is_superuser or has_role(user, *STAFF_ROLES))
            cache.set(key, allowed, ADMIN_LINK_SECONDS)
        return allowed

    return {"can_use_admin": SimpleLazyObject(can_use_admin)}
