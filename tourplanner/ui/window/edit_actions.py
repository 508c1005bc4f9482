"""Adding, editing, moving, deleting items and records: each one operation on the undo stack."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from tourplanner.enums import ItemKind, ItemStatus, label
from tourplanner.operations import items as item_ops
from tourplanner.operations import records as record_ops
from tourplanner.operations import venues as venue_ops
from tourplanner.operations import versions
from tourplanner.operations.logistics import set_menu
from tourplanner.operations.occurrence import edit_occurrence
from tourplanner.services import forms, items, itinerary, records
from tourplanner.services.item_logistics import item_logistics
from tourplanner.services.items import ItemValues
from tourplanner.timezones import to_local, to_utc
from tourplanner.ui.item_editor import ALL, THIS_ONE, ItemEditor, ask_this_or_all, default_start
from tourplanner.ui.operations.logistics_dialog import LogisticsDialog
from tourplanner.ui.pages import ITEM_PAGES, VIEW_PAGES
from tourplanner.ui.records.editor import RecordEditor
from tourplanner.ui.records.entities import ENTITIES, PLAN, Entity
from tourplanner.ui.records.journey_editor import JourneyEditor
from tourplanner.ui.travel_times_dialog import TravelTimesDialog
from tourplanner.ui.window.context import WindowContext
from tourplanner.ui.wording import counted


def _editor_of(entity: Entity) -> type[RecordEditor]:
    """Journeys have their own editor (travellers, kind-aware rows); the rest the generic one."""
    return JourneyEditor if entity.key == "travel" else RecordEditor


class EditActions:
    """The Edit and Plan menus' changes, and the timeline's drags, as operations."""

    def __init__(self, context: WindowContext) -> None:
        self.context = context

    # -- items ---------------------------------------------------------------------------------

    def _item_title(self, item_id: int) -> str:
        with self.context.plan.reading() as session:
            return items.item_values(session, item_id).title_en

    def move_item_to(self, item_id: int, new_start: datetime) -> bool:
        """Move an item (from the timeline) as one undoable step."""
        return self.context.run(item_ops.move_item(item_id, new_start, self._item_title(item_id)))

    def move_occurrence(self, item_id: int, occurrence_utc: datetime, new_start: datetime) -> bool:
        """Move one occurrence of a repeating item (a drag): asks 'this occurrence' (the series
        skips that day, an item of its own takes the new time) or 'all' (the series moves by as
        much); each is one undoable step."""
        with self.context.plan.reading() as session:
            values = items.item_values(session, item_id)
            zone = itinerary.item_occurrences(session, item_id)[0].timezone
        occurrence = to_local(occurrence_utc, zone).replace(tzinfo=None)
        moved = to_local(new_start, zone).replace(tzinfo=None) - occurrence
        answer = ask_this_or_all(self.context.widget, occurrence)
        if answer == THIS_ONE:
            length = values.end - values.start
            alone = replace(values, start=occurrence + moved, end=occurrence + moved + length)
            return self.context.run(edit_occurrence(item_id, occurrence, alone))
        if answer == ALL:
            return self.move_item_to(item_id, to_utc(values.start + moved, zone))
        return False

    def edit_logistics(self, item_id: int | None = None) -> LogisticsDialog | None:
        """The selected item's meeting point and time and its menu, saved as one step."""
        item_id = item_id if item_id is not None else self.context.selected_item_id()
        if item_id is None:
            self.context.say("Select an item first")
            return None
        with self.context.plan.reading() as session:
            values = item_logistics(session, item_id)
            item = items.item_values(session, item_id)
        dialog = LogisticsDialog(
            item_id,
            item.title_en,
            values,
            item.start,
            self.context.operations.run,
            self.context.widget,
        )
        dialog.open()
        return dialog

    def set_menu(self, item_id: int, _column: str, text: str) -> bool:
        """A meal's menu typed in its cell on the Meals page: one undoable step, the meeting
        point and time kept."""
        return self.context.run(set_menu(item_id, text, self._item_title(item_id)))

    def move_selected(self, delta: timedelta) -> None:
        item_id = self.context.selected_item_id()
        if item_id is None:
            self.context.say(QCoreApplication.translate("EditActions", "Select an item to move"))
            return
        with self.context.plan.reading() as session:
            start, _end = items.span(session, item_id)
        self.move_item_to(item_id, start + delta)

    def resize_item_to(self, item_id: int, new_end: datetime) -> bool:
        """Give an item a new end (the timeline's edge drag) as one undoable step."""
        return self.context.run(item_ops.resize_item(item_id, new_end, self._item_title(item_id)))

    def new_item(self, values: ItemValues | None = None) -> ItemEditor:
        """Open the editor for a new item (on the day the timeline shows, at 09:00, when
        nothing else says where); saving it is one undoable step."""
        shown = self.context.shown_day()
        if values is None and shown is not None:
            programme_id, day = shown
            start = default_start(day)
            values = ItemValues(
                programme_id, "", "", ItemKind.SESSION, ItemStatus.CONFIRMED, None, None,
                start, start + timedelta(hours=1), "",
            )  # fmt: skip
        editor = ItemEditor(
            self.context.plan, self.context.operations.run, self.context.widget, values=values
        )
        editor.open()
        return editor

    def new_item_at(
        self, programme_id: int, start: datetime, venue_id: int | None, room: str
    ) -> ItemEditor:
        """A new hour-long item where the timeline was double-clicked."""
        room_id = None
        if venue_id is not None and room:
            with self.context.plan.reading() as session:
                room_id = forms.room_named(session, venue_id, room)
        values = ItemValues(
            programme_id,
            "",
            "",
            ItemKind.SESSION,
            ItemStatus.CONFIRMED,
            venue_id,
            room_id,
            start,
            start + timedelta(hours=1),
            "",
        )
        return self.new_item(values)

    def edit_item(self, item_id: int, day: date | None = None) -> ItemEditor:
        """Open the editor on an item (on a repeating item's occurrence of `day`, if it has
        one then); saving the change is one undoable step."""
        with self.context.plan.reading() as session:
            before = items.item_values(session, item_id)
            seen = versions.read(session, [("item", item_id)])  # read with `before`
            occurrence = self._occurrence_on(session, item_id, day) if before.recurrence else None
        editor = ItemEditor(
            self.context.plan,
            self.context.operations.run,
            self.context.widget,
            values=before,
            item_id=item_id,
            occurrence=occurrence,
            seen=seen,
        )
        editor.open()
        return editor

    def edit_occurrence_shown(self, item_id: int) -> ItemEditor:
        """The timeline's double-click: the item's occurrence on the day shown."""
        shown = self.context.shown_day()
        return self.edit_item(item_id, shown[1] if shown else None)

    @staticmethod
    def _occurrence_on(session: object, item_id: int, day: date | None) -> datetime | None:
        """The local start of the item's occurrence on `day` (None: none that day)."""
        if day is None:
            return None
        for view in itinerary.item_occurrences(session, item_id):  # type: ignore[arg-type]
            local = to_local(view.start_utc, view.timezone).replace(tzinfo=None)
            if local.date() == day:
                return local
        return None

    def set_status(self, status: str, item_ids: list[int] | None = None) -> None:
        ids = item_ids or self.context.selected_item_ids()
        if not ids:
            self.context.say(
                QCoreApplication.translate("EditActions", "Select the items to change first")
            )
            return
        text = QCoreApplication.translate("EditActions", "Mark {counted} as {status}").format(
            counted=counted(len(ids), "item", "items"), status=label(status).lower()
        )
        self.context.run(item_ops.set_statuses(ids, status, text))

    def delete_items(self, item_ids: list[int]) -> None:
        self._delete(item_ops.delete_items, item_ids, counted(len(item_ids), "item", "items"))

    # -- records -------------------------------------------------------------------------------

    def new_record(self, entity: Entity) -> RecordEditor:
        """A new record's dates start on the day the timeline shows (a journey, a programme)."""
        shown = self.context.shown_day()
        editor = _editor_of(entity)(
            self.context.plan,
            entity,
            self.context.operations.run,
            self.context.widget,
            day=shown[1] if shown else None,
        )

        def added() -> None:
            if editor.record_id is not None:
                self.context.show_records(entity.key, [editor.record_id])

        editor.accepted.connect(added)
        editor.open()
        return editor

    def edit_record(self, entity: Entity, record_id: int) -> RecordEditor:
        editor = _editor_of(entity)(
            self.context.plan,
            entity,
            self.context.operations.run,
            self.context.widget,
            record_id=record_id,
        )
        editor.open()
        return editor

    def edit_plan_details(self) -> RecordEditor:
        with self.context.plan.reading() as session:
            plan_id = records.plan_id(session)
        return self.edit_record(PLAN, plan_id)

    def edit_travel_times(self) -> TravelTimesDialog:
        """Plan > Travel times: the minutes the checks allow between two venues."""
        dialog = TravelTimesDialog(self.context.plan, self.context.widget, self.set_travel_time)
        dialog.open()
        return dialog

    def set_travel_time(self, venue_a: int, venue_b: int, minutes: int | None) -> str | None:
        """One undoable change of a pair's travel time; returns the problem, if refused."""
        problem = self.context.operations.run(venue_ops.set_travel_time(venue_a, venue_b, minutes))
        return None if problem is None else str(problem)

    # -- the selection -------------------------------------------------------------------------

    def edit_selected(self) -> ItemEditor | RecordEditor | None:
        """Edit what is selected on the page shown (also Enter and double-click)."""
        page = self.context.current_page()
        if page in ITEM_PAGES:
            item_id = self.context.selected_item_id()
            if item_id is None:
                self.context.say(
                    QCoreApplication.translate("EditActions", "Select an item to edit")
                )
                return None
            shown = self.context.shown_day() if page == "timeline" else None
            return self.edit_item(item_id, shown[1] if shown else None)
        if page in VIEW_PAGES:  # a meal's menu is what its page edits; a transfer has no record
            meal_id = self.context.current_record_id(page) if page == "meal" else None
            if meal_id is not None:
                self.edit_logistics(meal_id)
            return None
        record_id = self.context.current_record_id(page)
        if record_id is None:
            self.context.say(
                QCoreApplication.translate(
                    "EditActions", "Select one of the {plural} to edit"
                ).format(plural=ENTITIES[page].shown_plural)
            )
            return None
        return self.edit_record(ENTITIES[page], record_id)

    def delete_selected(self) -> None:
        """Delete the selection on the page shown, as one undoable step."""
        page = self.context.current_page()
        if page in ITEM_PAGES:
            self.delete_items(self.context.selected_item_ids())
            return
        if page in VIEW_PAGES:
            return  # computed from the plan: nothing of its own to delete
        entity = ENTITIES[page]
        ids = self.context.selected_record_ids(page)
        what = counted(len(ids), entity.title.lower(), entity.plural)
        self._delete(lambda ids, text: record_ops.delete_records(entity.key, ids, text), ids, what)

    def _delete(self, operation, ids: list[int], what: str) -> None:  # noqa: ANN001
        if not ids:
            self.context.say(
                QCoreApplication.translate("EditActions", "Select what to delete first")
            )
            return
        text = QCoreApplication.translate("EditActions", "Delete {what}").format(what=what)
        if self.context.run(operation(ids, text)):
            self.context.say(
                QCoreApplication.translate(
                    "EditActions", "{text} — Edit > Undo brings them back"
                ).format(text=text)
            )
