"""Wagtail's user and group admin, held to lms.accounts.privilege.

Installed through lms.accounts.wagtail_users.UsersConfig (Wagtail 8 takes the user and group
viewsets from the wagtailusers app config; WAGTAIL_USER_EDIT_FORM is gone).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.users.views import groups, users

from .forms import LimitedUserCreationForm, LimitedUserEditForm
from .privilege import Grants, group_grants, may_manage_account, missing_grants


class _ActorFormMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["actor"] = self.request.user
        return kwargs


class UserCreateView(_ActorFormMixin, users.CreateView):
    pass


class UserEditView(_ActorFormMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        # A non-superuser cannot open, let alone change, a superuser, a staff account or an
        # account holding a group they could not grant (another administrator).
        if not may_manage_account(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserDeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage_account(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    # Copying an account would open a creation form prefilled from another account (its
    # superuser flag, its groups) outside the checks above: not offered.
    copy_view_enabled = False
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return LimitedUserEditForm if for_update else LimitedUserCreationForm


def _added(before, after):
    return Grants(
        model=after.model - before.model,
        pages=after.pages - before.pages,
        collections=after.collections - before.collections,
    )


class _Escalation(Exception):
    def __init__(self, missing):
        super().__init__(missing)
        self.missing = missing


class _NoEscalationMixin:
    """For a non-superuser, save the group and its permission panels (page, collection,
    image, document permissions) in one transaction and compare with what was there before:
    anything added that the editing user does not hold undoes the whole save."""

    def process_form(self):
        actor = self.request.user
        if actor.is_superuser:
            return super().process_form()
        form = self.get_form()
        if not self.is_valid(form):
            return self.form_invalid(form)
        creating = self.object.pk is None
        before = Grants() if creating else group_grants(self.object)
        self.form = form
        try:
            with transaction.atomic():
                self.object = self.save_instance()
                for panel in self.permission_panel_forms:
                    panel.save()
                missing = missing_grants(actor, _added(before, group_grants(self.object)))
                if missing:
                    raise _Escalation(missing)
        except _Escalation as refused:
            if creating:
                self.object.pk = None  # a new group: its insert was rolled back
                self.object._state.adding = True
            missing = ", ".join(refused.missing)
            self.produced_error_message = _(
                "Không lưu được nhóm: bạn không có %(missing)s nên không thể cấp cho nhóm. Chỉ "
                "thêm được các quyền chính bạn đang có."
            ) % {"missing": missing}
            form.add_error(
                None,
                _("Nhóm chưa được lưu: có quyền bạn không có (%(missing)s).")
                % {"missing": missing},
            )
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class GroupCreateView(_NoEscalationMixin, groups.CreateView):
    pass


class GroupEditView(_NoEscalationMixin, groups.EditView):
    pass


class GroupViewSet(groups.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
