"""The sổ bồi dưỡng in the Wagtail admin: read-only, scoped through lms.org.access.visible_units
(a unit manager sees the rows of their unit's people only; Sở Nội vụ and Quản trị see all).
Rows are written by the completion service and (later) by class attendance and approved external
training, never by hand here."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.org import views as org_views
from lms.org.roles import ADMINISTRATOR, HOME_AFFAIRS, UNIT_MANAGER, has_role
from lms.org.wagtail_hooks import ScopedModelViewSet

from .models import TrainingCredit

LEDGER_READERS = (UNIT_MANAGER, HOME_AFFAIRS, ADMINISTRATOR)


class ReadOnlyLedgerPolicy(ModelPermissionPolicy):
    """Viewing only, for the roles that follow training; no one adds, edits or deletes here."""

    def user_has_permission(self, user, action):
        return (
            action == "view"
            and user.is_authenticated
            and user.is_active
            and (user.is_superuser or has_role(user, *LEDGER_READERS))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


register_permission_policy(TrainingCredit, ReadOnlyLedgerPolicy(TrainingCredit))


def ledger_scope(user):
    return TrainingCredit.objects.visible_to(user).select_related("user__person")


class LedgerIndexView(org_views.ScopedIndexView):
    default_ordering = "-date"


class TrainingLedgerViewSet(ScopedModelViewSet):
    model = TrainingCredit
    name = "so-boi-duong"
    icon = "date"
    menu_label = _("Sổ bồi dưỡng")
    add_to_admin_menu = True
    menu_order = 250
    scope = staticmethod(ledger_scope)
    index_view_class = LedgerIndexView
    list_display = [
        Column("user", label=_("Cán bộ"), accessor="user"),
        "title",
        "source",
        Column("tiet", label=_("Số tiết"), accessor="tiet"),
        Column(
            "date", label=_("Ngày ghi nhận"), accessor=lambda row: row.date.strftime("%d/%m/%Y")
        ),
        Column("unit_name", label=_("Đơn vị lúc ghi nhận"), accessor="unit_name"),
    ]
    list_filter = ["year", "source"]
    list_per_page = 50
    search_fields = ["title", "unit_name"]
    ordering = ["-date", "-id"]
    inspect_view_fields = [
        "user",
        "source",
        "title",
        "tiet",
        "date",
        "year",
        "unit_code",
        "unit_name",
        "department_name",
        "evidence_url",
        "evidence_note",
        "created_at",
    ]
    form_fields = ["title"]  # the edit and add views exist but the policy refuses them


@hooks.register("register_admin_viewset")
def register_training_ledger():
    return TrainingLedgerViewSet()
