"""Where package files are kept: the storage alias "h5p" (settings.STORAGES), never the default
storage. Its location lies outside MEDIA_ROOT (checked at startup, content/h5p/checks.py), so no
/media/ URL, DEBUG's or a web server's, can ever serve a package file; the player frame is
their only way out. With S3-compatible storage, point the alias at a private bucket or prefix.
"""

from django.core.files.storage import storages

STORAGE_ALIAS = "h5p"


def package_storage():
    return storages[STORAGE_ALIAS]
