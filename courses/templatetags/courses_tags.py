"""Course page tags.

`{% lesson_body page %}`: a module's blocks, rendered once and served from the cache.

The HTML of ordinary blocks is the same for every learner, so a published module's body is
rendered once per content version and language (courses.outline) and kept as segments: HTML
strings, and the raw value of each block that must render per request (a block class with
`renders_per_request = True`, e.g. the H5P activity with its learner-bound token). Previews and
pages that did not come through the course router (drafts, revisions) render straight from
`page.body`, never from or into the cache.
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from lms.lib.content_cache import body_cache_parts, cached
from lms.lib.display import format_duration

register = template.Library()


def _segments(body, context):
    segments, pending = [], []
    for child in body:
        if getattr(child.block, "renders_per_request", False):
            if pending:
                segments.append("".join(pending))
                pending = []
            segments.append((child.block.name, child.block.get_prep_value(child.value)))
        else:
            pending.append(str(child.render_as_block(context=context)))
    if pending:
        segments.append("".join(pending))
    return segments


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    flat = context.flatten()
    request = context.get("request")
    if not getattr(page, "_body_cacheable", False) or getattr(request, "is_preview", False):
        return mark_safe("".join(str(child.render_as_block(context=flat)) for child in page.body))  # noqa: S308
    segments = cached("body", body_cache_parts(page), lambda: _segments(page.body, flat))
    stream_block = type(page)._meta.get_field("body").stream_block
    html = []
    for segment in segments:
        if isinstance(segment, str):
            html.append(segment)
        else:
            name, raw = segment
            block = stream_block.child_blocks[name]
            html.append(str(block.render(block.to_python(raw), context=flat)))
    return mark_safe("".join(html))  # noqa: S308 -- rendered by the blocks' own templates


@register.simple_tag
def module_rows(progress, course_url, enrolled):
    """The course page's module list items: link, tiết and minutes, and (for an enrolled
    learner) a status badge. Built in Python: a 30-module course is the page's hot loop."""
    labels = {
        "done": format_html('<span class="badge done">{}</span>', _("Đã hoàn thành")),
        "todo": format_html('<span class="badge">{}</span>', _("Chưa hoàn thành")),
        "optional": format_html('<span class="badge">{}</span>', _("Không bắt buộc")),
    }
    duration = _("%(tiet)s tiết · %(duration)s")
    items = []
    for module, done, required in progress.rows():
        badge = ""
        if enrolled:
            badge = labels["done" if done else "todo" if required else "optional"]
        items.append(
            format_html(
                '<li><a href="{}{}/">{}</a> <span class="muted">{}</span> {}</li>',
                course_url,
                module.slug,
                module.title,
                duration
                % {
                    "tiet": floatformat(module.tiet, "-1"),
                    "duration": format_duration(module.estimated_minutes),
                },
                badge,
            )
        )
    return mark_safe("\n".join(items))  # noqa: S308 -- each item built by format_html
