"""QR codes (segno) drawn as vector rectangles on a ReportLab canvas: sharp at any zoom or print
resolution and a few hundred bytes, where an embedded bitmap would be blurred or large."""

import segno


def qr_matrix(data: str) -> list[list[bool]]:
    """The module matrix of DATA (error correction M, quiet zone excluded)."""
    code = segno.make(data, error="m", micro=False, boost_error=False)
    return [[bool(cell) for cell in row] for row in code.matrix]


def draw_qr(canvas, data: str, x: float, y: float, size: float, quiet: int = 4) -> None:
    """Draw the QR code of DATA with its lower-left corner at (x, y), SIZE points wide including
    a white quiet zone of QUIET modules (readers need it)."""
    matrix = qr_matrix(data)
    modules = len(matrix) + 2 * quiet
    step = size / modules
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    top = y + size - quiet * step
    for r, row in enumerate(matrix):
        c = 0
        n = len(row)
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            # One rectangle per horizontal run of dark modules keeps the path short.
            path.rect(x + (quiet + start) * step, top - (r + 1) * step, (c - start) * step, step)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
