"""Coordinators set the access log's retention period on a team server too.

Revision ID: 0016_server_retention
Revises: 0015_server_prune
Create Date: 2026-12-06

PostgreSQL only. On a file a coordinator or admin sets how long the log is kept
(``audit_admin.retention.set_retention_months``). On a server the setting's key,
``audit_retention_months``, is one of the log's keys in ``app_meta`` that no login may
write (the automatic pruning reads it), so only a superuser could change it. The
setting goes through ``mentordesk_set_retention(months)`` instead: it runs as the owner,
accepts only 6–120 months, and only from a person whose user row on the team is an
active coordinator or admin — the same rule the app applies, read from the same row the
visibility functions read (the connected ``session_user``).
"""

from __future__ import annotations

from alembic import op

from mentordesk.storage.triggers import on_server

revision = "0016_server_retention"
down_revision = "0015_server_prune"
branch_labels = None
depends_on = None

SET_RETENTION = """
CREATE OR REPLACE FUNCTION mentordesk_set_retention(p_months integer)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "user" u WHERE u.login = session_user AND u.active
                 AND u.role IN ('coordinator', 'admin')) THEN
    RAISE EXCEPTION 'Kun en koordinator eller administrator kan ændre loggens opbevaringstid'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_months IS NULL OR p_months < 6 OR p_months > 120 THEN
    RAISE EXCEPTION 'Loggen skal gemmes mellem 6 og 120 måneder'
      USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO app_meta (key, value) VALUES ('audit_retention_months', p_months::text)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
END
$$
"""


def upgrade() -> None:
    if on_server():
        op.execute(SET_RETENTION)


def downgrade() -> None:
    if on_server():
        op.execute("DROP FUNCTION IF EXISTS mentordesk_set_retention(integer)")
