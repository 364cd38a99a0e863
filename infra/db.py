"""PostgreSQL connection details for code that connects without the ORM (health, LangGraph)."""

from __future__ import annotations

from django.conf import settings
from psycopg.conninfo import make_conninfo


def postgres_conninfo(alias: str = "default", **overrides: object) -> str:
    """A libpq conninfo string for the Django database ``alias`` (its test name under pytest)."""
    database = settings.DATABASES[alias]
    parts: dict[str, object] = {
        "dbname": database.get("NAME") or "",
        "user": database.get("USER") or "",
        "password": database.get("PASSWORD") or "",
        "host": database.get("HOST") or "",
        "port": database.get("PORT") or "",
    }
    parts.update(overrides)
    return make_conninfo(**{key: str(value) for key, value in parts.items() if value not in ("", None)})
