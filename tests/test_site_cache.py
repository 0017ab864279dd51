"""lms.middleware.CachedSiteMiddleware: the host → Wagtail site answer is cached, and a site
added, changed or removed in the admin takes effect on the next request."""

import re

import pytest
from wagtail.models import Site

from courses.models import CourseIndexPage


def _h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode()).group(1)


@pytest.mark.django_db
def test_site_changes_reach_the_next_request(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    catalogue = CourseIndexPage.objects.get()
    home_title = Site.objects.get(is_default_site=True).root_page.title
    host = {"HTTP_HOST": "daotao.example"}

    assert _h1(client.get("/", **host)) == home_title  # unknown host: the default site
    with CaptureQueriesContext(connection) as queries:
        assert _h1(client.get("/", **host)) == home_title
    # The answer is cached now: the page is routed without asking for the site.
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]

    site = Site.objects.create(hostname="daotao.example", port=80, root_page=catalogue)
    assert _h1(client.get("/", **host)) == catalogue.title

    site.root_page = Site.objects.get(is_default_site=True).root_page
    site.save()
    assert _h1(client.get("/", **host)) == home_title

    site.delete()
    assert _h1(client.get("/", **host)) == home_title


@pytest.mark.django_db
def test_posts_do_not_look_up_the_site(client, django_assert_num_queries):
    # An autosave or a form POST needs no site: the middleware leaves it to Wagtail.
    with django_assert_num_queries(0):
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
