"""The shared StreamField block library: every page body (modules, site pages) is built from it.

Block names and field names match the value shapes of the curriculum data in
`courses/curriculum/` so that those files load directly: ("heading", str), ("paragraph", html),
("callout", {kind, title, body}), ("knowledge_check", {situation, question, options}),
("accordion", {title, items: [{question, answer}]}).

Every block renders without JavaScript: the knowledge check and the accordion use <details>.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from content.h5p.blocks import H5PActivityBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

MIN_OPTIONS = 2  # a scenario's options: the ListBlock's min_num and the default a new block gets


def with_minimum_items(block, name, value):
    """A StructBlock's default with its ListBlock `name` holding min_num empty items (Wagtail's
    ListBlock default is one item, so a new block would show one option and fail its minimum)."""
    child = block.child_blocks[name]
    value[name] = child.normalize(
        [child.child_block.get_default() for _index in range(child.meta.min_num or 1)]
    )
    return value


def too_few_items(block, name, value, message):
    """{name: ValidationError} in Vietnamese when the ListBlock `name` of `value` holds fewer
    than its min_num items (Wagtail's own message is English), else {}."""
    minimum = block.child_blocks[name].meta.min_num or 0
    count = len(value.get(name) or [])
    if count >= minimum:
        return {}
    return {name: ValidationError(message % {"min": minimum, "count": count})}


VIDEO_EXTENSIONS = (".mp4", ".webm")
CAPTION_EXTENSIONS = (".vtt",)


class HeadingBlock(blocks.CharBlock):
    """A section heading (rendered as <h2>); the page title is the only <h1>."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "content/blocks/heading.html"
        preview_value = "Vì sao cán bộ phường, xã cần nắm khung pháp lý"
        description = _("Tiêu đề của một mục trong bài (cấp 2).")


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Đoạn văn")
        template = "content/blocks/paragraph.html"
        preview_value = (
            "<p>Mỗi cán bộ, công chức cấp xã đang nắm giữ thông tin của người dân: "
            "số định danh cá nhân, hồ sơ hộ tịch, hồ sơ đất đai.</p>"
        )
        description = _("Văn bản có định dạng: đoạn, danh sách, chữ đậm, liên kết.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    alt = blocks.CharBlock(
        label=_("mô tả thay thế (alt)"),
        max_length=250,
        help_text=_("Bắt buộc: mô tả nội dung ảnh cho người dùng trình đọc màn hình."),
    )
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Hình ảnh")
        template = "content/blocks/image.html"
        description = _(
            "Ảnh minh họa có mô tả thay thế và chú thích; tự chuyển sang WebP, tối đa 1200 px."
        )


class VideoBlock(blocks.StructBlock):
    """An uploaded video with Vietnamese captions and a transcript, or an embedded video."""

    title = blocks.CharBlock(label=_("tiêu đề video"), max_length=200)
    video_file = DocumentChooserBlock(
        label=_("tệp video (.mp4, .webm)"),
        required=False,
        help_text=_("Tải video lên mục Tài liệu. Bỏ trống nếu dùng video nhúng."),
    )
    captions = DocumentChooserBlock(
        label=_("phụ đề tiếng Việt (.vtt)"),
        required=False,
        help_text=_("Bắt buộc với tệp video tải lên."),
    )
    embed = EmbedBlock(
        label=_("video nhúng (đường dẫn)"),
        required=False,
        help_text=_("Ví dụ đường dẫn YouTube. Bỏ trống nếu tải tệp video lên."),
    )
    transcript = blocks.RichTextBlock(
        label=_("bản ghi lời"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("Toàn bộ lời thoại của video, cho người không nghe được hoặc mạng chậm."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "content/blocks/video.html"
        description = _("Video tải lên (kèm phụ đề .vtt) hoặc video nhúng, luôn kèm bản ghi lời.")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        has_file, has_embed = bool(value.get("video_file")), bool(value.get("embed"))
        if has_file == has_embed:
            errors["video_file"] = ErrorList(
                [_("Chọn đúng một nguồn: tệp video tải lên hoặc video nhúng.")]
            )
        if has_file:
            name = value["video_file"].file.name.lower()
            if not name.endswith(VIDEO_EXTENSIONS):
                errors["video_file"] = ErrorList([_("Tệp video phải có đuôi .mp4 hoặc .webm.")])
            captions = value.get("captions")
            if not captions:
                errors["captions"] = ErrorList(
                    [_("Video tải lên phải có phụ đề tiếng Việt (.vtt).")]
                )
            elif not captions.file.name.lower().endswith(CAPTION_EXTENSIONS):
                errors["captions"] = ErrorList([_("Tệp phụ đề phải có đuôi .vtt.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("loại"),
        choices=[("note", _("Lưu ý")), ("warning", _("Cảnh báo")), ("legal", _("Căn cứ pháp lý"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("tiêu đề"), max_length=200, required=False)
    body = blocks.RichTextBlock(label=_("nội dung"), features=SHORT_RICH_TEXT_FEATURES)

    KIND_LABELS = {"note": _("Lưu ý"), "warning": _("Cảnh báo"), "legal": _("Căn cứ pháp lý")}

    class Meta:
        icon = "warning"
        label = _("Hộp lưu ý")
        template = "content/blocks/callout.html"
        preview_value = {
            "kind": "legal",
            "title": "Căn cứ pháp lý về dữ liệu cá nhân",
            "body": "<p>Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực từ ngày 01/01/2026.</p>",
        }
        description = _("Khung nổi bật: Lưu ý, Cảnh báo hoặc Căn cứ pháp lý.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = self.KIND_LABELS.get(value.get("kind"), _("Lưu ý"))
        return context


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    title = blocks.CharBlock(
        label=_("tên hiển thị"),
        max_length=200,
        required=False,
        help_text=_("Bỏ trống để dùng tên của tài liệu."),
    )
    description = blocks.TextBlock(label=_("mô tả ngắn"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu tải về")
        template = "content/blocks/document.html"
        description = _("Một tệp để học viên tải về (văn bản pháp luật, biểu mẫu…).")


class KnowledgeCheckOptionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("phương án"))
    is_correct = blocks.BooleanBlock(label=_("là đáp án đúng"), required=False)
    feedback = blocks.TextBlock(
        label=_("phản hồi"),
        help_text=_("Giải thích vì sao phương án này đúng hoặc chưa đúng."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Phương án")


class KnowledgeCheckBlock(blocks.StructBlock):
    """A scenario with options and feedback per option. Self-check only: it never counts for
    progress or scores (those come from server-graded quizzes), so <details> is enough."""

    situation = blocks.TextBlock(label=_("tình huống"))
    question = blocks.CharBlock(label=_("câu hỏi"), max_length=300)
    options = blocks.ListBlock(
        KnowledgeCheckOptionBlock(), label=_("các phương án"), min_num=MIN_OPTIONS
    )

    class Meta:
        icon = "help"
        label = _("Tình huống kiểm tra nhanh")
        template = "content/blocks/knowledge_check.html"
        preview_value = {
            "situation": "Một người gọi điện xưng là cán bộ công an, yêu cầu đọc mã OTP để “cập nhật dữ liệu sau sáp nhập”.",
            "question": "Anh/chị nên làm gì?",
            "options": [
                {
                    "text": "Đọc mã OTP cho nhanh.",
                    "is_correct": False,
                    "feedback": "Chưa đúng. Không cơ quan nào yêu cầu đọc mã OTP qua điện thoại.",
                },
                {
                    "text": "Từ chối, gác máy và xác minh qua kênh chính thức.",
                    "is_correct": True,
                    "feedback": "Đúng. Luôn xác minh qua một kênh thứ hai.",
                },
            ],
        }
        description = _(
            "Tình huống, câu hỏi và các phương án kèm phản hồi; chạy được cả khi không có JavaScript."
        )

    def get_default(self):
        return with_minimum_items(self, "options", super().get_default())

    def clean(self, value):
        too_few = too_few_items(
            self,
            "options",
            value,
            _("Cần ít nhất %(min)s phương án (hiện có %(count)s). Bấm “+” để thêm phương án."),
        )
        try:
            value = super().clean(value)
        except StructBlockValidationError as error:
            if not too_few:
                raise
            raise StructBlockValidationError(
                block_errors={**error.block_errors, **too_few}
            ) from None
        correct = sum(1 for option in value.get("options") or [] if option.get("is_correct"))
        if correct != 1:
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(
                        _("Cần đúng một phương án đúng (hiện có %(count)s).") % {"count": correct}
                    )
                }
            )
        return value


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("câu hỏi / tiêu đề"), max_length=300)
    answer = blocks.RichTextBlock(label=_("trả lời / nội dung"), features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Mục")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tiêu đề"), max_length=200, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("các mục"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Hỏi đáp / mục thu gọn")
        template = "content/blocks/accordion.html"
        preview_value = {
            "title": "Câu hỏi thường gặp",
            "items": [
                {
                    "question": "Số căn cước công dân có phải dữ liệu nhạy cảm không?",
                    "answer": "<p>Số định danh cá nhân thuộc nhóm dữ liệu cá nhân cơ bản.</p>",
                },
            ],
        }
        description = _("Danh sách câu hỏi – trả lời, mỗi mục mở ra khi bấm vào.")


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    document = DocumentDownloadBlock()
    knowledge_check = KnowledgeCheckBlock()
    accordion = AccordionBlock()
    h5p = H5PActivityBlock()

    class Meta:
        label = _("Nội dung")
