"""Who may do what on a team plan, enforced by PostgreSQL itself (grants), not by the app.

Three group roles per team database: `<db>_viewer` reads everything but the private fields
(passport/visa and medical notes: column privileges), `<db>_editor` also writes and reads
those, `<db>_owner` also gives the other roles to people. A viewer's app therefore cannot
write even when modified: the server refuses the statement. The app asks the server whether
the private fields may be read, and shows them empty where they may not.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.orm import Load, Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.models import SENSITIVE_PERSON_FIELDS, Person

ROLES = ("owner", "editor", "viewer")
HIDE_PRIVATE = "hide_private"


def role_name(database: str, role: str) -> str:
    """The PostgreSQL role for `role` on one team database (roles are server-wide)."""
    if role not in ROLES:
        raise TourPlannerError(
            _("unknown role {role!r}; the roles are {join}").format(
                role=role, join=", ".join(ROLES)
            )
        )
    safe = re.sub(r"[^a-z0-9_]", "_", database.lower())
    return f"{safe}_{role}"


def set_up(conn: Connection) -> None:
    """Create the three roles of this database (again: it is safe) and give them their rights."""
    database = conn.exec_driver_sql("SELECT current_database()").scalar()
    viewer, editor, owner = (role_name(str(database), r) for r in ("viewer", "editor", "owner"))
    for role in (viewer, editor, owner):
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        if exists.first() is None:
            conn.exec_driver_sql(f'CREATE ROLE "{role}" NOLOGIN')
    tables = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    ]
    public = [c for c in _columns(conn, "people") if c not in SENSITIVE_PERSON_FIELDS]
    run = conn.exec_driver_sql
    run(f'GRANT CONNECT ON DATABASE "{database}" TO "{viewer}"')
    run(f'GRANT USAGE ON SCHEMA public TO "{viewer}"')
    for table in tables:
        if table != "people":
            run(f'GRANT SELECT ON "{table}" TO "{viewer}"')
    run(f'GRANT SELECT ({", ".join(public)}) ON people TO "{viewer}"')
    run(f'GRANT "{viewer}" TO "{editor}"')
    run(f'GRANT SELECT ({", ".join(SENSITIVE_PERSON_FIELDS)}) ON people TO "{editor}"')
    for table in tables:
        if table != "alembic_version":
            run(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO "{editor}"')
    run(f'GRANT SELECT ON people TO "{editor}"')
    run(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{editor}"')
    run(f'GRANT "{editor}" TO "{owner}" WITH ADMIN OPTION')
    run(f'GRANT "{viewer}" TO "{owner}" WITH ADMIN OPTION')


def grant(conn: Connection, user: str, role: str) -> None:
    """Give `user` (a PostgreSQL login) exactly one role on this team plan."""
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar())
    wanted = role_name(database, role)
    for other in ROLES:
        if other != role:
            conn.exec_driver_sql(f'REVOKE "{role_name(database, other)}" FROM "{_ident(user)}"')
    conn.exec_driver_sql(f'GRANT "{wanted}" TO "{_ident(user)}"')


def may_read_private(engine: Engine) -> bool:
    """Whether this login may read the private fields of people."""
    checks = " AND ".join(
        f"has_column_privilege('people', '{f}', 'SELECT')" for f in SENSITIVE_PERSON_FIELDS
    )
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql(f"SELECT {checks}").scalar())


def hide_private(*factories: sessionmaker[Session]) -> None:
    """Sessions of a login that may not read the private fields never ask for them."""
    for factory in factories:
        event.listen(factory, "do_orm_execute", _defer_private)
        event.listen(factory, "after_begin", _mark_hidden)


def _mark_hidden(session: Session, *_args: Any) -> None:
    session.info[HIDE_PRIVATE] = True


def _defer_private(state: Any) -> None:
    if not state.is_select or state.is_column_load:
        return
    described = getattr(state.statement, "column_descriptions", ())
    if any(d.get("type") is Person for d in described):  # whole Person rows, not columns
        options = [Load(Person).defer(getattr(Person, f)) for f in SENSITIVE_PERSON_FIELDS]
        state.statement = state.statement.options(*options)


@event.listens_for(Person, "load")
def _blank_private(person: Person, context: Any) -> None:
    # Shown empty, never fetched: reading them would be refused by the server.
    if context.session is not None and context.session.info.get(HIDE_PRIVATE):
        for field in SENSITIVE_PERSON_FIELDS:
            set_committed_value(person, field, "")


def _columns(conn: Connection, table: str) -> list[str]:
    query = text(
        "SELECT column_name FROM information_schema.columns WHERE table_name = :t "
        "ORDER BY ordinal_position"
    )
    return [r[0] for r in conn.execute(query, {"t": table})]


def _ident(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.@-]{0,62}", name):
        raise TourPlannerError(
            _("{name!r} is not a user name the server accepts").format(name=name)
        )
    return name
