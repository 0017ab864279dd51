"""Fast routing of course and module URLs.

Wagtail resolves a URL one tree level at a time (two queries per level). Course and module pages
sit at fixed depths under a catalogue, so `CourseRouteMiddleware` resolves them by `url_path` in
one query (a module together with its sibling modules) and hands Wagtail the result through the
route cache Wagtail itself reads (`request._wagtail_route_for_request`). Anything it does not
recognise, and every non-GET request, is left to Wagtail's normal routing; Wagtail's serve view
still runs every before/on-serve hook (view restrictions, etc.).
"""

from django.core.cache import cache
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from wagtail.fields import StreamField
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


def _route_course(request, url_path):
    """The course, with the user's enrolment fetched in the same query when there is one."""
    from .models import CoursePage, Enrolment

    enrolment = None
    if request.user.is_authenticated:
        enrolment = (
            Enrolment.objects.select_related("course")
            .filter(user=request.user, course__url_path=url_path, course__live=True)
            .first()
        )
    if enrolment is not None:
        course = enrolment.course
    else:
        course = CoursePage.objects.filter(url_path=url_path, live=True).first()
    if course is None:
        return None
    course._enrolment = enrolment
    return RouteResult(course)


def preroute(request):
    """Resolve a course or module URL into a RouteResult, or None to let Wagtail route it."""
    from content.blocks import ContentStreamBlock

    from .models import ModulePage

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
        if len(parts) == 1:
            return _route_course(request, url_path)
        if len(parts) == 2:
            course_url_path = f"{catalogue}{parts[0]}/"
            # One query for the module and its siblings; only the requested module's body (the
            # bulk of the row) is read, the others get an empty stream.
            own_body = Case(
                When(url_path=url_path, then=F("body")),
                default=Value(None),
                output_field=StreamField(ContentStreamBlock()),
            )
            siblings = list(
                ModulePage.objects.filter(url_path__startswith=course_url_path)
                .defer("body")
                .annotate(own_body=own_body)
                .with_completion(request.user)
                .order_by("path")
            )
            module = next((m for m in siblings if m.url_path == url_path), None)
            if module is None or not module.live:
                return None
            module.body = module.own_body
            module._sibling_modules = [m for m in siblings if m.live]
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


class ViewRestrictionsInOneQueryMixin:
    """Page.get_view_restrictions() in one query instead of two (same alias semantics)."""

    def get_view_restrictions(self):
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        effective_ids = (
            Page.objects.filter(path__in=paths)
            .annotate(effective=Coalesce("alias_of_id", "id"))
            .values("effective")
        )
        return PageViewRestriction.objects.filter(Q(page_id__in=effective_ids))
