"""Quiz fixtures: a live course with a module the learner is enrolled in, a bank with one
question of every type, and a `make_quiz` factory."""

from decimal import Decimal

import pytest

from courses.models import CompletionRule, CourseIndexPage, CoursePage, Enrolment, ModulePage
from quizzes.models import (
    Category,
    Choice,
    MatchPair,
    NumericalAnswer,
    OrderItem,
    Question,
    Quiz,
    QuizQuestion,
    RandomRule,
    ShortAnswer,
)
from tests.conftest import site_root


@pytest.fixture
def course(db):
    root = site_root()  # the site's home page, so the pages have URLs
    index = root.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc-test"))
    return index.add_child(
        instance=CoursePage(title="An toàn thông tin", slug="attt", summary="Khóa học thử.")
    )


@pytest.fixture
def module(course):
    return course.add_child(
        instance=ModulePage(title="Mô-đun 1", slug="mo-dun-1", completion_rule=CompletionRule.QUIZ)
    )


@pytest.fixture
def enrolled(learner, course):
    return Enrolment.objects.create(user=learner, course=course)


@pytest.fixture
def category(db):
    return Category.objects.create(name="Mô-đun 1")


def make_single(category, stem="Câu một đáp án?", right="Đúng rồi", wrong=("Sai 1", "Sai 2")):
    q = Question.objects.create(
        category=category, qtype="single", stem=f"<p>{stem}</p>", explanation="<p>Vì luật.</p>"
    )
    Choice.objects.create(question=q, text=right, fraction=100, feedback="Chính xác.", sort_order=0)
    for i, text in enumerate(wrong):
        Choice.objects.create(
            question=q, text=text, fraction=0, feedback="Chưa đúng.", sort_order=i + 1
        )
    return q


def make_bank(category):
    """One question of every type; returns {type: question}."""
    bank = {"single": make_single(category)}
    q = Question.objects.create(
        category=category, qtype="multiple", stem="<p>Chọn các việc nên làm.</p>"
    )
    for i, (text, fraction) in enumerate([("A", 50), ("B", 50), ("C", -100), ("D", 0)]):
        Choice.objects.create(question=q, text=text, fraction=fraction, sort_order=i)
    bank["multiple"] = q
    q = Question.objects.create(
        category=category, qtype="truefalse", stem="<p>Im lặng là đồng ý.</p>"
    )
    Choice.objects.create(question=q, text="Đúng", fraction=0, feedback="Sai rồi.", sort_order=0)
    Choice.objects.create(question=q, text="Sai", fraction=100, feedback="Đúng.", sort_order=1)
    bank["truefalse"] = q
    q = Question.objects.create(category=category, qtype="short", stem="<p>Số hiệu luật?</p>")
    ShortAnswer.objects.create(question=q, text="91/2025/QH15")
    bank["short"] = q
    q = Question.objects.create(category=category, qtype="matching", stem="<p>Ghép.</p>")
    for i, (left, right) in enumerate(
        [
            ("Luật 91", "Dữ liệu cá nhân"),
            ("Luật 116", "An ninh mạng"),
            ("Luật 20", "Giao dịch điện tử"),
        ]
    ):
        MatchPair.objects.create(question=q, prompt=left, answer=right, sort_order=i)
    bank["matching"] = q
    q = Question.objects.create(category=category, qtype="ordering", stem="<p>Sắp xếp.</p>")
    for i, text in enumerate(["Ngắt mạng", "Báo đầu mối", "Khôi phục"]):
        OrderItem.objects.create(question=q, text=text, sort_order=i)
    bank["ordering"] = q
    bank["numerical"] = make_numerical(category)
    return bank


def make_numerical(category):
    """3,5 ± 0,1 for full marks, 3 ± 0 for half, any other number with feedback."""
    q = Question.objects.create(
        category=category, qtype="numerical", stem="<p>Còn trống bao nhiêu GB?</p>"
    )
    NumericalAnswer.objects.create(
        question=q,
        value=Decimal("3.5"),
        tolerance=Decimal("0.1"),
        fraction=100,
        sort_order=0,
        feedback="Chính xác.",
    )
    NumericalAnswer.objects.create(
        question=q,
        value=Decimal("3"),
        tolerance=0,
        fraction=50,
        sort_order=1,
        feedback="Gần đúng.",
    )
    NumericalAnswer.objects.create(
        question=q, value=None, fraction=0, sort_order=2, feedback="Lấy tổng trừ phần đã dùng."
    )
    return q


@pytest.fixture
def bank(category):
    return make_bank(category)


@pytest.fixture
def make_quiz(db):
    def make(questions=(), module=None, course=None, random_from=None, count=0, **settings):
        settings.setdefault("shuffle_questions", False)
        settings.setdefault("shuffle_choices", False)
        quiz = Quiz.objects.create(
            title="Kiểm tra mô-đun 1", module=module, course=course, **settings
        )
        for i, q in enumerate(questions):
            QuizQuestion.objects.create(quiz=quiz, question=q, sort_order=i)
        if random_from is not None:
            RandomRule.objects.create(quiz=quiz, category=random_from, count=count)
        return quiz

    return make


@pytest.fixture
def quiz(make_quiz, module, bank, enrolled):
    # A module's knowledge check that shows its answers after each submission (the review
    # tests read them); final tests and the default policy withhold them (test_answer_release).
    return make_quiz(
        list(bank.values()), module=module, pass_mark=Decimal("80"), answers_shown="immediately"
    )


def token(snapshot, key, entry_id):
    """The token the attempt's page uses for the entry `entry_id` of `snapshot[key]`."""
    return next(e["token"] for e in snapshot[key] if e["id"] == entry_id)


def right_answers(attempt):
    """POST data answering every question of `attempt` correctly (with the page's tokens)."""
    from quizzes.grading import correct_response

    data = {"shown": []}
    for item in attempt.questions.all():
        data["shown"].append(str(item.pk))
        snap = item.snapshot
        key = correct_response(snap)
        name = f"q{item.pk}"
        if "choice" in key:
            data[name] = token(snap, "choices", key["choice"])
        elif "choices" in key:
            data[name] = [token(snap, "choices", c) for c in key["choices"]]
        elif "text" in key:
            data[name] = key["text"]
        elif "value" in key:  # numerical, written the Vietnamese way
            data[name] = key["value"].replace(".", ",")
        elif "pairs" in key:
            for prompt, option in key["pairs"].items():
                prompt_token = token(snap, "prompts", int(prompt))
                data[f"{name}_{prompt_token}"] = token(snap, "options", option)
        elif "positions" in key:
            for item_id, position in key["positions"].items():
                data[f"{name}_{token(snap, 'items', int(item_id))}"] = str(position)
    return data
