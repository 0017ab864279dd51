"""Startup checks that keep H5P content away from the site's authority: package files stored
outside MEDIA_ROOT, and an H5P origin (when set) that really is another origin, reachable."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register

from .storage import STORAGE_ALIAS


def _inside(path, root):
    try:
        Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        return False
    return True


@register()
def h5p_storage_outside_media(app_configs, **kwargs):
    config = settings.STORAGES.get(STORAGE_ALIAS)
    if config is None:
        return [
            Error(
                'STORAGES has no "h5p" storage for H5P package files.',
                hint='Add STORAGES["h5p"] (see lms/settings/base.py, H5P_STORAGE).',
                id="content.E001",
            )
        ]
    location = (config.get("OPTIONS") or {}).get("location")
    if config["BACKEND"].endswith("FileSystemStorage"):
        if not location:
            return [
                Error(
                    'STORAGES["h5p"] needs its own "location" (H5P_ROOT).',
                    hint="Without one it would store package files in MEDIA_ROOT.",
                    id="content.E002",
                )
            ]
        if _inside(location, settings.MEDIA_ROOT) or _inside(settings.MEDIA_ROOT, location):
            return [
                Error(
                    f"H5P_ROOT ({location}) overlaps MEDIA_ROOT ({settings.MEDIA_ROOT}).",
                    hint="Package files must never be reachable under MEDIA_URL.",
                    id="content.E003",
                )
            ]
    return []


@register()
def h5p_origin_is_separate(app_configs, **kwargs):
    origin = settings.H5P_ORIGIN
    if not origin:
        return []
    parts = urlsplit(origin)
    problems = []
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        problems.append(
            Error(
                f"H5P_ORIGIN ({origin}) must be an origin such as https://h5p.example.gov.vn.",
                id="content.E004",
            )
        )
        return problems
    site = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if (site.scheme, site.netloc.lower()) == (parts.scheme, parts.netloc.lower()):
        problems.append(
            Error(
                "H5P_ORIGIN is the site's own origin (SITE_URL).",
                hint="Use a second host name; or leave H5P_ORIGIN empty for the sandbox-only mode.",
                id="content.E005",
            )
        )
    hosts = settings.ALLOWED_HOSTS
    hostname = parts.hostname or ""
    if "*" not in hosts and not any(
        hostname == h or (h.startswith(".") and hostname.endswith(h)) for h in hosts
    ):
        problems.append(
            Warning(
                f"The H5P host {hostname} is not in ALLOWED_HOSTS: the player frame will not load.",
                id="content.W001",
            )
        )
    cookie_domains = {settings.SESSION_COOKIE_DOMAIN, settings.CSRF_COOKIE_DOMAIN} - {None}
    for domain in cookie_domains:
        if hostname == domain.lstrip(".") or hostname.endswith("." + domain.lstrip(".")):
            problems.append(
                Error(
                    f"Cookies set for {domain} also reach the H5P host {hostname}.",
                    hint="Leave SESSION_COOKIE_DOMAIN/CSRF_COOKIE_DOMAIN unset (host-only).",
                    id="content.E006",
                )
            )
    return problems
