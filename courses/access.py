"""Who may study what. Used by the module pages and by the H5P app (package files, xAPI)."""

from wagtail.models import Page

from .models import Enrolment, ModulePage


def user_can_study_module(user, module_page):
    """True when the module and its course are live and `user` is enrolled in that course."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not isinstance(module_page, ModulePage) and module_page.specific_class is not ModulePage:
        return False
    if not module_page.live:
        return False
    course_path = module_page.path[: -Page.steplen]
    return Enrolment.objects.filter(user=user, course__path=course_path, course__live=True).exists()
