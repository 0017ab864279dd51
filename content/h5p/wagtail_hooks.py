"""Admin registration of the H5P app (imported by content/wagtail_hooks.py)."""

from wagtail.snippets.models import register_snippet

from .admin_views import H5PPackageViewSet

register_snippet(H5PPackageViewSet)
