"""The banquet: people to tables, then seats round each table, solved with OR-Tools CP-SAT.

Hard (each group behind one assumption literal, so an infeasible plan names what cannot hold):
one seat per person and one person per seat, table capacity, the principals at the host table,
each table's host and principal guest side by side, interpreters next to their principal,
locked seats, dietary tags. Soft, weighted: hosts and guests alternate round a table (and each
table holds about as many of each side), every guest has a table-mate sharing a language, the
senior nearer the host table. One worker, a time limit: the same input gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tourplanner.errors import TourPlannerError
from tourplanner.protocol.attendees import GUEST, HOST, Attendee, merged_order, principal
from tourplanner.protocol.seats import Layout, Placement, Spot
from tourplanner.protocol.tables import neighbours, seat_spots, table_centres

if TYPE_CHECKING:
    # Imported where a banquet is solved, not here: OR-Tools and the pandas it loads took
    # half a second, and this module is on the main window's imports (the protocol pages).
    from ortools.sat.python import cp_model

W_ALTERNATE = 10
W_BALANCE = 10
W_LANGUAGE = 5
W_SENIORITY = 1

WHAT = {
    "locks": "the locked seats",
    "host_table": "the host and the principal guest at the host table",
    "principals": "each table's host and principal guest side by side",
    "interpreters": "each interpreter next to their principal",
    "dietary": "the dietary tags of the tables",
}


class SeatingImpossible(TourPlannerError):
    """The banquet's fixed rules cannot all hold: the message says which."""


@dataclass(frozen=True)
class Banquet:
    tables: int
    seats: int
    table_tags: dict[int, frozenset[str]] = field(default_factory=dict)  # table no. -> tags
    time_limit: float = 10.0


def solve(
    people: list[Attendee], shape: Banquet, locks: dict[str, int], convention: str = "international"
) -> Layout:
    """Seat everyone; raises SeatingImpossible with a sentence when the rules cannot hold."""
    layout = Layout("banquet", convention)
    order = merged_order(people)
    spots = [
        seat_spots(t + 1, centre, shape.seats)
        for t, centre in enumerate(table_centres(shape.tables))
    ]
    locked = _locks(order, spots, locks, layout)
    _precheck(order, shape)
    tables = _tables(order, shape, locked)
    for t, members in enumerate(tables):
        here = {p: k for p, (tt, k) in locked.items() if tt == t}
        seated = _seats(members, shape.seats, here, host_table=t == 0)
        for k, spot in enumerate(spots[t]):
            pid = seated.get(k)
            is_locked = pid is not None and locked.get(pid) == (t, k)
            layout.placements.append(Placement(spot, pid, locked=is_locked))
    return layout


def _locks(
    order: list[Attendee], spots: list[list[Spot]], locks: dict[str, int], layout: Layout
) -> dict[int, tuple[int, int]]:
    """Locked seats as person -> (table index, seat index); a vanished seat is said so."""
    where = {s.label: (t, k) for t, table in enumerate(spots) for k, s in enumerate(table)}
    present = {a.person_id for a in order}
    locked = {}
    for label, pid in locks.items():
        if pid not in present:
            continue
        if label in where:
            locked[pid] = where[label]
        else:
            layout.unseated.append((pid, f"their locked seat {label} is no longer laid out"))
    return locked


def _precheck(order: list[Attendee], shape: Banquet) -> None:
    """The plain counts, said in numbers before the solver is asked."""
    seats = shape.tables * shape.seats
    if len(order) > seats:
        raise SeatingImpossible(
            f"The banquet cannot be seated: {len(order)} people are booked but "
            f"{shape.tables} tables of {shape.seats} seat only {seats}."
        )
    for a in order:
        helpers = [b for b in order if b.interprets_for == a.person_id]
        if len(helpers) > 2:
            raise SeatingImpossible(
                f"The banquet cannot be seated: {a.name} has {len(helpers)} interpreters "
                "but only two seats beside them."
            )
    need = [p for p in (principal(order, HOST), principal(order, GUEST)) if p is not None]
    need += [b for b in order if b.interprets_for in {p.person_id for p in need}]
    if len(need) > shape.seats:
        raise SeatingImpossible(
            f"The banquet cannot be seated: the host table seats {shape.seats} but the two "
            f"principals and their interpreters are {len(need)}."
        )
    for tag in {t for tags in shape.table_tags.values() for t in tags}:
        needing = [a for a in order if tag in a.dietary]
        offered = sum(shape.seats for tags in shape.table_tags.values() if tag in tags)
        if len(needing) > offered:
            raise SeatingImpossible(
                f"The banquet cannot be seated: {len(needing)} people need '{tag}' but the "
                f"tables serving it seat {offered}."
            )


def _explain(solver: cp_model.CpSolver, literals: dict[int, str], where: str) -> None:
    groups = [literals[i] for i in solver.sufficient_assumptions_for_infeasibility()]
    named = [WHAT[g] for g in dict.fromkeys(groups)] or ["the fixed rules"]
    both = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    verb = "cannot hold" if len(named) == 1 else "cannot all hold"
    raise SeatingImpossible(f"The banquet cannot be seated{where}: {both} {verb} together.")


def _solver(time_limit: float) -> cp_model.CpSolver:
    """One worker, stopped by CP-SAT's deterministic clock (work done, not wall time), so a
    busy machine gives the same seating as an idle one; the wall clock only as a safety net."""
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = time_limit
    solver.parameters.max_time_in_seconds = 4 * time_limit
    solver.parameters.random_seed = 7
    return solver


class _Groups:
    """One assumption literal per group of hard constraints."""

    def __init__(self, model: cp_model.CpModel) -> None:
        self.model = model
        self.literals: dict[str, cp_model.IntVar] = {}

    def __call__(self, group: str) -> cp_model.IntVar:
        if group not in self.literals:
            self.literals[group] = self.model.new_bool_var(group)
        return self.literals[group]

    def assume(self) -> dict[int, str]:
        self.model.add_assumptions(list(self.literals.values()))
        for lit in self.literals.values():
            self.model.add_hint(lit, True)
        return {lit.index: group for group, lit in self.literals.items()}


WINDOW = 3  # tables either side of a person's place in the plain fill by precedence


def _tables(
    order: list[Attendee],
    shape: Banquet,
    locked: dict[int, tuple[int, int]],
    window: int | None = WINDOW,
) -> list[list[Attendee]]:
    """Stage 1: who sits at which table.

    Each person first keeps within `window` tables of their place by precedence (tables by
    rank: the senior nearer the host table), which also keeps the model small; the tables of
    their tags, their lock and (principals) the host table stay open to them. When that cannot
    hold, the solve runs again with every table open, so only the fixed rules are ever named.
    """
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    group = _Groups(model)
    n_t = shape.tables
    at = {
        (a.person_id, t): model.new_bool_var(f"a{a.person_id}_{t}")
        for a in order
        for t in range(n_t)
    }
    if window is not None:
        open_to = _open_tables(order, shape, locked, window)
        for (pid, t), var in at.items():
            if t not in open_to[pid]:
                model.add(var == 0)
    for a in order:
        model.add_exactly_one(at[a.person_id, t] for t in range(n_t))
    for t in range(n_t):
        model.add(sum(at[a.person_id, t] for a in order) <= shape.seats)
    for side in (HOST, GUEST):
        lead = principal(order, side)
        if lead is not None:
            model.add(at[lead.person_id, 0] == 1).only_enforce_if(group("host_table"))
    ids = {a.person_id for a in order}
    for a in order:
        if a.interprets_for in ids:
            for t in range(n_t):
                model.add(at[a.person_id, t] == at[a.interprets_for, t]).only_enforce_if(
                    group("interpreters")
                )
    for pid, (t, _k) in locked.items():
        model.add(at[pid, t] == 1).only_enforce_if(group("locks"))
    for a in order:
        for tag in a.dietary:
            serving = [t for t in range(n_t) if tag in shape.table_tags.get(t + 1, ())]
            if serving:
                model.add(sum(at[a.person_id, t] for t in serving) == 1).only_enforce_if(
                    group("dietary")
                )
    # First any seating that keeps the fixed rules (or the proof that none does), then the
    # preferences from there: one worker finds a first seating quickly without the objective.
    _hint(model, order, at, shape, locked)
    literals = group.assume()
    first = _solver(shape.time_limit)
    first.parameters.stop_after_first_solution = True
    status = first.solve(model)
    if status == cp_model.INFEASIBLE and window is not None:
        return _tables(order, shape, locked, None)
    if status == cp_model.INFEASIBLE:
        _explain(first, literals, "")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise SeatingImpossible(
            f"The banquet solver found no seating within {shape.time_limit:g} seconds; "
            "give it fewer fixed seats or more tables."
        )
    model.clear_hints()
    start = _greedy(order, shape, locked)  # nearer the preferences than the first seating
    for (pid, t), var in at.items():
        model.add_hint(var, start.get(pid) == t)
    for lit in group.literals.values():
        model.add_hint(lit, True)
    model.minimize(_table_costs(model, order, at, shape))
    solver = _solver(max(0.5, shape.time_limit - first.deterministic_time))
    solver.parameters.repair_hint = True
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solver = first  # no better seating in time: the first one keeps every fixed rule
    return [[a for a in order if solver.value(at[a.person_id, t])] for t in range(n_t)]


def _ideal(order: list[Attendee], shape: Banquet) -> dict[int, int]:
    """Person id -> their table by precedence: each side spread evenly over the tables, the
    senior first (so every table gets its share of both sides)."""
    ideal: dict[int, int] = {}
    for side in (HOST, GUEST, None):
        mine = [a for a in order if (a.side if a.side in (HOST, GUEST) else None) == side]
        mine = [a for a in mine if not a.is_interpreter] or mine
        for n, a in enumerate(mine):
            ideal[a.person_id] = min(n * shape.tables // max(1, len(mine)), shape.tables - 1)
    for a in order:
        if a.person_id not in ideal:
            ideal[a.person_id] = ideal.get(a.interprets_for or -1, shape.tables - 1)
    return ideal


def _open_tables(
    order: list[Attendee], shape: Banquet, locked: dict[int, tuple[int, int]], window: int
) -> dict[int, set[int]]:
    """Person id -> the tables open to them under the window (interpreters: their principal's)."""
    leads = {p.person_id for p in (principal(order, HOST), principal(order, GUEST)) if p}
    ideal = _ideal(order, shape)
    result: dict[int, set[int]] = {}
    for a in order:
        base = (
            ideal.get(a.interprets_for, ideal[a.person_id])
            if a.interprets_for
            else ideal[a.person_id]
        )
        tables = set(range(max(0, base - window), min(shape.tables, base + window + 1)))
        tables |= {
            t for t in range(shape.tables) if a.dietary & shape.table_tags.get(t + 1, frozenset())
        }
        if a.person_id in locked:
            tables.add(locked[a.person_id][0])
        if a.person_id in leads or a.interprets_for in leads:
            tables.add(0)
        result[a.person_id] = tables
    for a in order:  # an interpreter and their principal share their open tables
        if a.interprets_for in result:
            both = result[a.person_id] | result[a.interprets_for]
            result[a.person_id] = result[a.interprets_for] = both
    return result


def _table_costs(model: cp_model.CpModel, order: list[Attendee], at: dict, shape: Banquet):  # noqa: ANN202
    """Balance of the sides per table, a shared language for each, seniority near table 1."""
    terms = []
    n_t = shape.tables
    for t in range(n_t):
        hosts = sum(at[a.person_id, t] for a in order if a.side == HOST and not a.is_interpreter)
        guests = sum(at[a.person_id, t] for a in order if a.side == GUEST and not a.is_interpreter)
        # Round a table, k more of one side than the other (less the interpreters, who sit
        # between) force k neighbours of the same side.
        interpreters = sum(at[a.person_id, t] for a in order if a.is_interpreter)
        gap = model.new_int_var(0, shape.seats, f"gap{t}")
        model.add(gap >= hosts - guests - interpreters)
        model.add(gap >= guests - hosts - interpreters)
        terms.append(W_BALANCE * gap)
    languages = sorted({lang for a in order for lang in a.languages})
    count = {}
    for lang in languages:
        for t in range(n_t):
            count[lang, t] = model.new_int_var(0, shape.seats, f"n{lang}{t}")
            model.add(
                count[lang, t] == sum(at[a.person_id, t] for a in order if lang in a.languages)
            )
    for a in order:
        if a.side != GUEST or not a.languages:
            continue
        alone = model.new_bool_var(f"alone{a.person_id}")
        for t in range(n_t):
            mates = (
                sum(count[lang, t] for lang in a.languages) - len(a.languages) * at[a.person_id, t]
            )
            model.add(mates >= 1).only_enforce_if([at[a.person_id, t], alone.Not()])
        terms.append(W_LANGUAGE * alone)
    ideal = _ideal(order, shape)
    for a in order:
        mine = ideal[a.person_id]
        terms += [W_SENIORITY * (t - mine) * at[a.person_id, t] for t in range(mine + 1, n_t)]
    return sum(terms)


def _hint(
    model: cp_model.CpModel,
    order: list[Attendee],
    at: dict,
    shape: Banquet,
    locked: dict[int, tuple[int, int]],
) -> None:
    """Start from a plain fill in order of precedence that keeps the fixed rules where it can:
    each principal with their interpreters as one unit, the principals at table 1, tags and
    locks met. A full, valid start lets one worker improve on it from the first second."""
    table = _greedy(order, shape, locked)
    for a in order:
        for t in range(shape.tables):
            model.add_hint(at[a.person_id, t], t == table.get(a.person_id))


def _units(order: list[Attendee]) -> list[list[Attendee]]:
    """Each person with the interpreters who interpret for them, in order of precedence."""
    ids = {a.person_id for a in order}
    helpers: dict[int, list[Attendee]] = {}
    for a in order:
        if a.interprets_for in ids:
            helpers.setdefault(a.interprets_for, []).append(a)
    return [[a, *helpers.get(a.person_id, [])] for a in order if a.interprets_for not in ids]


def _greedy(
    order: list[Attendee], shape: Banquet, locked: dict[int, tuple[int, int]]
) -> dict[int, int]:
    room = [shape.seats] * shape.tables
    sides: list[dict[str | None, int]] = [{} for _ in range(shape.tables)]
    half = -(-shape.seats // 2)
    table: dict[int, int] = {}
    leads = {p.person_id for p in (principal(order, HOST), principal(order, GUEST)) if p}
    units = _units(order)
    offered = {tag for tags_ in shape.table_tags.values() for tag in tags_}

    def needs(unit: list[Attendee]) -> frozenset[str]:
        return frozenset().union(*(a.dietary for a in unit)) & offered

    # The fixed first (locks, principals), then those whose tables are few (tags), then all.
    first = [u for u in units if any(a.person_id in locked or a.person_id in leads for a in u)]
    tagged = [u for u in units if u not in first and needs(u)]
    for unit in first + tagged + [u for u in units if u not in first and u not in tagged]:
        pinned = [locked[a.person_id][0] for a in unit if a.person_id in locked]
        needed = needs(unit)
        if pinned:
            choices = pinned[:1]
        elif any(a.person_id in leads for a in unit):
            choices = [0]
        else:
            choices = [
                t for t in range(shape.tables) if needed <= shape.table_tags.get(t + 1, frozenset())
            ]
        free = [t for t in choices if room[t] >= len(unit)] or [
            t for t in range(shape.tables) if room[t] >= len(unit)
        ]
        side = unit[0].side
        even = [t for t in free if sides[t].get(side, 0) < half]  # keep each table mixed
        if free:
            t = (even or free)[0]
            for a in unit:
                table[a.person_id] = t
            room[t] -= len(unit)
            sides[t][side] = sides[t].get(side, 0) + 1
    return table


def _seats(
    members: list[Attendee], seats: int, locked: dict[int, int], *, host_table: bool
) -> dict[int, int]:
    """Stage 2, one table: seat index -> person id. At the other tables the user's locks
    win over the table's own host and principal guest in seats 1 and 2."""
    if not members:
        return {}
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    group = _Groups(model)
    sit = {
        (a.person_id, k): model.new_bool_var(f"s{a.person_id}_{k}")
        for a in members
        for k in range(seats)
    }
    for a in members:
        model.add_exactly_one(sit[a.person_id, k] for k in range(seats))
    for k in range(seats):
        model.add_at_most_one(sit[a.person_id, k] for a in members)
    for pid, k in locked.items():
        model.add(sit[pid, k] == 1).only_enforce_if(group("locks"))
    host, guest = principal(members, HOST), principal(members, GUEST)
    firsts = [p for p in (host, guest) if p is not None]
    fixed = host_table or not (
        {p.person_id for p in firsts} & locked.keys() or {0, 1} & set(locked.values())
    )
    for k, who in enumerate(firsts if fixed else []):
        model.add(sit[who.person_id, k] == 1).only_enforce_if(group("principals"))
    ids = {a.person_id for a in members}
    for a in members:
        if a.interprets_for in ids:
            for k in range(seats):
                left, right = neighbours(k, seats)
                model.add(
                    sit[a.interprets_for, k] <= sit[a.person_id, left] + sit[a.person_id, right]
                ).only_enforce_if(group("interpreters"))
    model.minimize(_same_side_pairs(model, members, sit, seats))
    literals = group.assume()
    solver = _solver(2.0)
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        table = next(iter(members)).name
        _explain(solver, literals, f" (at the table of {table})")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise SeatingImpossible("The banquet solver found no order round a table in time.")
    return {
        k: a.person_id for a in members for k in range(seats) if solver.value(sit[a.person_id, k])
    }


def _same_side_pairs(model: cp_model.CpModel, members: list[Attendee], sit: dict, seats: int):  # noqa: ANN202
    """Neighbours of the same side round the table (interpreters belong to neither)."""
    terms = []
    for side in (HOST, GUEST):
        mine = [a for a in members if a.side == side and not a.is_interpreter]
        if len(mine) < 2:
            continue
        taken = [sum(sit[a.person_id, k] for a in mine) for k in range(seats)]
        for k in range(seats):
            same = model.new_bool_var(f"same{side}{k}")
            model.add(same >= taken[k] + taken[(k + 1) % seats] - 1)
            terms.append(W_ALTERNATE * same)
    return sum(terms)


def table_of(layout: Layout) -> dict[int, int]:
    """Person id -> table number."""
    return {
        p.person_id: p.spot.table
        for p in layout.placements
        if p.person_id is not None and p.spot.table
    }


def same_side_neighbours(layout: Layout, sides: dict[int, str | None]) -> Iterable[tuple[int, int]]:
    """Pairs of neighbours round a table who are on the same side (for checks and reports)."""
    by_table: dict[int, list[Placement]] = {}
    for p in layout.placements:
        by_table.setdefault(p.spot.table or 0, []).append(p)
    for seats in by_table.values():
        seats.sort(key=lambda p: p.spot.position)
        for here, there in zip(seats, seats[1:] + seats[:1], strict=True):
            a, b = here.person_id, there.person_id
            if a is not None and b is not None and sides.get(a) and sides.get(a) == sides.get(b):
                yield (a, b)
