"""Site-wide middleware: the language a person chose, the cached Wagtail site, and the
Content-Security-Policy.

Language choice: Vietnamese unless the person chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an English-language
browser on a ward desktop would get an English site. Here only the language the person picked
(the `set_language` cookie) changes it; everyone else gets `settings.LANGUAGE_CODE` (vi).
"""

import hashlib

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.cache import patch_vary_headers

from lms.lib import cache_versions


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


SITE_CACHE_VERSION_KEY = "lms:site-version"
SITE_CACHE_SECONDS = 300


def forget_sites(**kwargs):
    """Signal receiver (Site saved or deleted): every cached host → site answer is stale."""
    cache_versions.replace(SITE_CACHE_VERSION_KEY)


class CachedSiteMiddleware:
    """Wagtail looks up the Site for every page request with a query; the answer depends only on
    the host and port, and sites change rarely, so keep it in the cache and hand it to Wagtail
    the way Wagtail caches it itself (`request._wagtail_site`).

    Must come after CommonMiddleware, which has already refused hosts not in ALLOWED_HOSTS.
    With a per-process cache, a changed site reaches other processes within SITE_CACHE_SECONDS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Page views are GETs; POSTs (answer autosaves, forms) rarely need the site, and when
        # they do Wagtail looks it up itself.
        if request.method in ("GET", "HEAD") and not hasattr(request, "_wagtail_site"):
            from wagtail.models import Site

            version = cache_versions.current(SITE_CACHE_VERSION_KEY)
            host = f"{request._get_raw_host()}|{request.get_port()}"
            key = f"lms:site:{version}:{hashlib.sha256(host.encode()).hexdigest()}"
            found = cache.get(key)
            if found is None:
                site = Site._find_for_request(request)
                cache.set(key, (site,), SITE_CACHE_SECONDS)
            else:
                (site,) = found
            request._wagtail_site = site
        return self.get_response(request)


ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the two policies of this site (lms/settings/base.py):
    `CONTENT_SECURITY_POLICY` everywhere, with `LMS_CSP_ADMIN` replacing some directives under
    the Wagtail admin; and `frame-src` read per request from the H5P origin (settings may change
    it, tests do). A response that sets its own policy (the H5P frame) keeps it."""

    def get_policy_parts(self, request, response, report_only=False):
        from content.h5p.frame import frame_origin

        parts = super().get_policy_parts(request, response, report_only)
        chosen = {"frame-src": [frame_origin()]}
        if request.path_info.startswith(ADMIN_PREFIX):
            chosen = {**settings.LMS_CSP_ADMIN, "frame-src": sorted({"'self'", frame_origin()})}
        parts.replace = {**chosen, **(parts.replace or {})}
        return parts
