"""The question bank, quizzes and attempts.

History is immutable: an attempt freezes its questions, their order, the choices' order and the
deadline when it starts, and keeps a JSON snapshot of exactly what was shown, plus the learner's
unit and department at that time. Editing a question afterwards never changes an attempt.
The server alone grades (quizzes/grading.py); nothing a browser posts is trusted beyond the
learner's choices, which are checked against the snapshot.
"""

import random
import secrets
from datetime import timedelta
from decimal import Decimal
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, connection, connections, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.rich_text import expand_db_html

from lms.org.snapshots import WorkplaceSnapshot

from . import grading, qtypes
from .forms import QuestionForm
from .html import clean_html, strip_tags
from .numbers import NumberFormField, plain

RICH_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# Saves that were in flight when the time ran out are still accepted for this long. The rule
# "deadline + grace" has one home: Attempt.closes_at / Attempt.closed_before (and the
# queryset's overdue(), the autosave statement and the autosave token use them).
DEADLINE_GRACE = timedelta(seconds=getattr(settings, "QUIZ_DEADLINE_GRACE_SECONDS", 30))


class QuestionType(models.TextChoices):
    # The labels are the type modules' (quizzes.qtypes: one name per type).
    SINGLE = "single", qtypes.single.LABEL
    MULTIPLE = "multiple", qtypes.multiple.LABEL
    TRUEFALSE = "truefalse", qtypes.truefalse.LABEL
    MATCHING = "matching", qtypes.matching.LABEL
    SHORT = "short", qtypes.short.LABEL
    ORDERING = "ordering", qtypes.ordering.LABEL
    NUMERICAL = "numerical", qtypes.numerical.LABEL


class GradingMode(models.TextChoices):
    PARTIAL = "partial", _("Tính điểm từng phần")
    ALL_OR_NOTHING = "all_or_nothing", _("Đúng hết mới có điểm")


# ---------------------------------------------------------------------------------------------
# Question bank


class Category(models.Model):
    """A folder of the bank; a tree by parent. Random rules may include sub-categories."""

    name = models.CharField(_("tên danh mục"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("danh mục cha"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    idnumber = models.CharField(
        _("mã danh mục"),
        max_length=100,
        blank=True,
        help_text=_("Mã tùy chọn, dùng khi nhập/xuất (ví dụ: mo-dun-01)."),
    )
    description = models.TextField(_("mô tả"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("parent"),
        FieldPanel("idnumber"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("danh mục câu hỏi")
        verbose_name_plural = _("danh mục câu hỏi")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"],
                name="quizzes_category_unique_name_in_parent",
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(parent__isnull=True),
                name="quizzes_category_unique_root_name",
            ),
        ]

    def __str__(self):
        return self.path

    @property
    def path(self):
        names, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name)
            node = node.parent
        return " / ".join(reversed(names))

    def clean(self):
        node = self.parent
        while node is not None:
            if self.pk and node.pk == self.pk:
                raise ValidationError({"parent": _("Danh mục không thể nằm trong chính nó.")})
            node = node.parent

    def descendant_ids(self):
        """Ids of this category and every category below it (one query per tree level)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                Category.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids

    @classmethod
    def get_or_create_path(cls, path):
        """'A/B/C' → the category C under B under A, creating what is missing."""
        parent = None
        for name in [part.strip() for part in path.split("/") if part.strip()]:
            parent, _created = cls.objects.get_or_create(parent=parent, name=name[:200])
        return parent


class NumberField(models.DecimalField):
    """A DecimalField whose admin form takes numbers as Vietnamese people write them
    (3,5 · 3.5 · 1.000.000, see quizzes/numbers.py) and shows them with a decimal comma."""

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", NumberFormField)
        return super().formfield(**kwargs)


class QuestionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_category(self, category, include_subcategories=True):
        if include_subcategories:
            return self.filter(category_id__in=category.descendant_ids())
        return self.filter(category=category)

    def with_parts(self):
        return self.prefetch_related(
            "choices", "pairs", "order_items", "short_answers", "numerical_answers"
        )


class Question(ClusterableModel):
    category = models.ForeignKey(
        Category,
        verbose_name=_("danh mục"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    qtype = models.CharField(_("loại câu hỏi"), max_length=20, choices=QuestionType.choices)
    title = models.CharField(
        _("tên ngắn"),
        max_length=255,
        blank=True,
        help_text=_("Tên để tìm trong ngân hàng; học viên không thấy."),
    )
    stem = RichTextField(
        _("nội dung câu hỏi"),
        features=RICH_FEATURES,
        help_text=_("Câu hỏi học viên đọc. Định dạng đơn giản: đậm, nghiêng, danh sách, liên kết."),
    )
    explanation = RichTextField(
        _("giải thích chung"),
        features=RICH_FEATURES,
        blank=True,
        help_text=_("Hiện sau khi nộp bài nếu chế độ xem lại cho phép; ghi căn cứ pháp lý nếu có."),
    )
    competencies = models.ManyToManyField(
        "courses.Competency",
        verbose_name=_("năng lực"),
        blank=True,
        related_name="questions",
        help_text=_("Các năng lực (thẻ chương trình) câu hỏi này kiểm tra."),
    )
    idnumber = models.CharField(
        _("mã câu hỏi"),
        max_length=100,
        blank=True,
        help_text=_("Mã duy nhất tùy chọn (như [id:...] trong GIFT)."),
    )
    grading_mode = models.CharField(
        _("cách chấm"),
        max_length=20,
        choices=GradingMode.choices,
        default=GradingMode.PARTIAL,
        help_text=_(
            "Cho câu nhiều đáp án, ghép đôi, sắp xếp. Từng phần: nhiều đáp án cộng trọng số các "
            "lựa chọn đã chọn (không âm), ghép đôi/sắp xếp tính tỉ lệ cặp/vị trí đúng."
        ),
    )
    ignore_diacritics = models.BooleanField(
        _("bỏ qua dấu tiếng Việt"),
        default=False,
        help_text=_("Chỉ cho câu trả lời ngắn: chấp nhận “bao mat” cho “bảo mật”."),
    )
    is_active = models.BooleanField(
        _("đang dùng"),
        default=True,
        help_text=_("Câu hỏi ẩn không được chọn ngẫu nhiên."),
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    objects = QuestionQuerySet.as_manager()
    base_form_class = QuestionForm

    panels = [
        FieldRowPanel([FieldPanel("qtype"), FieldPanel("category")]),
        FieldPanel("title"),
        FieldPanel("stem"),
        InlinePanel(
            "choices",
            heading=_("Lựa chọn (một/nhiều đáp án, Đúng/Sai)"),
            label=_("Lựa chọn"),
            attrs=qtypes.section_attrs("choices"),
        ),
        InlinePanel(
            "short_answers",
            heading=_("Đáp án chấp nhận (trả lời ngắn)"),
            label=_("Đáp án"),
            attrs=qtypes.section_attrs("short_answers"),
        ),
        InlinePanel(
            "numerical_answers",
            heading=_("Đáp án số (dạng số)"),
            label=_("Đáp án số"),
            help_text=_(
                "Mỗi dòng: một giá trị đúng, sai số cho phép và trọng số. Học viên được điểm của "
                "dòng khớp có trọng số cao nhất. Để trống giá trị = mọi số khác."
            ),
            attrs=qtypes.section_attrs("numerical_answers"),
        ),
        InlinePanel(
            "pairs",
            heading=_("Cặp ghép đôi"),
            label=_("Cặp"),
            attrs=qtypes.section_attrs("pairs"),
        ),
        InlinePanel(
            "order_items",
            heading=_("Các mục theo thứ tự đúng (sắp xếp)"),
            label=_("Mục"),
            attrs=qtypes.section_attrs("order_items"),
        ),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [
                FieldPanel("grading_mode"),
                FieldPanel("ignore_diacritics"),
                FieldPanel("competencies"),
                FieldPanel("idnumber"),
                FieldPanel("is_active"),
            ],
            heading=_("Chấm điểm và phân loại"),
        ),
    ]

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["category_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["idnumber"],
                condition=~Q(idnumber=""),
                name="quizzes_question_unique_idnumber",
            ),
        ]
        indexes = [models.Index(fields=["category", "is_active"])]

    def __str__(self):
        return self.title or strip_tags(self.stem)[:80] or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.stem = clean_html(self.stem)
        self.explanation = clean_html(self.explanation)
        if self.pk:
            # Any edit makes a new version; attempts keep the snapshot of the version they showed.
            self.version = (
                Question.objects.filter(pk=self.pk).values_list("version", flat=True).first() or 0
            ) + 1
        super().save(*args, **kwargs)

    def validate_parts(
        self,
        choices,
        pairs,
        items,
        answers,
        numbers=(),
        *,
        answer_fractions=None,
        grading_mode=None,
    ):
        """Return Vietnamese problems with the parts of a question of this type (empty = fine).

        The rules are quizzes.qtypes' (the one validator every importer uses too), applied to
        the parts as the formats represent them, so what passes here exports and imports back.
        `choices`: dicts with "text" and "fraction"; `answers` (short answer): texts, worth
        `answer_fractions` (100 each if not given); `numbers` (numerical questions): dicts with
        "value" (Decimal, None = any other number), "tolerance" and "fraction"."""
        from . import qtypes

        return qtypes.problems(
            self.as_parsed_parts(
                choices, pairs, items, answers, numbers, answer_fractions, grading_mode
            ),
            stem=False,  # the stem is a required field of its own
        )

    def as_parsed_parts(
        self, choices, pairs, items, answers, numbers=(), answer_fractions=None, grading_mode=None
    ):
        """The admin's rows as the formats' ParsedQuestion (what an export would write)."""
        from .formats.base import ParsedChoice, ParsedQuestion

        parsed = ParsedQuestion(
            qtype=self.qtype,
            stem=self.stem,
            title=self.title,
            grading_mode=grading_mode or self.grading_mode or GradingMode.PARTIAL,
            pairs=[(left or "", right or "") for left, right in pairs],
            items=list(items),
        )
        if self.qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE):
            parsed.choices = [
                ParsedChoice(text=c.get("text", ""), fraction=Decimal(str(c.get("fraction") or 0)))
                for c in choices
            ]
        elif self.qtype == QuestionType.SHORT:
            fractions = answer_fractions or [100] * len(answers)
            parsed.choices = [
                ParsedChoice(text=text or "", fraction=Decimal(str(fraction or 0)))
                for text, fraction in zip(answers, fractions, strict=False)
            ]
        elif self.qtype == QuestionType.NUMERICAL:
            parsed.choices = [
                ParsedChoice(
                    text="*" if n.get("value") is None else plain(n["value"]),
                    fraction=Decimal(str(n.get("fraction") or 0)),
                    tolerance=(
                        None if n.get("value") is None else Decimal(str(n.get("tolerance") or 0))
                    ),
                )
                for n in numbers
            ]
        return parsed

    def parts_problems(self):
        short = list(self.short_answers.all())
        return self.validate_parts(
            [{"text": c.text, "fraction": c.fraction} for c in self.choices.all()],
            [(p.prompt, p.answer) for p in self.pairs.all()],
            [i.text for i in self.order_items.all()],
            [a.text for a in short],
            [
                {"value": a.value, "tolerance": a.tolerance, "fraction": a.fraction}
                for a in self.numerical_answers.all()
            ],
            answer_fractions=[a.fraction for a in short],
        )

    # -- snapshot --------------------------------------------------------------------------

    def build_snapshot(self, rng=None, shuffle_choices=False, tokens=None):
        """What a learner is shown for this question, frozen as JSON (with the answer key).

        Every choice, matching prompt and option and ordering item gets a "token": the only
        identifier the learner's page ever carries (form names, values). Tokens are random per
        attempt (`tokens`, an AttemptTokens shared by the attempt's questions, keeps them unique
        within it), so neither their order nor their value says anything about the answer; the
        "id" beside it (the bank's row id) stays server-side, in responses and grading."""
        rng = rng or random.SystemRandom()
        tokens = tokens or AttemptTokens()
        data = {
            "question_id": self.pk,
            "version": self.version,
            "type": self.qtype,
            "stem": clean_html(expand_db_html(self.stem)),
            "explanation": clean_html(expand_db_html(self.explanation)),
            "grading_mode": self.grading_mode,
        }
        from . import qtypes

        # What each type shows (choices, answers, prompts and options, items): its module.
        qtypes.get(self.qtype).snapshot(self, data, rng, shuffle_choices, tokens)
        return data


class AttemptTokens:
    """Random opaque identifiers for what one attempt shows, unique within the attempt.

    8 hex digits from the system's CSPRNG: nothing in them depends on the bank's ids or order."""

    def __init__(self):
        self.used = set()

    def new(self):
        while True:
            token = secrets.token_hex(4)
            if token not in self.used:
                self.used.add(token)
                return token


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.TextField(_("nội dung lựa chọn"))
    fraction = models.DecimalField(
        _("trọng số (%)"),
        max_digits=8,
        decimal_places=5,
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_("100 = đúng hoàn toàn; 0 = sai; âm = trừ điểm (câu nhiều đáp án)."),
    )
    feedback = models.TextField(_("phản hồi"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("fraction"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("lựa chọn")
        verbose_name_plural = _("lựa chọn")

    def __str__(self):
        return strip_tags(self.text)[:80]

    def save(self, *args, **kwargs):
        self.text = clean_html(self.text)
        self.feedback = clean_html(self.feedback)
        super().save(*args, **kwargs)


class NumericalAnswer(Orderable):
    """One accepted number of a numerical question: right if |answer − value| ≤ tolerance."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="numerical_answers")
    value = NumberField(
        _("giá trị"),
        max_digits=30,
        decimal_places=10,
        null=True,
        blank=True,
        help_text=_("Viết 3,5 hoặc 3.5. Để trống = mọi số khác (dùng để ghi phản hồi khi sai)."),
    )
    tolerance = NumberField(
        _("sai số cho phép (±)"),
        max_digits=30,
        decimal_places=10,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Chấp nhận mọi số trong khoảng giá trị ± sai số; 0 = phải đúng chính xác."),
    )
    fraction = models.DecimalField(
        _("trọng số (%)"),
        max_digits=8,
        decimal_places=5,
        default=100,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    feedback = models.TextField(_("phản hồi"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("value"), FieldPanel("tolerance"), FieldPanel("fraction")]),
        FieldPanel("feedback"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("đáp án số")
        verbose_name_plural = _("đáp án số")

    def __str__(self):
        return "*" if self.value is None else plain(self.value)

    def save(self, *args, **kwargs):
        self.feedback = clean_html(self.feedback)
        super().save(*args, **kwargs)


class MatchPair(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="pairs")
    prompt = models.CharField(
        _("vế trái"),
        max_length=500,
        blank=True,
        help_text=_("Để trống để tạo một đáp án nhiễu (chỉ có vế phải)."),
    )
    answer = models.CharField(_("vế phải"), max_length=500)

    panels = [FieldPanel("prompt"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("cặp ghép đôi")
        verbose_name_plural = _("cặp ghép đôi")

    def __str__(self):
        return f"{self.prompt} → {self.answer}"


class OrderItem(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="order_items")
    text = models.CharField(_("nội dung mục"), max_length=500)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("mục sắp xếp")
        verbose_name_plural = _("mục sắp xếp")

    def __str__(self):
        return self.text


class ShortAnswer(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="short_answers")
    text = models.CharField(_("đáp án"), max_length=500)
    fraction = models.DecimalField(
        _("trọng số (%)"),
        max_digits=8,
        decimal_places=5,
        default=100,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    feedback = models.TextField(_("phản hồi"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("fraction"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("đáp án chấp nhận")
        verbose_name_plural = _("đáp án chấp nhận")

    def __str__(self):
        return self.text


# ---------------------------------------------------------------------------------------------
# Quizzes


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Lần cao nhất")
    LAST = "last", _("Lần cuối cùng")


class ReviewPolicy(models.TextChoices):
    """What a learner sees after submitting; each level includes the ones before it."""

    SCORE = "score", _("Chỉ điểm số")
    CORRECTNESS = "correctness", _("Câu nào đúng, câu nào sai")
    ANSWERS = "answers", _("Đáp án đúng")
    FEEDBACK = "feedback", _("Đáp án đúng và giải thích")


REVIEW_LEVEL = {
    ReviewPolicy.SCORE: 0,
    ReviewPolicy.CORRECTNESS: 1,
    ReviewPolicy.ANSWERS: 2,
    ReviewPolicy.FEEDBACK: 3,
}


class AnswerRelease(models.TextChoices):
    """When the learner's review pages may show more than the score: which questions were right,
    the right answers, choice feedback and explanations (as much as the review policy allows).
    Quiz.answers_released is the one place that decides; Attempt.visible_review_level applies it."""

    AFTER_LAST_ATTEMPT = "after_last_attempt", _("Sau lần làm bài cuối cùng")
    AFTER_CLOSE = "after_close", _("Sau khi bài kiểm tra đóng")
    NEVER = "never", _("Không bao giờ")
    IMMEDIATELY = "immediately", _("Ngay sau khi nộp (chỉ bài kiểm tra kiến thức của bài học)")


class QuizQuerySet(models.QuerySet):
    def for_module(self, module_page):
        return self.filter(module=module_page)

    def final_tests(self):
        return self.filter(course__isnull=False)


class Quiz(ClusterableModel):
    title = models.CharField(_("tên bài kiểm tra"), max_length=255)
    intro = models.TextField(_("hướng dẫn"), blank=True, help_text=_("Hiện trước khi bắt đầu."))
    module = models.OneToOneField(
        "courses.ModulePage",
        verbose_name=_("bài học (bài kiểm tra kiến thức)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz",
        help_text=_("Gắn vào một bài học: đạt bài này thì bài học hoàn thành."),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("khóa học (bài kiểm tra cuối khóa)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="final_tests",
        help_text=_("Gắn vào một khóa học: đạt bài này là điều kiện hoàn thành khóa."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("thời gian làm bài (phút)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Để trống nếu không giới hạn."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("số lần làm bài"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Từ 1 đến 10; để trống nếu không giới hạn."),
    )
    grading_method = models.CharField(
        _("cách tính điểm"),
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    pass_mark = models.DecimalField(
        _("điểm đạt (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("80"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    opens_at = models.DateTimeField(_("mở từ"), null=True, blank=True)
    closes_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("xáo trộn câu hỏi"), default=True)
    shuffle_choices = models.BooleanField(_("xáo trộn lựa chọn"), default=True)
    questions_per_page = models.PositiveSmallIntegerField(
        _("số câu mỗi trang"),
        default=0,
        validators=[MaxValueValidator(50)],
        help_text=_("0 = tất cả câu hỏi trên một trang."),
    )
    review_policy = models.CharField(
        _("xem lại sau khi nộp"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.FEEDBACK,
    )
    answers_shown = models.CharField(
        _("hiện đáp án đúng"),
        max_length=20,
        choices=AnswerRelease.choices,
        default=AnswerRelease.AFTER_LAST_ATTEMPT,
        help_text=_(
            "Khi nào học viên được xem lại bài (câu đúng/sai, đáp án đúng, phản hồi, giải thích); "
            "trước đó chỉ thấy điểm. “Sau lần làm bài cuối "
            "cùng”: khi đã dùng hết số lần làm bài (nếu không giới hạn số lần thì chỉ khi bài "
            "kiểm tra đã đóng). Bài kiểm tra cuối khóa không được chọn “Ngay sau khi nộp”."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuizQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("module"), FieldPanel("course")], heading=_("Gắn vào")),
        InlinePanel("fixed_questions", heading=_("Câu hỏi cố định"), label=_("Câu hỏi")),
        InlinePanel("random_rules", heading=_("Câu hỏi ngẫu nhiên"), label=_("Quy tắc")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed")]),
                FieldRowPanel([FieldPanel("grading_method"), FieldPanel("pass_mark")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldPanel("questions_per_page"),
                FieldRowPanel([FieldPanel("review_policy"), FieldPanel("answers_shown")]),
            ],
            heading=_("Thiết lập"),
        ),
    ]

    class Meta:
        verbose_name = _("bài kiểm tra")
        verbose_name_plural = _("bài kiểm tra")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(module__isnull=True) | Q(course__isnull=True),
                name="quizzes_quiz_module_or_course",
            ),
            # A final test never shows its answers right after a submission (Quiz.clean says why).
            models.CheckConstraint(
                condition=Q(course__isnull=True) | ~Q(answers_shown="immediately"),
                name="quizzes_quiz_final_test_answers_not_immediate",
                violation_error_message=_(
                    "Bài kiểm tra cuối khóa không được hiện đáp án ngay sau khi nộp."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.module_id and self.course_id:
            raise ValidationError(
                _("Một bài kiểm tra gắn vào một bài học hoặc một khóa học, không gắn cả hai.")
            )
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Thời điểm đóng phải sau thời điểm mở.")})
        if self.course_id and self.answers_shown == AnswerRelease.IMMEDIATELY:
            raise ValidationError(
                {
                    "answers_shown": _(
                        "Bài kiểm tra cuối khóa không được hiện đáp án ngay sau khi nộp: học viên "
                        "còn lượt làm lại sẽ chép đáp án. Chọn “Sau lần làm bài cuối cùng”, “Sau "
                        "khi bài kiểm tra đóng” hoặc “Không bao giờ”."
                    )
                }
            )

    @property
    def is_final_test(self):
        return self.course_id is not None

    @property
    def review_level(self):
        return REVIEW_LEVEL[self.review_policy]

    # Settings whose change after publication is written to the admin's history (who, when,
    # old → new): they decide who passes and when the right answers are shown.
    AUDITED_SETTINGS = (
        "pass_mark",
        "review_policy",
        "answers_shown",
        "attempts_allowed",
        "closes_at",
    )

    def audited_values(self):
        return {name: getattr(self, name) for name in self.AUDITED_SETTINGS}

    def log_settings_change(self, before, user):
        """Write a Wagtail log entry ("quizzes.settings_changed", quizzes/wagtail_hooks.py) if
        any audited setting differs from `before` (audited_values() read before the edit).
        Returns the entry, or None when nothing audited changed."""
        from wagtail.log_actions import log

        changes = []
        for name in self.AUDITED_SETTINGS:
            old, new = before.get(name), getattr(self, name)
            if old != new:
                changes.append(
                    {
                        "field": name,
                        "label": str(self._meta.get_field(name).verbose_name),
                        "old": _audit_text(self, name, old),
                        "new": _audit_text(self, name, new),
                    }
                )
        if not changes:
            return None
        return log(
            instance=self,
            action="quizzes.settings_changed",
            user=user,
            data={"changes": changes, "attempts": self.attempts.count()},
        )

    def is_closed(self, now=None):
        now = now or timezone.now()
        return self.closes_at is not None and now >= self.closes_at

    def answers_released(self, user, now=None):
        """May `user` now see this quiz's right answers (and the feedback and explanations that
        give them away)? The one place that decides, for every page that could show them.

        - never: no;
        - after the quiz closes: once `closes_at` has passed (never if it has none);
        - after the last attempt: once the quiz has closed, or the learner has used every
          allowed attempt and has none in progress; with unlimited attempts only at closing;
        - immediately: after each submission, for a module's knowledge check only. A final test
          is treated as "after the last attempt" whatever is stored (validation refuses it), so
          it never reveals while the learner has an attempt left.
        """
        policy = self.answers_shown
        if policy == AnswerRelease.NEVER:
            return False
        if self.is_closed(now):
            return True
        if policy == AnswerRelease.AFTER_CLOSE:
            return False
        if policy == AnswerRelease.IMMEDIATELY and not self.is_final_test:
            return True
        if self.attempts_allowed is None:
            return False
        used = self.attempts_of(user).aggregate(
            n=models.Count("pk"),
            open=models.Count("pk", filter=Q(state=Attempt.State.IN_PROGRESS)),
        )
        return used["n"] >= self.attempts_allowed and used["open"] == 0

    def answers_release_note(self):
        """A Vietnamese sentence for a review page where the answers are still withheld."""
        policy = self.answers_shown
        if policy == AnswerRelease.NEVER:
            return gettext("Bài kiểm tra này không hiện đáp án đúng.")
        if policy == AnswerRelease.AFTER_CLOSE or self.attempts_allowed is None:
            if self.closes_at:
                return gettext("Đáp án đúng sẽ được hiện sau khi bài kiểm tra đóng (%(when)s).") % {
                    "when": timezone.localtime(self.closes_at).strftime("%H:%M %d/%m/%Y")
                }
            return gettext("Đáp án đúng không được hiện khi bài kiểm tra còn mở.")
        return gettext("Đáp án đúng sẽ được hiện sau lần làm bài cuối cùng của bạn.")

    def question_count(self):
        return len(self.fixed_questions.all()) + sum(r.count for r in self.random_rules.all())

    def is_open(self, now=None):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    # -- choosing questions ----------------------------------------------------------------

    def choose_questions(self, user, rng=None):
        """The questions of a new attempt: fixed ones, then each random rule, preferring
        questions this learner has not been shown in any earlier attempt."""
        rng = rng or random.Random()  # noqa: S311
        chosen = [fq.question for fq in self.fixed_questions.select_related("question")]
        taken = {q.pk for q in chosen}
        seen = None  # read once, and only for a quiz with random rules
        for rule in self.random_rules.select_related("category", "competency"):
            if seen is None:
                seen = set(
                    AttemptQuestion.objects.filter(attempt__user=user, question__isnull=False)
                    .values_list("question_id", flat=True)
                    .distinct()
                )
            pool = list(rule.candidates().exclude(pk__in=taken).values_list("pk", flat=True))
            fresh = [pk for pk in pool if pk not in seen]
            stale = [pk for pk in pool if pk in seen]
            rng.shuffle(fresh)
            rng.shuffle(stale)
            picked = (fresh + stale)[: rule.count]
            taken.update(picked)
            chosen.extend(Question.objects.filter(pk__in=picked))
        if self.shuffle_questions:
            rng.shuffle(chosen)
        return chosen

    # -- attempts --------------------------------------------------------------------------

    def attempts_of(self, user):
        """The learner's attempts of this quiz in their current course cycle."""
        return self.attempts.filter(user=user).of_current_cycles()

    def attempts_left(self, user):
        if self.attempts_allowed is None:
            return None
        used = self.attempts_of(user).count()
        return max(self.attempts_allowed - used, 0)

    def counting_key(self, number, score):
        """Which graded attempt counts, as a sort key: the attempt with the largest key counts.

        The one home of the rule: "last" = the highest number; "highest" = the best score, an
        attempt without a score below any scored one, the earliest among equals. Used by
        final_attempt (ORM rows) and the quiz card (its hand-written rows)."""
        if self.grading_method == GradingMethod.LAST:
            return (number,)
        return (score is not None, score or 0, -number)

    def counting(self, rows, number=attrgetter("number"), score=attrgetter("score")):
        """The row of `rows` (graded attempts) that counts, or None if there is none."""
        return max(rows, key=lambda row: self.counting_key(number(row), score(row)), default=None)

    def final_attempt(self, user):
        """The attempt that counts under the grading method (None before any is graded)."""
        return self.counting(self.attempts_of(user).filter(state=Attempt.State.SUBMITTED))

    def start_attempt(self, user):
        """Resume the learner's attempt in progress or start a new one.

        Returns (attempt, created). Raises AttemptRefused with a Vietnamese reason.
        """
        Attempt.objects.close_overdue(quiz=self, user=user)
        # The attempt in progress is resumed; one left open in an earlier course cycle is
        # closed with its saved answers instead (it is history, and only one attempt may be in
        # progress), and this cycle starts afresh. One query either way.
        current = (
            self.attempts.filter(user=user)
            .in_progress()
            .annotate(earlier_cycle=AttemptQuerySet.of_an_earlier_cycle())
            .first()
        )
        if current is not None and current.earlier_cycle:
            current.submit(reason=Attempt.Closure.NEW_CYCLE)
            current = None
        if current is not None:
            return current, False
        now = timezone.now()
        if not self.is_open(now):
            raise AttemptRefused(gettext("Bài kiểm tra hiện không mở."))
        left = self.attempts_left(user)
        if left == 0:
            raise AttemptRefused(gettext("Bạn đã dùng hết số lần làm bài."))
        questions = self.choose_questions(user)
        if not questions:
            raise AttemptRefused(gettext("Bài kiểm tra chưa có câu hỏi."))
        question_ids = [q.pk for q in questions]
        by_id = {q.pk: q for q in _with_own_parts(Question.objects.filter(pk__in=question_ids))}
        rng = random.SystemRandom()
        tokens = AttemptTokens()
        from lms.org.snapshots import person_of, snapshot_of

        # Where the learner works is frozen into the attempt (lms.org.snapshots).
        workplace = snapshot_of(person_of(user))
        deadline = None
        if self.time_limit_minutes:
            deadline = now + timedelta(minutes=self.time_limit_minutes)
        if self.closes_at and (deadline is None or self.closes_at < deadline):
            deadline = self.closes_at
        try:
            with transaction.atomic():
                # Numbered over every cycle: the number is unique per quiz and learner.
                number = (
                    self.attempts.filter(user=user).aggregate(n=models.Max("number"))["n"] or 0
                ) + 1
                attempt = Attempt.objects.create(
                    quiz=self,
                    user=user,
                    number=number,
                    started_at=now,
                    deadline=deadline,
                    pass_mark=self.pass_mark,
                    review_policy=self.review_policy,
                    question_count=len(question_ids),
                    **workplace,
                )
                AttemptQuestion.objects.bulk_create(
                    AttemptQuestion(
                        attempt=attempt,
                        position=index + 1,
                        question_id=pk,
                        question_version=by_id[pk].version,
                        snapshot=by_id[pk].build_snapshot(rng, self.shuffle_choices, tokens),
                    )
                    for index, pk in enumerate(question_ids)
                )
        except IntegrityError:
            # A second tab or a double click started one at the same moment: resume that one.
            current = self.attempts_of(user).filter(state=Attempt.State.IN_PROGRESS).first()
            if current is None:
                raise
            return current, False
        return attempt, True


def _audit_text(quiz, name, value):
    """A setting's value as the log shows it (choice labels, dd/mm/yyyy, "—" for empty)."""
    if value is None or value == "":
        return "—"
    field = quiz._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
    return str(value)


class AttemptRefused(Exception):
    pass


# The child rows each question type's snapshot is built from (Question.build_snapshot).
PARTS_OF_TYPE = {
    QuestionType.SINGLE: "choices",
    QuestionType.MULTIPLE: "choices",
    QuestionType.TRUEFALSE: "choices",
    QuestionType.SHORT: "short_answers",
    QuestionType.MATCHING: "pairs",
    QuestionType.ORDERING: "order_items",
    QuestionType.NUMERICAL: "numerical_answers",
}


def _with_own_parts(questions):
    """The questions with only the child rows their type uses, prefetched: one query per part
    kind present (not all five for every question), and Django's per-object prefetch work for
    one relation per question instead of five. A type missing from PARTS_OF_TYPE gets them all.
    """
    questions = list(questions)
    by_relation = {}
    for question in questions:
        relation = PARTS_OF_TYPE.get(question.qtype)
        relations = [relation] if relation else sorted(set(PARTS_OF_TYPE.values()))
        for name in relations:
            by_relation.setdefault(name, []).append(question)
    for name, group in by_relation.items():
        models.prefetch_related_objects(group, name)
    return questions


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question,
        verbose_name=_("câu hỏi"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("câu hỏi cố định")
        verbose_name_plural = _("câu hỏi cố định")


class RandomRule(Orderable):
    """N random questions from a category (with its sub-categories) and/or a competency."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="random_rules")
    count = models.PositiveSmallIntegerField(
        _("số câu"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("từ danh mục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    include_subcategories = models.BooleanField(_("gồm cả danh mục con"), default=True)
    competency = models.ForeignKey(
        "courses.Competency",
        verbose_name=_("theo năng lực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("count"), FieldPanel("category"), FieldPanel("competency")]),
        FieldPanel("include_subcategories"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("quy tắc chọn ngẫu nhiên")
        verbose_name_plural = _("quy tắc chọn ngẫu nhiên")

    def clean(self):
        if not self.category_id and not self.competency_id:
            raise ValidationError(_("Chọn một danh mục hoặc một năng lực."))

    def candidates(self):
        questions = Question.objects.active()
        if self.category_id:
            questions = questions.in_category(self.category, self.include_subcategories)
        if self.competency_id:
            questions = questions.filter(competencies=self.competency_id)
        return questions


# ---------------------------------------------------------------------------------------------
# Attempts


class AttemptQuerySet(models.QuerySet):
    def of_current_cycles(self):
        """Attempts made in the learner's current cycle of the quiz's course. When a yearly
        refresher opens a new cycle (courses recertification: a new current enrolment, cycle 2
        or later), attempts started before it are history: they neither use up the new cycle's
        allowance nor count as its pass. In a first cycle every attempt counts (also one made
        before enrolling). The one home of that rule; no extra query (a subquery)."""
        return self.exclude(self.of_an_earlier_cycle())

    @staticmethod
    def of_an_earlier_cycle():
        """True for an attempt started before a later cycle of its course opened (an
        expression over the attempt row, for filters and annotations)."""
        from courses.models import Enrolment, ModulePage

        module_path = OuterRef("quiz__module__path")
        parent_path = Substr(module_path, 1, Length(module_path) - ModulePage.steplen)
        newer_cycle = (
            Enrolment.objects.current()
            .filter(
                user_id=OuterRef("user_id"), cycle__gt=1, enrolled_at__gt=OuterRef("started_at")
            )
            .filter(Q(course_id=OuterRef("quiz__course_id")) | Q(course__path=parent_path))
        )
        return Exists(newer_cycle)

    def in_progress(self):
        return self.filter(state=Attempt.State.IN_PROGRESS)

    def submitted(self):
        return self.filter(state=Attempt.State.SUBMITTED)

    def overdue(self, now=None):
        return self.in_progress().filter(deadline__lt=Attempt.closed_before(now))

    def summary_rows(self, quiz_id, user_id, since=None):
        """(pk, state, number, score, passed) of each of the user's attempts at the quiz (only
        those started at or after `since`: the start of a later course cycle, see
        of_current_cycles; the caller knows it from the enrolment on the page).

        Asked by every page that shows a quiz card, so it is one hand-written statement (quoted
        identifiers from the model; values as parameters) instead of a compiled ORM query."""
        connection = connections[self.db]
        quote = connection.ops.quote_name
        opts = self.model._meta
        names = ("id", "state", "number", "score", "passed")
        columns = ", ".join(quote(opts.get_field(name).column) for name in names)
        quiz, user = (quote(opts.get_field(name).column) for name in ("quiz", "user"))
        sql = f"SELECT {columns} FROM {quote(opts.db_table)} WHERE {quiz} = %s AND {user} = %s"  # noqa: S608
        params = [quiz_id, user_id]
        if since is not None:
            started = opts.get_field("started_at")
            sql += f" AND {quote(started.column)} >= %s"
            params.append(started.get_db_prep_value(since, connection))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        # The database's own value conversions, as the ORM applies them (SQLite decimals).
        score = opts.get_field("score").get_col(opts.db_table)
        converters = connection.ops.get_db_converters(score) + score.get_db_converters(connection)
        result = []
        for pk, state, number, value, passed in rows:
            for converter in converters:
                value = converter(value, score, connection)
            result.append((pk, state, number, value, bool(passed) if passed is not None else None))
        return result

    def close_overdue(self, now=None, **filters):
        """Submit every overdue attempt with the answers it saved; returns how many."""
        closed = 0
        for pk in self.overdue(now).filter(**filters).values_list("pk", flat=True):
            if Attempt.objects.get(pk=pk).submit(reason=Attempt.Closure.DEADLINE):
                closed += 1
        return closed


class Attempt(WorkplaceSnapshot):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Đang làm")
        SUBMITTED = "submitted", _("Đã nộp")

    class Closure(models.TextChoices):
        LEARNER = "learner", _("Học viên nộp")
        DEADLINE = "deadline", _("Tự nộp khi hết giờ")
        NEW_CYCLE = "new_cycle", _("Tự nộp khi mở đợt học mới")

    quiz = models.ForeignKey(
        Quiz, verbose_name=_("bài kiểm tra"), on_delete=models.PROTECT, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("học viên"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    number = models.PositiveSmallIntegerField(_("lần thứ"))
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=State.choices, default=State.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    deadline = models.DateTimeField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    closed_by = models.CharField(_("cách nộp"), max_length=20, choices=Closure.choices, blank=True)
    score = models.DecimalField(
        _("điểm (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("đạt"), null=True)
    # Frozen at the start: the quiz's settings may change later.
    pass_mark = models.DecimalField(_("điểm đạt (%)"), max_digits=5, decimal_places=2)
    question_count = models.PositiveSmallIntegerField(_("số câu hỏi"), default=0)
    review_policy = models.CharField(max_length=20, choices=ReviewPolicy.choices)
    # Where the learner worked at the start (WorkplaceSnapshot; rule 2: history is immutable).

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("lần làm bài")
        verbose_name_plural = _("lần làm bài")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="quizzes_attempt_unique_number"
            ),
            # Never two attempts in progress: a second tab resumes the first.
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(state="in_progress"),
                name="quizzes_attempt_one_in_progress",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "state", "submitted_at"]),
            models.Index(fields=["state", "deadline"]),
            models.Index(fields=["user", "quiz"]),
        ]

    def __str__(self):
        return f"{self.quiz} – {self.user} – {self.number}"

    @property
    def is_in_progress(self):
        return self.state == self.State.IN_PROGRESS

    @staticmethod
    def closed_before(now=None):
        """An attempt whose deadline is earlier than this takes no more answers (deadline +
        grace < now): the same rule as closes_at, in the form a query filters with."""
        return (now or timezone.now()) - DEADLINE_GRACE

    @property
    def closes_at(self):
        """When the attempt stops taking answers: its deadline plus the grace for saves that
        were in flight (None without a time limit)."""
        return None if self.deadline is None else self.deadline + DEADLINE_GRACE

    def is_overdue(self, now=None):
        now = now or timezone.now()
        return self.closes_at is not None and now > self.closes_at

    def seconds_left(self, now=None):
        if self.deadline is None:
            return None
        now = now or timezone.now()
        return max(int((self.deadline - now).total_seconds()), 0)

    @property
    def review_level(self):
        """The review policy frozen at the start (what the quiz promised); what may be shown
        now is `visible_review_level`."""
        return REVIEW_LEVEL[self.review_policy]

    def visible_review_level(self, now=None):
        """The review level the learner's result page may use now (quizzes.display levels).

        The attempt's review policy while the quiz's right answers are released
        (Quiz.answers_released), else the score only: "right or wrong" per question is the
        answer itself on a true/false question, and across retries on a choice question."""
        level = self.review_level
        score_only = REVIEW_LEVEL[ReviewPolicy.SCORE]
        if level > score_only and not self.quiz.answers_released(self.user, now):
            level = score_only
        return level

    def check_open(self, now=None):
        """(True, "") if answers may still be saved, else (False, "closed" | "overdue")."""
        if self.state != self.State.IN_PROGRESS:
            return False, "closed"
        if self.is_overdue(now):
            return False, "overdue"
        return True, ""

    def write_responses(self, responses, now=None, flags=None):
        """Store validated responses {attempt_question_id: response-or-None}, and the review
        marks {attempt_question_id: bool} when given. The caller holds the attempt row lock
        (see `save_responses`)."""
        now = now or timezone.now()
        flags = flags or {}
        rows = [
            AttemptQuestion(pk=pk, response=response, answered_at=now, flagged=flags.get(pk, False))
            for pk, response in responses.items()
        ]
        fields = ["response", "answered_at"] + (["flagged"] if flags else [])
        if len(rows) == 1:
            AttemptQuestion.objects.filter(pk=rows[0].pk, attempt_id=self.pk).update(
                **{name: getattr(rows[0], name) for name in fields}
            )
        elif rows:
            AttemptQuestion.objects.bulk_update(rows, fields)

    def save_responses(self, responses, now=None, flags=None):
        """Lock the attempt row, check it is still open, store the responses. Returns (ok, reason).

        The lock means a submit can never grade while a save is half-way: a save either lands
        before the grading or is refused.
        """
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().only("state", "deadline").get(pk=self.pk)
            ok, reason = locked.check_open(now)
            if ok:
                locked.write_responses(responses, now, flags)
        return ok, reason

    def submit(self, reason=Closure.LEARNER, now=None):
        """Grade and close the attempt exactly once. Returns True if this call graded it.

        The attempt row is locked (SELECT ... FOR UPDATE) and its state re-checked inside the
        transaction, so ten simultaneous submits produce one graded result.
        """
        from . import services

        now = now or timezone.now()
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(pk=self.pk)
            if locked.state != self.State.IN_PROGRESS:
                self.refresh_from_db()
                return False
            items = list(locked.questions.all())
            for item in items:
                item.score = grading.grade(item.snapshot, item.response)
            if items:
                AttemptQuestion.objects.bulk_update(items, ["score"])
            locked.score = grading.percent([item.score for item in items])
            locked.passed = locked.score >= locked.pass_mark
            locked.state = self.State.SUBMITTED
            locked.submitted_at = now
            locked.closed_by = reason
            locked.save(update_fields=["score", "passed", "state", "submitted_at", "closed_by"])
            services.attempt_graded(locked)
        self.refresh_from_db()
        return True


def store_response(attempt_id, item_id, response, user_id, now=None, flagged=None):
    """Save one answer in a single guarded statement (the autosave fast path).

    The UPDATE only matches while the attempt is `user_id`'s, in progress and within deadline +
    grace; on
    PostgreSQL the sub-select takes a share lock on the attempt row, so it waits for a submit
    holding the row (SELECT ... FOR UPDATE) and then sees it submitted: an answer is either
    stored before grading or refused, never stored unseen. SQLite serialises writers anyway.
    Returns True if stored. `flagged` (the review mark) is stored too unless None.
    """
    now = now or timezone.now()
    quote = connection.ops.quote_name
    flag_sql = "" if flagged is None else f", {quote('flagged')} = %s"
    response_field = AttemptQuestion._meta.get_field("response")
    answered_field = AttemptQuestion._meta.get_field("answered_at")
    deadline_field = Attempt._meta.get_field("deadline")
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    # Only quoted model table/column names are interpolated; every value is a parameter.
    sql = (
        f"UPDATE {quote(AttemptQuestion._meta.db_table)} SET {quote('response')} = %s, "  # noqa: S608
        f"{quote('answered_at')} = %s{flag_sql} WHERE {quote('id')} = %s AND {quote('attempt_id')} = ("
        f"SELECT {quote('id')} FROM {quote(Attempt._meta.db_table)} WHERE {quote('id')} = %s "
        f"AND {quote('user_id')} = %s AND {quote('state')} = %s "
        f"AND ({quote('deadline')} IS NULL OR {quote('deadline')} >= %s){lock})"
    )
    params = [
        response_field.get_db_prep_save(response, connection),
        answered_field.get_db_prep_save(now, connection),
        *([] if flagged is None else [bool(flagged)]),
        item_id,
        attempt_id,
        user_id,
        Attempt.State.IN_PROGRESS.value,
        deadline_field.get_db_prep_save(Attempt.closed_before(now), connection),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount == 1


class AttemptQuestion(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        Question,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempt_items",
    )
    question_version = models.PositiveIntegerField(default=1)
    snapshot = models.JSONField()
    response = models.JSONField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # The learner's "đánh dấu xem lại" mark, saved with the answer (autosave or page post).
    flagged = models.BooleanField(_("đánh dấu xem lại"), default=False)
    # 0..1, set when graded.
    score = models.DecimalField(max_digits=6, decimal_places=5, null=True, blank=True)

    class Meta:
        verbose_name = _("câu hỏi trong lần làm bài")
        verbose_name_plural = _("câu hỏi trong lần làm bài")
        ordering = ["attempt_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="quizzes_aq_unique_position"
            ),
        ]

    def __str__(self):
        return f"{self.attempt_id}#{self.position}"

    @property
    def qtype(self):
        return self.snapshot.get("type")


def quiz_for_module(module_page):
    """The knowledge check attached to a module page, or None (for the courses templates)."""
    if module_page is None or not getattr(module_page, "pk", None):
        return None
    return Quiz.objects.filter(module_id=module_page.pk).first()


__all__ = [
    "Attempt",
    "AttemptQuestion",
    "AnswerRelease",
    "AttemptRefused",
    "AttemptTokens",
    "Category",
    "Choice",
    "GradingMethod",
    "GradingMode",
    "MatchPair",
    "NumericalAnswer",
    "OrderItem",
    "Question",
    "QuestionType",
    "Quiz",
    "QuizQuestion",
    "RandomRule",
    "ReviewPolicy",
    "ShortAnswer",
    "quiz_for_module",
]
