"""Importing an H5P package: validate the whole archive, then store it member by member
through Django's storage API (the "h5p" storage, outside MEDIA_ROOT), all or nothing."""

import logging
import zipfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from .models import H5PPackage
from .storage import package_storage
from .validation import (
    MAX_FILE_SIZE,
    ZIP_READ_ERRORS,
    H5PPackageError,
    read_member,
    validate_package,
)

logger = logging.getLogger(__name__)

__all__ = ["H5PPackageError", "delete_package_files", "import_package"]


def import_package(file_or_path, user=None, title=""):
    """Validate and store a .h5p package; returns the ready H5PPackage.

    Raises H5PPackageError (a ValidationError; `.messages` lists every problem in Vietnamese)
    and then leaves neither a database row nor a stored file behind.
    """
    filename = Path(getattr(file_or_path, "name", None) or str(file_or_path)).name
    if hasattr(file_or_path, "seek"):
        file_or_path.seek(0)
    validated = validate_package(file_or_path, filename, user=user)
    if hasattr(file_or_path, "seek"):
        file_or_path.seek(0)

    written = []
    try:
        with transaction.atomic():
            package = H5PPackage(
                title=(title or validated.title)[:255],
                main_library=validated.main_library,
                h5p_json=validated.h5p_json,
                total_size=validated.total_size,
                file_count=len(validated.members),
                original_filename=filename[:255],
                uploaded_by=user if user is not None and user.is_authenticated else None,
            )
            package.storage_prefix = f"h5p/{package.uuid}"
            package.save()
            with zipfile.ZipFile(file_or_path) as archive:
                for info in validated.members:
                    try:
                        data = read_member(archive, info, MAX_FILE_SIZE)
                    except ZIP_READ_ERRORS as exc:
                        # The archive changed under us after validation (it should not).
                        raise H5PPackageError(
                            _('Tệp "%(file)s": dữ liệu nén bị hỏng.') % {"file": info.filename}
                        ) from exc
                    wanted = package.storage_path(info.filename)
                    try:
                        saved = package_storage().save(wanted, ContentFile(data))
                    except OSError as exc:
                        logger.exception("Could not store H5P file %s", wanted)
                        raise H5PPackageError(
                            _('Tệp "%(file)s": không lưu được vào kho lưu trữ (%(error)s).')
                            % {"file": info.filename, "error": exc.strerror or exc}
                        ) from exc
                    written.append(saved)
                    if saved != wanted:
                        # The storage renamed the file (a clash under a fresh UUID prefix
                        # should be impossible); a renamed member would break the player.
                        raise H5PPackageError(
                            _('Tệp "%(file)s": không lưu được vào kho lưu trữ.')
                            % {"file": info.filename}
                        )
            package.is_ready = True
            package.save(update_fields=["is_ready"])
    except Exception:
        _delete_names(written)
        raise
    return package


def _delete_names(names):
    for name in names:
        try:
            package_storage().delete(name)
        except Exception:  # noqa: BLE001 - cleanup must try every file
            logger.exception("Could not delete H5P file %s", name)


def delete_package_files(package, members=None):
    """Remove a package's stored files (used when the package is deleted)."""
    if members is None:
        members = _list_recursive(package.storage_prefix)
    _delete_names(members)


def _list_recursive(prefix):
    names = []
    try:
        dirs, files = package_storage().listdir(prefix)
    except (FileNotFoundError, NotImplementedError):
        return names
    names.extend(f"{prefix}/{name}" for name in files)
    for directory in dirs:
        names.extend(_list_recursive(f"{prefix}/{directory}"))
    return names
