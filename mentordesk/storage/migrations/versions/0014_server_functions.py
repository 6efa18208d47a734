"""The team server's own functions: who may see a citizen, and the access log's writer.

Revision ID: 0014_server_functions
Revises: 0013_scale_indexes
Create Date: 2026-12-06

PostgreSQL only; a file has neither (its roles are the app's checks, its log is written by
``audit.record``). Both are ``SECURITY DEFINER`` with a pinned ``search_path``: they run
as their owner (``mentordesk_owner`` once ``server init`` has handed them over), so a
login role can call them but never reach the tables they use in any other way.

- ``mentordesk_visible_citizen(id)``: the app's one visibility rule
  (``storage/queries/visibility.visible_citizens``), built from ``mentordesk_sees_team()``
  and ``mentordesk_visible_citizen_ids()``, which the row-level security policies call
  directly so that each runs once per statement.
- ``mentordesk_log_event(…)``: appends one event, computing the chain's hash on the
  server under a lock with ``audit.compute_hash``'s definition; the actor is
  ``session_user``. Only a superuser (IT's import of a file's history, the test cluster)
  may name another actor or time, as a superuser could write the table directly anyway.
- ``mentordesk_prune_log(cutoff)``: ``audit.prune`` on the server, for admins only.
"""

from __future__ import annotations

from alembic import op

from mentordesk.storage.triggers import on_server

revision = "0014_server_functions"
down_revision = "0013_scale_indexes"
branch_labels = None
depends_on = None

# The rule itself: which citizens the person connected (``session_user``; a definer's
# ``current_user`` is the owner) may see. Split in two so a policy evaluates each once per
# statement (as an InitPlan), not once per row: a per-row call cost ~40 µs a row.
SEES_TEAM = """
CREATE OR REPLACE FUNCTION mentordesk_sees_team()
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM "user" u WHERE u.login = session_user AND u.active
                 AND u.role IN ('coordinator', 'admin'))
$$
"""

VISIBLE_CITIZEN_IDS = """
CREATE OR REPLACE FUNCTION mentordesk_visible_citizen_ids()
RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH me AS (
    SELECT u.id FROM "user" u WHERE u.login = session_user AND u.active
  ), today AS (
    SELECT (now() AT TIME ZONE 'Europe/Copenhagen')::date AS day
  )
  SELECT coalesce(array_agg(DISTINCT citizen_id), '{}') FROM (
    SELECT a.citizen_id FROM assignment a, me, today
     WHERE a.user_id = me.id
       AND a.start_on <= today.day AND (a.end_on IS NULL OR a.end_on >= today.day)
    UNION
    SELECT c.citizen_id FROM absence_cover c JOIN absence b ON b.id = c.absence_id, me, today
     WHERE c.substitute_id = me.id AND b.start_on <= today.day AND b.end_on >= today.day
  ) visible
$$
"""

VISIBLE_CITIZEN = """
CREATE OR REPLACE FUNCTION mentordesk_visible_citizen(p_citizen_id bigint)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT mentordesk_sees_team() OR p_citizen_id = ANY (mentordesk_visible_citizen_ids())
$$
"""

# The canonical text is audit._canonical's compact JSON array: to_json escapes text as
# json.dumps(ensure_ascii=False) does (", \\, \\b \\f \\n \\r \\t, other controls \\u00xx).
LOG_EVENT = """
CREATE OR REPLACE FUNCTION mentordesk_log_event(
  p_action text, p_entity text, p_entity_id bigint, p_citizen_id bigint, p_detail text,
  p_claimed_login text DEFAULT NULL, p_occurred_at text DEFAULT NULL)
RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  trusted boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = session_user);
  actor text := CASE WHEN trusted AND p_claimed_login IS NOT NULL
                     THEN p_claimed_login ELSE session_user END;
  moment text := CASE WHEN trusted AND p_occurred_at IS NOT NULL THEN p_occurred_at
                      ELSE to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                   'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') END;
  previous text;
  counted bigint;
  canonical text;
  new_hash text;
BEGIN
  -- One appender at a time, whatever else the transaction holds.
  PERFORM pg_advisory_xact_lock(7146524816);
  SELECT value INTO previous FROM app_meta WHERE key = 'audit_head';
  SELECT value::bigint INTO counted FROM app_meta WHERE key = 'audit_count';
  previous := coalesce(nullif(previous, ''), repeat('0', 64));
  canonical := '[' || to_json(moment)::text || ',' || to_json(actor)::text || ','
    || to_json(p_action)::text || ',' || to_json(coalesce(p_entity, ''))::text || ','
    || coalesce(to_json(p_entity_id)::text, 'null') || ','
    || coalesce(to_json(p_citizen_id)::text, 'null') || ','
    || to_json(coalesce(p_detail, ''))::text || ',' || to_json(previous)::text || ']';
  new_hash := encode(sha256(convert_to(previous || canonical, 'UTF8')), 'hex');
  INSERT INTO audit_event (occurred_at, user_login, action, entity, entity_id, citizen_id,
                           detail, prev_hash, hash, signature)
  VALUES (moment, actor, p_action, coalesce(p_entity, ''), p_entity_id, p_citizen_id,
          coalesce(p_detail, ''), previous, new_hash, '');
  INSERT INTO app_meta (key, value) VALUES ('audit_head', new_hash), ('audit_count',
    (coalesce(counted, 0) + 1)::text)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  RETURN new_hash;
END
$$
"""

PRUNE_LOG = """
CREATE OR REPLACE FUNCTION mentordesk_prune_log(p_cutoff text)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  first_recent bigint;
  removed bigint;
  first_kept bigint;
  kept_prev text;
  already bigint;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AND NOT EXISTS (
      SELECT 1 FROM "user" WHERE login = session_user AND active AND role = 'admin') THEN
    RAISE EXCEPTION 'Kun en administrator kan beskære adgangsloggen';
  END IF;
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

FUNCTIONS = ("mentordesk_visible_citizen(bigint)", "mentordesk_sees_team()",
             "mentordesk_visible_citizen_ids()",
             "mentordesk_log_event(text, text, bigint, bigint, text, text, text)",
             "mentordesk_prune_log(text)")


def upgrade() -> None:
    if not on_server():
        return
    for statement in (SEES_TEAM, VISIBLE_CITIZEN_IDS, VISIBLE_CITIZEN, LOG_EVENT, PRUNE_LOG):
        op.execute(statement)


def downgrade() -> None:
    if not on_server():
        return
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
