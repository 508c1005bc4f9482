"""The undo stack and the file never disagree: a refused undo says why and leaves the list."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QMessageBox

from tourplanner.services import items


def _keynote(window) -> tuple[int, object]:
    with window.plan.reading() as s:
        found = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        return found.id, found.start_utc


def test_an_undo_over_a_change_made_since_is_refused_in_words(window, monkeypatch) -> None:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: said.append((title, text))
    )
    item_id, start = _keynote(window)
    assert window.edits.move_item_to(item_id, start + timedelta(minutes=15))
    assert window.undo_stack.count() == 1 and window.undo_stack.canUndo()
    with window.plan.transaction() as s:  # the record changes underneath (another program)
        items.move_item(s, item_id, start + timedelta(hours=1))
    window.undo_stack.undo()
    assert said and said[0][0].startswith("Undo Move 'Keynote")
    assert "was changed since" in said[0][1] and "taken off the undo list" in said[0][1]
    # The step is obsolete: gone from the stack, which does not offer to redo it either.
    assert window.undo_stack.count() == 0
    assert not window.undo_stack.canUndo() and not window.undo_stack.canRedo()
    with window.plan.reading() as s:
        assert items.span(s, item_id)[0] == start + timedelta(hours=1)  # the newer change kept


def test_every_change_reaches_the_views_through_one_signal(window, qtbot) -> None:
    item_id, start = _keynote(window)
    with qtbot.waitSignal(window.operations.applied) as applied:
        window.edits.move_item_to(item_id, start + timedelta(minutes=5))
    assert applied.args[0].items == {item_id}
    with qtbot.waitSignal(window.operations.applied) as applied:
        window.undo_stack.undo()
    assert applied.args[0].items == {item_id}
