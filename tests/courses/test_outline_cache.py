"""The cached course outline and lesson bodies (courses.outline) never show stale or private
content: every change an editor makes reaches learners on their next request, drafts never leak,
and what belongs to one learner is never cached for another."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache.backends.locmem import LocMemCache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from courses.models import Enrolment, ModulePage
from quizzes.models import Quiz
from tests.content.conftest import make_module, media_root, truefalse_file  # noqa: F401 (fixture)

from .conftest import publish


def read_first_module(client, module):
    """Open the lesson, then press "Tôi đã học xong bài này" once the required time has passed."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(module.url)
    with time_machine.travel(start + timedelta(minutes=20), tick=False):
        client.post(reverse("courses:reading-done", args=[module.pk]))


@pytest.fixture
def warm(client_for, learner, course, modules, enrolled):
    """A learner whose visits have filled the cache for the course and its first module (read
    and completed)."""
    client = client_for(learner)
    client.get(course.url)
    read_first_module(client, modules[0])
    return client


def _set_heading(module, text):
    module.body = [("heading", text), *[(b.block_type, b.value) for b in module.body][1:]]


def test_published_change_reaches_learner_but_draft_does_not(warm, modules):
    module = ModulePage.objects.get(pk=modules[0].pk)
    _set_heading(module, "Tiêu đề bản nháp chưa duyệt")
    module.save_revision()  # a draft: learners keep seeing the published lesson
    html = warm.get(modules[0].url).content.decode()
    assert "Nhận diện tin nhắn giả mạo" in html
    assert "Tiêu đề bản nháp chưa duyệt" not in html

    module.get_latest_revision().publish()
    html = warm.get(modules[0].url).content.decode()
    assert "Tiêu đề bản nháp chưa duyệt" in html
    assert "Nhận diện tin nhắn giả mạo" not in html


def test_renamed_and_unpublished_modules_follow_at_once(warm, course, modules):
    second = ModulePage.objects.get(pk=modules[1].pk)
    second.title = "Bài 2 – tên mới"
    publish(second)
    third = ModulePage.objects.get(pk=modules[2].pk)
    third.unpublish()

    html = warm.get(course.url).content.decode()
    assert "Bài 2 – tên mới" in html
    assert f'href="{modules[2].url}"' not in html
    assert "Đã hoàn thành 1/2 bài bắt buộc" in html  # the first module, read by `warm`
    assert warm.get(modules[2].url).status_code == 404


def test_new_view_restriction_applies_at_once(warm, course, modules):
    PageViewRestriction.objects.create(page=course, restriction_type="password", password="bi-mat")
    response = warm.get(modules[0].url)
    html = response.content.decode()
    assert "Chị Lan nhận tin nhắn Zalo" not in html
    assert 'name="password"' in html


def test_quiz_attached_later_shows_on_the_lesson(warm, modules):
    assert "Kiểm tra kiến thức" not in warm.get(modules[0].url).content.decode()
    quiz = Quiz.objects.create(title="Kiểm tra nhanh bài 1", module_id=modules[0].pk)
    html = warm.get(modules[0].url).content.decode()
    assert "Kiểm tra nhanh bài 1" in html
    quiz.title = "Kiểm tra bài 1 (sửa)"
    quiz.save()
    assert "Kiểm tra bài 1 (sửa)" in warm.get(modules[0].url).content.decode()


def test_learners_own_state_is_never_shared(client_for, learner, learner_b, course, modules):
    """Progress and enrolment come from each learner's rows, even with a warm cache."""
    Enrolment.objects.enrol(learner, course)
    first = client_for(learner)
    read_first_module(first, modules[0])  # completes module 1 for `learner`, warms the cache
    assert "Đã hoàn thành 1/3 bài bắt buộc" in first.get(course.url).content.decode()

    other = client_for(learner_b)
    html = other.get(course.url).content.decode()
    assert "Ghi danh khóa học" in html and "Đã hoàn thành 1/3" not in html
    assert "Chị Lan nhận tin nhắn Zalo" not in other.get(modules[0].url).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
def test_h5p_block_keeps_a_token_per_learner_in_a_cached_body(
    client_for, learner, learner_b, trainer
):
    from content.h5p.services import import_package
    from courses.models import CourseIndexPage, CoursePage

    package = import_package(truefalse_file(), user=trainer)
    index = CourseIndexPage.objects.first()
    course = publish(
        index.add_child(instance=CoursePage(title="Khóa H5P", slug="khoa-h5p", summary="Tóm tắt."))
    )
    module = publish(make_module(course, package))
    tokens = []
    for user in (learner, learner_b):
        Enrolment.objects.enrol(user, course)
        html = client_for(user).get(module.url).content.decode()
        tokens.append(re.search(r'data-attempt="([^"]+)"', html).group(1))
    assert tokens[0] != tokens[1]


class CountingCache(LocMemCache):
    """The local-memory cache, counting calls as round trips to a cache on another machine
    (Redis): its BACKEND path is not the local-memory one, so the content cache treats it as
    shared by several processes."""

    calls = []
    _depth = 0

    def _counted(name):  # noqa: N805
        def method(self, *args, **kwargs):
            outer = CountingCache._depth == 0
            if outer:
                CountingCache.calls.append(name if name == "get_many" else f"{name} {args[0]}")
            CountingCache._depth += 1
            try:
                return getattr(LocMemCache, name)(self, *args, **kwargs)
            finally:
                CountingCache._depth -= 1

        return method

    for _name in ("get", "get_many", "set", "set_many", "add", "delete", "has_key", "touch"):
        locals()[_name] = _counted(_name)
    del _name


@pytest.fixture
def counting_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "tests.courses.test_outline_cache.CountingCache"}}
    from django.core.cache import cache

    cache.clear()
    CountingCache.calls = []
    return CountingCache.calls


@pytest.mark.parametrize("page", ["course", "module"])
def test_a_warm_page_costs_one_round_trip_to_a_shared_cache(
    page, counting_cache, client_for, learner, course, modules, enrolled
):
    client = client_for(learner)
    url = course.url if page == "course" else modules[1].url
    client.get(url)
    client.get(url)  # warm: this process has read every entry once
    counting_cache.clear()
    response = client.get(url)
    assert response.status_code == 200
    print(page, "page, cache round trips when warm:", len(counting_cache), counting_cache)
    # The content cache: one read of its two versions, every entry then read from this
    # process's memory. The other call is the site menu's per-user admin link
    # (lms.context_processors).
    assert [call for call in counting_cache if "lms:admin-link:" not in call] == ["get_many"]
    assert len(counting_cache) <= 2


# --- Shapes: a deploy that changes a cached model never reads old-shaped entries ----------------


@pytest.fixture
def reshaped(monkeypatch):
    """The code after a deploy whose migration removed ModulePage.estimated_minutes: the content
    cache sees ModulePage without that field."""
    from lms.lib import content_cache

    real = content_cache.field_names

    def without_minutes(model):
        names = real(model)
        return tuple(n for n in names if n != "estimated_minutes") if model is ModulePage else names

    content_cache.shape.cache_clear()
    before = content_cache.shape()
    monkeypatch.setattr(content_cache, "field_names", without_minutes)
    content_cache.shape.cache_clear()
    yield before
    monkeypatch.undo()
    content_cache.shape.cache_clear()


def test_entries_written_for_another_shape_are_never_read(warm, course, modules, reshaped):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.outline import outline_for_url_path
    from lms.lib import content_cache

    assert content_cache.shape() != reshaped  # the field list is part of every key
    with CaptureQueriesContext(connection) as queries:
        outline = outline_for_url_path(course.url_path)
    # A miss: the outline is read again from the database, not taken from the old entry.
    assert any("courses_coursepage" in q["sql"] for q in queries.captured_queries)
    module = outline.module(modules[0].url_path)
    assert "estimated_minutes" not in outline.module_rows[0]
    assert module.tiet == Decimal("1") and module.tracks == modules[0].tracks
    html = warm.get(modules[0].url).content.decode()
    assert "Chị Lan nhận tin nhắn Zalo" in html


def test_rows_are_rebuilt_by_field_name_never_by_position(modules):
    """The issue's probe: a row with one field more (written before a migration removed it)
    came back shifted by position (tiet=False, estimated_minutes=2.5). By name, each value
    lands on its own field, and a field the row lacks is read from the database."""
    from lms.lib.content_cache import instance_from_row, row_values

    stored = ModulePage.objects.defer("body").get(pk=modules[0].pk)
    row = row_values(stored, exclude=("body",))
    old_shape = {}
    for name, value in row.items():
        if name == "estimated_minutes":
            old_shape["removed_flag"] = False  # a field the old model had, before this one
        old_shape[name] = value
    del old_shape["tracks"]  # and a field the old model did not have yet

    module = instance_from_row(ModulePage, old_shape)
    assert module.tiet == Decimal("1")
    assert module.estimated_minutes == 45
    assert module.completion_rule == stored.completion_rule
    assert module.tracks == stored.tracks  # deferred, read from the database
    assert not hasattr(module, "removed_flag")


# --- The version is replaced after commit, never inside the saving transaction ----------------


def test_version_is_replaced_after_commit_and_not_by_a_rollback(
    modules, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from lms.lib.content_cache import CONTENT, versions

    before = versions()[CONTENT]
    module = ModulePage.objects.get(pk=modules[0].pk)

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        module.title = "Tên không bao giờ được lưu"
        module.save()
        assert versions()[CONTENT] == before
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert versions()[CONTENT] == before  # a rolled-back save changes nothing
    assert ModulePage.objects.get(pk=module.pk).title == modules[0].title

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            module.title = "Tên mới đã lưu"
            module.save()
            # Inside the saving transaction a concurrent request still uses the old version:
            # whatever it caches now is never read after the commit.
            assert versions()[CONTENT] == before
        assert versions()[CONTENT] == before
    assert callbacks  # run at commit
    assert versions()[CONTENT] != before
