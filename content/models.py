from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The site root: explains the programme to civil servants in Vietnamese."""

    intro = models.CharField(
        _("giới thiệu ngắn"),
        max_length=300,
        blank=True,
        help_text=_("Một hoặc hai câu ở đầu trang chủ."),
    )
    body = RichTextField(
        _("nội dung"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Giới thiệu chương trình: đối tượng, yêu cầu 40 tiết/năm, cách học."),
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("trang chủ")


from .h5p.models import H5PPackage, H5PStatement  # noqa: F401, E402
