"""The StreamField block that embeds an uploaded H5P package in a page (content/blocks.py
adds it to the shared block library as "h5p"): a sandboxed frame from the H5P origin
(content/h5p/frame.py), plus the parent-side script that forwards its results."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .access import can_preview_packages
from .frame import SANDBOX, frame_base, frame_url
from .xapi import make_attempt_token


class H5PActivityBlock(blocks.StructBlock):
    # Rendered for each request (a learner's signed attempt token, a CSRF token): lesson bodies
    # cached by courses.outline keep this block live instead of caching its HTML.
    renders_per_request = True

    package = SnippetChooserBlock(
        "content.H5PPackage",
        label=_("gói H5P"),
        help_text=_("Chọn gói .h5p đã tải lên ở mục Gói H5P."),
    )
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("tiêu đề"),
        help_text=_("Để trống để dùng tiêu đề của gói."),
    )
    instructions = blocks.TextBlock(
        required=False,
        label=_("hướng dẫn"),
        help_text=_("Một hai câu cho học viên biết cần làm gì."),
    )

    class Meta:
        icon = "code"
        label = _("Hoạt động H5P")
        template = "content/h5p/blocks/h5p_activity.html"
        preview_template = "content/h5p/blocks/h5p_activity_preview.html"
        description = _("Bài tập tương tác H5P; kết quả được máy chủ ghi nhận vào tiến độ học.")
        preview_value = {
            "title": "Đúng hay sai: mật khẩu dùng chung",
            "instructions": "Chọn Đúng hoặc Sai rồi bấm Kiểm tra.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        package = value.get("package")
        page = (parent_context or {}).get("page")
        context["package"] = package
        context["activity_title"] = value.get("title") or (package.title if package else "")
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        if package is not None and user is not None and user.is_authenticated:
            # Previews (admin) show the player but report nothing: no learner is studying.
            if getattr(request, "is_preview", False):
                if can_preview_packages(user):
                    module_id = page.pk if page is not None and page.pk else 0
                    context["frame_src"] = frame_url(
                        request, user, package.pk, module_id, preview=True
                    )
            elif page is not None and page.pk:
                context["frame_src"] = frame_url(request, user, package.pk, page.pk)
                context["xapi_url"] = reverse("h5p:xapi", args=[page.pk, package.pk])
                context["attempt_token"] = make_attempt_token(user, page.pk, package.pk)
        context["frame_sandbox"] = SANDBOX
        context["frame_origin"] = frame_base(request) if request is not None else ""
        return context
