"""Packages stored before the "h5p" storage existed are moved out of MEDIA_ROOT."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from content.h5p.models import H5PPackage
from content.h5p.storage import package_storage

pytestmark = pytest.mark.django_db


def test_old_package_files_leave_media_root(media_root):
    package = H5PPackage.objects.create(
        title="Cũ", main_library="ATS.Demo 1.0", storage_prefix="h5p/cu", is_ready=True
    )
    for name in ("h5p.json", "content/content.json"):
        default_storage.save(package.storage_path(name), ContentFile(b"{}"))
    out = StringIO()
    call_command("h5p_move_packages", stdout=out)
    call_command("h5p_move_packages", stdout=out)  # idempotent
    assert not list((media_root / "media").rglob("*.json"))
    assert package_storage().exists("h5p/cu/content/content.json")
    assert "Đã chuyển 1 gói" in out.getvalue()
