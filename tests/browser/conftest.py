"""Helpers for browser tests; the fixtures (`chromium`, `browser_page`) live in
tests/browser_harness.py and are registered once for the whole suite by tests/conftest.py, so
every folder shares one Playwright instance."""

from tests.browser_harness import axe_violations, login  # noqa: F401
