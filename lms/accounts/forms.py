"""Account forms: password reset that also serves imported people, and Wagtail's user forms
limited to what the editing user may grant (lms.accounts.privilege)."""

import unicodedata

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .privilege import grantable_group_ids


def _same_address(a, b):
    fold = lambda s: unicodedata.normalize("NFKC", s).casefold()  # noqa: E731
    return fold(a) == fold(b)


class LoginForm(auth_forms.AuthenticationForm):
    """Django's login form with a friendlier Vietnamese message for a wrong name or password
    (the learner-facing login speaks to "anh/chị", docs/glossary.md)."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu chưa đúng. Anh/chị kiểm tra lại (chú ý chữ hoa, "
            "chữ thường)."
        ),
        "inactive": _("Tài khoản này đã ngừng hoạt động. Anh/chị liên hệ cán bộ phụ trách đơn vị."),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form mails only accounts with a usable password. Imported people have none
    until their first login, which is exactly this flow, so an active account with a person
    record is mailed too. Inactive accounts never are, and the page says the same whatever the
    address (nothing tells whether it exists)."""

    def get_users(self, email):
        User = get_user_model()
        candidates = User._default_manager.filter(email__iexact=email, is_active=True).filter(
            ~Q(password__startswith=UNUSABLE_PASSWORD_PREFIX) | Q(person__isnull=False)
        )
        return (user for user in candidates if _same_address(email, user.email))


class _GrantLimitedUserForm:
    """Wagtail's user form for `actor`: a non-superuser sees no "Administrator" flag and only
    the groups they may grant; groups they may not grant stay as they were."""

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        # Fail closed: a form built without an actor grants nothing.
        self.limited = actor is None or not actor.is_superuser
        if not self.limited:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            allowed = grantable_group_ids(actor) if actor is not None else frozenset()
            self.fields["groups"].queryset = Group.objects.filter(pk__in=allowed).order_by("name")
            self.fields["groups"].help_text = _(
                "Chỉ hiện các nhóm bạn được phép cấp (bạn có đủ mọi quyền của nhóm). Nhóm Quản "
                "trị và các nhóm khác chỉ quản trị viên cấp cao (superuser) cấp được."
            )
            self._kept_groups = (
                list(self.instance.groups.exclude(pk__in=allowed)) if self.instance.pk else []
            )

    def clean(self):
        cleaned = super().clean()
        if self.limited and "groups" in cleaned and "groups" in self.fields:
            cleaned["groups"] = list(cleaned["groups"]) + self._kept_groups
        return cleaned


class LimitedUserCreationForm(_GrantLimitedUserForm, UserCreationForm):
    pass


class LimitedUserEditForm(_GrantLimitedUserForm, UserEditForm):
    pass
