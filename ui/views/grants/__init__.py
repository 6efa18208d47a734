"""Grants (bevillinger) of a citizen: list and edit, from the catalogue."""
