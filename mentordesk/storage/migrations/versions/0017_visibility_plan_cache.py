"""The visibility functions in PL/pgSQL, so their query is planned once per connection.

Revision ID: 0017_visibility_plan_cache
Revises: 0016_server_retention
Create Date: 2026-12-06

PostgreSQL only. Every statement on a citizen table runs ``mentordesk_sees_team()`` and
``mentordesk_visible_citizen_ids()`` once (the policies' InitPlans, 0014). As SQL
functions that are ``SECURITY DEFINER`` they cannot be inlined, and PostgreSQL parses and
plans a non-inlined SQL function's query at every call: ~0.8 ms a statement, and a
screen such as the team's week hours runs a dozen statements (bench/server_vs_file.py:
row-level security cost it about 2× on the demo). PL/pgSQL keeps each query's plan for
the session, so the same rule costs a few microseconds after the connection's first
call. The rule itself is unchanged: the same queries, the same ``session_user``, STABLE,
the same owner and grants (CREATE OR REPLACE keeps both).
"""

from __future__ import annotations

from alembic import op

from mentordesk.storage.triggers import on_server

revision = "0017_visibility_plan_cache"
down_revision = "0016_server_retention"
branch_labels = None
depends_on = None

SEES_TEAM = """
CREATE OR REPLACE FUNCTION mentordesk_sees_team()
RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM "user" u WHERE u.login = session_user AND u.active
                 AND u.role IN ('coordinator', 'admin'));
END
$$
"""

VISIBLE_CITIZEN_IDS = """
CREATE OR REPLACE FUNCTION mentordesk_visible_citizen_ids()
RETURNS bigint[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  RETURN (
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
      SELECT c.citizen_id FROM absence_cover c JOIN absence b ON b.id = c.absence_id, me,
             today
       WHERE c.substitute_id = me.id AND b.start_on <= today.day AND b.end_on >= today.day
    ) visible);
END
$$
"""


def upgrade() -> None:
    if not on_server():
        return
    for statement in (SEES_TEAM, VISIBLE_CITIZEN_IDS):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
