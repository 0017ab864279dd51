"""The allow-list of H5P libraries: only vetted library code may run in the player.

A library is vetted as an exact set of files (path inside the library folder → SHA-256) for
one machine name and full version. The project ships a list (vetted_libraries.json, built
with `manage.py h5p_library_manifest`); a superuser may add more through the vetting screen
(VettedLibrary rows, each logged). A package whose library is unknown, or whose library files
differ from every vetted set of that version (a file changed, added or missing), is refused.
"""

import json
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

SHIPPED_PATH = Path(__file__).with_name("vetted_libraries.json")
VET_ACTION = "content.h5p_library.vet"
MAX_FILES_NAMED = 5


@lru_cache(maxsize=1)
def shipped_variants():
    """{(machineName, major, minor, patch): [files, ...]} from the shipped list."""
    data = json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))
    variants = {}
    for entry in data["libraries"]:
        key = (entry["machineName"], *map(int, entry["version"].split(".")))
        variants.setdefault(key, []).append(entry["files"])
    return variants


def vetted_variants(manifests):
    """{key: [files, ...]} for the versions of `manifests`: shipped plus added, one query."""
    from .models import VettedLibrary

    keys = {(m.machine_name, *m.version) for m in manifests}
    variants = {key: list(shipped_variants().get(key, [])) for key in keys}
    names = {key[0] for key in keys}
    if names:
        for row in VettedLibrary.objects.filter(machine_name__in=names).only(
            "machine_name", "major_version", "minor_version", "patch_version", "files"
        ):
            key = (row.machine_name, row.major_version, row.minor_version, row.patch_version)
            if key in variants:
                variants[key].append(row.files)
    return variants


def status(manifest, variants):
    """ "vetted", "unknown" (no vetted set of this version) or "differs"."""
    known = variants.get((manifest.machine_name, *manifest.version), [])
    if any(files == manifest.files for files in known):
        return "vetted"
    return "differs" if known else "unknown"


def _differences(manifest, known):
    """Messages naming the files of `manifest` that differ from the closest vetted set."""
    closest = min(known, key=lambda files: len(set(files.items()) ^ set(manifest.files.items())))
    lib, folder = manifest.label, manifest.folder
    messages = []
    for path in sorted(manifest.files):
        if path not in closest:
            messages.append(
                _('Thư viện "%(lib)s": tệp "%(file)s" không có trong bản đã thẩm định.')
                % {"lib": lib, "file": f"{folder}/{path}"}
            )
        elif closest[path] != manifest.files[path]:
            messages.append(
                _('Thư viện "%(lib)s": tệp "%(file)s" khác với bản đã thẩm định.')
                % {"lib": lib, "file": f"{folder}/{path}"}
            )
    for path in sorted(set(closest) - set(manifest.files)):
        messages.append(
            _('Thư viện "%(lib)s": thiếu tệp "%(file)s" của bản đã thẩm định.')
            % {"lib": lib, "file": f"{folder}/{path}"}
        )
    if len(messages) > MAX_FILES_NAMED:
        more = len(messages) - MAX_FILES_NAMED
        messages = messages[:MAX_FILES_NAMED] + [
            _('Thư viện "%(lib)s": còn %(n)s tệp khác nữa khác với bản đã thẩm định.')
            % {"lib": lib, "n": more}
        ]
    return messages


def unvetted_problems(manifests, user=None):
    """Vietnamese messages for every library of a package that is not vetted as it is."""
    variants = vetted_variants(manifests)
    if user is not None and getattr(user, "is_superuser", False):
        who = _('Hãy thẩm định thư viện ở mục "Thư viện H5P" của trang quản trị rồi tải lại gói.')
    else:
        who = _(
            "Quản trị viên phải thẩm định thư viện này trước khi gói dùng nó được tải lên; "
            "hãy gửi gói cho quản trị viên."
        )
    problems = []
    for manifest in manifests:
        found = status(manifest, variants)
        if found == "unknown":
            problems.append(
                _('Thư viện "%(lib)s" chưa được thẩm định, nên mã của nó không được phép chạy.')
                % {"lib": manifest.label}
                + " "
                + who
            )
        elif found == "differs":
            key = (manifest.machine_name, *manifest.version)
            problems.extend(_differences(manifest, variants[key]))
            problems.append(
                _(
                    'Thư viện "%(lib)s" khác với bản đã thẩm định (có thể đã bị sửa đổi), nên '
                    "không được phép chạy."
                )
                % {"lib": manifest.label}
                + " "
                + who
            )
    return problems


def vet_libraries(manifests, user, source_filename=""):
    """Add libraries to the allow-list, as `user` (a superuser) confirmed on the vetting
    screen; one audit log entry per library. Returns the rows created (already vetted ones
    are skipped)."""
    from wagtail.log_actions import log

    from .models import VettedLibrary

    if user is None or not user.is_active or not user.is_superuser:
        raise PermissionDenied
    variants = vetted_variants(manifests)
    created = []
    with transaction.atomic():
        for manifest in manifests:
            if status(manifest, variants) == "vetted":
                continue
            row, was_created = VettedLibrary.objects.get_or_create(
                digest=manifest.digest,
                defaults={
                    "machine_name": manifest.machine_name,
                    "major_version": manifest.version[0],
                    "minor_version": manifest.version[1],
                    "patch_version": manifest.version[2],
                    "files": manifest.files,
                    "source_filename": source_filename[:255],
                    "vetted_by": user,
                },
            )
            if was_created:
                log(
                    instance=row,
                    action=VET_ACTION,
                    user=user,
                    data={
                        "library": manifest.label,
                        "files": len(manifest.files),
                        "digest": manifest.digest,
                        "source": source_filename,
                    },
                )
                created.append(row)
    return created


def manifest_entry(manifest, source=""):
    """A manifest as an entry of vetted_libraries.json."""
    return {
        "machineName": manifest.machine_name,
        "version": ".".join(map(str, manifest.version)),
        "source": source,
        "files": dict(sorted(manifest.files.items())),
    }
