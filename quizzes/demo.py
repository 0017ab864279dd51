"""Demo content for `seed_demo` (runs after courses.demo.seed): the question bank from
quizzes/curriculum/bank_*.py, a knowledge check per module of the main course, the main course's
final test and the refresher's test. Idempotent: questions are keyed by idnumber, quizzes by the
page they belong to; nothing that exists is changed.

Module pages keep the completion rule the courses seed gave them: passing a knowledge check
also completes its module (quizzes.services.attempt_graded), whatever the rule says.
"""

from decimal import Decimal
from importlib import import_module

from django.db import transaction

from . import bank_io
from .models import Category, Question, Quiz, RandomRule

ROOT_CATEGORY = "Chương trình An toàn thông tin cấp xã"
REFRESHER_CATEGORY = "Bồi dưỡng thường niên"
MAIN_COURSE_SLUG = "an-toan-thong-tin-bao-ve-du-lieu-ca-nhan"
REFRESHER_SLUG = "boi-duong-thuong-nien-2026"
KNOWLEDGE_CHECK_SIZE = 5
FINAL_TEST_SIZE = 30
REFRESHER_TEST_SIZE = 10


def _module_titles():
    try:
        from courses.curriculum import main_modules

        return {m["number"]: m["title"] for m in main_modules()}
    except (ImportError, KeyError):
        return {}


def _competency_names():
    try:
        from courses.curriculum import COMPETENCY_NAMES
    except ImportError:
        return {}
    return COMPETENCY_NAMES


def _category(name, parent=None, idnumber=""):
    category, _created = Category.objects.get_or_create(
        parent=parent, name=name, defaults={"idnumber": idnumber}
    )
    return category


def load_bank(stdout):
    """Categories and questions; returns ({module number: category}, refresher category)."""
    titles = _module_titles()
    root = _category(ROOT_CATEGORY, idnumber="chuong-trinh-cap-xa")
    module_categories = {}
    to_create = []
    existing = set(Question.objects.exclude(idnumber="").values_list("idnumber", flat=True))
    sources = [(number, f"bank_{number:02d}") for number in range(1, 13)] + [
        (None, "bank_refresher")
    ]
    refresher = None
    for number, module_name in sources:
        if number is None:
            category = refresher = _category(REFRESHER_CATEGORY, idnumber="boi-duong-thuong-nien")
            prefix = "tn"
        else:
            name = f"Mô-đun {number:02d}: {titles.get(number, '')}".rstrip(": ")[:200]
            category = _category(name, parent=root, idnumber=f"mo-dun-{number:02d}")
            module_categories[number] = category
            prefix = f"m{number:02d}"
        questions = import_module(f"quizzes.curriculum.{module_name}").QUESTIONS
        for index, data in enumerate(questions, start=1):
            idnumber = f"{prefix}-q{index:02d}"
            if idnumber in existing:
                continue
            parsed = bank_io.from_curriculum(data, "", idnumber, line=index)
            parsed.category_obj = category
            to_create.append(parsed)
    problems = bank_io.check(to_create, existing_idnumbers=existing)
    if problems:
        raise ValueError("Ngân hàng câu hỏi mẫu có lỗi:\n" + "\n".join(problems))
    by_category = {}
    for parsed in to_create:
        by_category.setdefault(parsed.category_obj.pk, (parsed.category_obj, []))[1].append(parsed)
    for category, items in by_category.values():
        bank_io.save_questions(items, under=category, competency_names=_competency_names())
    stdout.write(
        f"  Ngân hàng câu hỏi: thêm {len(to_create)} câu, tổng {Question.objects.count()} câu.\n"
    )
    return module_categories, refresher


def _course(slug):
    from courses.models import CoursePage

    return CoursePage.objects.filter(slug=slug).first()


def _knowledge_checks(course, module_categories, stdout):
    from courses.models import ModulePage

    made = 0
    for number, module in enumerate(ModulePage.objects.child_of(course).order_by("path"), start=1):
        category = module_categories.get(number)
        if category is None or Quiz.objects.filter(module=module).exists():
            continue
        quiz = Quiz.objects.create(
            title=f"Kiểm tra kiến thức: {module.title}"[:255],
            intro="5 câu hỏi ngẫu nhiên về nội dung bài học. Đạt từ 80% là hoàn thành bài; được làm lại không giới hạn.",
            module=module,
            pass_mark=Decimal("80"),
            attempts_allowed=None,
            time_limit_minutes=None,
            review_policy="feedback",
        )
        RandomRule.objects.create(quiz=quiz, category=category, count=KNOWLEDGE_CHECK_SIZE)
        made += 1
    stdout.write(f"  Bài kiểm tra kiến thức theo bài học: thêm {made}.\n")


def _final_test(course, module_categories, stdout):
    if Quiz.objects.filter(course=course).exists():
        return
    quiz = Quiz.objects.create(
        title=f"Bài kiểm tra cuối khóa: {course.title}"[:255],
        intro="30 câu hỏi ngẫu nhiên từ cả 12 bài học, làm trong 45 phút. Đạt từ 80%; được làm tối đa 3 lần, tính lần cao nhất.",
        course=course,
        time_limit_minutes=45,
        attempts_allowed=3,
        grading_method="highest",
        pass_mark=Decimal("80"),
        review_policy="correctness",
        questions_per_page=10,
    )
    # Spread the 30 questions over the 12 modules: 3 from the first six, 2 from the others.
    numbers = sorted(module_categories)
    base, extra = divmod(FINAL_TEST_SIZE, len(numbers))
    for index, number in enumerate(numbers):
        RandomRule.objects.create(
            quiz=quiz,
            category=module_categories[number],
            count=base + (1 if index < extra else 0),
            sort_order=index,
        )
    stdout.write(f"  Đã tạo “{quiz.title}”.\n")


def _refresher_test(course, category, stdout):
    if course is None or category is None or Quiz.objects.filter(course=course).exists():
        return
    quiz = Quiz.objects.create(
        title=f"Bài kiểm tra: {course.title}"[:255],
        intro="10 câu hỏi về thủ đoạn lừa đảo mới và thay đổi pháp luật trong năm. Đạt từ 80%.",
        course=course,
        time_limit_minutes=20,
        attempts_allowed=None,
        pass_mark=Decimal("80"),
        review_policy="feedback",
    )
    RandomRule.objects.create(quiz=quiz, category=category, count=REFRESHER_TEST_SIZE)
    stdout.write(f"  Đã tạo “{quiz.title}”.\n")


@transaction.atomic
def seed(stdout):
    stdout.write("Ngân hàng câu hỏi và bài kiểm tra:\n")
    module_categories, refresher_category = load_bank(stdout)
    main = _course(MAIN_COURSE_SLUG)
    if main is None:
        stdout.write(
            "  Chưa có khóa học chính (chạy courses.demo.seed trước); bỏ qua bài kiểm tra.\n"
        )
        return
    _knowledge_checks(main, module_categories, stdout)
    _final_test(main, module_categories, stdout)
    _refresher_test(_course(REFRESHER_SLUG), refresher_category, stdout)
