"""Forms of the courses app: staff enrol a unit, a department or a position into a course."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.org.models import Department, Position
from lms.org.visibility import visible_units

from .models import CoursePage, Track, TracksFormField


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
        label=_("Hạn hoàn thành (dd/mm/yyyy)"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "invalid": _("Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 31/12/2026.")
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
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
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
