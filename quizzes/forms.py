"""Forms: the admin question form (checks the parts fit the type) and the staff import,
export and item-analysis forms. No model imports at module level (models use QuestionForm)."""

import contextlib

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

IMPORT_FORMATS = [
    ("gift", "GIFT (.txt, .gift)"),
    ("aiken", "Aiken (.txt)"),
    ("moodle_xml", "Moodle XML (.xml)"),
    ("excel", _("Excel theo mẫu (.xlsx)")),
]
EXTENSIONS = {
    "gift": {".txt", ".gift"},
    "aiken": {".txt"},
    "moodle_xml": {".xml"},
    "excel": {".xlsx"},
}
MAX_IMPORT_BYTES = 5 * 1024 * 1024


class QuestionForm(WagtailAdminModelForm):
    """Refuses a question whose choices/pairs/items do not fit its type (e.g. no 100% choice),
    by the rules every importer applies too (quizzes.qtypes).

    Only the chosen type's answer section (qtypes' PARTS: choices, short answers, numbers,
    pairs or items) is validated and saved; the other sections' posted rows are ignored and
    their stored rows left as they are. Without JavaScript the form shows every section under
    its heading; quizzes/admin_question.js shows only the chosen type's."""

    class Media:
        js = ["quizzes/admin_question.js"]

    def ignored_sections(self):
        """The answer sections that do not belong to the posted type (none if no valid type)."""
        from . import qtypes

        if not self.is_bound:
            return set()
        chosen = qtypes.parts_of(self.data.get(self.add_prefix("qtype")))
        if chosen is None:
            return set()
        return {name for name in qtypes.PART_RELATIONS if name != chosen and name in self.formsets}

    @contextlib.contextmanager
    def _only_chosen_section(self):
        ignored = self.ignored_sections()
        every = self.formsets
        self.formsets = {name: fs for name, fs in every.items() if name not in ignored}
        try:
            yield
        finally:
            self.formsets = every

    def is_valid(self):
        with self._only_chosen_section():
            return super().is_valid()

    def save(self, commit=True):
        with self._only_chosen_section():
            return super().save(commit=commit)

    def _rows(self, name):
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():
            return []
        return [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]

    def clean(self):
        from .models import Question

        cleaned = super().clean()
        qtype = cleaned.get("qtype")
        if not qtype:
            return cleaned
        short = self._rows("short_answers")
        problems = Question(qtype=qtype).validate_parts(
            [
                {"text": r.get("text", ""), "fraction": r.get("fraction") or 0}
                for r in self._rows("choices")
            ],
            [(r.get("prompt", ""), r.get("answer", "")) for r in self._rows("pairs")],
            [r.get("text", "") for r in self._rows("order_items")],
            [r.get("text", "") for r in short],
            [
                {
                    "value": r.get("value"),
                    "tolerance": r.get("tolerance") or 0,
                    "fraction": r.get("fraction") or 0,
                }
                for r in self._rows("numerical_answers")
            ],
            answer_fractions=[r.get("fraction") or 0 for r in short],
            grading_mode=cleaned.get("grading_mode"),
        )
        for problem in problems:
            self.add_error(None, problem)
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp câu hỏi"),
        help_text=_("GIFT, Aiken, Moodle XML hoặc Excel theo mẫu; tối đa 5 MB."),
    )
    format = forms.ChoiceField(label=_("Định dạng"), choices=IMPORT_FORMATS)
    category = forms.ModelChoiceField(
        label=_("Đưa vào danh mục"),
        queryset=None,
        required=False,
        help_text=_("Danh mục trong tệp ($CATEGORY) được tạo bên dưới danh mục này."),
    )

    def __init__(self, *args, **kwargs):
        from .models import Category

        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.select_related("parent__parent")

    def clean(self):
        cleaned = super().clean()
        upload, fmt = cleaned.get("file"), cleaned.get("format")
        if upload and fmt:
            name = upload.name.lower()
            if not any(name.endswith(ext) for ext in EXTENSIONS[fmt]):
                self.add_error(
                    "file",
                    _("Tệp “%(name)s” không có phần mở rộng của định dạng đã chọn (%(ext)s).")
                    % {
                        "name": upload.name,
                        "ext": ", ".join(sorted(EXTENSIONS[fmt])),
                    },
                )
            if upload.size > MAX_IMPORT_BYTES:
                self.add_error("file", _("Tệp “%(name)s” lớn hơn 5 MB.") % {"name": upload.name})
        return cleaned


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Định dạng"), choices=[("gift", "GIFT"), ("moodle_xml", "Moodle XML")]
    )
    category = forms.ModelChoiceField(
        label=_("Danh mục"),
        queryset=None,
        required=False,
        help_text=_("Để trống để xuất cả ngân hàng; danh mục con được xuất cùng."),
    )

    def __init__(self, *args, **kwargs):
        from .models import Category

        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.select_related("parent__parent")


class AnalysisFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False)
    department = forms.ModelChoiceField(label=_("Phòng ban"), queryset=None, required=False)
    date_from = forms.DateField(
        label=_("Từ ngày"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )
    date_to = forms.DateField(
        label=_("Đến ngày"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )

    def __init__(self, *args, units, **kwargs):
        from lms.org.models import Department

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["department"].queryset = Department.objects.filter(
            unit__in=units
        ).select_related("unit")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        return cleaned
