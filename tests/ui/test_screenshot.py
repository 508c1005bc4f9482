"""`tourplanner --screenshot`: the window painted once into a PNG (the installed-app check)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tourplanner.cli import main
from tourplanner.ui.screenshot import MIN_COLOURS, SIZE, distinct_colours


def test_the_window_on_the_demo_plan_is_painted_into_a_png(demo_path: Path, tmp_path) -> None:
    out = tmp_path / "window.png"
    assert main(["--screenshot", str(out), str(demo_path)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    assert distinct_colours(image) >= MIN_COLOURS
    assert not list(tmp_path.glob(".*.part*"))


def test_a_blank_image_has_few_colours() -> None:
    blank = QImage(64, 64, QImage.Format.Format_ARGB32)
    blank.fill(0xFFFFFFFF)
    assert distinct_colours(blank) == 1 < MIN_COLOURS


def test_a_missing_folder_is_one_sentence(demo_path: Path, tmp_path, capsys) -> None:
    out = tmp_path / "nowhere" / "window.png"
    assert main(["--screenshot", str(out), str(demo_path)]) == 2
    assert capsys.readouterr().err.strip() == f"error: folder {out.parent} does not exist"
    assert not out.parent.exists()
