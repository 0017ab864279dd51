"""Move the files of packages uploaded before the "h5p" storage existed (they were kept in the
default storage, under MEDIA_ROOT/h5p/<uuid>/, where /media/ could serve them) into the "h5p"
storage, then delete the old copies. Idempotent: a package already moved is skipped."""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from content.h5p.models import H5PPackage
from content.h5p.services import _list_recursive
from content.h5p.storage import package_storage


def _walk(storage, prefix):
    try:
        dirs, files = storage.listdir(prefix)
    except (FileNotFoundError, NotImplementedError):
        return []
    names = [f"{prefix}/{name}" for name in files]
    for directory in dirs:
        names.extend(_walk(storage, f"{prefix}/{directory}"))
    return names


class Command(BaseCommand):
    help = "Chuyển tệp của các gói H5P cũ từ MEDIA_ROOT sang kho lưu trữ H5P riêng."

    def handle(self, *args, **options):
        target = package_storage()
        moved = 0
        for package in H5PPackage.objects.all():
            old_names = _walk(default_storage, package.storage_prefix)
            if not old_names:
                continue
            for name in old_names:
                if not target.exists(name):
                    with default_storage.open(name, "rb") as source:
                        target.save(name, source)
            if len(_list_recursive(package.storage_prefix)) >= len(old_names):
                for name in old_names:
                    default_storage.delete(name)
                moved += 1
        self.stdout.write(f"Đã chuyển {moved} gói H5P sang kho lưu trữ riêng.")
