"""VUM term queries: the team's names for goal themes and sub-themes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, func, select

from mentordesk.storage.models import VumTerm


def vum_term_names(codes: Iterable[str]) -> Select[tuple[str, str]]:
    """(code, the team's name) of the stored terms among ``codes``."""
    return select(VumTerm.code, VumTerm.name).where(VumTerm.code.in_(list(codes)))


def term_count(tree: str) -> Select[tuple[int]]:
    """How many terms the tree rooted at ``tree`` holds."""
    return select(func.count()).select_from(VumTerm).where(VumTerm.tree == tree)


def terms_in_order(tree: str) -> Select[tuple[VumTerm]]:
    """The tree's terms in display order."""
    return select(VumTerm).where(VumTerm.tree == tree).order_by(VumTerm.position, VumTerm.id)


def term_with_code(code: str) -> Select[tuple[VumTerm]]:
    return select(VumTerm).where(VumTerm.code == code)
