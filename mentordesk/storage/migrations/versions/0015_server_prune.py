"""The team server prunes its access log itself: any team member's connection may ask.

Revision ID: 0015_server_prune
Revises: 0014_server_functions
Create Date: 2026-12-06

PostgreSQL only. On a file the app prunes the log past its retention period once a day
when it closes (``audit_admin.retention.prune_expired``); on a server the admins'
``mentordesk_prune_log(cutoff)`` was the only way, run by hand. Now:

- ``mentordesk_remove_events_before(cutoff)``: the removal itself (the pruning's own
  event, the anchor, the count, the DELETE), moved unchanged out of
  ``mentordesk_prune_log``; no group may call it, only the two functions below.
- ``mentordesk_prune_log(cutoff)``: as before, admins only.
- ``mentordesk_prune_expired()``: every group may call it, and the caller chooses
  nothing: the cutoff is the team's own retention period (``audit_retention_months``,
  never under six months) before today (Copenhagen's date), it runs at most once a day
  (``audit_auto_pruned_on``, a key of the log that no login may write) and returns NULL
  when it had run today already. The log's trigger still refuses to delete an event
  younger than six months or at or after the anchor, whoever asks.
"""

from __future__ import annotations

from alembic import op

from mentordesk.storage.triggers import on_server

revision = "0015_server_prune"
down_revision = "0014_server_functions"
branch_labels = None
depends_on = None

REMOVE_EVENTS_BEFORE = """
CREATE OR REPLACE FUNCTION mentordesk_remove_events_before(p_cutoff text)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  first_recent bigint;
  removed bigint;
  first_kept bigint;
  kept_prev text;
  already bigint;
BEGIN
  SELECT min(id) INTO first_recent FROM audit_event WHERE occurred_at >= p_cutoff;
  SELECT count(*) INTO removed FROM audit_event
   WHERE first_recent IS NULL OR id < first_recent;
  IF removed = 0 THEN
    RETURN 0;
  END IF;
  PERFORM mentordesk_log_event('prune', 'audit_event', NULL, NULL,
    'Adgangsloggen beskåret: ' || removed || ' hændelser før ' || left(p_cutoff, 10)
    || ' slettet');
  SELECT min(id) INTO first_kept FROM audit_event WHERE occurred_at >= p_cutoff;
  IF first_kept IS NULL THEN
    -- Even the pruning's own event is older: a cutoff in the future keeps nothing.
    RAISE EXCEPTION 'Skæringstidspunktet % ligger efter loggens nyeste hændelse', p_cutoff;
  END IF;
  SELECT prev_hash INTO kept_prev FROM audit_event WHERE id = first_kept;
  SELECT value::bigint INTO already FROM app_meta WHERE key = 'audit_pruned';
  INSERT INTO app_meta (key, value) VALUES ('audit_anchor_hash', kept_prev),
    ('audit_anchor_id', first_kept::text),
    ('audit_pruned', (coalesce(already, 0) + removed)::text)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  DELETE FROM audit_event WHERE id < first_kept;
  RETURN removed;
END
$$
"""

PRUNE_LOG = """
CREATE OR REPLACE FUNCTION mentordesk_prune_log(p_cutoff text)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AND NOT EXISTS (
      SELECT 1 FROM "user" WHERE login = session_user AND active AND role = 'admin') THEN
    RAISE EXCEPTION 'Kun en administrator kan beskære adgangsloggen';
  END IF;
  RETURN mentordesk_remove_events_before(p_cutoff);
END
$$
"""

# Six months: audit.RETENTION_MONTHS, the shortest period a team may choose. The cutoff is
# written as audit_admin.retention writes it on a file (midnight UTC of the local date).
# The team's writer lock (engine.SERVER_WRITE_LOCK) makes two PCs connecting at once
# prune once: the second waits, then finds today's mark.
PRUNE_EXPIRED = """
CREATE OR REPLACE FUNCTION mentordesk_prune_expired()
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Europe/Copenhagen')::date;
  stored text;
  months integer := 6;
  cutoff text;
BEGIN
  PERFORM pg_advisory_xact_lock(1296324434);
  IF EXISTS (SELECT 1 FROM app_meta WHERE key = 'audit_auto_pruned_on'
             AND value >= to_char(today, 'YYYY-MM-DD')) THEN
    RETURN NULL;
  END IF;
  INSERT INTO app_meta (key, value) VALUES ('audit_auto_pruned_on', to_char(today, 'YYYY-MM-DD'))
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  SELECT value INTO stored FROM app_meta WHERE key = 'audit_retention_months';
  IF stored ~ '^[0-9]{1,3}$' THEN
    months := greatest(months, stored::integer);
  END IF;
  cutoff := to_char(today - make_interval(months => months), 'YYYY-MM-DD')
    || 'T00:00:00.000000+00:00';
  IF NOT EXISTS (SELECT 1 FROM audit_event WHERE occurred_at < cutoff) THEN
    RETURN 0;
  END IF;
  RETURN mentordesk_remove_events_before(cutoff);
END
$$
"""


def upgrade() -> None:
    if not on_server():
        return
    for statement in (REMOVE_EVENTS_BEFORE, PRUNE_LOG, PRUNE_EXPIRED):
        op.execute(statement)


def downgrade() -> None:
    if not on_server():
        return
    from importlib import import_module

    # 0014's own text of the admins' pruning, which held the removal itself.
    previous = import_module("mentordesk.storage.migrations.versions.0014_server_functions")
    op.execute(previous.PRUNE_LOG)
    for signature in ("mentordesk_prune_expired()", "mentordesk_remove_events_before(text)"):
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
