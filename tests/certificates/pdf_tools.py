"""Poppler and zbar wrappers for certificate tests (independent tools, not our own code).

Each wrapper skips the calling test with a clear reason when its Debian tool is missing
(poppler-utils: pdftotext, pdfinfo, pdffonts, pdftoppm, pdfsig; zbar-tools: zbarimg)."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

_PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfsig": "poppler-utils",
    "zbarimg": "zbar-tools",
}


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} chưa được cài (gói Debian {_PACKAGES.get(name, name)})")
    return path


def _run(args, *, input_bytes=None, check=True):
    done = subprocess.run(args, input=input_bytes, capture_output=True, timeout=60, check=False)
    if check and done.returncode != 0:
        raise AssertionError(
            f"{args[0]} exited {done.returncode}: {done.stderr.decode('utf-8', 'replace')}"
        )
    return done


def _with_file(pdf: bytes, fn):
    with tempfile.TemporaryDirectory(prefix="ats-pdf-") as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        return fn(path, Path(folder))


def pdftotext(pdf: bytes, *, layout: bool = False) -> str:
    tool = require_tool("pdftotext")
    args = [tool, "-q", "-enc", "UTF-8"] + (["-layout"] if layout else []) + ["-", "-"]
    return _run(args, input_bytes=pdf).stdout.decode("utf-8")


def pdfinfo(pdf: bytes) -> dict:
    tool = require_tool("pdfinfo")

    def run(path, _folder):
        out = _run([tool, "-box", str(path)]).stdout.decode("utf-8", "replace")
        info = {}
        for line in out.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                info[key.strip()] = value.strip()
        return info

    return _with_file(pdf, run)


def pdffonts(pdf: bytes) -> list[dict]:
    """One dict per font: name, type, emb (bool)."""
    tool = require_tool("pdffonts")

    def run(path, _folder):
        out = _run([tool, str(path)]).stdout.decode("utf-8", "replace").splitlines()
        fonts = []
        for line in out[2:]:
            parts = line.split()
            if len(parts) < 6:
                continue
            # name type... encoding emb sub uni object ID: read from the right.
            fonts.append({"name": parts[0], "emb": parts[-5] == "yes", "line": line})
        return fonts

    return _with_file(pdf, run)


def decode_qr(pdf: bytes, *, dpi: int = 150, page: int = 1) -> list[str]:
    """Render PAGE at DPI with pdftoppm and decode every QR code on it with zbarimg."""
    ppm = require_tool("pdftoppm")
    zbar = require_tool("zbarimg")

    def run(path, folder):
        prefix = folder / "page"
        _run(
            [
                ppm,
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                str(path),
                str(prefix),
            ]
        )
        done = _run([zbar, "-q", "--raw", "-Sqrcode.enable", str(prefix) + ".png"], check=False)
        return [line for line in done.stdout.decode("utf-8").splitlines() if line]

    return _with_file(pdf, run)


def pdfsig(pdf: bytes) -> str:
    """pdfsig's report (it exits non-zero for an invalid signature; the text says why)."""
    tool = require_tool("pdfsig")
    return _with_file(
        pdf, lambda path, _f: _run([tool, str(path)], check=False).stdout.decode("utf-8", "replace")
    )


def pdfsig_signature_valid(pdf: bytes) -> bool:
    """True when pdfsig says "Signature Validation: Signature is Valid." for every signature."""
    report = pdfsig(pdf)
    lines = [line.strip() for line in report.splitlines() if "Signature Validation:" in line]
    return bool(lines) and all(line.endswith("Signature is Valid.") for line in lines)
