"""Wagtail admin hooks of the content app."""

from .h5p import wagtail_hooks  # noqa: F401
