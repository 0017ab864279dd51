"""`seed_demo` builds a believable site, is idempotent, and every page it makes opens."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from lms.org import roles
from lms.org.models import AdministrativeUnit, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())


def _counts():
    from django.apps import apps

    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"org", "accounts", "courses", "quizzes", "content", "wagtailcore"}
        and not m._meta.label.endswith(("Revision", "Log", "PageLogEntry", "ModelLogEntry"))
    }


def test_seed_demo_creates_one_account_per_role_and_real_units(seeded):
    assert AdministrativeUnit.objects.communes().count() == 168
    for username, role in [
        ("hocvien", roles.LEARNER),
        ("giangvien", roles.TRAINER),
        ("phutrach.saigon", roles.UNIT_MANAGER),
        ("sonoivu", roles.HOME_AFFAIRS),
        ("quantri", roles.ADMINISTRATOR),
    ]:
        person = Person.objects.select_related("user", "unit").get(user__username=username)
        assert person.user.groups.filter(pk=roles.group_for(role).pk).exists()
        assert person.user.check_password("AnToanSo@2026")
    assert Person.objects.get(user__username="phutrach.saigon").unit.name == "Phường Sài Gòn"
    # Believable people: Vietnamese names, several positions for some (kiêm nhiệm), one primary.
    assert Person.objects.count() >= 50
    multi = [
        p for p in Person.objects.prefetch_related("held_positions") if p.held_positions.count() > 1
    ]
    assert multi and all(sum(h.is_primary for h in p.held_positions.all()) == 1 for p in multi)


def test_seed_demo_is_idempotent(seeded):
    before = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == before


def test_seed_demo_refuses_without_demo_permission(settings):
    settings.LMS_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="Không tạo dữ liệu mẫu"):
        call_command("seed_demo", stdout=StringIO())


def test_every_seeded_page_opens_with_one_h1(seeded, client):
    client.force_login(
        Person.objects.get(user__username="hocvien").user,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    urls = ["/hoc-tap/"] + [p.url for p in Page.objects.live().filter(depth__gte=2)]
    assert len(urls) >= 2
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert '<html lang="vi">' in html, url
