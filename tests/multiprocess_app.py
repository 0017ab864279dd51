"""The WSGI application tests/test_multiprocess.py serves with gunicorn: the product itself
(production settings) plus one URL that makes an editor's change inside the serving process, so
that the change goes through the same signals, transactions and cache as an admin's would.
Never imported by the product."""

import django
from django.conf import settings


def _urlpatterns():
    from django.urls import include, path

    return [path("__thay-doi__/<str:action>/", change), path("", include("lms.urls"))]


def change(request, action):
    from django.db import transaction
    from django.http import HttpResponse
    from wagtail.models import PageViewRestriction

    from courses.models import CoursePage, ModulePage
    from quizzes.models import Quiz

    course = CoursePage.objects.get(slug="khoa-nhieu-tien-trinh")
    with transaction.atomic():  # as an admin view saves: the version changes after commit
        if action == "xuat-ban":
            draft = ModulePage.objects.get(slug="bai-moi")
            draft.save_revision().publish()
        elif action == "go-xuat-ban":
            ModulePage.objects.get(slug="bai-2").unpublish()
        elif action == "gioi-han":
            PageViewRestriction.objects.create(
                page=course, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
            )
        elif action == "sua-quiz":
            quiz = Quiz.objects.get(title="Kiểm tra bài 1")
            quiz.title = "Kiểm tra bài 1 (đã sửa)"
            quiz.save()
        else:
            return HttpResponse(status=404)
    return HttpResponse("ok")


def __getattr__(name):
    if name == "urlpatterns":
        return _urlpatterns()
    if name == "application":
        settings.ROOT_URLCONF = "tests.multiprocess_app"
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        django.setup()
        from django.core.handlers.wsgi import WSGIHandler

        return WSGIHandler()
    raise AttributeError(name)
