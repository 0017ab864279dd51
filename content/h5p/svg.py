"""SVG files in an H5P package are parsed (defusedxml) and every element and attribute, in
every namespace, is checked against an allow-list. A browser opening an SVG runs its script
and follows its links, so anything outside the list is refused, never cleaned up.

`check_svg(raw)` returns None for an acceptable file, or a short Vietnamese phrase saying what
was found (the caller names the file).
"""

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext as _

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Editor metadata (Inkscape, Sodipodi, RDF/Creative Commons/Dublin Core) found in real H5P
# libraries. Browsers give elements of unknown namespaces no behaviour at all: they neither
# render nor run, so these are accepted as inert. XHTML, MathML and any other namespace are not.
INERT_NAMESPACES = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    }
)

# Drawing, text, paint servers, filters and SVG fonts. Not listed, so refused: script,
# foreignObject, a, image sources other than embedded raster data, animate/set/animate*,
# iframe/embed/object/handler/listener, cursor, feImage, discard.
# fmt: off
ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "switch", "view", "title", "desc", "metadata",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "style", "image",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
    "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    "font", "font-face", "font-face-src", "font-face-name", "glyph", "missing-glyph",
    "hkern", "vkern",
    # Inkscape's SVG 1.2 flowed text and IcoMoon's font metadata: no behaviour in browsers.
    "flowRoot", "flowRegion", "flowPara", "flowSpan", "flowDiv", "flowRegionBreak", "json",
})

ATTRIBUTES = frozenset({
    # core and styling
    "id", "class", "style", "lang", "version", "baseProfile", "viewBox",
    "preserveAspectRatio", "zoomAndPan", "focusable", "role", "tabindex", "href",
    "requiredFeatures", "requiredExtensions", "systemLanguage", "type", "media",
    # presentation attributes
    "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
    "color-interpolation", "color-interpolation-filters", "color-profile", "color-rendering",
    "direction", "display", "dominant-baseline", "enable-background", "fill", "fill-opacity",
    "fill-rule", "filter", "flood-color", "flood-opacity", "font-family", "font-size",
    "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering",
    "isolation", "kerning", "letter-spacing", "lighting-color", "marker-end", "marker-mid",
    "marker-start", "mask", "mix-blend-mode", "opacity", "overflow", "paint-order",
    "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke",
    "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor", "text-decoration",
    "text-rendering", "transform", "transform-origin", "unicode-bidi", "vector-effect",
    "visibility", "word-spacing", "writing-mode",
    # geometry
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
    "width", "height", "d", "points", "pathLength", "offset", "dx", "dy", "rotate",
    "lengthAdjust", "textLength", "startOffset", "method", "spacing", "side",
    # paint servers, clipping, markers
    "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
    "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
    # filters
    "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "values", "mode",
    "operator", "k1", "k2", "k3", "k4", "kernelMatrix", "order", "divisor", "bias", "targetX",
    "targetY", "edgeMode", "kernelUnitLength", "preserveAlpha", "surfaceScale",
    "diffuseConstant", "specularConstant", "specularExponent", "scale", "xChannelSelector",
    "yChannelSelector", "azimuth", "elevation", "pointsAtX", "pointsAtY", "pointsAtZ",
    "limitingConeAngle", "baseFrequency", "numOctaves", "seed", "stitchTiles", "tableValues",
    "slope", "intercept", "amplitude", "exponent", "radius",
    # SVG fonts
    "unicode", "horiz-adv-x", "horiz-origin-x", "horiz-origin-y", "vert-adv-y",
    "vert-origin-x", "vert-origin-y", "glyph-name", "arabic-form", "units-per-em", "ascent",
    "descent", "cap-height", "x-height", "underline-position", "underline-thickness",
    "strikethrough-position", "strikethrough-thickness", "overline-position",
    "overline-thickness", "bbox", "panose-1", "stemv", "stemh", "alphabetic", "ideographic",
    "hanging", "mathematical", "u1", "u2", "g1", "g2", "k", "unicode-range", "widths",
    "orientation",
})
# fmt: on
XLINK_ATTRIBUTES = frozenset({"href", "title"})
XML_ATTRIBUTES = frozenset({"space", "lang", "id"})  # not xml:base, which moves every link
FREE_ATTRIBUTE_RE = re.compile(r"^(data|aria)-[a-z0-9_.-]+$")
SCRIPT_NAMES = frozenset({"script", "handler", "listener"})

# An <image> may carry its picture inline; nothing else may point anywhere but inside the file.
RASTER_DATA_RE = re.compile(r"^\s*data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")
# CSS that fetches or runs something: @import, url() not to a #fragment, IE/Firefox bindings,
# and backslash escapes that could spell those out.
CSS_DANGER_RE = re.compile(
    r"@import|url\s*\(\s*['\"]?\s*(?!#)|expression\s*\(|behavior\s*:|-moz-binding|javascript:|\\",
    re.I,
)
JAVASCRIPT_RE = re.compile(r"(?:java|vb)script\s*:", re.I)


def _split(name):
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return "", name


class _Found(Exception):  # noqa: N818 - internal control flow, carries the finding
    pass


def _check_css(text):
    if CSS_DANGER_RE.search(text or ""):
        raise _Found(_("tham chiếu ra ngoài trong CSS"))


def _check_href(element_local, value):
    if JAVASCRIPT_RE.search(value):
        raise _Found(_("liên kết javascript:"))
    if value.strip().startswith("#"):
        return
    if element_local == "image" and RASTER_DATA_RE.match(value):
        return
    raise _Found(_("liên kết ra ngoài (href)"))


def _check_attribute(element_ns, element_local, name, value):
    namespace, local = _split(name)
    if local.lower().startswith("on"):
        raise _Found(_("thuộc tính sự kiện (on...)"))
    if JAVASCRIPT_RE.search(value):
        raise _Found(_("liên kết javascript:"))
    if namespace == "":
        if element_ns in INERT_NAMESPACES:
            return
        if local not in ATTRIBUTES and not FREE_ATTRIBUTE_RE.match(local):
            raise _Found(
                _('thuộc tính "%(name)s" không nằm trong danh sách cho phép') % {"name": local}
            )
        if local == "href":
            _check_href(element_local, value)
        elif local == "style":
            _check_css(value)
        return
    if namespace == XLINK_NS and local in XLINK_ATTRIBUTES:
        if local == "href":
            _check_href(element_local, value)
        return
    if namespace == XML_NS and local in XML_ATTRIBUTES:
        return
    if namespace in INERT_NAMESPACES:
        return
    raise _Found(
        _('thuộc tính "%(name)s" thuộc không gian tên "%(ns)s"') % {"name": local, "ns": namespace}
    )


def _check_element(element):
    namespace, local = _split(element.tag)
    if local in SCRIPT_NAMES:
        raise _Found(_("mã script"))
    if namespace == SVG_NS:
        if local == "foreignObject":
            raise _Found(_("phần tử foreignObject"))
        if local not in ELEMENTS:
            raise _Found(
                _("phần tử <%(name)s> không nằm trong danh sách cho phép") % {"name": local}
            )
        if local == "style":
            _check_css(element.text)
    elif namespace not in INERT_NAMESPACES:
        raise _Found(
            _('phần tử <%(name)s> thuộc không gian tên "%(ns)s"')
            % {"name": local, "ns": namespace or _("(không có)")}
        )
    for name, value in element.attrib.items():
        _check_attribute(namespace, local, name, value)


class _Builder(ET.TreeBuilder):
    """Builds the tree and notes processing instructions, even those before the root."""

    saw_pi = False

    def pi(self, target, text=None):
        self.saw_pi = True


def check_svg(raw):
    """None if `raw` (bytes) is an SVG made only of allowed parts; otherwise what was found."""
    # A UTF-16/32 file or stray NULs can be read differently by the browser and by us.
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return _("mã hóa khác UTF-8 (ảnh SVG phải mã hóa UTF-8)")
    if b"\x00" in raw:
        return _("mã hóa khác UTF-8 (ảnh SVG phải mã hóa UTF-8)")
    builder = _Builder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    try:
        parser.feed(raw)
        root = parser.close()
    except DefusedXmlException:
        return _("khai báo ENTITY hoặc tham chiếu ra ngoài")
    except ET.ParseError:
        return _("lỗi cú pháp XML")
    try:
        if root.tag != f"{{{SVG_NS}}}svg":
            raise _Found(
                _('phần tử gốc không phải <svg> của không gian tên "%(ns)s"') % {"ns": SVG_NS}
            )
        if builder.saw_pi:
            # <?xml-stylesheet?> makes the browser fetch and apply another document.
            raise _Found(_("chỉ thị xử lý (<?...?>)"))
        for element in root.iter():
            _check_element(element)
    except _Found as found:
        return str(found.args[0])
    return None
