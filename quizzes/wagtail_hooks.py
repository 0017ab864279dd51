"""Admin registration only: the "Ngân hàng câu hỏi" menu (categories, questions, quizzes, import,
export, item analysis). Who sees what follows the quizzes permissions given to Giảng viên,
Sở Nội vụ and Quản trị (migration 0002)."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from lms.lib.display import format_percent

from . import admin_views
from .models import Category, Question, Quiz


class YesNoColumn(BooleanColumn):
    """A yes/no column that reads "Có"/"Không" beside its icon (Wagtail's says "True")."""

    cell_template_name = "quizzes/admin/yes_no_cell.html"


class CategoryViewSet(ModelViewSet):
    model = Category
    name = "quizzes_category"
    menu_label = _("Danh mục")
    icon = "folder-open-inverse"
    list_display = ["path", "idnumber"]
    search_fields = ["name", "idnumber"]
    ordering = ["parent__name", "name"]
    add_to_reference_index = False


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "quizzes_question"
    menu_label = _("Câu hỏi")
    icon = "help"
    list_display = [
        "__str__",
        "qtype",
        "category",
        "version",
        YesNoColumn("is_active", label=_("Đang dùng")),
    ]
    list_filter = ["qtype", "category", "is_active", "competencies"]
    search_fields = ["title", "stem", "idnumber"]
    list_per_page = 50
    add_to_reference_index = False

    def get_queryset(self, request):
        return Question.objects.select_related("category__parent__parent")


class QuizEditView(EditView):
    """The quiz edit form, which also writes who changed the pass mark or the review and
    answer policies, when, and from what to what (Quiz.log_settings_change)."""

    def save_instance(self):
        # The form has already copied the posted values onto the instance: read the stored ones.
        before = Quiz.objects.filter(pk=self.object.pk).values(*Quiz.AUDITED_SETTINGS).first()
        instance = super().save_instance()
        instance.log_settings_change(before or {}, self.request.user)
        return instance


class QuizViewSet(ModelViewSet):
    model = Quiz
    edit_view_class = QuizEditView
    name = "quizzes_quiz"
    menu_label = _("Bài kiểm tra")
    icon = "tasks"
    list_display = [
        "title",
        "module",
        "course",
        # "80 %", not the stored decimal "80,00" (lms.lib.display: one way to write percentages).
        Column(
            "pass_mark", label=_("điểm đạt"), accessor=lambda quiz: format_percent(quiz.pass_mark)
        ),
        "time_limit_minutes",
    ]
    search_fields = ["title"]
    add_to_reference_index = False

    def get_queryset(self, request):
        return Quiz.objects.select_related("module", "course")


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ToolViewSet(ViewSet):
    """A menu entry for one of our own admin screens (URLs in `quizzes_admin`)."""

    url_name = ""
    permission = ""

    @property
    def menu_url(self):
        return reverse(self.url_name)

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.name,
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
            permission=self.permission,
        )


class ImportMenu(ToolViewSet):
    name = "quizzes_import"
    menu_label = _("Nhập câu hỏi")
    icon = "upload"
    url_name = "quizzes_admin:import"
    permission = "quizzes.add_question"


class ExportMenu(ToolViewSet):
    name = "quizzes_export"
    menu_label = _("Xuất câu hỏi")
    icon = "download"
    url_name = "quizzes_admin:export"
    permission = "quizzes.view_question"


class AnalysisMenu(ToolViewSet):
    name = "quizzes_analysis"
    menu_label = _("Phân tích câu hỏi")
    icon = "table"
    url_name = "quizzes_admin:analysis-index"
    permission = "quizzes.view_attempt"


class QuestionBankGroup(ViewSetGroup):
    menu_label = _("Ngân hàng câu hỏi")
    menu_icon = "help"
    menu_order = 250
    items = (QuestionViewSet, CategoryViewSet, QuizViewSet, ImportMenu, ExportMenu, AnalysisMenu)


@hooks.register("register_admin_viewset")
def register_question_bank():
    return QuestionBankGroup()


admin_urls = [
    path("nhap/", admin_views.import_questions, name="import"),
    path("nhap/xac-nhan/", admin_views.import_confirm, name="import-confirm"),
    path("xuat/", admin_views.export_questions, name="export"),
    path("phan-tich/", admin_views.analysis_index, name="analysis-index"),
    path("phan-tich/<int:quiz_id>/", admin_views.analysis_detail, name="analysis"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ngan-hang-cau-hoi/", include((admin_urls, "quizzes_admin")))]


@hooks.register("insert_global_admin_js")
def rich_text_accessible_names():
    """Draftail's editable box gets its field's label as accessible name (every admin page: the
    page editor, the question form, snippets). Registered here, the app that needed it first."""
    return format_html('<script src="{}" defer></script>', static("js/admin_rich_text_names.js"))


@hooks.register("register_log_actions")
def register_quiz_log_actions(actions):
    @actions.register_action("quizzes.settings_changed")
    class QuizSettingsChanged(LogFormatter):
        label = _("Đổi điểm đạt hoặc chế độ xem lại, hiện đáp án của bài kiểm tra")

        def format_message(self, log_entry):
            changes = (log_entry.data or {}).get("changes", [])
            parts = [f"{c['label']}: {c['old']} → {c['new']}" for c in changes]
            return _("Đổi thiết lập bài kiểm tra: %(changes)s") % {"changes": "; ".join(parts)}
