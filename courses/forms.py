"""Forms of the courses app: staff enrol a unit, a department or a position into a course, and
filter, re-date or remove enrolments in the admin list."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.lib.collation import vi_order
from lms.org.access import visible_units
from lms.org.models import Department, Position

from .models import CoursePage, Track, TracksFormField
from .staff_enrolments import DEFAULT_ORDERING, ORDERINGS, Status, filter_by_status, search_by_name


class AssignCourseForm(forms.Form):
    TARGET_UNIT = "unit"
    TARGET_DEPARTMENT = "department"
    TARGET_POSITION = "position"

    course = forms.ModelChoiceField(
        label=_("Khóa học"),
        queryset=CoursePage.objects.none(),
        error_messages={"invalid_choice": _("Khóa học không tồn tại hoặc chưa xuất bản.")},
    )
    target = forms.ChoiceField(
        label=_("Giao cho"),
        widget=forms.RadioSelect,
        choices=[
            (TARGET_UNIT, _("Toàn bộ cán bộ của một đơn vị")),
            (TARGET_DEPARTMENT, _("Một phòng ban")),
            (TARGET_POSITION, _("Một chức danh")),
        ],
        initial=TARGET_UNIT,
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        required=False,
        help_text=_(
            "Bắt buộc khi giao cho đơn vị; khi giao theo chức danh, bỏ trống = mọi đơn vị bạn quản lý."
        ),
        error_messages={
            "invalid_choice": _("Đơn vị không tồn tại hoặc ngoài phạm vi bạn quản lý.")
        },
    )
    department = forms.ModelChoiceField(
        label=_("Phòng ban"),
        queryset=None,
        required=False,
        error_messages={
            "invalid_choice": _("Phòng ban không tồn tại hoặc ngoài phạm vi bạn quản lý.")
        },
    )
    position = forms.ModelChoiceField(
        label=_("Chức danh"),
        queryset=Position.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("Chức danh không tồn tại.")},
    )
    due_date = forms.DateField(
        label=_("Hạn hoàn thành (ngày/tháng/năm)"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "invalid": _("Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.")
        },
    )
    tracks = TracksFormField(
        label=_("Nhóm nội dung bắt buộc"),
        required=False,
        help_text=_(
            "Bỏ trống = nhóm A (mọi cán bộ); nhóm C được thêm cho người giữ chức danh lãnh đạo."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = visible_units(user).active()
        self.fields["course"].queryset = CoursePage.objects.live().order_by(vi_order("title"))
        self.fields["unit"].queryset = units
        self.fields["department"].queryset = Department.objects.filter(
            unit__in=units, is_active=True
        ).select_related("unit")
        self.fields["department"].label_from_instance = lambda d: f"{d.name} – {d.unit.name}"
        self.visible_units = units

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("Hạn hoàn thành không được ở trong quá khứ."))
        return due

    def clean(self):
        data = super().clean()
        target = data.get("target")
        required = {
            self.TARGET_UNIT: "unit",
            self.TARGET_DEPARTMENT: "department",
            self.TARGET_POSITION: "position",
        }
        field = required.get(target)
        if field and not data.get(field) and field not in self.errors:
            self.add_error(
                field, _("Hãy chọn %(what)s.") % {"what": self.fields[field].label.lower()}
            )
        return data

    def people(self):
        """The active people the assignment targets, always inside the user's visible units."""
        from lms.org.models import Person

        data = self.cleaned_data
        people = Person.objects.active().filter(unit__in=self.visible_units)
        target = data["target"]
        if target == self.TARGET_UNIT:
            people = people.filter(unit=data["unit"])
        elif target == self.TARGET_DEPARTMENT:
            people = people.filter(department=data["department"])
        else:
            people = people.filter(positions=data["position"])
            if data.get("unit"):
                people = people.filter(unit=data["unit"])
        return people.distinct()

    def base_tracks(self):
        return self.cleaned_data.get("tracks") or Track.ALL_STAFF


# --- The staff "Ghi danh" list and its actions (courses/admin_views.py) ----------------------


class EnrolmentFilterForm(forms.Form):
    """GET filters of the enrolment list; every choice comes from what the user may see."""

    q = forms.CharField(label=_("Tìm theo tên hoặc mã cán bộ"), required=False, max_length=100)
    course = forms.ModelChoiceField(
        label=_("Khóa học"),
        queryset=CoursePage.objects.none(),
        required=False,
        empty_label=_("Tất cả khóa học"),
        error_messages={"invalid_choice": _("Khóa học không tồn tại.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        required=False,
        empty_label=_("Tất cả đơn vị"),
        error_messages={
            "invalid_choice": _("Đơn vị không tồn tại hoặc ngoài phạm vi bạn quản lý.")
        },
    )
    department = forms.ChoiceField(
        label=_("Phòng ban"),
        required=False,
        error_messages={
            "invalid_choice": _("Phòng ban không tồn tại hoặc ngoài phạm vi bạn quản lý.")
        },
    )
    status = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        error_messages={"invalid_choice": _("Tình trạng không hợp lệ.")},
    )
    o = forms.ChoiceField(
        label=_("Sắp xếp theo"),
        required=False,
        choices=[
            ("ten", _("Tên học viên")),
            ("han", _("Hạn hoàn thành")),
            ("moi-nhat", _("Ghi danh mới nhất")),
        ],
        error_messages={"invalid_choice": _("Cách sắp xếp không hợp lệ.")},
    )

    def __init__(self, *args, user, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = visible_units(user) if units is None else units
        self.fields["course"].queryset = CoursePage.objects.order_by(vi_order("title")).only(
            "title", "path", "depth"
        )
        self.fields["unit"].queryset = units.only("name")
        # Department names, not rows: many wards share "Văn phòng HĐND và UBND"; with the unit
        # filter the pair is exact. Only names of departments the user may see are offered.
        names = (
            Department.objects.filter(unit__in=units)
            .order_by("name")
            .values_list("name", flat=True)
        )
        self.fields["department"].choices = [("", _("Tất cả phòng ban"))] + [
            (name, name) for name in names.distinct()
        ]
        self.fields["status"].choices = [("", _("Mọi tình trạng")), *Status.choices]

    def filter(self, enrolments, today=None):
        """`enrolments` narrowed by the valid filters, ordered as asked."""
        data = self.cleaned_data
        if data.get("course"):
            enrolments = enrolments.filter(course=data["course"])
        if data.get("unit"):
            enrolments = enrolments.filter(user__person__unit=data["unit"])
        if data.get("department"):
            enrolments = enrolments.filter(user__person__department__name=data["department"])
        if data.get("status"):
            enrolments = filter_by_status(enrolments, data["status"], today)
        enrolments = search_by_name(enrolments, data.get("q") or "")
        return enrolments.order_by(*ORDERINGS[data.get("o") or DEFAULT_ORDERING])

    @property
    def is_filtering(self):
        return self.is_bound and any(
            self.data.get(name) for name in ("q", "course", "unit", "department", "status")
        )


class EnrolmentDueDateForm(forms.Form):
    due_date = forms.DateField(
        label=_("Hạn hoàn thành mới (ngày/tháng/năm)"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y"),
        error_messages={
            "required": _("Hãy nhập hạn hoàn thành."),
            "invalid": _("Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026."),
        },
    )

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("Hạn hoàn thành không được ở trong quá khứ."))
        return due
