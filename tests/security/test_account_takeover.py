"""Account takeover through people management and the Wagtail user/group admin (issue 8, point 2).

Each attack ends by asserting that the target account is exactly as it was (username, e-mail,
password hash, active flag, superuser/staff flags, groups) and that no mail reached the attacker.
"""

import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from lms.accounts.models import User
from lms.accounts.privilege import is_privileged_account
from lms.org import roles
from lms.org.importing import HEADERS, ImportRejected, import_people
from lms.org.models import Person
from tests.factories import DEFAULT_PASSWORD, DepartmentFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

ATTACKER_EMAIL = "ke-gian@example.net"
VP = "Văn phòng HĐND và UBND"


# --- Helpers ---------------------------------------------------------------------------------


def snapshot(user):
    user = User.objects.get(pk=user.pk)
    return {
        "username": user.username,
        "email": user.email,
        "password": user.password,
        "is_active": user.is_active,
        "is_superuser": user.is_superuser,
        "is_staff": user.is_staff,
        "groups": sorted(user.groups.values_list("id", flat=True)),
    }


def role_group(role):
    """The group of a role (one place to change if roles stop being keyed by group name)."""
    return roles.group_for(role)


def no_mail_to_attacker():
    return all(ATTACKER_EMAIL not in message.to for message in mail.outbox)


def request_reset(email):
    Client().post(reverse("accounts:password-reset"), {"email": email})


def csv_bytes(rows):
    lines = [",".join(HEADERS)] + [",".join(row) for row in rows]
    return "\r\n".join(lines).encode("utf-8")


class _FormReader(HTMLParser):
    """The fields a browser would submit from the first <form method="post"> with `marker`."""

    def __init__(self):
        super().__init__()
        self.fields = []
        self._in_form = False
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((attrs["name"], attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and attrs.get("name"):
            self.fields.append((attrs["name"], ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form":
            self._in_form = False


def form_data(client, url):
    """GET `url` and return its post form's current values as {name: [values]}."""
    response = client.get(url)
    assert response.status_code == 200, url
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.fields:
        if name == "csrfmiddlewaretoken":
            continue
        data.setdefault(name, []).append(value)
    return data


# --- Personas --------------------------------------------------------------------------------


@pytest.fixture
def office(ward_a):
    return DepartmentFactory(unit=ward_a, name=VP)


def _privileged(kind, ward_a):
    """An account of each privileged kind, with a person record in ward A."""
    if kind == "superuser":
        user = User.objects.create_superuser("root01", "root01@tphcm.gov.vn", DEFAULT_PASSWORD)
    elif kind == "is_staff":
        user = UserFactory(username="staff01", is_staff=True)
    else:
        user = UserFactory(username=f"role{PRIVILEGED_KINDS.index(kind)}", roles=[kind])
    PersonFactory(user=user, unit=ward_a, employee_code=user.username.upper())
    return user


PRIVILEGED_KINDS = [
    "superuser",
    "is_staff",
    roles.TRAINER,
    roles.UNIT_MANAGER,
    roles.HOME_AFFAIRS,
    roles.ADMINISTRATOR,
]


@pytest.fixture(
    params=PRIVILEGED_KINDS,
    ids=["superuser", "is_staff", "trainer", "unit-manager", "home-affairs", "administrator"],
)
def privileged(request, ward_a):
    return _privileged(request.param, ward_a)


@pytest.fixture
def superuser_with_person(ward_a):
    return _privileged("superuser", ward_a)


@pytest.fixture
def administrator(city_agency):
    """A non-superuser in the Quản trị group (holds accounts.change_user, auth.change_group)."""
    user = UserFactory(username="quantrivien", roles=[roles.ADMINISTRATOR])
    PersonFactory(user=user, unit=city_agency, employee_code="QUANTRIVIEN")
    return user


def test_privileged_kinds_are_recognised(privileged, learner):
    assert is_privileged_account(privileged)
    assert not is_privileged_account(learner)


# --- 1. The person form cannot change a privileged account -----------------------------------


def test_person_form_cannot_redirect_a_privileged_accounts_email(
    client_for, home_affairs, privileged, office
):
    before = snapshot(privileged)
    person = privileged.person
    response = client_for(home_affairs).post(
        reverse("can-bo:edit", args=[person.pk]),
        {
            "full_name": person.full_name,
            "employee_code": person.employee_code,
            "email": ATTACKER_EMAIL,
            "unit": person.unit_id,
            "department": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không thể đổi email" in html
    request_reset(ATTACKER_EMAIL)
    assert snapshot(privileged) == before
    assert no_mail_to_attacker()


def test_person_form_still_edits_a_privileged_persons_work_data(
    client_for, home_affairs, superuser_with_person, office, ward_a
):
    before = snapshot(superuser_with_person)
    person = superuser_with_person.person
    response = client_for(home_affairs).post(
        reverse("can-bo:edit", args=[person.pk]),
        {
            "full_name": "Ngô Quản Trị",
            "employee_code": person.employee_code,
            "email": superuser_with_person.email,
            "unit": ward_a.pk,
            "department": office.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert person.full_name == "Ngô Quản Trị" and person.department == office
    assert snapshot(superuser_with_person) == before


# --- 2. The import cannot change a privileged account -----------------------------------------


def _row(user, email):
    return [user.person.full_name, user.person.employee_code, email, "26734", VP, ""]


def test_import_row_cannot_redirect_a_privileged_accounts_email(privileged, office):
    before = snapshot(privileged)
    with pytest.raises(ImportRejected) as rejected:
        import_people(io.BytesIO(csv_bytes([_row(privileged, ATTACKER_EMAIL)])), "can-bo.csv")
    [problem] = rejected.value.problems
    assert problem.row == 2
    assert privileged.person.employee_code in str(problem)
    assert "quyền quản trị" in str(problem)
    request_reset(ATTACKER_EMAIL)
    assert snapshot(privileged) == before
    assert no_mail_to_attacker()


def test_one_refused_row_and_nothing_is_written(superuser_with_person, office):
    before = snapshot(superuser_with_person)
    people_before = Person.objects.count()
    rows = [
        ["Nguyễn Văn Mới", "CB100", "moi@tphcm.gov.vn", "26734", VP, ""],
        _row(superuser_with_person, ATTACKER_EMAIL),
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_people(io.BytesIO(csv_bytes(rows)), "can-bo.csv")
    assert [p.row for p in rejected.value.problems] == [3]
    assert Person.objects.count() == people_before
    assert not User.objects.filter(username="cb100").exists()
    assert snapshot(superuser_with_person) == before


def test_import_keeps_updating_a_privileged_persons_work_data(superuser_with_person, office):
    before = snapshot(superuser_with_person)
    row = _row(superuser_with_person, superuser_with_person.email)
    row[0] = "Ngô Quản Trị"
    result = import_people(io.BytesIO(csv_bytes([row])), "can-bo.csv")
    assert result.updated == 1
    assert Person.objects.get(user=superuser_with_person).full_name == "Ngô Quản Trị"
    after = snapshot(superuser_with_person)
    assert after == before


def test_admin_import_screen_refuses_the_row(
    client_for, home_affairs, superuser_with_person, office, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    before = snapshot(superuser_with_person)
    client = client_for(home_affairs)
    data = csv_bytes([_row(superuser_with_person, ATTACKER_EMAIL)])
    response = client.post(
        reverse("nhap-can-bo:upload"), {"file": SimpleUploadedFile("can-bo.csv", data)}
    )
    assert response.status_code == 302
    token = re.search(r"/xem-truoc/([^/]+)/", response["Location"]).group(1)
    preview = client.get(response["Location"]).content.decode()
    assert "<td>2</td>" in preview and "ROOT01" in preview
    # Forcing the confirm step anyway writes nothing.
    client.post(reverse("nhap-can-bo:confirm", args=[token]))
    request_reset(ATTACKER_EMAIL)
    assert snapshot(superuser_with_person) == before
    assert no_mail_to_attacker()


def test_import_command_refuses_the_row(superuser_with_person, office, tmp_path, capsys):
    before = snapshot(superuser_with_person)
    path = tmp_path / "can-bo.csv"
    path.write_bytes(csv_bytes([_row(superuser_with_person, ATTACKER_EMAIL)]))
    with pytest.raises(CommandError):
        call_command("import_people", str(path), "--no-progress")
    assert "Dòng 2" in capsys.readouterr().err
    assert snapshot(superuser_with_person) == before


# --- 3. Never link a person to a pre-existing account without one ----------------------------


@pytest.fixture(params=["superuser", "plain"])
def orphan_account(request, db):
    if request.param == "superuser":
        return User.objects.create_superuser("cb900", "goc@tphcm.gov.vn", DEFAULT_PASSWORD)
    return UserFactory(username="cb900")


def test_person_form_cannot_adopt_an_existing_account(
    client_for, home_affairs, orphan_account, ward_a
):
    before = snapshot(orphan_account)
    response = client_for(home_affairs).post(
        reverse("can-bo:add"),
        {
            "full_name": "Kẻ Mạo Danh",
            "employee_code": "CB900",
            "email": ATTACKER_EMAIL,
            "unit": ward_a.pk,
            "department": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "đã có tài khoản" in response.content.decode()
    assert not Person.objects.filter(employee_code="CB900").exists()
    request_reset(ATTACKER_EMAIL)
    assert snapshot(orphan_account) == before
    assert no_mail_to_attacker()


def test_import_cannot_adopt_an_existing_account(orphan_account, office):
    before = snapshot(orphan_account)
    row = ["Kẻ Mạo Danh", "CB900", ATTACKER_EMAIL, "26734", VP, ""]
    with pytest.raises(ImportRejected) as rejected:
        import_people(io.BytesIO(csv_bytes([row])), "can-bo.csv")
    [problem] = rejected.value.problems
    assert problem.row == 2 and "CB900" in str(problem) and "đã có tài khoản" in str(problem)
    assert not Person.objects.filter(employee_code="CB900").exists()
    request_reset(ATTACKER_EMAIL)
    assert snapshot(orphan_account) == before
    assert no_mail_to_attacker()


# --- 4. Changing an e-mail tells the old address ----------------------------------------------


def test_email_change_from_the_person_form_notifies_the_old_address(
    client_for, home_affairs, learner, django_capture_on_commit_callbacks
):
    person = learner.person
    old = learner.email
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(home_affairs).post(
            reverse("can-bo:edit", args=[person.pk]),
            {
                "full_name": person.full_name,
                "employee_code": person.employee_code,
                "email": "moi-mai@tphcm.gov.vn",
                "unit": person.unit_id,
                "department": "",
                "is_active": "on",
            },
        )
    assert response.status_code == 302
    [message] = [m for m in mail.outbox if m.to == [old]]
    assert "Email tài khoản" in message.subject
    assert "đã được đổi" in message.body
    assert "moi-mai@tphcm.gov.vn" not in message.body  # only a masked hint
    assert "m***@tphcm.gov.vn" in message.body


def test_email_change_from_the_import_notifies_the_old_address(
    learner, office, django_capture_on_commit_callbacks
):
    old = learner.email
    row = [
        learner.person.full_name,
        learner.person.employee_code,
        "moi@tphcm.gov.vn",
        "26734",
        VP,
        "",
    ]
    with django_capture_on_commit_callbacks(execute=True):
        import_people(io.BytesIO(csv_bytes([row])), "can-bo.csv")
    assert [m.to for m in mail.outbox] == [[old]]


def test_email_change_anywhere_notifies_the_old_address(
    learner, django_capture_on_commit_callbacks
):
    old = learner.email
    with django_capture_on_commit_callbacks(execute=True):
        learner.email = "khac@tphcm.gov.vn"
        learner.save()
        learner.first_name = "Mai"
        learner.save()  # no e-mail change: no second mail
    assert [m.to for m in mail.outbox] == [[old]]


def test_email_change_through_wagtail_user_edit_notifies(
    client_for, admin_user, learner, django_capture_on_commit_callbacks
):
    old = learner.email
    url = reverse("wagtailusers_users:edit", args=[learner.pk])
    client = client_for(admin_user)
    data = form_data(client, url)
    data["email"] = ["doi@tphcm.gov.vn"]
    data["first_name"], data["last_name"] = ["Mai"], ["Nguyễn Thị"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [m.to for m in mail.outbox] == [[old]]


def test_email_change_in_own_admin_account_settings_notifies(
    client_for, trainer, django_capture_on_commit_callbacks
):
    old = trainer.email
    client = client_for(trainer)
    url = reverse("wagtailadmin_account")
    data = form_data(client, url)
    data["name_email-first_name"], data["name_email-last_name"] = ["Long"], ["Lê Hoàng"]
    data["name_email-email"] = ["long-moi@tphcm.gov.vn"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=trainer.pk).email == "long-moi@tphcm.gov.vn"
    assert [m.to for m in mail.outbox] == [[old]]


# --- 5. Wagtail's user and group admin cannot escalate ----------------------------------------


def _edit_user(client, target, **changes):
    url = reverse("wagtailusers_users:edit", args=[target.pk])
    data = form_data(client, url)
    data.setdefault("first_name", ["Tên"])
    data.setdefault("last_name", ["Họ"])
    if not data["first_name"][0]:
        data["first_name"] = ["Tên"]
    if not data["last_name"][0]:
        data["last_name"] = ["Họ"]
    data.update(changes)
    return client.post(url, data)


def test_non_superuser_cannot_make_anyone_superuser(client_for, administrator, learner):
    before = snapshot(learner)
    client = client_for(administrator)
    response = _edit_user(client, learner, is_superuser=["on"])
    assert response.status_code in (200, 302)
    assert snapshot(learner) == before
    assert not User.objects.get(pk=administrator.pk).is_superuser


def test_non_superuser_cannot_make_themselves_superuser(client_for, administrator):
    before = snapshot(administrator)
    client = client_for(administrator)
    _edit_user(client, administrator, is_superuser=["on"])
    assert snapshot(administrator) == before


def test_non_superuser_cannot_add_anyone_to_the_administrator_group(
    client_for, administrator, learner
):
    before = snapshot(learner)
    admin_group = role_group(roles.ADMINISTRATOR)
    client = client_for(administrator)
    groups = [str(g) for g in before["groups"]] + [str(admin_group.pk)]
    _edit_user(client, learner, groups=groups)
    assert snapshot(learner) == before


def test_non_superuser_cannot_grant_a_staff_role_they_lack(client_for, administrator, learner):
    """Judgement: a non-superuser hands out only what they hold. The Quản trị role lacks the
    trainers' image and document permissions, so it cannot make anyone a Giảng viên."""
    before = snapshot(learner)
    trainers = role_group(roles.TRAINER)
    lacking = [
        f"{p.content_type.app_label}.{p.codename}"
        for p in trainers.permissions.select_related("content_type")
        if not administrator.has_perm(f"{p.content_type.app_label}.{p.codename}")
    ]
    assert lacking
    client = client_for(administrator)
    groups = [str(trainers.pk)] + [str(g) for g in before["groups"]]
    _edit_user(client, learner, groups=groups)
    assert snapshot(learner) == before


def test_non_superuser_may_grant_a_group_within_their_own_permissions(
    client_for, administrator, learner
):
    readers = Group.objects.create(name="Chỉ xem cán bộ")
    readers.permissions.add(
        Permission.objects.get(content_type__app_label="org", codename="view_person")
    )
    client = client_for(administrator)
    groups = [str(g) for g in learner.groups.values_list("id", flat=True)] + [str(readers.pk)]
    response = _edit_user(client, learner, groups=groups)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert learner.groups.filter(pk=readers.pk).exists()


def test_non_superuser_cannot_create_a_superuser(client_for, administrator):
    admin_group = role_group(roles.ADMINISTRATOR)
    client = client_for(administrator)
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "moi-sieu",
            "email": "moi-sieu@tphcm.gov.vn",
            "first_name": "Mới",
            "last_name": "Siêu",
            "password1": "mot-cau-mat-khau-dai-2026",
            "password2": "mot-cau-mat-khau-dai-2026",
            "is_superuser": "on",
            "groups": [str(admin_group.pk)],
        },
    )
    created = User.objects.filter(username="moi-sieu").first()
    assert created is None or (not created.is_superuser and not created.groups.exists())


def test_non_superuser_cannot_copy_an_account_into_a_superuser(
    client_for, administrator, learner, superuser_with_person
):
    users_before = {u.pk: snapshot(u) for u in User.objects.all()}
    client = client_for(administrator)
    for source in (learner, superuser_with_person):
        client.post(
            f"/admin/users/copy/{source.pk}/",
            {
                "username": f"ban-sao-{source.pk}",
                "email": "ban-sao@tphcm.gov.vn",
                "first_name": "Bản",
                "last_name": "Sao",
                "password1": "mot-cau-mat-khau-dai-2026",
                "password2": "mot-cau-mat-khau-dai-2026",
                "is_superuser": "on",
                "groups": [str(role_group(roles.ADMINISTRATOR).pk)],
            },
        )
    assert not User.objects.filter(username__startswith="ban-sao").exists()
    assert {u.pk: snapshot(u) for u in User.objects.all()} == users_before


def test_non_superuser_cannot_edit_a_superuser_at_all(
    client_for, administrator, superuser_with_person
):
    before = snapshot(superuser_with_person)
    client = client_for(administrator)
    url = reverse("wagtailusers_users:edit", args=[superuser_with_person.pk])
    assert client.get(url).status_code in (302, 403)  # Wagtail turns 403 into a redirect
    response = client.post(
        url,
        {
            "username": "root01",
            "email": ATTACKER_EMAIL,
            "first_name": "A",
            "last_name": "B",
            "password1": "mot-cau-mat-khau-dai-2026",
            "password2": "mot-cau-mat-khau-dai-2026",
            "is_active": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code in (302, 403)
    request_reset(ATTACKER_EMAIL)
    assert snapshot(superuser_with_person) == before
    assert no_mail_to_attacker()


def test_non_superuser_cannot_take_over_another_administrator(client_for, administrator, ward_a):
    peer = _privileged(roles.ADMINISTRATOR, ward_a)
    before = snapshot(peer)
    client = client_for(administrator)
    url = reverse("wagtailusers_users:edit", args=[peer.pk])
    assert client.post(url, {"email": ATTACKER_EMAIL}).status_code in (302, 403)
    assert snapshot(peer) == before


def test_non_superuser_may_still_edit_a_learners_name(client_for, administrator, learner):
    client = client_for(administrator)
    response = _edit_user(client, learner, first_name=["Mai"], last_name=["Nguyễn Thị"])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert User.objects.get(pk=learner.pk).first_name == "Mai"


def test_bulk_assign_role_cannot_grant_the_administrator_group(client_for, administrator, learner):
    before = snapshot(learner)
    admin_group = role_group(roles.ADMINISTRATOR)
    client = client_for(administrator)
    url = reverse(
        "wagtail_bulk_action", args=[User._meta.app_label, User._meta.model_name, "assign_role"]
    )
    client.post(f"{url}?id={learner.pk}&id={administrator.pk}", {"role": admin_group.pk})
    assert snapshot(learner) == before


def test_bulk_deactivate_cannot_touch_a_superuser(client_for, administrator, superuser_with_person):
    before = snapshot(superuser_with_person)
    client = client_for(administrator)
    url = reverse(
        "wagtail_bulk_action",
        args=[User._meta.app_label, User._meta.model_name, "set_active_state"],
    )
    client.post(f"{url}?id={superuser_with_person.pk}", {"mark_as_active": "False"})
    assert snapshot(superuser_with_person) == before


def test_group_edit_cannot_add_permissions_the_editor_lacks(client_for, administrator):
    learners = role_group(roles.LEARNER)
    before = sorted(learners.permissions.values_list("id", flat=True))
    lacking = Permission.objects.get(content_type__app_label="auth", codename="delete_group")
    assert not administrator.has_perm("auth.delete_group")
    client = client_for(administrator)
    url = reverse("wagtailusers_groups:edit", args=[learners.pk])
    data = form_data(client, url)
    data["permissions"] = data.get("permissions", []) + [str(lacking.pk)]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "không có" in response.content.decode()
    assert sorted(learners.permissions.values_list("id", flat=True)) == before


def test_group_edit_cannot_add_page_permissions_the_editor_lacks(client_for, administrator):
    from wagtail.models import GroupPagePermission, Page

    learners = role_group(roles.LEARNER)
    before = GroupPagePermission.objects.filter(group=learners).count()
    client = client_for(administrator)
    url = reverse("wagtailusers_groups:edit", args=[learners.pk])
    data = form_data(client, url)
    total = int(data["page_permissions-TOTAL_FORMS"][0])
    data[f"page_permissions-{total}-page"] = [str(Page.get_first_root_node().pk)]
    data[f"page_permissions-{total}-permissions"] = ["publish_page", "change_page"]
    data["page_permissions-TOTAL_FORMS"] = [str(total + 1)]
    client.post(url, data)
    assert GroupPagePermission.objects.filter(group=learners).count() == before


def test_group_edit_may_add_permissions_the_editor_holds(client_for, administrator):
    learners = role_group(roles.LEARNER)
    held = Permission.objects.get(content_type__app_label="org", codename="view_position")
    assert administrator.has_perm("org.view_position")
    client = client_for(administrator)
    url = reverse("wagtailusers_groups:edit", args=[learners.pk])
    data = form_data(client, url)
    data["permissions"] = data.get("permissions", []) + [str(held.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert learners.permissions.filter(pk=held.pk).exists()


def test_superuser_may_grant_the_administrator_group(client_for, admin_user, learner):
    admin_group = role_group(roles.ADMINISTRATOR)
    client = client_for(admin_user)
    groups = [str(g) for g in learner.groups.values_list("id", flat=True)]
    response = _edit_user(client, learner, groups=groups + [str(admin_group.pk)])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert learner.groups.filter(pk=admin_group.pk).exists()


# --- 6. Imported people can set a password through "Quên mật khẩu" ----------------------------


def test_imported_person_resets_password_end_to_end(office):
    row = ["Võ Thị Nhập", "CB555", "nhap@tphcm.gov.vn", "26734", VP, ""]
    import_people(io.BytesIO(csv_bytes([row])), "can-bo.csv")
    user = User.objects.get(username="cb555")
    assert not user.has_usable_password()

    client = Client()
    response = client.post(reverse("accounts:password-reset"), {"email": "NHAP@tphcm.gov.vn"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["nhap@tphcm.gov.vn"]
    link = re.search(r"https?://[^/\s]+(/tai-khoan/dat-lai-mat-khau/\S+/)", message.body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    set_url = response.redirect_chain[-1][0]
    new = "mot-cau-mat-khau-rat-dai-2026"
    response = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    login = Client().post(reverse("accounts:login"), {"username": "cb555", "password": new})
    assert login.status_code == 302
    assert User.objects.get(pk=user.pk).check_password(new)
    # The link is single-use.
    assert "không hợp lệ" in client.get(link, follow=True).content.decode()


def test_reset_never_goes_to_inactive_or_personless_unusable_accounts(db, ward_a):
    inactive = UserFactory(username="nghi", email="nghi@tphcm.gov.vn", is_active=False)
    PersonFactory(user=inactive, unit=ward_a)
    inactive.set_unusable_password()
    inactive.save()
    bare = UserFactory(username="tran", email="tran@tphcm.gov.vn")
    bare.set_unusable_password()
    bare.save()
    for email in ("nghi@tphcm.gov.vn", "tran@tphcm.gov.vn", "khong-co@tphcm.gov.vn"):
        response = Client().post(reverse("accounts:password-reset"), {"email": email})
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:password-reset-done")
    assert mail.outbox == []
