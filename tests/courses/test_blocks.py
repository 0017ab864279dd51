"""The shared block library: validation rules, no-JavaScript rendering, curriculum shapes load."""

import pytest
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from content.blocks import CalloutBlock, ContentStreamBlock, KnowledgeCheckBlock, VideoBlock
from courses.curriculum import main_modules, refresher_course

OPTIONS = [
    {"text": "Đọc mã OTP.", "is_correct": False, "feedback": "Chưa đúng."},
    {"text": "Gác máy, xác minh.", "is_correct": True, "feedback": "Đúng."},
]


def _check(options):
    block = KnowledgeCheckBlock()
    return block, block.to_python(
        {"situation": "Tình huống", "question": "Làm gì?", "options": options}
    )


def test_knowledge_check_accepts_exactly_one_correct_option():
    block, value = _check(OPTIONS)
    assert block.clean(value)["question"] == "Làm gì?"


@pytest.mark.parametrize("flags", [(False, False), (True, True)])
def test_knowledge_check_rejects_zero_or_two_correct_options(flags):
    options = [dict(option, is_correct=flag) for option, flag in zip(OPTIONS, flags, strict=True)]
    block, value = _check(options)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "Cần đúng một phương án đúng" in str(error.value.block_errors["options"])


def test_knowledge_check_renders_feedback_in_details_without_script():
    block, value = _check(OPTIONS)
    html = block.render(value)
    assert html.count("<details") == 2
    assert "<script" not in html
    assert "Gác máy, xác minh." in html and "Đúng." in html and "Chưa đúng." in html


def test_callout_shows_its_vietnamese_kind():
    block = CalloutBlock()
    html = block.render(
        block.to_python(
            {
                "kind": "legal",
                "title": "Luật 91/2025/QH15",
                "body": "<p>Có hiệu lực 01/01/2026.</p>",
            }
        )
    )
    assert "Căn cứ pháp lý: Luật 91/2025/QH15" in html
    assert 'class="callout legal"' in html


@pytest.mark.django_db
def test_video_needs_exactly_one_source():
    block = VideoBlock()
    value = block.to_python({"title": "Video", "transcript": "<p>Lời.</p>"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "đúng một nguồn" in str(error.value.block_errors["video_file"])


def test_every_block_has_icon_template_and_label():
    for name, block in ContentStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        assert str(block.meta.label), name


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data", [*main_modules(), *refresher_course()["modules"]], ids=lambda d: d["slug"]
)
def test_curriculum_bodies_load_and_render(data):
    stream = ContentStreamBlock()
    value = StreamValue(stream, [])
    value = stream.normalize(list(data["body"]))
    html = stream.render(value)
    assert "<h2>" in html
    assert "<details" in html  # each module has at least one knowledge check
    checks = [child for child in value if child.block_type == "knowledge_check"]
    assert checks, data["slug"]
    for check in checks:
        stream.child_blocks["knowledge_check"].clean(check.value)
