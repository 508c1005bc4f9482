"""Write tourplanner/resources/templates/invitation.docx, the default invitation letter.

An office edits the result in Word (or passes its own with --template); the {{ … }} and {%p … %}
fields are docxtpl's (Jinja2). Run again after changing this script:

    .venv/bin/python scripts/make_invitation_template.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).resolve().parents[1] / "tourplanner/resources/templates/invitation.docx"


def main() -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    add = doc.add_paragraph
    add("{%p for letter in letters %}")
    add("{{ letter.unit }}  {{ letter.unit_local }}").runs[0].bold = True
    doc.add_heading("Letter of Invitation  邀请函", level=1)
    add("Date 日期: {{ letter.date }}    Ref. 编号: {{ letter.reference }}")
    add("To the Embassy or Consulate of the People's Republic of China / 中华人民共和国驻外使领馆:")
    add("We are pleased to invite the following {{ letter.count_text }} to visit China:")
    add("{%p for p in letter.invitees %}")
    add(
        "• {{ p.name }}{% if p.name_local %} ({{ p.name_local }}){% endif %}, "
        "{{ p.position }}, {{ p.organization }}, {{ p.country }}"
        "{% if p.passport %}; passport / 护照: {{ p.passport }}{% endif %}"
    )
    add("{%p endfor %}")
    add(
        "Purpose: {{ letter.purpose }}. Dates: {{ letter.start }} to {{ letter.end }}. "
        "Places: {{ letter.places }}."
    )
    add("Costs: {{ letter.who_pays }}")
    add(
        "兹邀请上述人员于{{ letter.start_local }}至{{ letter.end_local }}来华，"
        "参加{{ letter.purpose_local }}，访问地点：{{ letter.places_local }}。"
        "费用：{{ letter.who_pays_local }}"
    )
    add("")
    add("{{ letter.signatory }}  {{ letter.signatory_local }}")
    add("{{ letter.signatory_title }}")
    add("{{ letter.unit }}  {{ letter.unit_local }}  (seal 盖章)")
    add("{%p if not loop.last %}")
    doc.add_page_break()
    add("{%p endif %}")
    add("{%p endfor %}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
