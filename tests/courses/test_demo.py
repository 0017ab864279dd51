"""The demo curriculum: built through the page models, idempotent, real, renderable."""

import re
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from courses import demo
from courses.models import CompletionRule, CoursePage, Enrolment, ModulePage
from lms.org import roles
from tests.conftest import skip_without_corpus
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

MAIN_TITLE = "An toàn thông tin và bảo vệ dữ liệu cá nhân cho cán bộ, công chức cấp xã"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _words(module):
    text = " ".join(strip_tags(str(block.render())) for block in module.body)
    return len(re.findall(r"\w+", text))


def test_seed_builds_the_curriculum_idempotently(learner, ward_a):
    other = PersonFactory(user=UserFactory(username="canbo2", roles=[roles.LEARNER]), unit=ward_a)
    out = StringIO()
    main = demo.seed(out)
    demo.seed(out)
    assert CoursePage.objects.filter(title=MAIN_TITLE).count() == 1
    main = CoursePage.objects.get(title=MAIN_TITLE)
    modules = list(main.modules())
    assert len(modules) == 12 and all(m.live and m.live_revision_id for m in modules)
    assert main.live_revision_id is not None
    assert main.tiet == sum((m.tiet for m in modules), Decimal("0")) == Decimal("23.5")
    assert {c.slug for c in main.competencies.all()} >= {"phap-ly", "lua-dao", "ung-pho-su-co"}
    assert modules[0].competencies.filter(slug="phap-ly").exists()
    refresher = CoursePage.objects.exclude(pk=main.pk).get()
    assert refresher.modules().count() == 2 and refresher.certificate_validity_months == 12
    enrolments = Enrolment.objects.filter(course=main)
    assert set(enrolments.values_list("user_id", flat=True)) == {learner.pk, other.user_id}
    assert set(enrolments.values_list("due_date", flat=True)) == {
        date(timezone.localdate().year, 12, 31)
    }


def test_every_module_has_500_words_and_a_knowledge_check():
    main = demo.seed(StringIO())
    for module in main.modules():
        assert _words(module) >= 500, (module.title, _words(module))
        assert any(block.block_type == "knowledge_check" for block in module.body), module.title


def test_module_two_embeds_the_truefalse_h5p_activity():
    skip_without_corpus(demo.testdata_dir() / demo.H5P_DEMO_FILE)
    out = StringIO()
    main = demo.seed(out)
    module = list(main.modules())[1]
    blocks = [block for block in module.body if block.block_type == "h5p"]
    assert len(blocks) == 1 and blocks[0].value["package"].main_library.startswith("H5P.TrueFalse")
    assert module.completion_rule == CompletionRule.H5P
    demo.seed(out)
    module = ModulePage.objects.get(pk=module.pk)
    assert sum(1 for block in module.body if block.block_type == "h5p") == 1


def test_every_seeded_page_renders_for_an_enrolled_learner(client_for, learner):
    main = demo.seed(StringIO())
    client = client_for(learner)
    assert client.get(main.get_parent().url).status_code == 200
    html = client.get(main.url).content.decode()
    assert MAIN_TITLE in html and "Bắt đầu học" in html  # nothing studied yet
    for module in CoursePage.objects.get(pk=main.pk).modules():
        response = client.get(module.url)
        assert response.status_code == 200, module.url
        assert module.title in response.content.decode()
    html = client.get("/hoc-tap/").content.decode()
    assert MAIN_TITLE in html and f"31/12/{timezone.localdate().year}" in html
