"""Handmade .h5p archives: a minimal valid package, plus one broken thing per test."""

import io
import json
import stat
import zipfile

H5P_JSON = {
    "title": "Gói thử",
    "mainLibrary": "ATS.Demo",
    "language": "vi",
    "embedTypes": ["iframe"],
    "preloadedDependencies": [{"machineName": "ATS.Demo", "majorVersion": 1, "minorVersion": 0}],
}
LIBRARY_JSON = {
    "title": "Demo",
    "machineName": "ATS.Demo",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 2,
    "runnable": 1,
    "preloadedJs": [{"path": "demo.js"}],
    "preloadedCss": [{"path": "demo.css"}],
}


def base_members():
    return {
        "h5p.json": json.dumps(H5P_JSON),
        "content/content.json": json.dumps({"question": "Đúng hay sai?"}),
        "ATS.Demo-1.0/library.json": json.dumps(LIBRARY_JSON),
        "ATS.Demo-1.0/demo.js": "var H5P = H5P || {};",
        "ATS.Demo-1.0/demo.css": ".demo{color:#000}",
    }


def make_h5p(extra=None, drop=(), symlinks=(), compression=zipfile.ZIP_DEFLATED):
    """Bytes of a .h5p archive: the minimal package, minus `drop`, plus `extra` members."""
    members = {k: v for k, v in base_members().items() if k not in drop}
    members.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in symlinks:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    buffer.seek(0)
    buffer.name = "thu.h5p"
    return buffer
