"""`{% quiz_card page %}`: the knowledge-check box on a module page (or a course page's final
test). Courses' templates include it; it costs at most three small queries."""

from django import template

from ..models import Attempt, Quiz, quiz_for_module

register = template.Library()


@register.inclusion_tag("quizzes/quiz_card.html", takes_context=True)
def quiz_card(context, page):
    quiz = quiz_for_module(page)
    if quiz is None and page is not None and getattr(page, "pk", None):
        quiz = Quiz.objects.filter(course_id=page.pk).first()
    request = context.get("request")
    user = getattr(request, "user", None)
    final = current = None
    if quiz is not None and user is not None and user.is_authenticated:
        current = quiz.attempts_of(user).filter(state=Attempt.State.IN_PROGRESS).first()
        final = quiz.final_attempt(user)
    return {"quiz": quiz, "final": final, "current": current, "request": request}
