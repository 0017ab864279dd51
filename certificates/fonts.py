"""The certificate font: Noto Serif from Debian's fonts-noto-core (CERT_FONT_DIR), embedded in
every PDF. Registered with ReportLab once per process; parsing a TrueType file costs far more
than drawing a page."""

import threading
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

REGULAR = "NotoSerif"
BOLD = "NotoSerif-Bold"
ITALIC = "NotoSerif-Italic"
BOLD_ITALIC = "NotoSerif-BoldItalic"

_FILES = {
    REGULAR: "NotoSerif-Regular.ttf",
    BOLD: "NotoSerif-Bold.ttf",
    ITALIC: "NotoSerif-Italic.ttf",
    BOLD_ITALIC: "NotoSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    return Path(settings.CERT_FONT_DIR)


def register_fonts() -> None:
    """Register the four Noto Serif faces (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = font_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise ImproperlyConfigured(
                    f"Không tìm thấy phông chữ {path}. Cài gói Debian fonts-noto-core "
                    "(make install) hoặc đặt CERT_FONT_DIR tới thư mục chứa Noto Serif."
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered = True
