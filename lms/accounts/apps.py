from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.models import Site

        from lms.context_processors import forget_admin_link
        from lms.middleware import forget_sites

        # lms.middleware.CachedSiteMiddleware keeps host → site answers in the cache.
        for signal in (post_save, post_delete):
            signal.connect(forget_sites, sender=Site, dispatch_uid=f"lms-sites-{id(signal)}")
        # The site menu's "Quản trị" link is cached per user (lms.context_processors).
        m2m_changed.connect(
            forget_admin_link,
            sender=self.get_model("User").groups.through,
            dispatch_uid="lms-admin-link-groups",
        )
        post_save.connect(
            forget_admin_link, sender=self.get_model("User"), dispatch_uid="lms-admin-link-user"
        )
        post_delete.connect(forget_admin_link, sender=Group, dispatch_uid="lms-admin-link-group")
