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


# --- A real-looking True/False package, for a checkout without ../shared/testdata ---------------
# Same layout as H5P's own TrueFalse package (main library H5P.TrueFalse 1.6 with FontAwesome
# 4.5), but our own small files, at patch version 90 so they never collide with the vetted
# upstream sets in content/h5p/vetted_libraries.json. Tests vet them the way any library is
# vetted (tests/content/conftest.py: truefalse_file).

TF_PATCH = 90
TF_H5P_JSON = {
    "title": "Mật khẩu dùng chung",
    "language": "vi",
    "mainLibrary": "H5P.TrueFalse",
    "embedTypes": ["div"],
    "license": "U",
    "preloadedDependencies": [
        {"machineName": "H5P.TrueFalse", "majorVersion": "1", "minorVersion": "6"},
        {"machineName": "FontAwesome", "majorVersion": "4", "minorVersion": "5"},
    ],
}
TF_LIBRARY_JSON = {
    "title": "True/False Question",
    "machineName": "H5P.TrueFalse",
    "majorVersion": 1,
    "minorVersion": 6,
    "patchVersion": TF_PATCH,
    "runnable": 1,
    "embedTypes": ["iframe"],
    "preloadedCss": [{"path": "styles/h5p-true-false.css"}],
    "preloadedJs": [{"path": "scripts/h5p-true-false.js"}],
    "preloadedDependencies": [{"machineName": "FontAwesome", "majorVersion": 4, "minorVersion": 5}],
}
FA_LIBRARY_JSON = {
    "title": "Font Awesome",
    "contentType": "Font",
    "machineName": "FontAwesome",
    "majorVersion": 4,
    "minorVersion": 5,
    "patchVersion": TF_PATCH,
    "runnable": 0,
    "preloadedCss": [{"path": "h5p-font-awesome.min.css"}],
}
TF_SCRIPT = """var H5P = H5P || {};
H5P.TrueFalse = function (params, contentId) {
  var self = this;
  H5P.EventDispatcher.call(self);
  self.attach = function ($container) {
    var root = $container.get ? $container.get(0) : $container;
    var question = document.createElement('p');
    question.textContent = params.question || '';
    root.appendChild(question);
    [true, false].forEach(function (value) {
      var button = document.createElement('button');
      button.textContent = value ? (params.l10n && params.l10n.trueText) || 'Đúng'
                                 : (params.l10n && params.l10n.falseText) || 'Sai';
      button.addEventListener('click', function () {
        var right = value === (params.correct === 'true');
        var event = self.createXAPIEventTemplate('answered');
        event.setScoredResult(right ? 1 : 0, 1, self, true, right);
        self.trigger(event);
      });
      root.appendChild(button);
    });
  };
};
H5P.TrueFalse.prototype = Object.create(H5P.EventDispatcher.prototype);
H5P.TrueFalse.prototype.constructor = H5P.TrueFalse;
"""
FA_SVG = (
    '<?xml version="1.0" standalone="no"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
    '<defs><font id="fontawesomeregular" horiz-adv-x="1536"><font-face units-per-em="1792"/>'
    '<glyph unicode="&#xf00c;" d="M1671 970q0 40-28 68l-136 136q-28 28-68 28t-68-28z"/>'
    "</font></defs></svg>\n"
)


def truefalse_members():
    return {
        "h5p.json": json.dumps(TF_H5P_JSON, ensure_ascii=False),
        "content/content.json": json.dumps(
            {
                "question": "<p>Được dùng chung tài khoản công vụ khi kiêm nhiệm.</p>",
                "correct": "false",
                "l10n": {"trueText": "Đúng", "falseText": "Sai"},
            },
            ensure_ascii=False,
        ),
        "H5P_CONTENT_HERE.txt": "",
        "H5P.TrueFalse-1.6/library.json": json.dumps(TF_LIBRARY_JSON),
        "H5P.TrueFalse-1.6/scripts/h5p-true-false.js": TF_SCRIPT,
        "H5P.TrueFalse-1.6/styles/h5p-true-false.css": ".h5p-true-false button{margin:.5em}",
        "FontAwesome-4.5/library.json": json.dumps(FA_LIBRARY_JSON),
        "FontAwesome-4.5/h5p-font-awesome.min.css": ".fa{font-family:FontAwesome}",
        "FontAwesome-4.5/fontawesome-webfont.svg": FA_SVG,
        "FontAwesome-4.5/fontawesome-webfont.woff2": b"wOF2\x00\x01\x00\x00" + bytes(56),
    }


def make_truefalse():
    """Bytes of the True/False-like package (a file-like object named truefalse.h5p)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in truefalse_members().items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "truefalse.h5p"
    return buffer
