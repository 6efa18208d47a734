"""Questions only a team server can answer."""

from __future__ import annotations

from sqlalchemy import Select, func, select


def server_login() -> Select[tuple[str]]:
    """The login role this connection authenticated as (PostgreSQL's ``current_user``):
    on a server that, not a name the PC supplies, is who acts."""
    return select(func.current_user())
