"""The router of course and module URLs (the only one: CourseIndexPage has no route() of its
own).

Wagtail resolves a URL one tree level at a time (two queries per level). Course and module pages
sit at fixed depths under a catalogue, so `CourseRouteMiddleware` resolves them by `url_path`
from the cached course outline (courses.outline: the live course and its live modules; no query
when cached) and hands Wagtail the result through the route cache Wagtail itself reads
(`request._wagtail_route_for_request`). Anything it does not recognise (drafts, unknown slugs),
and every non-GET request, is left to Wagtail's own tree routing, which checks liveness itself;
Wagtail's serve view still runs every before/on-serve hook (view restrictions, etc.), and
lms.org.access decides who may study.
"""

from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from lms.lib.content_cache import SITES, cached, replace_version


def catalogue_url_paths():
    """The url_paths of the catalogues (course index pages), cached with the sites."""
    from .models import CourseIndexPage

    return cached(
        "catalogue-url-paths",
        (),
        lambda: list(CourseIndexPage.objects.values_list("url_path", flat=True)),
        group=SITES,
    )


def forget_catalogue_url_paths(**kwargs):
    """Signal receiver (a catalogue saved, published, renamed or deleted, any page moved)."""
    replace_version(SITES)


def _site_root_paths(request):
    """Wagtail's site root paths, as lms.middleware.CachedSiteMiddleware left them on the
    request (read from the content cache), else from Wagtail."""
    paths = getattr(request, "_wagtail_cached_site_root_paths", None)
    return paths if paths is not None else Site.get_site_root_paths()


def _site_root_path(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    for root in _site_root_paths(request):
        if root.site_id == site.pk:
            return root.root_path
    return None


def resolve(catalogue_url_path, parts):
    """The RouteResult of the live course (one part) or live module of a live course (two
    parts) under the catalogue at `catalogue_url_path`, from the cached outline; None if there
    is none. The one rule of course routing: the middleware and CourseIndexPage.route ask it."""
    from .outline import outline_for_url_path

    if len(parts) not in (1, 2):
        return None
    course_path = f"{catalogue_url_path}{parts[0]}/"
    # The shared part comes from the cache (courses.outline); the learner's own rows
    # (enrolment, completed modules) are read by the pages themselves.
    outline = outline_for_url_path(course_path)
    if outline is None:
        return None
    course = outline.course()
    if len(parts) == 1:
        return RouteResult(course)
    module = outline.module(f"{course_path}{parts[1]}/")
    if module is None:  # not a live module
        return None
    module.course = course
    module._outline_modules = outline.modules()
    module._body_cacheable = True
    return RouteResult(module)


def preroute(request):
    """Resolve a course or module URL into a RouteResult, or None to let Wagtail route it."""
    catalogues = catalogue_url_paths()
    path = request.path_info
    if not catalogues or not path.endswith("/"):
        return None
    # Cheap test first (no query): does the path fall under a catalogue of any site?
    roots = [root.root_path for root in _site_root_paths(request)]
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
        if url_path.startswith(catalogue) and url_path != catalogue:
            # Not found here (a draft, an unknown slug): Wagtail's routing answers (404…).
            return resolve(catalogue, url_path[len(catalogue) :].strip("/").split("/"))
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
    changes (lms.lib.content_cache's version)."""

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
