"""The demo bank and quizzes: ≥120 questions covering every module, idempotent."""

from io import StringIO

import pytest

from courses import demo as courses_demo
from quizzes import demo
from quizzes.models import Category, Question, Quiz


@pytest.mark.django_db
def test_seed_builds_bank_and_quizzes_and_is_idempotent(learner):
    out = StringIO()
    courses_demo.seed(out)
    demo.seed(out)
    count = Question.objects.count()
    assert count >= 120
    root = Category.objects.get(name=demo.ROOT_CATEGORY, parent=None)
    modules = list(root.children.order_by("name"))
    assert len(modules) == 12
    for category in modules:
        assert category.questions.count() >= 8, category
    assert not Question.objects.filter(explanation="").exists()
    assert Question.objects.filter(competencies__isnull=False).distinct().count() == count
    checks = Quiz.objects.filter(module__isnull=False)
    assert checks.count() == 12
    assert {q.question_count() for q in checks} == {5}
    final = Quiz.objects.get(course__slug=demo.MAIN_COURSE_SLUG)
    assert final.question_count() == 30
    assert final.time_limit_minutes == 45 and final.attempts_allowed == 3 and final.pass_mark == 80
    refresher = Quiz.objects.get(course__slug=demo.REFRESHER_SLUG)
    assert refresher.question_count() == 10
    # A learner can draw a full final test from the bank.
    questions = final.choose_questions(learner)
    assert len(questions) == 30 and len({q.pk for q in questions}) == 30
    demo.seed(out)
    assert Question.objects.count() == count
    assert Quiz.objects.count() == 14
