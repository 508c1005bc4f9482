"""Invitation letters for visas: the invitee's particulars, purpose, dates, places, who pays,
the inviting unit and its signatory; bilingual; a Word template (docxtpl) or a PDF.

The passport line is filled only when the caller asks for sensitive data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.export.pdf.metadata import info
from tourplanner.export.pdf.synthetic_bold import BoldCanvas
from tourplanner.files import atomic_path
from tourplanner.models import Organization, OrganizationProtocol, Person, Programme
from tourplanner.paths import resource
from tourplanner.protocol.attendees import HOST, precedence_key
from tourplanner.services import organizations, participations, people, programmes, protocol

TEMPLATE = resource("templates") / "invitation.docx"
WHO_PAYS = (
    "The host covers board, lodging and local transport in China; the invitee's organisation "
    "covers international travel.",
    "在华期间食宿及当地交通费用由邀请方承担，国际旅费由被邀请人所在单位承担。",
)


def _first_sentence(text: str) -> str:
    return text.split(".")[0].strip() if text else ""


def _local_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _programme(session: Session, query: str | None) -> Programme:
    if query:
        return programmes.find_programme(session, query)
    listed = sorted(
        programmes.list_programmes(session), key=lambda p: (p.kind != "conference", p.start_date)
    )
    if not listed:
        raise NotFoundError("the plan has no programme to invite anyone to")
    return listed[0]


def _host(session: Session) -> tuple[Organization | None, Person | None]:
    """The inviting unit (the senior host organisation) and its signatory (its senior person)."""
    rows = session.execute(
        select(Organization, OrganizationProtocol)
        .join(OrganizationProtocol)
        .where(OrganizationProtocol.side == HOST)
    ).all()
    if not rows:
        return None, None
    unit = min(rows, key=lambda r: (r[1].rank or 10**6, r[0].id))[0]
    members = session.scalars(select(Person).where(Person.organization_id == unit.id)).all()
    ranked = sorted(members, key=lambda p: precedence_key(protocol.candidate(session, p)))
    return unit, (ranked[0] if ranked else None)


def _invitee(person: Person, include_sensitive: bool) -> dict[str, str]:
    org = person.organization
    return {
        "name": f"{person.honorific} {person.name_latin}".strip(),
        "name_local": person.name_local,
        "position": _first_sentence(person.notes) or person.role,
        "organization": org.name_en if org else "",
        "country": org.country if org else "",
        "passport": person.passport_visa_notes if include_sensitive else "",
    }


def letters_for(
    session: Session,
    *,
    person: str | None = None,
    group: str | None = None,
    programme: str | None = None,
    include_sensitive: bool = False,
) -> list[dict[str, object]]:
    """The letters as plain values: one for a person, one for a delegation, or one for each
    guest booked on the programme."""
    prog = _programme(session, programme)
    if person:
        batches = [[people.find_person(session, person)]]
    elif group:
        members = organizations.find_group(session, group).members
        if not members:
            raise ValidationError("group", "has no members to invite")
        batches = [list(members)]
    else:
        booked = participations.participants(session, programme_id=prog.id)
        guests = [p.person for p in booked if protocol.candidate(session, p.person).side != HOST]
        if not guests:
            raise NotFoundError(f"nobody but hosts is booked on '{prog.title_en}'")
        batches = [[g] for g in guests]
    unit, signatory = _host(session)
    cities = list(dict.fromkeys(i.venue.city for i in prog.items if i.venue and i.venue.city))
    common: dict[str, object] = {
        "unit": unit.name_en if unit else "",
        "unit_local": unit.name_local if unit else "",
        "date": date.today().isoformat(),
        "purpose": prog.title_en,
        "purpose_local": prog.title_local or prog.title_en,
        "start": prog.start_date.isoformat(),
        "end": prog.end_date.isoformat(),
        "start_local": _local_date(prog.start_date),
        "end_local": _local_date(prog.end_date),
        "places": ", ".join(cities) or "to be confirmed",
        "places_local": "、".join(cities) or "待定",
        "who_pays": WHO_PAYS[0],
        "who_pays_local": WHO_PAYS[1],
        "signatory": signatory.display_name if signatory else "",
        "signatory_local": "",
        "signatory_title": _first_sentence(signatory.notes) if signatory else "",
    }
    letters = []
    for batch in batches:
        invitees = [_invitee(p, include_sensitive) for p in batch]
        count = "person" if len(batch) == 1 else f"{len(batch)} persons"
        ref = f"TP-{prog.id}-{'-'.join(str(p.id) for p in batch[:3])}"
        letters.append({**common, "invitees": invitees, "count_text": count, "reference": ref})
    return letters


def export_invitations(
    letters: list[dict[str, object]], out: Path, *, template: Path | None = None
) -> None:
    """Write the letters to `out`: .docx from the Word template, or .pdf; atomically."""
    suffix = out.suffix.lower()
    if suffix == ".docx":
        _docx(letters, out, template or TEMPLATE)
    elif suffix == ".pdf":
        _pdf(letters, out)
    else:
        raise ValidationError("output", f"{out.name}: choose a .docx or .pdf file name")


def _docx(letters: list[dict[str, object]], out: Path, template: Path) -> None:
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    if not Path(template).is_file():
        raise NotFoundError(f"the template {template} does not exist")
    try:
        doc = DocxTemplate(str(template))
        doc.render({"letters": letters}, autoescape=True)  # user text is escaped into the XML
    except Exception as exc:  # a broken template is the office's file, said in one sentence
        raise ValidationError("template", f"{Path(template).name} cannot be filled: {exc}") from exc
    with atomic_path(out) as tmp:
        doc.save(str(tmp))


def _pdf(letters: list[dict[str, object]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    from tourplanner.export.pdf.fonts import markup, register_fonts
    from tourplanner.export.pdf.styles import make_styles

    register_fonts()
    s = make_styles()
    story: list = []
    for n, letter in enumerate(letters):
        if n:
            story.append(PageBreak())
        lines = [
            (f"{letter['unit']}  {letter['unit_local']}", s.kicker),
            ("Letter of Invitation  邀请函", s.title),
            (f"Date 日期: {letter['date']}    Ref. 编号: {letter['reference']}", s.muted),
            (
                "To the Embassy or Consulate of the People's Republic of China / 中华人民共和国驻外使领馆:",
                s.body,
            ),
            (
                f"We are pleased to invite the following {letter['count_text']} to visit China:",
                s.body,
            ),
        ]
        for p in letter["invitees"]:  # type: ignore[attr-defined]
            name = p["name"] + (f" ({p['name_local']})" if p["name_local"] else "")
            text = f"• {name}, {p['position']}, {p['organization']}, {p['country']}"
            if p["passport"]:
                text += f"; passport / 护照: {p['passport']}"
            lines.append((text, s.body))
        lines += [
            (
                f"Purpose: {letter['purpose']}. Dates: {letter['start']} to {letter['end']}. "
                f"Places: {letter['places']}.",
                s.body,
            ),
            (f"Costs: {letter['who_pays']}", s.body),
            (
                f"兹邀请上述人员于{letter['start_local']}至{letter['end_local']}来华，参加"
                f"{letter['purpose_local']}，访问地点：{letter['places_local']}。"
                f"费用：{letter['who_pays_local']}",
                s.body,
            ),
            ("", s.body),
            (str(letter["signatory"]), s.body),
            (str(letter["signatory_title"]), s.body),
            (f"{letter['unit']}  {letter['unit_local']}  (seal 盖章)", s.body),
        ]
        for text, style in lines:
            story.append(Paragraph(markup(text), style) if text else Spacer(0, 10 * mm))
            story.append(Spacer(0, 2 * mm))
    with atomic_path(out) as tmp:
        SimpleDocTemplate(str(tmp), pagesize=A4, **info(title="Letters of invitation")).build(
            story, canvasmaker=BoldCanvas
        )
