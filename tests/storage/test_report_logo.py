"""The team logo set in settings (team_settings service) ends up in the report header;
anything that is not a PNG/JPEG within the limits is refused and changes nothing."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import select

from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period
from mentordesk.reports.progress.workflow import preview_pdf
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team_settings import (
    remove_team_logo,
    set_team_logo,
    set_team_logo_from_file,
    team_logo,
)
from mentordesk.storage.models import AuditEvent

pytestmark = pytest.mark.both_backends

PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
NOW = datetime(2026, 11, 23, 10, 15)


def _image(kind: str, size: tuple[int, int] = (300, 120), mode: str = "RGB") -> bytes:
    out = BytesIO()
    Image.new(mode, size, (31, 78, 121)).save(out, format=kind)
    return out.getvalue()


def _images_in(pdf: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                             text=True, check=True).stdout
    return [line.split() for line in listing.strip().splitlines()[2:]]


@pytest.fixture
def citizen_id(database, admin) -> int:
    return create_citizen(Context(database, admin), NewCitizen(
        first_name="Freja", last_name="Holm", alias="Fröken F", opened_on=date(2026, 1, 5))).value


def _report(database, admin, citizen_id) -> bytes:
    return preview_pdf(Context(database, admin),
                       citizen_id, PERIOD, now=NOW, today=date(2026, 11, 23))


def test_a_logo_set_in_settings_is_printed_in_the_report(database, admin, citizen_id,
                                                         tmp_path):
    assert _images_in(_report(database, admin, citizen_id), tmp_path) == []
    logo = set_team_logo(Context(database, admin), _image("JPEG")).value
    assert (logo.width, logo.height) == (300, 120)
    assert team_logo(database).startswith(b"\x89PNG")  # stored re-encoded as PNG
    images = _images_in(_report(database, admin, citizen_id), tmp_path)
    assert images, "the report has no image"
    # columns: page num type width height …: the same 300×120 logo on every page header
    assert {(row[3], row[4]) for row in images if row[2] == "image"} == {("300", "120")}


def test_a_large_logo_is_stored_scaled_down(database, admin):
    logo = set_team_logo(Context(database, admin), _image("PNG", (1600, 400), "RGBA")).value
    assert max(logo.width, logo.height) == 800
    with Image.open(BytesIO(team_logo(database))) as stored:
        assert stored.size == (800, 200) and stored.mode == "RGBA"


@pytest.mark.parametrize("raw, message", [
    (b"GIF89a not really", "ikke et PNG- eller JPEG-billede"),
    (b"", "ikke et PNG- eller JPEG-billede"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "ikke et PNG- eller JPEG-billede"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "ikke et PNG- eller JPEG-billede"),
    ("GIF", "ikke et PNG- eller JPEG-billede"),
    ((2001, 10), "højst være 2000 × 2000 pixel"),
    (b"\x00" * 1_000_001, "højst fylde 1 MB"),
])
def test_a_bad_file_is_refused_and_the_old_logo_kept(database, admin, raw, message):
    if raw == "GIF":
        raw = _image("GIF")
    elif isinstance(raw, tuple):
        raw = _image("PNG", raw)
    set_team_logo(Context(database, admin), _image("PNG"))
    before = team_logo(database)
    with pytest.raises(InvalidInput, match=message):
        set_team_logo(Context(database, admin), raw)
    assert team_logo(database) == before


def test_a_file_is_read_with_its_size_checked_first(database, admin, tmp_path):
    big = tmp_path / "stort.png"
    big.write_bytes(b"\x89PNG" + b"\x00" * 1_100_000)
    with pytest.raises(InvalidInput, match="1 MB"):
        set_team_logo_from_file(Context(database, admin), big)
    with pytest.raises(InvalidInput, match="kan ikke læses"):
        set_team_logo_from_file(Context(database, admin), tmp_path / "findes-ikke.png")
    good = tmp_path / "logo.png"
    good.write_bytes(_image("PNG"))
    assert set_team_logo_from_file(Context(database, admin), good).value.width == 300
    assert team_logo(database) is not None


def test_only_an_admin_changes_the_logo_and_every_change_is_audited(database, admin):
    coordinator = Actor(admin.user_id, "koord", "Koordinator", Role.COORDINATOR)
    with pytest.raises(AccessDenied):
        set_team_logo(Context(database, coordinator), _image("PNG"))
    with pytest.raises(AccessDenied):
        remove_team_logo(Context(database, coordinator))
    set_team_logo(Context(database, admin), _image("PNG"))
    remove_team_logo(Context(database, admin))
    assert team_logo(database) is None
    with database.read_session() as session:
        details = list(session.scalars(select(AuditEvent.detail)
                                       .where(AuditEvent.entity == "team_settings")
                                       .order_by(AuditEvent.id)))
    assert details == ["Logo til rapporter ændret (300 × 120 pixel)",
                       "Logo til rapporter fjernet"]
