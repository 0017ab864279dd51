"""Admin forms and list filters for the organisation, all scoped through lms.org.access."""

import unicodedata

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from lms.accounts.privilege import is_privileged_account

from . import roles
from .access import visible_units
from .importing import MAX_UPLOAD_BYTES
from .models import AdministrativeUnit, Department, Person, PersonPosition, Position, UnitKind


def visible_departments(user):
    return Department.objects.filter(unit__in=visible_units(user))


# --- List filters ----------------------------------------------------------------------------


def _units_for(request):
    return visible_units(request.user) if request else AdministrativeUnit.objects.none()


class _UnitChoiceFilter(django_filters.ModelChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(label=_("Đơn vị"), queryset=_units_for, **kwargs)


class PersonFilterSet(WagtailFilterSet):
    unit = _UnitChoiceFilter(field_name="unit")
    department = django_filters.ChoiceFilter(
        label=_("Phòng ban"),
        field_name="department__name",
        choices=[],
    )
    is_active = django_filters.BooleanFilter(label=_("Đang công tác"))

    class Meta:
        model = Person
        fields = ["unit", "department", "is_active"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        # Department names (not rows): 168 wards share "Phòng Kinh tế"; choices come only from
        # departments the user may see, so the list leaks nothing about other units.
        names = (
            visible_departments(request.user)
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
            if request
            else []
        )
        self.filters["department"].extra["choices"] = [(n, n) for n in names]


class DepartmentFilterSet(WagtailFilterSet):
    unit = _UnitChoiceFilter(field_name="unit")
    is_active = django_filters.BooleanFilter(label=_("Đang hoạt động"))

    class Meta:
        model = Department
        fields = ["unit", "is_active"]


class UnitFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=UnitKind.choices)
    is_active = django_filters.BooleanFilter(label=_("Đang hoạt động"))

    class Meta:
        model = AdministrativeUnit
        fields = ["kind", "is_active"]


class PositionFilterSet(WagtailFilterSet):
    is_leader = django_filters.BooleanFilter(label=_("Là lãnh đạo"))

    class Meta:
        model = Position
        fields = ["is_leader"]


# --- Person form -----------------------------------------------------------------------------


class _DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.unit.name} – {obj.name}"


class PersonForm(WagtailAdminModelForm):
    """A person with their account e-mail and positions (one primary, others kiêm nhiệm).

    Creating a person creates their account (username = employee code in lower case, no usable
    password until they reset it), in the Học viên group, as the import does.
    """

    email = forms.EmailField(label=_("Email"), required=False)
    primary_position = forms.ModelChoiceField(
        label=_("Chức danh chính"),
        queryset=Position.objects.all(),
        required=False,
    )
    other_positions = forms.ModelMultipleChoiceField(
        label=_("Chức danh kiêm nhiệm"),
        queryset=Position.objects.all(),
        required=False,
        help_text=_("Giữ Ctrl (hoặc Cmd) để chọn nhiều chức danh."),
    )

    class Meta:
        model = Person
        fields = ["full_name", "employee_code", "unit", "department", "is_active"]
        field_classes = {"department": _DepartmentChoiceField}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        units = visible_units(for_user) if for_user else AdministrativeUnit.objects.none()
        self.fields["unit"].queryset = units
        self.fields["department"].queryset = (
            Department.objects.filter(unit__in=units)
            .select_related("unit")
            .order_by("unit__name", "name")
        )
        if self.instance.pk:
            self.fields["email"].initial = self.instance.user.email
            if is_privileged_account(self.instance.user):
                self.fields["email"].help_text = _(
                    "Tài khoản có quyền quản trị hoặc vai trò nghiệp vụ: email chỉ đổi được "
                    "trong mục Người dùng."
                )
            held = list(self.instance.held_positions.all())
            self.fields["primary_position"].initial = next(
                (h.position_id for h in held if h.is_primary), None
            )
            self.fields["other_positions"].initial = [
                h.position_id for h in held if not h.is_primary
            ]

    def clean_full_name(self):
        return " ".join(unicodedata.normalize("NFC", self.cleaned_data["full_name"]).split())

    def clean_employee_code(self):
        code = self.cleaned_data["employee_code"].strip()
        if " " in code:
            raise forms.ValidationError(_("Mã cán bộ không được có khoảng trắng."))
        if not self.instance.pk:
            # A new person always gets a new account: never one that exists already (another
            # person's, or one without a person such as a `createsuperuser` account).
            found = (
                get_user_model()
                .objects.filter(username=code.lower())
                .values_list("person__employee_code", flat=True)
            )
            if found:
                owner = found[0]
                if owner:
                    message = _(
                        "Tên đăng nhập “%(username)s” đã thuộc về cán bộ có mã “%(code)s”."
                    ) % {"username": code.lower(), "code": owner}
                else:
                    message = _(
                        "Tên đăng nhập “%(username)s” đã có tài khoản (không gắn với cán bộ "
                        "nào). Không thể gắn cán bộ mới vào tài khoản có sẵn: hãy dùng mã khác "
                        "hoặc nhờ quản trị viên xử lý tài khoản đó."
                    ) % {"username": code.lower()}
                raise forms.ValidationError(message)
        return code

    def clean_email(self):
        email = self.cleaned_data.get("email", "")
        user = self.instance.user if self.instance.pk else None
        if user is not None and email != user.email and is_privileged_account(user):
            raise forms.ValidationError(
                _(
                    "Không thể đổi email của tài khoản này ở đây: đây là tài khoản có quyền quản "
                    "trị hoặc vai trò nghiệp vụ (giảng viên, phụ trách đơn vị, Sở Nội vụ, quản "
                    "trị). Hãy nhờ quản trị viên đổi trong mục Người dùng."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        unit, department = cleaned.get("unit"), cleaned.get("department")
        if unit and department and department.unit_id != unit.pk:
            self.add_error(
                "department",
                _("Phòng ban “%(department)s” không thuộc đơn vị “%(unit)s”.")
                % {"department": department.name, "unit": unit.name},
            )
        primary = cleaned.get("primary_position")
        others = cleaned.get("other_positions")
        if others and not primary:
            self.add_error("primary_position", _("Hãy chọn chức danh chính trước."))
        if primary and others:
            cleaned["other_positions"] = [p for p in others if p.pk != primary.pk]
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        person = super().save(commit=False)
        email = self.cleaned_data.get("email", "")
        User = get_user_model()
        if not person.user_id:
            # Username checked free in clean_employee_code; a race ends in IntegrityError.
            user = User(username=person.employee_code.lower(), email=email)
            user.set_unusable_password()
            user.save()
            user.groups.add(roles.group_for(roles.LEARNER))
            person.user = user
        if person.user.email != email:
            person.user.email = email
            person.user.save(update_fields=["email"])
        person.save()
        primary = self.cleaned_data.get("primary_position")
        others = self.cleaned_data.get("other_positions") or []
        person.held_positions.all().delete()
        held = [PersonPosition(person=person, position=primary, is_primary=True)] if primary else []
        held += [PersonPosition(person=person, position=p) for p in others]
        PersonPosition.objects.bulk_create(held)
        return person


class UnitForm(WagtailAdminModelForm):
    """Editing a unit: the official code never changes; a new name is kept in the history."""

    class Meta:
        model = AdministrativeUnit
        fields = ["code", "name", "kind", "is_active", "valid_from", "valid_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True

    def save(self, commit=True):
        unit = self.instance
        if unit.pk:
            new_name = self.cleaned_data["name"]
            unit.name = AdministrativeUnit.objects.values_list("name", flat=True).get(pk=unit.pk)
            unit.rename(new_name)
        return super().save(commit=commit)


class DepartmentForm(WagtailAdminModelForm):
    class Meta:
        model = Department
        fields = ["unit", "name", "is_active"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["unit"].queryset = (
            visible_units(for_user) if for_user else AdministrativeUnit.objects.none()
        )


# --- Import ----------------------------------------------------------------------------------


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách cán bộ (.xlsx hoặc .csv)"),
        help_text=_("Tối đa 5 MB. Dùng tệp mẫu để có đúng các cột."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Tệp “%(name)s” nặng %(size).1f MB, vượt giới hạn %(max)s MB.")
                % {
                    "name": upload.name,
                    "size": upload.size / 1024 / 1024,
                    "max": MAX_UPLOAD_BYTES // 1024 // 1024,
                }
            )
        return upload
