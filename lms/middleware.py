"""Site-wide middleware: the language a person chose, the content cache's request scope and the
cached Wagtail site, and the Content-Security-Policy.

Language choice: Vietnamese unless the person chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an English-language
browser on a ward desktop would get an English site. Here only the language the person picked
(the `set_language` cookie) changes it; everyone else gets `settings.LANGUAGE_CODE` (vi).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from lms.lib import content_cache


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


def forget_sites(**kwargs):
    """Signal receiver (Site saved or deleted): every cached host → site answer is stale."""
    content_cache.replace_version(content_cache.SITES)
    content_cache.replace_version(content_cache.CONTENT)  # the site root paths


class CachedSiteMiddleware:
    """Opens the content cache's request scope (the content version is read once per request;
    lms.lib.content_cache) and serves the Wagtail Site of the request from that cache.

    Wagtail looks up the Site for every page request with a query; the answer depends only on
    the host and port, and sites change rarely, so it is kept in the content cache and handed
    to Wagtail the way Wagtail caches it itself (`request._wagtail_site`); so are the site root
    paths (`request._wagtail_cached_site_root_paths`), which every page URL needs.

    Must come after CommonMiddleware, which has already refused hosts not in ALLOWED_HOSTS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with content_cache.request_scope():
            # Page views are GETs; POSTs (answer autosaves, forms) rarely need the site, and
            # when they do Wagtail looks it up itself.
            if request.method in ("GET", "HEAD") and not hasattr(request, "_wagtail_site"):
                from wagtail.models import Site

                host = f"{request._get_raw_host()}|{request.get_port()}"
                (request._wagtail_site,) = content_cache.cached(
                    "site",
                    (host,),
                    lambda: (Site._find_for_request(request),),
                    group=content_cache.SITES,
                )
                # Wagtail reads the site root paths (URLs of pages) from its own cache entry,
                # several times a request; keep them with the pages, on the request.
                request._wagtail_cached_site_root_paths = content_cache.cached(
                    "site-root-paths", (), Site.get_site_root_paths
                )
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
