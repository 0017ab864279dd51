"""The page tree, what learners see, drafts, and bounded query counts."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from wagtail.models import Page

from content.models import HomePage
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage, ModuleProgress
from courses.outline import new_content_version


def test_page_tree_is_declared():
    assert CourseIndexPage.parent_page_types == ["content.HomePage"]
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]
    assert ModulePage.allowed_subpage_models() == []


@pytest.mark.django_db
def test_module_cannot_be_created_directly_under_the_catalogue(course_index):
    assert not ModulePage.can_create_at(course_index)
    assert CoursePage.can_create_at(course_index)
    assert CourseIndexPage.can_exist_under(HomePage.objects.get())


def test_catalogue_lists_live_courses_with_enrolment_badge(
    client_for, learner, course, make_course, enrolled
):
    make_course(1, slug="nhap", title="Khóa nháp", live=False)
    html = client_for(learner).get(course.get_parent().url).content.decode()
    assert "Khóa học thử nghiệm" in html
    assert "Khóa nháp" not in html
    assert "Đã ghi danh" in html


def test_course_page_lists_modules_with_status(client_for, learner, course, modules, enrolled):
    ModuleProgress.objects.create(
        user=learner, module=modules[0], source="viewed", completed_at="2026-01-01T00:00Z"
    )
    html = client_for(learner).get(course.url).content.decode()
    assert html.count('class="badge done">Đã hoàn thành') == 1
    assert html.count("Chưa hoàn thành") == 2
    assert "Đã hoàn thành 1/3 bài bắt buộc (33\u00a0%)" in html
    assert f'href="{modules[1].url}">Tiếp tục học: Bài 2' in html


def test_course_page_offers_enrol_form_to_learner_not_enrolled(client_for, learner, course):
    html = client_for(learner).get(course.url).content.decode()
    assert f'action="/hoc-tap/khoa-hoc/{course.pk}/ghi-danh/"' in html
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html


def test_module_body_hidden_from_learner_not_enrolled(client_for, learner, modules):
    html = client_for(learner).get(modules[0].url).content.decode()
    assert "Bạn cần ghi danh khóa học để học bài này." in html
    assert "Chị Lan nhận tin nhắn Zalo" not in html


def test_module_body_shown_to_enrolled_learner(client_for, learner, modules, enrolled):
    html = client_for(learner).get(modules[1].url).content.decode()
    assert "Chị Lan nhận tin nhắn Zalo" in html
    assert html.count("<h1>") == 1
    assert (
        f'href="{modules[0].url}" rel="prev"' in html
        and f'href="{modules[2].url}" rel="next"' in html
    )


def test_draft_module_is_404_for_enrolled_learner(client_for, learner, course, modules, enrolled):
    draft = course.add_child(instance=ModulePage(title="Bài nháp", slug="bai-nhap", live=False))
    assert client_for(learner).get(f"{course.url}bai-nhap/").status_code == 404
    modules[0].unpublish()
    assert client_for(learner).get(modules[0].url).status_code == 404
    assert not ModuleProgress.objects.filter(module__in=[draft, modules[0]]).exists()


def test_module_of_draft_course_is_404(client_for, learner, course, modules, enrolled):
    Page.objects.filter(pk=course.pk).update(live=False)  # the module itself stays live
    assert ModulePage.objects.get(pk=modules[0].pk).live
    assert client_for(learner).get("/khoa-hoc/khoa-thu/bai-1/").status_code == 404
    assert not ModuleProgress.objects.exists()


def test_unknown_paths_under_catalogue_are_404(client, course, modules):
    assert client.get("/khoa-hoc/khong-co/").status_code == 404
    assert client.get("/khoa-hoc/khoa-thu/khong-co/").status_code == 404
    assert client.get("/khoa-hoc/khoa-thu/bai-1/qua-sau/").status_code == 404


def test_anonymous_sees_course_and_login_link_but_not_lesson(client, course, modules):
    html = client.get(course.url).content.decode()
    assert "Đăng nhập để ghi danh" in html
    html = client.get(modules[0].url).content.decode()
    assert "Đăng nhập để học" in html and "Chị Lan nhận tin nhắn Zalo" not in html


def test_trainer_reads_lesson_without_enrolling_and_earns_nothing(client_for, trainer, modules):
    html = client_for(trainer).get(modules[0].url).content.decode()
    assert "Chị Lan nhận tin nhắn Zalo" in html
    assert not ModuleProgress.objects.exists() and not Enrolment.objects.exists()


# Course and module pages, warm cache (courses.outline holds the course, its modules, the lesson
# body, the page's quiz, the site and view restrictions): the session, the user, the learner's
# enrolment and completed modules; + 1 for the learner's attempts when the page has a quiz.
PAGE_QUERIES = 4
# A "viewed" lesson the learner has not completed yet also starts its reading clock: one INSERT
# that does nothing once the clock exists (courses.services.record_module_opened).
READING_WRITE = 1
# The same pages after a publish (new content version): + the course, its modules, the restricted
# paths and the page's quiz; + the lesson body and the course's audience (lms.org.access) on a
# module page.
COLD_PAGE_QUERIES = {"course": 8, "module": 10}
# The dashboard (not cached): session, user, person, enrolments, modules with completion, tiết.
DASHBOARD_QUERIES = 8


def _without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _queries(client, url, warm=True):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if warm:
        client.get(url)  # warm caches (site root paths) and record the first view
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["course", "module"])
def test_query_count_is_the_same_for_3_and_30_modules(
    page, make_course, learner, client_for, django_assert_num_queries
):
    client = client_for(learner)
    first_visits = []
    for size, slug in ((3, "nho"), (30, "lon")):
        course = make_course(size, slug=slug)
        Enrolment.objects.enrol(learner, course)
        first, second = list(course.modules())[:2]
        client.get(course.url)  # warm caches; viewing the course page records nothing
        # The first visit of a module starts its reading clock (a bounded number of writes).
        first_visits.append(_queries(client, first.url, warm=False))
        # An unfinished lesson: one cheap write per GET, whatever the course size.
        client.get(second.url)  # warm its body and quiz lookup
        with django_assert_num_queries(PAGE_QUERIES + READING_WRITE):
            client.get(second.url)
        # The first module read and completed (the learner's rows, not the shared cache).
        ModuleProgress.objects.create(
            user=learner, module=first, source="viewed", completed_at="2026-01-01T00:00Z"
        )
        url = course.url if page == "course" else first.url
        with django_assert_num_queries(PAGE_QUERIES):
            response = client.get(url)
        new_content_version()  # as after any publish: everything shared is read again
        with django_assert_num_queries(COLD_PAGE_QUERIES[page]):
            cold = client.get(url)
        assert _without_csrf(cold) == _without_csrf(response)  # the cache changes nothing seen
        html = response.content.decode()
        if page == "course":
            assert f"Đã hoàn thành 1/{size} bài bắt buộc" in html
        else:
            assert (
                "Chị Lan nhận tin nhắn Zalo" in html and f'href="{second.url}" rel="next"' in html
            )
    assert first_visits[0] == first_visits[1], first_visits


def test_dashboard_query_count_does_not_grow_with_courses(make_course, learner, client_for):
    client = client_for(learner)
    course = make_course(3, slug="mot")
    Enrolment.objects.enrol(learner, course)
    few = _queries(client, "/hoc-tap/")
    for number in range(2, 6):
        Enrolment.objects.enrol(
            learner, make_course(8, slug=f"khoa-{number}", title=f"Khóa {number}")
        )
    many = _queries(client, "/hoc-tap/")
    assert few == many <= DASHBOARD_QUERIES, (few, many)


def test_heaviest_seeded_lesson_weighs_under_100_kb(client_for, learner, settings, tmp_path):
    from io import StringIO

    from courses import demo

    settings.MEDIA_ROOT = tmp_path

    main = demo.seed(StringIO())
    Enrolment.objects.enrol(learner, main)
    client = client_for(learner)
    weights = []
    for module in main.modules():
        html = client.get(module.url).content
        assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
        size = len(html)
        for asset in assets:
            path = asset.decode().removeprefix(django_settings.STATIC_URL)
            if path.startswith("vendor/h5p-standalone/"):
                continue  # the H5P player is excluded from the budget
            found = finders.find(path)
            assert found, path
            size += Path(found).stat().st_size
        weights.append((size, module.slug))
    heaviest = max(weights)
    print(f"heaviest lesson: {heaviest[1]} {heaviest[0]} bytes (HTML + site CSS/JS)")
    assert heaviest[0] <= 100 * 1024, heaviest


def test_catalogue_shows_position_targeted_courses_only_to_holders(
    client_for, learner, make_course, trainer
):
    from lms.org.models import PersonPosition, Position

    chairs = Position.objects.create(name="Chủ tịch UBND phường", is_leader=True)
    leaders_only = make_course(1, slug="lanh-dao", title="Khóa cho lãnh đạo")
    leaders_only.audience_positions.add(chairs)
    leaders_only.save_revision().publish()
    make_course(1, slug="chung", title="Khóa cho mọi người")
    url = leaders_only.get_parent().url
    html = client_for(learner).get(url).content.decode()
    assert "Khóa cho mọi người" in html and "Khóa cho lãnh đạo" not in html
    PersonPosition.objects.create(person=learner.person, position=chairs, is_primary=True)
    html = client_for(learner).get(url).content.decode()
    assert "Khóa cho lãnh đạo" in html and html.count("Khóa cho mọi người") == 1
    assert "Khóa cho lãnh đạo" in client_for(trainer).get(url).content.decode()


def test_admin_edit_form_has_track_checkboxes(client_for, home_affairs, modules):
    html = client_for(home_affairs).get(f"/admin/pages/{modules[0].pk}/edit/").content.decode()
    assert 'type="checkbox" name="tracks" value="A"' in html and "checked" in html
    assert 'name="completion_rule"' in html


def test_durations_read_in_hours_and_minutes(client_for, learner, course, modules, enrolled):
    CoursePage.objects.filter(pk=course.pk).update(estimated_minutes=1064)
    ModulePage.objects.filter(pk=modules[0].pk).update(estimated_minutes=75)
    new_content_version()
    html = client_for(learner).get(course.url).content.decode()
    assert "khoảng 17 giờ 44 phút" in html
    assert "1064" not in html
    assert "1 giờ 15 phút" in html  # the module list
    html = client_for(learner).get(modules[0].url).content.decode()
    assert "khoảng 1 giờ 15 phút" in html
    html = client_for(learner).get(course.get_parent().url).content.decode()
    assert "khoảng 17 giờ 44 phút" in html
