"""outside-programme and tour-dates: an item or a tour against its programme's dates."""

from __future__ import annotations

from datetime import date

from tourplanner.i18n import _
from tourplanner.scheduling.findings import ERROR, WARNING, Finding, Sentence
from tourplanner.scheduling.recurrence import first_cut
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import Interval, ItemRec, ProgrammeRec
from tourplanner.scheduling.text import date_text, dates, moment, occasion
from tourplanner.timezones import to_utc


def outside_programme(
    view: CheckView, prog: ProgrammeRec, item: ItemRec, occs: list[Interval]
) -> list[Timed]:
    """An occurrence outside the programme's days (an error), or a repeat rule running past
    its end (a warning: those occurrences are left out)."""
    opens, closes = view.spans[prog.id][:2]
    if occs[0][0] < opens or occs[-1][1] > closes:
        o = next(o for o in occs if o[0] < opens or o[1] > closes)
        there = ""
        if prog.zone != item.zone:  # the programme's dates are days where it is
            there = _("; {moment} in the programme's zone").format(moment=moment(o[4], prog.zone))
        return [
            (
                o[0],
                Finding(
                    "outside-programme",
                    ERROR,
                    _("{occasion} is outside '{title}' ({dates}).").format(
                        occasion=occasion(item, o[4], o[5], also=there),
                        title=prog.title,
                        dates=dates(prog),
                    ),
                    item_ids=(item.id,),
                    programme_ids=(prog.id,),
                ),
            )
        ]
    if not item.recurrence:
        return []
    cut = first_cut(
        start_utc=item.start,
        zone_name=item.zone,
        rule_text=item.recurrence,
        exdates_text=item.exdates,
        until=prog.end_date,
    )
    if cut is None:
        return []
    return [
        (
            to_utc(cut, item.zone).timestamp(),
            Finding(
                "outside-programme",
                WARNING,
                _(
                    "{occasion} repeats past the end of '{title}' ({dates}); "
                    "from {day} on it is left out."
                ).format(
                    occasion=occasion(item, item.start, item.end),
                    title=prog.title,
                    dates=dates(prog),
                    day=date_text(cut.date()),
                ),
                item_ids=(item.id,),
                programme_ids=(prog.id,),
            ),
        )
    ]


def tour_dates(view: CheckView, tour: ProgrammeRec) -> list[Timed]:
    """A pre/post tour against the dates of the conference it belongs to (its parent)."""
    progs = view.snap.programmes
    conf = progs.get(tour.parent_id) if tour.parent_id is not None else None
    if conf is None:
        return []
    pre = tour.kind == "pre_tour" and tour.end_date >= conf.start_date
    post = tour.kind == "post_tour" and tour.start_date <= conf.end_date
    if not (pre or post):
        return []
    # Written when read, in the reader's language.
    text = Sentence(
        _tour_dates,
        pre,
        tour.title,
        tour.start_date,
        tour.end_date,
        conf.title,
        conf.start_date,
        conf.end_date,
    )
    return [
        (
            view.spans[tour.id][0],
            Finding("tour-dates", ERROR, text, programme_ids=(tour.id, conf.id)),
        )
    ]


def _tour_dates(
    pre: bool, tour: str, start: date, end: date, conference: str, opens: date, closes: date
) -> str:
    if pre:
        return _("'{tour}' ends on {end}, not before '{conference}' starts on {start}.").format(
            tour=tour, end=date_text(end), conference=conference, start=date_text(opens)
        )
    return _("'{tour}' starts on {start}, before '{conference}' ends on {end}.").format(
        tour=tour, start=date_text(start), conference=conference, end=date_text(closes)
    )
