from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "lms.org"
    label = "org"
    verbose_name = _("Tổ chức và nhân sự")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db import connections
        from django.db.backends.signals import connection_created

        from lms.lib import slugs
        from lms.lib.collation import register_sqlite_collation

        slugs.install()  # ASCII slugs for new pages, đ → d (lms/lib/slugs.py)

        connection_created.connect(register_sqlite_collation, dispatch_uid="lms-vi-collation")
        # A connection opened before this app was ready (rare: a settings check) gets it too.
        for conn in connections.all(initialized_only=True):
            if conn.connection is not None:
                register_sqlite_collation(None, conn)
