"""The wagtailusers app with this project's user and group viewsets (lms.accounts.admin_users).

In INSTALLED_APPS in place of "wagtail.users"."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    user_viewset = "lms.accounts.admin_users.UserViewSet"
    group_viewset = "lms.accounts.admin_users.GroupViewSet"
