"""`{% quiz_card page %}`: the knowledge-check box on a module page (or a course page's final
test). Courses' templates include it. One query: the quiz with the learner's attempt summary
annotated, so lesson pages stay within their query budget."""

from types import SimpleNamespace

from django import template
from django.db.models import OuterRef, Subquery

from ..models import Attempt, GradingMethod, Quiz

register = template.Library()


def _quiz_with_attempt_summary(page, user):
    from courses.models import CoursePage

    lookup = {"course_id": page.pk} if isinstance(page, CoursePage) else {"module_id": page.pk}
    quizzes = Quiz.objects.filter(**lookup).order_by("pk")
    if user is not None and user.is_authenticated:
        mine = Attempt.objects.filter(quiz=OuterRef("pk"), user=user)
        graded = mine.filter(state=Attempt.State.SUBMITTED)
        best = graded.order_by("-score", "number")
        last = graded.order_by("-number")
        quizzes = quizzes.annotate(
            current_id=Subquery(mine.filter(state=Attempt.State.IN_PROGRESS).values("pk")[:1]),
            best_score=Subquery(best.values("score")[:1]),
            best_passed=Subquery(best.values("passed")[:1]),
            last_score=Subquery(last.values("score")[:1]),
            last_passed=Subquery(last.values("passed")[:1]),
        )
    return quizzes.first()


@register.inclusion_tag("quizzes/quiz_card.html", takes_context=True)
def quiz_card(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    if page is None or not getattr(page, "pk", None):
        return {"quiz": None}
    quiz = _quiz_with_attempt_summary(page, user)
    final = current = None
    if quiz is not None and hasattr(quiz, "current_id"):
        current = quiz.current_id
        if quiz.grading_method == GradingMethod.LAST:
            score, passed = quiz.last_score, quiz.last_passed
        else:
            score, passed = quiz.best_score, quiz.best_passed
        if score is not None:
            final = SimpleNamespace(score=score, passed=passed)
    return {"quiz": quiz, "final": final, "current": current, "request": request}
