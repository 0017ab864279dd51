"""The i18n tests read compiled catalogues: the .mo files are git-ignored, so build any that is
missing or older than its .po (Vietnamese overrides and the project's catalogues), then make
Django forget the catalogues it may already have loaded."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import trans_real

CATALOGUE_DIRS = [Path(path) for path in settings.LOCALE_PATHS]


def compile_stale_catalogues():
    rebuilt = False
    for directory in CATALOGUE_DIRS:
        for po_file in directory.glob("*/LC_MESSAGES/*.po"):
            mo_file = po_file.with_suffix(".mo")
            if not mo_file.exists() or mo_file.stat().st_mtime < po_file.stat().st_mtime:
                subprocess.run(  # noqa: S603
                    ["msgfmt", "--check-format", "-o", str(mo_file), str(po_file)],  # noqa: S607
                    check=True,
                )
                rebuilt = True
    if rebuilt:
        trans_real._translations.clear()
        trans_real._default = None
        trans_real._active = trans_real.Local()


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    compile_stale_catalogues()
