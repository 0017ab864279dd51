from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "courses"
    verbose_name = _("Khóa học")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .models import CourseIndexPage
        from .routing import forget_catalogue_url_paths

        # The catalogue URL cache of courses.routing must follow moves, renames and deletions.
        for signal in (post_save, post_delete, page_published, page_unpublished, page_slug_changed):
            signal.connect(
                forget_catalogue_url_paths,
                sender=CourseIndexPage,
                dispatch_uid=f"courses-catalogue-{id(signal)}",
            )
        post_page_move.connect(forget_catalogue_url_paths, dispatch_uid="courses-catalogue-move")

        # Cached outlines, lesson bodies, page quizzes and restricted paths (courses.outline)
        # are keyed by a content version that any change to pages, restrictions or quizzes
        # replaces.
        from wagtail.models import PageViewRestriction, get_page_models

        from quizzes.models import Quiz

        from .outline import new_content_version

        for model in [*get_page_models(), PageViewRestriction, Quiz]:
            for signal in (post_save, post_delete):
                signal.connect(
                    new_content_version,
                    sender=model,
                    dispatch_uid=f"courses-content-{model._meta.label}-{id(signal)}",
                )
        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(new_content_version, dispatch_uid=f"courses-content-{id(signal)}")
