"""Wagtail's bulk actions on users held to lms.accounts.privilege: a non-superuser cannot
assign a group they may not grant, nor deactivate, delete or regroup an account they may not
manage (a superuser, another administrator)."""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms.account import NameEmailForm

from .privilege import may_grant_group, may_manage_account

# docs/glossary.md: "Họ" before "Tên". Wagtail's own account form asks for the given name first.
NameEmailForm.field_order = ["last_name", "first_name", "email"]


@hooks.register("before_bulk_action")
def guard_user_bulk_actions(request, action_type, objects, action_class_instance):
    if action_class_instance.model is not get_user_model() or request.user.is_superuser:
        return None
    refused = [str(obj) for obj in objects if not may_manage_account(request.user, obj)]
    if refused:
        messages.error(
            request,
            _("Không thực hiện: bạn không được quản lý các tài khoản %(names)s.")
            % {"names": ", ".join(refused)},
        )
        return redirect(action_class_instance.next_url)
    if action_type == "assign_role":
        role = action_class_instance.cleaned_form.cleaned_data.get("role")
        if role is not None and not may_grant_group(request.user, role):
            messages.error(
                request,
                _("Không thực hiện: bạn không được cấp nhóm “%(group)s”.") % {"group": role.name},
            )
            return redirect(action_class_instance.next_url)
    return None
