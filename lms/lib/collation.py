"""Vietnamese alphabetical order in the database, the same on PostgreSQL and SQLite.

On PostgreSQL the collation "vietnamese" is ICU's Vietnamese (locale "vi", the same as the built-in
"vi-x-icu"), created by the org app's migration 0004 under a plain name because SQLite's schema
editor writes collation names unquoted. SQLite has none, so every SQLite connection gets a Python
collation registered under the same name (`lms.lib.vietnamese.collate`, which gives ICU's order). Name columns declare it (`db_collation=VI_COLLATION`), so a plain `order_by("name")`,
the admin's sortable columns and choosers sort the Vietnamese way; `vi_order()` applies it to
any other text expression (course titles, annotations).
"""

from django.db.models import F
from django.db.models.functions import Collate

from .vietnamese import collate

VI_COLLATION = "vietnamese"


def vi_order(expression, descending=False):
    """An ORDER BY term sorting `expression` (a field name or expression) in Vietnamese order."""
    if isinstance(expression, str):
        expression = F(expression)
    term = Collate(expression, VI_COLLATION)
    return term.desc() if descending else term.asc()


def register_sqlite_collation(sender, connection, **kwargs):
    """connection_created receiver: teach each new SQLite connection the Vietnamese collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VI_COLLATION, collate)
