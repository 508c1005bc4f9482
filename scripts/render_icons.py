"""Render the app icon (tourplanner/resources/icons/tourplanner.svg) into the hicolor PNG sizes.

Run after changing the SVG: .venv/bin/python scripts/render_icons.py
The PNGs are kept in the repository, so installing needs no renderer.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from tourplanner.desktop import APP_ID, HICOLOR_SIZES, hicolor_dir  # noqa: E402
from tourplanner.paths import resource  # noqa: E402


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(resource("icons", "tourplanner.svg")))
    for size in HICOLOR_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = hicolor_dir() / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            print(f"error: could not write {target}", file=sys.stderr)
            return 2
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
