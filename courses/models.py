"""Courses: the page tree (catalogue → course → module), competencies, enrolment and progress.
The yearly tiết ledger is its own app (training).

Progress is written only by the server (courses/completion.py, the completion service): reading time the server measured
itself (ModuleReading), an H5P statement at the module's pass mark, a passed quiz. Nothing here
trusts a value posted by a browser, and nothing completes as a side effect of rendering a page.
"""

from datetime import timedelta
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models
from django.db.models import Exists, OuterRef, Q, Value
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from content.blocks import ContentStreamBlock
from lms.org.access import can_study
from lms.org.roles import ADMINISTRATOR, HOME_AFFAIRS, TRAINER, has_role
from lms.org.snapshots import WorkplaceSnapshot

from .routing import ViewRestrictionsInOneQueryMixin

# Staff who may read lessons without enrolling (reviewing content); they never earn progress.
STAFF_READERS = (TRAINER, HOME_AFFAIRS, ADMINISTRATOR)


class Track(models.TextChoices):
    ALL_STAFF = "A", _("A – Mọi cán bộ, công chức")
    DATA_HANDLING = "B", _("B – Bộ phận một cửa, xử lý dữ liệu")
    LEADERS = "C", _("C – Lãnh đạo")
    IT_FOCAL = "D", _("D – Đầu mối công nghệ thông tin")


class TracksFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=Track.choices, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return list(value)
        return value

    def clean(self, value):
        return "".join(sorted(set(super().clean(value))))

    def has_changed(self, initial, data):
        return "".join(sorted(set(initial or ""))) != "".join(sorted(set(data or "")))


class TracksField(models.CharField):
    """A set of tracks (A–D) stored as a sorted string like "AC"; edited with checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 4)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return TracksFormField(
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def module_required_for(module_tracks, enrolment_tracks):
    """A module with no tracks is for everyone; else for enrolments sharing one of its tracks."""
    return not module_tracks or bool(set(module_tracks) & set(enrolment_tracks or Track.ALL_STAFF))


def track_labels(tracks):
    labels = dict(Track.choices)
    return [labels[letter] for letter in tracks if letter in labels]


class CompetencyQuerySet(models.QuerySet):
    def for_slugs(self, slugs, names=None):
        """The competencies with these slugs, creating missing ones (name from `names` or slug)."""
        names = names or {}
        existing = {c.slug: c for c in self.filter(slug__in=slugs)}
        for slug in slugs:
            if slug not in existing:
                existing[slug] = self.create(
                    slug=slug, name=names.get(slug, slug.replace("-", " ").capitalize())
                )
        return [existing[slug] for slug in slugs]


class Competency(models.Model):
    """A syllabus competency / topic tag, shared by courses, modules and quiz questions."""

    name = models.CharField(_("tên năng lực"), max_length=200)
    slug = models.SlugField(_("mã"), max_length=100, unique=True, allow_unicode=False)
    description = models.TextField(_("mô tả"), blank=True)

    objects = CompetencyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        verbose_name = _("năng lực")
        verbose_name_plural = _("năng lực")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CourseIndexPage(ViewRestrictionsInOneQueryMixin, Page):
    """The catalogue: lists the published courses a learner may take."""

    intro = models.TextField(
        _("giới thiệu"),
        blank=True,
        help_text=_("Một đoạn ngắn ở đầu danh mục khóa học."),
    )

    parent_page_types = ["content.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("danh mục khóa học")

    def courses(self):
        return CoursePage.objects.child_of(self).live().order_by("path")

    def courses_for(self, user):
        """The live courses `user` may take: open to everyone, aimed at one of their positions, or
        already theirs. Staff see every course."""
        courses = self.courses()
        if not user.is_authenticated or user.is_superuser or has_role(user, *STAFF_READERS):
            return courses
        from lms.org.access import audience_q

        return courses.filter(audience_q(user) | Q(enrolments__user=user)).distinct()

    def route(self, request, path_components):
        """Course and module URLs: the one router, courses.routing.resolve (its middleware
        usually answers before Wagtail's tree walk reaches here)."""
        if not path_components:
            return super().route(request, path_components)
        from .routing import resolve

        result = resolve(self.url_path, path_components)
        if result is None:
            raise Http404
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = list(self.courses_for(request.user))
        enrolments = {}
        if request.user.is_authenticated:
            enrolments = {
                e.course_id: e
                for e in Enrolment.objects.current().filter(
                    user=request.user, course__in=[c.pk for c in courses]
                )
            }
        context["course_rows"] = [(course, enrolments.get(course.pk)) for course in courses]
        return context


class CoursePage(ViewRestrictionsInOneQueryMixin, Page):
    summary = models.TextField(
        _("tóm tắt"), help_text=_("Hai, ba câu: khóa học dành cho ai, học gì.")
    )
    objectives = models.TextField(
        _("mục tiêu học tập"),
        blank=True,
        help_text=_("Mỗi dòng một mục tiêu, bắt đầu bằng “Sau khóa học, học viên có thể…”."),
    )
    audience_positions = ParentalManyToManyField(
        "org.Position",
        verbose_name=_("chức danh đối tượng"),
        blank=True,
        related_name="+",
        help_text=_("Bỏ trống nếu khóa học dành cho mọi chức danh."),
    )
    tracks = TracksField(_("nhóm nội dung"), help_text=_("Các nhóm đối tượng của khóa học."))
    tiet = models.DecimalField(
        _("số tiết được tính"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("0"),
        help_text=_("Số tiết cộng vào sổ 40 tiết/năm khi hoàn thành (1 tiết = 45 phút)."),
    )
    estimated_minutes = models.PositiveIntegerField(
        _("thời lượng dự kiến (phút)"),
        default=0,
        help_text=_("Tổng thời gian học dự kiến."),
    )
    competencies = ParentalManyToManyField(
        Competency,
        verbose_name=_("năng lực"),
        blank=True,
        related_name="courses",
        help_text=_("Các năng lực (chủ đề) của chương trình mà khóa học bồi dưỡng."),
    )
    is_mandatory = models.BooleanField(
        _("bắt buộc"),
        default=False,
        help_text=_("Khóa học bắt buộc với đối tượng đã chọn."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("hiệu lực chứng nhận (tháng)"),
        default=0,
        help_text=_("0 = chứng nhận không hết hạn."),
    )
    certificate_prefix = models.CharField(
        _("tiền tố số hiệu chứng nhận"),
        max_length=12,
        default="ATTT",
        validators=[RegexValidator(r"^[A-Z0-9]{1,12}$", _("Chỉ chữ in hoa không dấu và chữ số."))],
        help_text=_("Số hiệu có dạng TIỀNTỐ-NĂM-000123, đánh liên tục theo tiền tố và năm."),
    )
    recert_month = models.PositiveSmallIntegerField(
        _("tháng bồi dưỡng lại hằng năm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Bỏ trống nếu không bồi dưỡng lại định kỳ. Ví dụ: tháng 8."),
    )
    recert_day = models.PositiveSmallIntegerField(
        _("ngày bồi dưỡng lại hằng năm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Ví dụ: ngày 6 (Ngày An ninh mạng Việt Nam 6/8)."),
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("tracks"), FieldPanel("audience_positions"), FieldPanel("is_mandatory")],
            heading=_("Đối tượng"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("tiet"),
                FieldPanel("estimated_minutes"),
                FieldPanel("certificate_validity_months"),
                FieldPanel("certificate_prefix"),
                FieldPanel("recert_month"),
                FieldPanel("recert_day"),
            ],
            heading=_("Thời lượng và đánh giá"),
        ),
        FieldPanel("competencies"),
    ]

    class Meta:
        verbose_name = _("khóa học")
        verbose_name_plural = _("khóa học")

    def modules(self):
        """The live modules, in order, without their bodies (lists never need them)."""
        return ModulePage.objects.child_of(self).live().defer("body").order_by("path")

    def has_final_test(self):
        """A course with a final test (a quiz attached to it) completes only once it is passed."""
        related = getattr(self, "final_tests", None)
        return related is not None and related.exists()

    @property
    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @property
    def track_labels(self):
        return track_labels(self.tracks)

    def enrolment_for(self, user):
        """The user's enrolment (kept on the page: asked once per request)."""
        if not hasattr(self, "_enrolment"):
            # At most one current row (one current cycle per user and course): no ORDER BY.
            found = (
                list(
                    Enrolment.objects.current()
                    .filter(user_id=user.pk, course_id=self.pk)
                    .order_by()[:1]
                )
                if user.is_authenticated
                else []
            )
            enrolment = found[0] if found else None
            if enrolment is not None:
                enrolment.course = self
            self._enrolment = enrolment
        return self._enrolment

    def get_context(self, request, *args, **kwargs):
        from .progress import CourseProgress

        context = super().get_context(request, *args, **kwargs)
        # Routed pages carry their cached outline (courses.outline); previews read the tree.
        outline = getattr(self, "_outline", None)
        modules = outline.modules() if outline is not None else list(self.modules())
        enrolment = self.enrolment_for(request.user)
        url = self.get_url(request) or ""
        context["catalogue_url"] = url[: url.rstrip("/").rfind("/") + 1]
        # A module's URL is always its course's URL plus its slug: one URL computation, not 30.
        context["course_url"] = url
        context["modules"] = modules
        context["enrolment"] = enrolment
        context["progress"] = CourseProgress.for_enrolment(enrolment, self, modules)
        return context


class ModulePageQuerySet(PageQuerySet):
    def with_completion(self, user):
        """Annotate `is_done`: has `user` completed the module? (no extra query per module)"""
        if user is None or not user.is_authenticated:
            return self.annotate(is_done=Value(False, output_field=models.BooleanField()))
        done = ModuleProgress.objects.filter(
            user=user, module=OuterRef("pk"), status=ModuleProgress.Status.COMPLETED
        )
        return self.annotate(is_done=Exists(done))


class CompletionRule(models.TextChoices):
    VIEWED = "viewed", _("Xem hết nội dung")
    H5P = "h5p", _("Hoàn thành hoạt động H5P")
    QUIZ = "quiz", _("Đạt bài kiểm tra")


# Reading evidence for the "viewed" rule: the server-measured time a learner must spend on a
# lesson is half its estimated duration, at least one minute and at most twenty. Half, because
# the estimate covers the exercises, the knowledge check and reflection, not only reading; one
# minute, so that no lesson (even one with no estimate) completes at a glance; twenty, so that a
# 4-tiết module does not ask an official to keep a tab open for hours on an old desktop: long
# modules are assessed by their quiz, which then decides completion on its own.
READING_SHARE = 0.5
READING_FLOOR_SECONDS = 60
READING_CAP_SECONDS = 20 * 60


def required_reading_seconds(estimated_minutes):
    seconds = round(READING_SHARE * (estimated_minutes or 0) * 60)
    return max(READING_FLOOR_SECONDS, min(READING_CAP_SECONDS, seconds))


def course_path_of(module_path):
    """The tree path of the course holding the module at `module_path` (its parent page)."""
    return module_path[: -Page.steplen]


class ModulePage(ViewRestrictionsInOneQueryMixin, Page):
    summary = models.TextField(
        _("tóm tắt"), blank=True, help_text=_("Một, hai câu giới thiệu bài học.")
    )
    objectives = models.TextField(
        _("mục tiêu"),
        blank=True,
        help_text=_("Mỗi dòng một mục tiêu, bắt đầu bằng “Sau bài này, học viên có thể…”."),
    )
    body = StreamField(
        ContentStreamBlock(),
        verbose_name=_("nội dung bài học"),
        blank=True,
        help_text=_("Nội dung bài học, ghép từ các khối: đoạn văn, hình, video, tình huống…"),
    )
    estimated_minutes = models.PositiveIntegerField(_("thời lượng dự kiến (phút)"), default=0)
    tiet = models.DecimalField(_("số tiết"), max_digits=5, decimal_places=1, default=Decimal("0"))
    completion_rule = models.CharField(
        _("điều kiện hoàn thành"),
        max_length=10,
        choices=CompletionRule.choices,
        default=CompletionRule.VIEWED,
        help_text=_(
            "Khi nào bài học được tính là hoàn thành; máy chủ ghi nhận, không dựa vào trình duyệt. "
            "Bài học có bài kiểm tra kiến thức chỉ hoàn thành khi học viên đạt bài kiểm tra đó, "
            "dù chọn điều kiện nào. “Xem hết nội dung” cần thời gian học tối thiểu bằng nửa thời "
            "lượng dự kiến (ít nhất 1 phút, nhiều nhất 20 phút), do máy chủ đo."
        ),
    )
    h5p_pass_percent = models.PositiveSmallIntegerField(
        _("ngưỡng đạt hoạt động H5P (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Tỉ lệ điểm tối thiểu (1–100 %) mà một kết quả H5P phải đạt để bài học được tính là "
            "hoàn thành, khi điều kiện hoàn thành là hoạt động H5P. Kết quả báo “chưa đạt” không "
            "bao giờ được tính."
        ),
    )
    tracks = TracksField(
        _("nhóm nội dung"),
        help_text=_(
            "Bài học bắt buộc với học viên thuộc các nhóm này; bỏ trống = bắt buộc với mọi người."
        ),
    )
    competencies = ParentalManyToManyField(
        Competency,
        verbose_name=_("năng lực"),
        blank=True,
        related_name="modules",
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    objects = PageManager.from_queryset(ModulePageQuerySet)()

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("tiet"),
                FieldPanel("completion_rule"),
                FieldPanel("h5p_pass_percent"),
                FieldPanel("tracks"),
                FieldPanel("competencies"),
            ],
            heading=_("Thời lượng, đối tượng và hoàn thành"),
        ),
    ]

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")

    @property
    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @property
    def track_labels(self):
        return track_labels(self.tracks)

    @property
    def required_reading_seconds(self):
        return required_reading_seconds(self.estimated_minutes)

    def has_quiz(self):
        """Is a knowledge check attached to this module? Read from the database (completion is
        decided from the database, never from a cache)."""
        from quizzes.models import Quiz

        return bool(self.pk) and Quiz.objects.filter(module_id=self.pk).exists()

    def effective_completion_rule(self, has_quiz=None):
        """The rule that decides completion (courses.completion.module_rule)."""
        from .completion import module_rule

        return module_rule(self, has_quiz)

    def page_quiz(self):
        """The knowledge check shown on the page, from the content cache the quiz card reads
        (no query on a warm page); for display only, never for deciding completion."""
        from quizzes.templatetags.quizzes_tags import quiz_for_page

        return quiz_for_page(self) if self.pk else None

    def accepts_completion_from(self, source, has_quiz=None):
        """A module completes only on the kind of evidence its effective rule names: reading
        time for "viewed", an H5P result for "h5p", a passed quiz for "quiz"."""
        return source == self.effective_completion_rule(has_quiz)

    def is_required_for(self, enrolment_tracks):
        return module_required_for(self.tracks, enrolment_tracks)

    @property
    def course_path(self):
        """The tree path of this module's course (its parent): "find a module's course"."""
        return course_path_of(self.path)

    def get_course(self):
        course = getattr(self, "course", None)
        if course is None:
            course = CoursePage.objects.filter(path=self.course_path).first()
            self.course = course
        return course

    def _resolve_for(self, request):
        """The course and the user's enrolment: one simple query when the course is known
        (routed pages), else one query joining the course."""
        enrolment = None
        course = getattr(self, "course", None)
        if request.user.is_authenticated:
            if course is not None:
                enrolment = course.enrolment_for(request.user)
            else:
                enrolment = (
                    Enrolment.objects.current()
                    .select_related("course")
                    .filter(user=request.user, course__path=self.course_path)
                    .first()
                )
                if enrolment is not None:
                    self.course = enrolment.course
        self._enrolment = enrolment
        return self.get_course(), enrolment

    def serve(self, request, *args, **kwargs):
        course, _enrolment = self._resolve_for(request)
        if course is None or not (course.live or getattr(request, "is_preview", False)):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .progress import CourseProgress
        from .services import record_module_opened

        context = super().get_context(request, *args, **kwargs)
        if not hasattr(self, "_enrolment"):
            self._resolve_for(request)
        course, enrolment = self.get_course(), self._enrolment
        modules = getattr(self, "_outline_modules", None)
        if modules is None:
            modules = list(course.modules()) if course else []
        progress = CourseProgress.for_enrolment(enrolment, course, modules)
        studies = can_study(request.user, self, request=request, enrolment=enrolment)
        rule = self.effective_completion_rule(has_quiz=self.page_quiz() is not None)
        reading = None
        if (
            request.method == "GET"
            and studies
            and rule == CompletionRule.VIEWED
            and not progress.is_complete(self)
            # A preview is an editor's look at a draft, not a learner's visit.
            and not getattr(request, "is_preview", False)
        ):
            # Rendering completes nothing: it starts (once) the server's reading clock, and the
            # page offers the heartbeat and the "Tôi đã học xong bài này" button.
            record_module_opened(request.user, self)
            reading = {
                "required_minutes": -(-self.required_reading_seconds // 60),
                "beat_seconds": ModuleReading.BEAT_SECONDS,
            }
        context.update(
            course=course,
            course_url=(course.get_url(request) or "") if course else "",
            modules=modules,
            enrolment=enrolment,
            progress=progress,
            reading=reading,
            completion_label=CompletionRule(rule).label,
            can_study=studies
            or getattr(request, "is_preview", False)
            or request.user.is_superuser
            or has_role(request.user, *STAFF_READERS),
            previous_module=progress.neighbour(self, -1),
            next_module=progress.neighbour(self, 1),
        )
        return context


class EnrolmentQuerySet(models.QuerySet):
    def current(self):
        """Only the current cycle of each (user, course): the one place that says which
        enrolment is "the" enrolment (older cycles are history)."""
        return self.filter(is_current=True)

    def current_for(self, user, course):
        """The current enrolment of `user` (or id) in `course` (or id), or None."""
        return (
            self.current()
            .filter(user_id=getattr(user, "pk", user), course_id=getattr(course, "pk", course))
            .order_by()
            .first()
        )

    def for_user(self, user):
        return self.filter(user=user)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def open(self):
        return self.filter(completed_at__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def enrol(self, user, course, *, source="self", due_date=None, assigned_by=None):
        """Enrol `user` in `course` (idempotent); snapshots where they work now."""
        from lms.org.snapshots import person_of, snapshot_of

        person = person_of(user)
        return self.current().get_or_create(
            user=user,
            course=course,
            defaults={
                "source": source,
                "due_date": due_date,
                "assigned_by": assigned_by,
                "tracks": Enrolment.default_tracks(person),
                **snapshot_of(person),
            },
        )

    def assign_people(self, people, course, *, due_date, assigned_by, tracks=Track.ALL_STAFF):
        """Enrol every person of `people` not yet enrolled, in a constant number of queries.

        Existing enrolments are left alone (their progress and due date stay). Returns
        (created, already_enrolled) counts."""
        from lms.org.snapshots import people_for_snapshots, snapshot_of

        people = list(people_for_snapshots(people))
        existing = set(
            self.current()
            .filter(course=course, user_id__in=[p.user_id for p in people])
            .values_list("user_id", flat=True)
        )
        now = timezone.now()
        new = []
        for person in people:
            if person.user_id in existing:
                continue
            leads = any(held.position.is_leader for held in person.held_positions.all())
            new.append(
                Enrolment(
                    user_id=person.user_id,
                    course=course,
                    source=Enrolment.Source.ASSIGNED,
                    assigned_by=assigned_by,
                    due_date=due_date,
                    enrolled_at=now,
                    tracks="".join(sorted(set(tracks) | ({Track.LEADERS} if leads else set()))),
                    **snapshot_of(person),
                )
            )
        self.bulk_create(new, ignore_conflicts=True, batch_size=500)
        return len(new), len(existing)


class Enrolment(WorkplaceSnapshot):
    class Source(models.TextChoices):
        SELF = "self", _("Tự đăng ký")
        ASSIGNED = "assigned", _("Được giao")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("học viên"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("khóa học"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    # Where the learner worked when enrolled (WorkplaceSnapshot): later moves rewrite nothing.
    tracks = TracksField(_("nhóm nội dung"), help_text=_("Quyết định bài học nào là bắt buộc."))
    source = models.CharField(
        _("hình thức"), max_length=10, choices=Source.choices, default=Source.SELF
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người giao"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("ngày ghi danh"), default=timezone.now)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    final_test_passed_at = models.DateTimeField(
        _("đạt bài kiểm tra cuối khóa lúc"), null=True, blank=True
    )
    completed_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    # Recertification: each cycle (1, 2, ...) of a course is its own enrolment; only the latest
    # is current (EnrolmentQuerySet.current), the older ones are kept as history.
    cycle = models.PositiveSmallIntegerField(_("đợt"), default=1)
    is_current = models.BooleanField(_("đợt hiện tại"), default=True, editable=False)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("ghi danh")
        verbose_name_plural = _("ghi danh")
        ordering = ["-enrolled_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "cycle"], name="enrolment_unique_user_course_cycle"
            ),
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(is_current=True),
                name="enrolment_one_current_cycle",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "completed_at"]),
            models.Index(fields=["unit", "course"]),
        ]

    def __str__(self):
        return f"{self.user} – {self.course_id}"

    def is_overdue(self, today=None):
        return (
            self.completed_at is None
            and self.due_date is not None
            and self.due_date < (today or timezone.localdate())
        )

    @staticmethod
    def default_tracks(person):
        """A for everyone; C for holders of a leading position."""
        tracks = {Track.ALL_STAFF}
        if person is not None and person.held_positions.filter(position__is_leader=True).exists():
            tracks.add(Track.LEADERS)
        return "".join(sorted(tracks))


class ModuleProgressQuerySet(models.QuerySet):
    def completed_module_ids(self, user_id, module_ids):
        """The ids among `module_ids` that the user has completed.

        Every course and module page asks this once per request, so it is one hand-written
        statement (table and column names from the model; values as parameters): the ORM would
        spend longer compiling it than the database spends answering it."""
        module_ids = [int(pk) for pk in module_ids]
        if not module_ids:
            return set()
        connection = connections[self.db]
        quote = connection.ops.quote_name
        opts = self.model._meta
        column = {name: quote(opts.get_field(name).column) for name in ("user", "module", "status")}
        placeholders = ", ".join(["%s"] * len(module_ids))
        # Identifiers come from the model and are quoted; every value is a parameter.
        sql = f"SELECT {column['module']} FROM {quote(opts.db_table)} WHERE {column['user']} = %s AND {column['status']} = %s AND {column['module']} IN ({placeholders})"  # noqa: S608, E501
        with connection.cursor() as cursor:
            cursor.execute(sql, [user_id, self.model.Status.COMPLETED, *module_ids])
            return {row[0] for row in cursor.fetchall()}


class ModuleProgress(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Đang học")
        COMPLETED = "completed", _("Đã hoàn thành")

    class Source(models.TextChoices):
        VIEWED = "viewed", _("Đã xem nội dung")
        H5P = "h5p", _("Hoàn thành hoạt động H5P")
        QUIZ = "quiz", _("Đạt bài kiểm tra")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="module_progress",
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.COMPLETED
    )
    source = models.CharField(_("nguồn ghi nhận"), max_length=10, choices=Source.choices)
    completed_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)

    objects = ModuleProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("tiến độ bài học")
        verbose_name_plural = _("tiến độ bài học")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="module_progress_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.module_id}: {self.status}"


class ModuleReading(models.Model):
    """The server's clock for one learner reading one lesson ("viewed" rule evidence).

    `first_opened_at` is set by the first GET of the lesson; each heartbeat the page sends while
    visible adds the time the server measured since the previous one (`last_beat_at`), at most
    BEAT_CAP_SECONDS, to `seconds`: a burst of forged beats adds nothing, a tab left hidden for
    an hour adds one beat's worth. courses.services decides completion from these rows."""

    BEAT_SECONDS = 30  # the page's heartbeat period while the tab is visible
    BEAT_CAP_SECONDS = 60  # at most this much time counted per beat (a late beat, a slow link)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("học viên"),
        on_delete=models.CASCADE,
        related_name="module_readings",
    )
    module = models.ForeignKey(
        ModulePage, verbose_name=_("bài học"), on_delete=models.CASCADE, related_name="readings"
    )
    first_opened_at = models.DateTimeField(_("mở bài lần đầu lúc"), default=timezone.now)
    last_beat_at = models.DateTimeField(_("lần ghi nhận gần nhất"), default=timezone.now)
    seconds = models.PositiveIntegerField(_("thời gian học trên trang (giây)"), default=0)

    class Meta:
        verbose_name = _("thời gian học bài")
        verbose_name_plural = _("thời gian học bài")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="module_reading_unique"),
        ]

    def __str__(self):
        return f"{self.user_id} – {self.module_id}: {self.seconds}s"

    def seconds_since_opening(self, now=None):
        """Wall time since the first opening, measured by the server (the no-JavaScript path)."""
        return max(0, int(((now or timezone.now()) - self.first_opened_at).total_seconds()))

    def add_beat(self, now=None):
        """Count the time since the previous beat, capped; whole seconds only, the remainder
        carried to the next beat. Returns the seconds added (the caller saves)."""
        now = now or timezone.now()
        elapsed = (now - self.last_beat_at).total_seconds()
        if elapsed >= self.BEAT_CAP_SECONDS:
            added = self.BEAT_CAP_SECONDS
            self.last_beat_at = now
        else:
            added = max(0, int(elapsed))
            self.last_beat_at += timedelta(seconds=added)
        self.seconds += added
        return added
