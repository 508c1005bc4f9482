"""Write tests/fixtures/plan-0001.tourplan: a plan file at schema revision 0001, with data.

Kept in the repository so every later version proves it still upgrades files made by the first
one. Run once when the fixture must be remade: `.venv/bin/python scripts/make_old_plan_fixture.py`.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import create_engine

from tourplanner.db import migrate

TARGET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "plan-0001.tourplan"

ROWS = """
INSERT INTO plans (id, title, home_timezone, organization, emergency_contacts)
  VALUES (1, 'Study tour 2014', 'Asia/Shanghai', 'ICMA', 'Coordinator: +86 138 0000 0000');
INSERT INTO venues (id, name_en, name_local, address_en, address_local, city, country, timezone,
                    latitude, longitude, notes)
  VALUES (1, 'Slender West Lake', '瘦西湖', '28 Da Hongqiao Rd, Yangzhou', '扬州市大虹桥路28号',
          'Yangzhou', 'China', 'Asia/Shanghai', 32.4098, 119.4207, '');
INSERT INTO programmes (id, title_en, title_local, kind, start_date, end_date, timezone, capacity,
                        parent_id, description)
  VALUES (1, 'Yangzhou study tour', '扬州考察', 'study_tour', '2014-05-10', '2014-05-12',
          'Asia/Shanghai', 30, NULL, '');
INSERT INTO items (id, uid, programme_id, title_en, title_local, kind, start_utc, end_utc, timezone,
                   venue_id, room_id, description, status, track, language, recurrence, exdates,
                   sequence)
  VALUES (1, 'c0ffee00-0000-4000-8000-000000000001', 1, 'Boat tour of Slender West Lake',
          '瘦西湖游船', 'site_visit', '2014-05-11 01:00:00.000000', '2014-05-11 03:00:00.000000',
          'Asia/Shanghai', 1, NULL, '', 'confirmed', '', '', '', '', 0);
INSERT INTO people (id, name_latin, name_local, honorific, organization_id, role, email, phone,
                    preferred_language, dietary_needs, accessibility_needs, emergency_contact,
                    passport_visa_notes, medical_notes, notes)
  VALUES (1, 'Li Wei', '李伟', 'Mr.', NULL, 'guide', 'li.wei@example.cn', '', 'zh', '', '', '',
          '', '', '');
INSERT INTO participations (id, person_id, item_id, programme_id, role, status)
  VALUES (1, 1, NULL, 1, 'leading', 'confirmed');
"""


def main() -> int:
    TARGET.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{TARGET}")
    migrate.upgrade(engine, "0001")
    engine.dispose()
    conn = sqlite3.connect(TARGET)
    conn.executescript(ROWS)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
