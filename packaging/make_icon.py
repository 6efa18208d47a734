"""Render ``ui/resources/icons/mentordesk.svg`` into a multi-size Windows ``.ico``.

Run at build time by ``mentordesk.spec`` (and usable by hand): ``python make_icon.py OUT.ico``.
The svg stays the one source of the icon; Windows wants bitmaps at fixed sizes.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
SVG = Path(__file__).resolve().parent.parent / "ui" / "resources" / "icons" / "mentordesk.svg"


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def make_icon(svg: Path, out: Path) -> Path:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(["make_icon"])  # noqa: F841
    largest = Image.open(io.BytesIO(render_png(svg, max(SIZES))))
    # Each size rendered from the vector, not scaled down from the largest bitmap.
    frames = [Image.open(io.BytesIO(render_png(svg, size))) for size in SIZES]
    out.parent.mkdir(parents=True, exist_ok=True)
    largest.save(out, format="ICO", sizes=[(size, size) for size in SIZES],
                 append_images=frames)
    return out


if __name__ == "__main__":
    make_icon(SVG, Path(sys.argv[1]))
