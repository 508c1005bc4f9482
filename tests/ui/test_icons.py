"""The icons: every action's SVG is there, drawn in the palette's text colour at any scale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from tourplanner.ui.app import create_application
from tourplanner.ui.icons import ICON_DIR, NAMES, icon


def inked(image: QImage, alpha: int = 200) -> list[QColor]:
    """The colours of the pixels an icon paints (opaque enough to see; edges are blended)."""
    colours = []
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() >= alpha:
                colours.append(colour)
    return colours


@pytest.fixture
def palette():
    """The application palette, restored after the test changes it."""
    app = create_application()
    before = QPalette(app.palette())
    yield app
    QApplication.setPalette(before)


def test_every_role_has_its_svg_and_draws_something(palette) -> None:
    assert {p.stem for p in ICON_DIR.glob("*.svg")} == set(NAMES.values())
    for role in NAMES:
        image = icon(role).pixmap(QSize(24, 24)).toImage()
        assert image.size() == QSize(24, 24)
        assert len(inked(image)) > 20, role


def test_icons_follow_the_palette_and_grey_out_when_disabled(palette) -> None:
    colours = QPalette(palette.palette())
    colours.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#e00000"))
    colours.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#00a000"))
    QApplication.setPalette(colours)
    printer = icon("print")
    normal = {c.name() for c in inked(printer.pixmap(QSize(32, 32)).toImage(), 255)}
    disabled = {
        c.name() for c in inked(printer.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage(), 255)
    }
    assert normal == {"#e00000"}
    assert disabled == {"#00a000"}
    # A dark palette: the same icon now light.
    colours.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    QApplication.setPalette(colours)
    assert {c.name() for c in inked(printer.pixmap(QSize(32, 32)).toImage(), 255)} == {"#f0f0f0"}


def test_a_high_dpi_screen_gets_sharp_pixmaps(palette) -> None:
    pixmap = icon("open").pixmap(QSize(24, 24), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(48, 48)
    # Drawn at 48 pixels, not scaled up from 24: far more inked pixels than the small one.
    small = len(inked(icon("open").pixmap(QSize(24, 24)).toImage()))
    assert len(inked(pixmap.toImage())) > 3 * small


def test_a_changed_copy_of_an_icon_keeps_drawing(palette) -> None:
    import gc

    from PySide6.QtGui import QPixmap

    original = icon("print")
    copy = QIcon(original)
    extra = QPixmap(8, 8)
    extra.fill(QColor("#00ff00"))
    copy.addPixmap(extra)  # Qt clones the engine here; the clone must outlive this call
    del original
    gc.collect()
    assert len(inked(copy.pixmap(QSize(32, 32)).toImage())) > 20
