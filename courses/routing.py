"""Fast routing of course and module URLs.

Wagtail resolves a URL one tree level at a time (two queries per level). Course and module pages
sit at fixed depths under a catalogue, so `CourseRouteMiddleware` resolves them by `url_path`
from the cached course outline (courses.outline: the live course and its live modules; no query
when cached) and hands Wagtail the result through the route cache Wagtail itself reads
(`request._wagtail_route_for_request`). Anything it does not recognise, and every non-GET
request, is left to Wagtail's normal routing; Wagtail's serve view still runs every
before/on-serve hook (view restrictions, etc.).
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

CATALOGUE_CACHE_KEY = "courses:catalogue-url-paths"
CATALOGUE_CACHE_SECONDS = 300


def catalogue_url_paths():
    from .models import CourseIndexPage

    paths = cache.get(CATALOGUE_CACHE_KEY)
    if paths is None:
        paths = list(CourseIndexPage.objects.values_list("url_path", flat=True))
        cache.set(CATALOGUE_CACHE_KEY, paths, CATALOGUE_CACHE_SECONDS)
    return paths


def forget_catalogue_url_paths(**kwargs):
    cache.delete(CATALOGUE_CACHE_KEY)


def _site_root_path(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk:
            return root.root_path
    return None


def preroute(request):
    """Resolve a course or module URL into a RouteResult, or None to let Wagtail route it."""
    from .outline import outline_for_url_path

    catalogues = catalogue_url_paths()
    path = request.path_info
    if not catalogues or not path.endswith("/"):
        return None
    # Cheap test first (no query): does the path fall under a catalogue of any site?
    roots = [root.root_path for root in Site.get_site_root_paths()]
    if not any(
        path.startswith("/" + catalogue[len(root) :]) and len(path) > len(catalogue) - len(root) + 1
        for catalogue in catalogues
        for root in roots
        if catalogue.startswith(root)
    ):
        return None
    root_path = _site_root_path(request)
    if root_path is None:
        return None
    url_path = root_path.rstrip("/") + path
    for catalogue in catalogues:
        if not url_path.startswith(catalogue) or url_path == catalogue:
            continue
        parts = url_path[len(catalogue) :].strip("/").split("/")
        if len(parts) not in (1, 2):
            continue
        # The shared part comes from the cache (courses.outline); the learner's own rows
        # (enrolment, completed modules) are read by the pages themselves.
        outline = outline_for_url_path(f"{catalogue}{parts[0]}/")
        if outline is None:
            return None
        course = outline.course()
        if len(parts) == 1:
            return RouteResult(course)
        module = outline.module(url_path)
        if module is None:  # not a live module: Wagtail's own routing decides (404, draft…)
            return None
        module.course = course
        module._outline_modules = outline.modules()
        module._body_cacheable = True
        return RouteResult(module)
    return None


class CourseRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not hasattr(request, "_wagtail_route_for_request"):
            result = preroute(request)
            if result is not None:
                request._wagtail_route_for_request = result
        return self.get_response(request)


def restricted_page_paths():
    """Paths of the pages that carry a view restriction, or alias a page that does (cached).

    Almost no course page is restricted (enrolment decides who studies), so knowing this set
    lets a page skip the restriction query; it is rebuilt whenever a restriction or a page
    changes (courses.outline's content version)."""
    from .outline import cached

    def build():
        restricted = PageViewRestriction.objects.values("page_id")
        return frozenset(
            Page.objects.filter(Q(id__in=restricted) | Q(alias_of_id__in=restricted)).values_list(
                "path", flat=True
            )
        )

    return cached("restricted-paths", (), build)


class ViewRestrictionsInOneQueryMixin:
    """Page.get_view_restrictions() without a query when no ancestor is restricted, else in one
    query instead of two (same alias semantics as Wagtail's)."""

    def get_view_restrictions(self):
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        if restricted_page_paths().isdisjoint(paths):
            return PageViewRestriction.objects.none()
        effective_ids = (
            Page.objects.filter(path__in=paths)
            .annotate(effective=Coalesce("alias_of_id", "id"))
            .values("effective")
        )
        return PageViewRestriction.objects.filter(Q(page_id__in=effective_ids))
