"""Staff screens in the Wagtail admin: import (upload → preview → confirm), export, item analysis.

Permissions: importing needs quizzes.add_question, exporting quizzes.view_question, the item
analysis quizzes.view_attempt (granted to Giảng viên, Sở Nội vụ, Quản trị by migration 0002).
Filters by unit and department are limited to `lms.org.access.visible_units(user)`;
a unit or department outside it is a 404.
"""

import base64
import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.lib.collation import vi_order
from lms.lib.slugs import vietnamese_slugify
from lms.org.access import visible_units
from lms.org.models import Department

from . import analysis, bank_io, formats
from .forms import AnalysisFilterForm, ExportForm, ImportForm
from .models import Category, Question, Quiz

SESSION_KEY = "quizzes_import"


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


# -- import ----------------------------------------------------------------------------------


def _parse_upload(fmt, data, filename, category):
    """(parsed questions, problems as strings)."""
    try:
        parsed = formats.parse(fmt, data, filename)
    except formats.FormatError as error:
        return [], [f"{filename}: {message}" for message in error.messages]
    except (ValueError, UnicodeDecodeError) as error:
        return [], [
            _("%(file)s: không đọc được tệp (%(error)s).") % {"file": filename, "error": error}
        ]
    if not parsed:
        return [], [_("%(file)s: không có câu hỏi nào.") % {"file": filename}]
    problems = [f"{filename}: {p}" for p in bank_io.check(parsed)]
    return parsed, problems


@require_http_methods(["GET", "POST"])
def import_questions(request):
    """Step 1 (GET/POST upload) → preview; step 2 is `import_confirm`."""
    _require(request, "quizzes.add_question")
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "parsed": None, "problems": None}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        category = form.cleaned_data["category"]
        parsed, problems = _parse_upload(form.cleaned_data["format"], data, upload.name, category)
        context.update(parsed=parsed, problems=problems, filename=upload.name, category=category)
        if not problems:
            digest = hashlib.sha256(data).hexdigest()
            request.session[SESSION_KEY] = {
                "name": upload.name,
                "format": form.cleaned_data["format"],
                "category": category.pk if category else None,
                "data": base64.b64encode(data).decode("ascii"),
                "digest": digest,
            }
            context["digest"] = digest
    return TemplateResponse(request, "quizzes/admin/import.html", context)


@require_POST
def import_confirm(request):
    _require(request, "quizzes.add_question")
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("digest") != request.POST.get("digest"):
        messages.error(
            request, _("Phiên nhập đã hết hạn hoặc không khớp; vui lòng tải tệp lên lại.")
        )
        return redirect("quizzes_admin:import")
    category = (
        Category.objects.filter(pk=pending["category"]).first() if pending["category"] else None
    )
    data = base64.b64decode(pending["data"])
    parsed, problems = _parse_upload(pending["format"], data, pending["name"], category)
    if problems:
        # Someone added a clashing question meanwhile: show the problems, write nothing.
        return TemplateResponse(
            request,
            "quizzes/admin/import.html",
            {
                "form": ImportForm(),
                "parsed": parsed,
                "problems": problems,
                "filename": pending["name"],
            },
            status=400,
        )
    created = bank_io.save_questions(parsed, under=category)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("Đã nhập %(count)s câu hỏi từ “%(file)s”.")
        % {"count": len(created), "file": pending["name"]},
    )
    return redirect("quizzes_question:index")


# -- export ----------------------------------------------------------------------------------


@require_GET
def export_questions(request):
    _require(request, "quizzes.view_question")
    form = ExportForm(request.GET or None)
    if not request.GET or not form.is_valid():
        return TemplateResponse(request, "quizzes/admin/export.html", {"form": form})
    content, filename, skipped = build_export(
        form.cleaned_data["format"], form.cleaned_data["category"]
    )
    content_type = (
        "text/plain; charset=utf-8"
        if filename.endswith(".txt")
        else "application/xml; charset=utf-8"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if skipped:
        response["X-Skipped-Questions"] = str(skipped)
    return response


def build_export(fmt, category=None):
    """(file content, file name, number of questions left out) for the bank or a category."""
    questions = Question.objects.all()
    if category is not None:
        questions = questions.in_category(category)
    parsed = bank_io.export_queryset(questions, relative_to=category)
    skipped = 0
    header = ""
    if fmt == "gift":
        kept = [q for q in parsed if q.qtype != "ordering"]
        skipped = len(parsed) - len(kept)
        parsed = kept
        if skipped:
            header = (
                "// "
                + _("Bỏ qua %(n)s câu sắp xếp thứ tự: GIFT không có dạng này; hãy xuất Moodle XML.")
                % {"n": skipped}
                + "\n\n"
            )
    content = formats.export(fmt, parsed)
    if isinstance(content, str):
        content = (header + content).encode("utf-8")
    stem = vietnamese_slugify(category.name) if category else "ngan-hang-cau-hoi"
    extension = "txt" if fmt == "gift" else "xml"
    return content, f"{stem or 'danh-muc'}-{timezone.localdate():%Y%m%d}.{extension}", skipped


# -- item analysis ---------------------------------------------------------------------------


@require_GET
def analysis_index(request):
    _require(request, "quizzes.view_attempt")
    quizzes = Quiz.objects.annotate(
        submitted=Count("attempts", filter=Q(attempts__state="submitted"))
    ).order_by(vi_order("title"))
    return TemplateResponse(request, "quizzes/admin/analysis_index.html", {"quizzes": quizzes})


def _scoped_filters(request):
    """The filter form, with a 404 for a unit or department outside the user's scope."""
    units = visible_units(request.user)
    unit_id, department_id = request.GET.get("unit"), request.GET.get("department")
    if unit_id and not units.filter(pk=unit_id if unit_id.isdigit() else 0).exists():
        raise Http404
    if (
        department_id
        and not Department.objects.filter(
            pk=department_id if department_id.isdigit() else 0, unit__in=units
        ).exists()
    ):
        raise Http404
    return AnalysisFilterForm(request.GET or None, units=units), units


@require_GET
def analysis_detail(request, quiz_id):
    _require(request, "quizzes.view_attempt")
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    form, units = _scoped_filters(request)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            filters["units"] = units.filter(pk=data["unit"].pk)
        filters.update(
            department=data["department"], date_from=data["date_from"], date_to=data["date_to"]
        )
    attempts = analysis.attempts_for(quiz, **filters)
    rows = analysis.item_analysis(attempts)
    if request.GET.get("xuat") == "xlsx":
        book = analysis.export_workbook(quiz, rows, attempts.count())
        return book.response(f"phan-tich-cau-hoi-{quiz.pk}.xlsx")
    return TemplateResponse(
        request,
        "quizzes/admin/analysis.html",
        {
            "quiz": quiz,
            "form": form,
            "rows": rows,
            "attempt_count": attempts.count(),
            "export_url": f"{reverse('quizzes_admin:analysis', args=[quiz.pk])}?{_with_export(request)}",
        },
    )


def _with_export(request):
    query = request.GET.copy()
    query["xuat"] = "xlsx"
    return query.urlencode()
