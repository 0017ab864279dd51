"""`{% quiz_card page %}`: the knowledge-check box on a module page (or a course page's final
test). Courses' templates include it. The quiz attached to a page is shared by every learner and
cached with the course outline (courses.outline); the learner's own attempts are one small query,
summarised here (in progress, best and last graded), so lesson pages stay within their query
budget."""

from operator import itemgetter
from types import SimpleNamespace

from django import template

from lms.lib.content_cache import cached

from ..models import Attempt, Quiz

register = template.Library()


def quiz_for_page(page):
    """The first quiz attached to a module (or, for a course, its final test), or None."""
    from courses.models import CoursePage

    kind = "course" if isinstance(page, CoursePage) else "module"
    lookup = {f"{kind}_id": page.pk}
    return cached(
        "quiz-for-page",
        (kind, page.pk),
        lambda: Quiz.objects.filter(**lookup).order_by("pk").first(),
    )


def attempt_summary(quiz, user, enrolment=None):
    """(id of the attempt in progress or None, graded result to show or None) for `user`; in a
    later course cycle (`enrolment.cycle` > 1) only that cycle's attempts."""
    since = enrolment.enrolled_at if enrolment is not None and enrolment.cycle > 1 else None
    attempts = Attempt.objects.summary_rows(quiz.pk, user.pk, since=since)
    current = next(
        (pk for pk, state, *_rest in attempts if state == Attempt.State.IN_PROGRESS), None
    )
    graded = [row for row in attempts if row[1] == Attempt.State.SUBMITTED]
    if not graded:
        return current, None
    chosen = quiz.counting(graded, number=itemgetter(2), score=itemgetter(3))
    if chosen[3] is None:
        return current, None
    return current, SimpleNamespace(score=chosen[3], passed=chosen[4])


@register.inclusion_tag("quizzes/quiz_card.html", takes_context=True)
def quiz_card(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    if page is None or not getattr(page, "pk", None):
        return {"quiz": None}
    quiz = quiz_for_page(page)
    final = current = None
    if quiz is not None and user is not None and user.is_authenticated:
        current, final = attempt_summary(quiz, user, context.get("enrolment"))
    return {"quiz": quiz, "final": final, "current": current, "request": request}
