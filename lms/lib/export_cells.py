"""Formula-safe spreadsheet cells: the one rule every CSV/XLSX export applies to text.

A cell whose text starts with = + - @, a tab or a carriage return is read by spreadsheet
programs as a formula (CSV/formula injection: `=HYPERLINK(...)` in a person's name). Such text
is written with a leading apostrophe, which spreadsheet programs show as plain text. Numbers,
dates and empty values pass unchanged.

`install_wagtail_export_guard()` applies the rule to every export Wagtail itself writes (the
site history and page reports, snippet and model listings with ?export=csv/xlsx); the project's
own exports call `formula_safe()` on their text cells.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """`value` unchanged unless it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def install_wagtail_export_guard():
    """Make Wagtail's SpreadsheetExportMixin escape every text cell it writes (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "formula_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(original(self, field, value, export_format))

    preprocess_field_value.formula_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
