"""Render Yuedu's icon, resources/icons/yuedu.svg, to the PNGs beside it (yuedu-16.png …
yuedu-256.png): `QT_QPA_PLATFORM=offscreen python tools/render_icon.py`.

The PNGs are committed, so neither the app nor `yuedu install-desktop` needs QtSvg at run
time; run this again after editing the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = ICONS_DIR / "yuedu.svg"
    for size in SIZES:
        target = ICONS_DIR / f"yuedu-{size}.png"
        if not render(svg, size).save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target.relative_to(ICONS_DIR.parent.parent))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
