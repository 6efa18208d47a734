"""Team-wide settings that are not catalogues: the logo printed in report headers.

The logo lives in ``app_meta`` as base64 PNG (no schema change needed). Whatever file the
administrator picks is decoded here, refused unless it really is a PNG or JPEG within the
limits, and stored re-encoded as a fresh PNG: the stored bytes are always an image we made
ourselves, so a crafted file never reaches the PDF writer. Changes are audited.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from mentordesk import audit
from mentordesk.errors import InvalidInput
from mentordesk.kernel.access import require_admin
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.context import Context
from mentordesk.storage.database import Database
from mentordesk.storage.models import AppMeta
from mentordesk.storage.queries import affected_rows
from mentordesk.storage.queries.settings import remove_setting, setting

LOGO_META_KEY = "team_logo_png_base64"
ENTITY = "team_settings"
MAX_LOGO_BYTES = 1_000_000
MAX_LOGO_SIDE = 2000
# The header draws the logo at most 30 × 10 mm: 800 px is crisp at any print resolution
# and keeps every generated report (250 in a batch) small.
STORED_MAX_SIDE = 800
ACCEPTED_FORMATS = {"PNG", "JPEG"}
_TOO_BIG = "Logoet må højst fylde 1 MB."
_NOT_IMAGE = "Filen er ikke et PNG- eller JPEG-billede. Vælg en anden fil."


@dataclass(frozen=True)
class TeamLogo:
    png: bytes
    width: int
    height: int


def read_logo_file(path: Path) -> bytes:
    """The chosen file's bytes; the size is checked before reading it all."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise InvalidInput(_TOO_BIG)
        return path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"Filen kan ikke læses: {error.strerror or error}.") from error


def normalize_logo(raw: bytes) -> TeamLogo:
    """PNG or JPEG bytes → a re-encoded PNG within the stored size; InvalidInput else."""
    # Pillow comes with reportlab; imported here so app start does not pay for it.
    from PIL import Image, UnidentifiedImageError

    if len(raw) > MAX_LOGO_BYTES:
        raise InvalidInput(_TOO_BIG)
    if not raw:
        raise InvalidInput(_NOT_IMAGE)
    try:
        with Image.open(BytesIO(raw)) as probe:
            # Image.open reads only the header: format and size are known before any
            # pixel is decoded, so an oversized (or bomb) image is refused cheaply.
            if probe.format not in ACCEPTED_FORMATS:
                raise InvalidInput(_NOT_IMAGE)
            _check_dimensions(*probe.size)
            probe.verify()
        with Image.open(BytesIO(raw)) as image:
            image.load()
            return _encode(image)
    except InvalidInput:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as error:
        raise InvalidInput(_NOT_IMAGE) from error


def _check_dimensions(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise InvalidInput(_NOT_IMAGE)
    if width > MAX_LOGO_SIDE or height > MAX_LOGO_SIDE:
        raise InvalidInput(f"Logoet er {width} × {height} pixel; det må højst være "
                           f"{MAX_LOGO_SIDE} × {MAX_LOGO_SIDE} pixel.")


def _encode(image) -> TeamLogo:  # type: ignore[no-untyped-def]
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE))
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return TeamLogo(out.getvalue(), image.width, image.height)


# The logo is the team's: every report preview may show it.
_SETTINGS_CHANGED = Changes.of(Kind.SETTINGS)


def set_team_logo(context: Context, raw: bytes) -> Result[TeamLogo]:
    """Administrator only. Validates first, so a refused file changes nothing."""
    require_admin(context.actor)
    logo = normalize_logo(raw)
    with context.session() as session:
        session.merge(AppMeta(key=LOGO_META_KEY,
                              value=base64.b64encode(logo.png).decode("ascii")))
        audit.record(session, context.actor.login, audit.Action.UPDATE, entity=ENTITY,
                     detail=f"Logo til rapporter ændret ({logo.width} × {logo.height} pixel)")
    return Result(logo, _SETTINGS_CHANGED)


def set_team_logo_from_file(context: Context, path: Path) -> Result[TeamLogo]:
    require_admin(context.actor)
    return set_team_logo(context, read_logo_file(path))


def remove_team_logo(context: Context) -> Result[None]:
    require_admin(context.actor)
    with context.session() as session:
        removed = affected_rows(session, remove_setting(LOGO_META_KEY))
        if removed:
            audit.record(session, context.actor.login, audit.Action.DELETE, entity=ENTITY,
                         detail="Logo til rapporter fjernet")
    return Result(None, _SETTINGS_CHANGED if removed else NOTHING)


def team_logo(database: Database) -> bytes | None:
    """The stored logo PNG, or None (also for a damaged setting: printing must go on)."""
    with database.read_session() as session:
        encoded = session.scalar(setting(LOGO_META_KEY))
    return decode_logo(encoded)


def decode_logo(encoded: str | None) -> bytes | None:
    if not encoded:
        return None
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
