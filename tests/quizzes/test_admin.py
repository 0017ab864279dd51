"""The question bank in the Wagtail admin: who may use it, the question form's checks,
import (upload → preview → confirm), export and item analysis."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from quizzes import analysis, formats
from quizzes.models import Attempt, Category, Question

from .conftest import make_single

GIFT = """$CATEGORY: $course$/top/Nhập thử

// [id:nt-01] [tag:lua-dao]
::Tin nhắn giả::Tin nhắn báo "cập nhật VNeID sau sáp nhập" kèm đường link lạ. Bạn làm gì?{
=Không bấm, kiểm tra qua kênh chính thức#Đúng.
~Bấm vào link để cập nhật#Sai: đây là lừa đảo.
~Chuyển tiếp cho đồng nghiệp
####Lừa đảo giả danh cơ quan nhà nước rất phổ biến.
}

::Đúng sai::Mật khẩu dùng chung cho cả phòng là an toàn.{F}
"""

BAD_GIFT = """::Tốt::Câu hợp lệ{=A ~B}

::Tự luận::Hãy viết một đoạn văn.{}
"""


def gift_upload(text, name="cau-hoi.gift"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


# -- access --------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["quizzes_question:index", "quizzes_category:index", "quizzes_quiz:index"]
)
def test_trainer_opens_the_bank_screens(client_for, trainer, bank, url_name):
    response = client_for(trainer).get(reverse(url_name))
    assert response.status_code == 200
    if url_name == "quizzes_question:index":
        assert "Chọn các việc nên làm." in response.content.decode()


@pytest.mark.django_db
def test_unit_manager_cannot_use_the_bank(client_for, manager_a, bank):
    client = client_for(manager_a)
    response = client.get(reverse("quizzes_question:index"))
    assert response.status_code in (302, 403)
    assert "Chọn các việc nên làm." not in response.content.decode()
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    for name in ("quizzes_admin:import", "quizzes_admin:export", "quizzes_admin:analysis-index"):
        denied = client.get(reverse(name))
        assert (denied.status_code, denied["Location"]) == (302, "/admin/")


@pytest.mark.django_db
def test_learner_and_anonymous_are_kept_out(client_for, learner, client):
    assert client.get(reverse("quizzes_admin:import")).status_code == 302
    response = client_for(learner).get(reverse("quizzes_admin:import"))
    assert response.status_code in (302, 403)


# -- the question form -----------------------------------------------------------------------


def _question_post(category, fractions):
    return nested_form_data(
        {
            "qtype": "single",
            "category": category.pk,
            "title": "",
            "stem": rich_text("<p>Câu hỏi tạo trong trang quản trị</p>"),
            "explanation": rich_text("<p>Giải thích</p>"),
            "choices": inline_formset(
                [
                    {"text": f"Lựa chọn {i}", "fraction": f, "feedback": ""}
                    for i, f in enumerate(fractions)
                ]
            ),
            "short_answers": inline_formset([]),
            "pairs": inline_formset([]),
            "order_items": inline_formset([]),
            "numerical_answers": inline_formset([]),
            "grading_mode": "partial",
            "competencies": [],
            "idnumber": "",
            "is_active": "on",
        }
    )


@pytest.mark.django_db
def test_trainer_creates_a_question_with_choices(client_for, trainer, category):
    response = client_for(trainer).post(
        reverse("quizzes_question:add"), _question_post(category, [100, 0, 0])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert question.choices.count() == 3
    assert "Câu hỏi tạo trong trang quản trị" in question.stem


@pytest.mark.django_db
def test_single_choice_without_a_right_answer_is_refused(client_for, trainer, category):
    response = client_for(trainer).post(
        reverse("quizzes_question:add"), _question_post(category, [0, 0])
    )
    assert response.status_code == 200
    assert "Cần một lựa chọn có trọng số 100%." in response.content.decode()
    assert not Question.objects.exists()


# -- import ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_preview_then_confirm_creates_everything(client_for, trainer, category):
    client = client_for(trainer)
    preview = client.post(
        reverse("quizzes_admin:import"),
        {"file": gift_upload(GIFT), "format": "gift", "category": category.pk},
    )
    text = preview.content.decode()
    assert preview.status_code == 200
    assert "Xem trước: 2 câu hỏi" in text
    assert "Tin nhắn giả" in text
    assert not Question.objects.exists()
    digest = preview.context["digest"]
    response = client.post(reverse("quizzes_admin:import-confirm"), {"digest": digest})
    assert response.status_code == 302
    single = Question.objects.get(idnumber="nt-01")
    assert single.category.path == "Mô-đun 1 / Nhập thử"
    assert single.qtype == "single"
    assert [c.fraction for c in single.choices.all()] == [100, 0, 0]
    assert "Lừa đảo giả danh" in single.explanation
    assert list(single.competencies.values_list("slug", flat=True)) == ["lua-dao"]
    truefalse = Question.objects.get(qtype="truefalse")
    assert [(c.text, c.fraction) for c in truefalse.choices.all()] == [("Đúng", 0), ("Sai", 100)]
    # Confirming twice does nothing more.
    again = client.post(reverse("quizzes_admin:import-confirm"), {"digest": digest})
    assert again.status_code == 302
    assert Question.objects.count() == 2


@pytest.mark.django_db
def test_import_with_errors_lists_them_with_lines_and_writes_nothing(client_for, trainer):
    response = client_for(trainer).post(
        reverse("quizzes_admin:import"), {"file": gift_upload(BAD_GIFT), "format": "gift"}
    )
    text = response.content.decode()
    assert "chưa câu hỏi nào được nhập" in text
    assert "cau-hoi.gift: Dòng 3" in text
    assert not Question.objects.exists()
    assert "digest" not in response.context or not response.context.get("digest")


@pytest.mark.django_db
def test_import_refuses_wrong_extension(client_for, trainer):
    response = client_for(trainer).post(
        reverse("quizzes_admin:import"), {"file": gift_upload(GIFT, "x.pdf"), "format": "gift"}
    )
    assert "không có phần mở rộng của định dạng đã chọn" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_import_refuses_an_idnumber_already_in_the_bank(client_for, trainer, category):
    q = make_single(category)
    q.idnumber = "nt-01"
    q.save()
    response = client_for(trainer).post(
        reverse("quizzes_admin:import"), {"file": gift_upload(GIFT), "format": "gift"}
    )
    assert "mã câu hỏi “nt-01” đã có trong ngân hàng" in response.content.decode()
    assert Question.objects.count() == 1


@pytest.mark.django_db
def test_confirm_needs_post(client_for, trainer):
    assert client_for(trainer).get(reverse("quizzes_admin:import-confirm")).status_code == 405


# -- export and round trip ----------------------------------------------------------------------


def _view(q):
    return (
        q.qtype,
        q.stem,
        q.category,
        sorted(q.tags),
        q.idnumber,
        [(c.text, float(c.fraction), c.feedback) for c in q.choices],
        list(q.pairs),
        list(q.items),
        q.general_feedback,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["gift", "moodle_xml"])
def test_export_then_import_yields_the_same_questions(client_for, trainer, bank, fmt):
    from quizzes import bank_io

    response = client_for(trainer).get(
        reverse("quizzes_admin:export"), {"format": fmt, "category": ""}
    )
    assert response.status_code == 200
    assert "attachment;" in response["Content-Disposition"]
    exported = bank_io.export_queryset(Question.objects.all())
    if fmt == "gift":
        exported = [q for q in exported if q.qtype != "ordering"]
        assert response["X-Skipped-Questions"] == "1"
    reparsed = formats.parse(fmt, response.content, f"bank.{fmt}")
    assert [_view(q) for q in reparsed] == [_view(q) for q in exported]
    # And importing that file into an empty bank gives the same bank back.
    Question.objects.all().delete()
    bank_io.save_questions(reparsed)
    again = bank_io.export_queryset(Question.objects.all())
    assert [_view(q)[:1] + _view(q)[2:] for q in again] == [
        _view(q)[:1] + _view(q)[2:] for q in exported
    ]


@pytest.mark.django_db
def test_export_and_import_commands(tmp_path, bank):
    from django.core.management import call_command

    target = tmp_path / "bank.xml"
    call_command(
        "export_questions", "--format", "moodle_xml", "-o", str(target), stderr=io.StringIO()
    )
    assert target.read_bytes().startswith(b"<?xml")
    out = io.StringIO()
    call_command("import_questions", str(target), "--category", "Bản sao", stdout=out)
    assert "Đã nhập 7 câu hỏi" in out.getvalue()
    assert Question.objects.filter(category__parent__name="Bản sao").count() == 7


@pytest.mark.django_db
def test_import_command_reports_every_problem(tmp_path):
    from django.core.management import CommandError, call_command

    bad = tmp_path / "bad.gift"
    bad.write_text(BAD_GIFT, encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_questions", str(bad), "--format", "gift")
    assert "bad.gift: Dòng 3" in str(excinfo.value)
    assert not Question.objects.exists()


# -- item analysis -------------------------------------------------------------------------------


@pytest.fixture
def graded_attempts(make_quiz, module, category, course, ward_a, ward_b):
    """Five learners (3 in ward A, 2 in ward B) answer two questions; the good learners get
    both right, so question 1 discriminates."""
    from courses.models import Enrolment
    from tests.factories import PersonFactory

    q1 = make_single(category, stem="Câu phân biệt")
    q2 = make_single(category, stem="Câu dễ")
    quiz = make_quiz([q1, q2], module=module)
    plan = [
        (ward_a, True, True),
        (ward_a, True, True),
        (ward_a, False, True),
        (ward_b, False, False),
        (ward_b, False, True),
    ]
    for unit, first, second in plan:
        person = PersonFactory(unit=unit)
        Enrolment.objects.create(user=person.user, course=course)
        attempt, _ = quiz.start_attempt(person.user)
        answers = {}
        for item in attempt.questions.all():
            right = item.question_id == q1.pk and first or item.question_id == q2.pk and second
            choice = next(
                c["id"]
                for c in item.snapshot["choices"]
                if (c["fraction"].startswith("100")) == right
            )
            answers[item.pk] = {"choice": choice}
        attempt.save_responses(answers)
        attempt.submit()
    return quiz, q1, q2


@pytest.mark.django_db
def test_item_analysis_computes_facility_discrimination_and_frequencies(graded_attempts):
    quiz, q1, q2 = graded_attempts
    rows = {r.question.pk: r for r in analysis.item_analysis(analysis.attempts_for(quiz))}
    assert rows[q1.pk].attempts == 5
    assert rows[q1.pk].facility == pytest.approx(0.4)
    assert rows[q2.pk].facility == pytest.approx(0.8)
    assert rows[q1.pk].discrimination > 0.3
    freq = rows[q1.pk].frequencies
    assert freq[0] == ("Đúng rồi", 2, True)
    assert sum(count for _label, count, _right in freq) == 5


@pytest.mark.django_db
def test_item_analysis_page_filters_by_unit_for_home_affairs(
    client_for, home_affairs, graded_attempts, ward_b
):
    quiz, q1, _q2 = graded_attempts
    client = client_for(home_affairs)
    page = client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]))
    assert "Số bài đã nộp: 5" in page.content.decode()
    filtered = client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]), {"unit": ward_b.pk})
    assert "Số bài đã nộp: 2" in filtered.content.decode()
    dated = client.get(
        reverse("quizzes_admin:analysis", args=[quiz.pk]),
        {
            "date_from": (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y"),
        },
    )
    assert "Số bài đã nộp: 0" in dated.content.decode()


@pytest.mark.django_db
def test_unit_outside_scope_is_404(client_for, trainer, graded_attempts, ward_a):
    quiz, *_ = graded_attempts
    client = client_for(trainer)  # a trainer sees anonymous totals but no unit breakdown
    assert client.get(reverse("quizzes_admin:analysis", args=[quiz.pk])).status_code == 200
    assert (
        client.get(
            reverse("quizzes_admin:analysis", args=[quiz.pk]), {"unit": ward_a.pk}
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]), {"unit": "x"}).status_code
        == 404
    )


@pytest.mark.django_db
def test_item_analysis_xlsx_export(client_for, home_affairs, graded_attempts):
    quiz, q1, _q2 = graded_attempts
    response = client_for(home_affairs).get(
        reverse("quizzes_admin:analysis", args=[quiz.pk]), {"xuat": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][:2] == ["Số bài đã nộp", 5]
    row = next(r for r in values if r[1] == "Câu phân biệt")
    assert row[4] == 5 and row[5] == pytest.approx(0.4)


@pytest.mark.django_db
def test_item_analysis_queries_do_not_grow_with_attempts(
    client_for, home_affairs, graded_attempts, django_assert_max_num_queries
):
    quiz, *_ = graded_attempts
    client = client_for(home_affairs)
    with django_assert_max_num_queries(25):
        client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]))


@pytest.mark.django_db
def test_competency_facility_by_unit_is_aggregated_per_unit(graded_attempts, ward_a, ward_b):
    from courses.models import Competency

    quiz, q1, q2 = graded_attempts
    competency = Competency.objects.create(name="Nhận diện lừa đảo", slug="lua-dao")
    q1.competencies.add(competency)
    rows = {r["unit"]: r for r in analysis.competency_facility_by_unit()}
    assert rows[ward_a.pk]["n"] == 3 and float(rows[ward_a.pk]["facility"]) == pytest.approx(2 / 3)
    assert rows[ward_b.pk]["n"] == 2 and float(rows[ward_b.pk]["facility"]) == 0
    assert rows[ward_a.pk]["competency_name"] == "Nhận diện lừa đảo"
    scoped = list(
        analysis.competency_facility_by_unit(units=Category.objects.none() or [ward_b.pk])
    )
    assert {r["unit"] for r in scoped} == {ward_b.pk}
    assert Attempt.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["quizzes_question:add", "quizzes_category:add", "quizzes_quiz:add"]
)
def test_add_forms_open(client_for, trainer, url_name):
    response = client_for(trainer).get(reverse(url_name))
    assert response.status_code == 200
    assert "<form" in response.content.decode()


@pytest.mark.django_db
def test_trainer_builds_a_module_check_with_a_random_rule(client_for, trainer, module, category):
    from quizzes.models import Quiz

    data = nested_form_data(
        {
            "title": "Kiểm tra mô-đun 1",
            "intro": "",
            "module": module.pk,
            "course": "",
            "fixed_questions": inline_formset([]),
            "random_rules": inline_formset(
                [
                    {
                        "count": 5,
                        "category": category.pk,
                        "competency": "",
                        "include_subcategories": "on",
                    }
                ]
            ),
            "time_limit_minutes": "",
            "attempts_allowed": "",
            "grading_method": "highest",
            "pass_mark": "80",
            "opens_at": "",
            "closes_at": "",
            "shuffle_questions": "on",
            "shuffle_choices": "on",
            "questions_per_page": "0",
            "review_policy": "feedback",
            "answers_shown": "immediately",
        }
    )
    response = client_for(trainer).post(reverse("quizzes_quiz:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    quiz = Quiz.objects.get()
    assert quiz.module_id == module.pk
    assert quiz.question_count() == 5


@pytest.mark.django_db
def test_menu_shows_the_bank_to_trainers_only(client_for, trainer, manager_a):
    import json

    # The sidebar is rendered from JSON props (non-ASCII escaped).
    label = json.dumps("Ngân hàng câu hỏi")[1:-1]
    assert label in client_for(trainer).get("/admin/").content.decode()
    assert label not in client_for(manager_a).get("/admin/").content.decode()
