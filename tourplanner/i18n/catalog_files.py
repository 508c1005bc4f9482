"""The translation files on disk: where they are, compiling them, and what is left to translate.

The core's gettext catalogs (``resources/locale/<lang>/LC_MESSAGES/tourplanner.po``) and the
UI's Qt files (``resources/locale/tourplanner_<lang>.ts``) are written by people; their compiled
forms (``.mo``, ``.qm``) are made by bootstrap, by ``scripts/translations`` and by the wheel
build. This module imports only the standard library and Babel: setup.py loads it by path
while building, before the package (or Qt) is installed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DOMAIN = "tourplanner"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
TRANSLATED = ("zh_CN",)


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def ts_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / f"{DOMAIN}_{lang}.ts"


def compile_po(po: Path, mo: Path) -> None:
    """Write ``mo`` from ``po`` (Babel), through a temporary file so a reader never sees half."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    tmp = mo.with_name(mo.name + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, mo)


def qt_tool(name: str) -> str | None:
    """``pyside6-lrelease``/``pyside6-lupdate`` beside this Python, else on PATH, else None."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def compile_ts(ts: Path, qm: Path) -> bool:
    """Write ``qm`` from ``ts`` with pyside6-lrelease; False when the tool is not installed or
    cannot run here (a .qm compiled before, by bootstrap, is then kept)."""
    lrelease = qt_tool("pyside6-lrelease")
    if lrelease is None:
        return False
    # pip's isolated wheel build hides the environment's site-packages from its children
    # (PYTHONPATH, PYTHONNOUSERSITE): the tool's own Python must see its PySide6 again.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONNOUSERSITE")}
    try:
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, env=env, capture_output=True
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(
            f"translations: {ts.name} not compiled ({exc}); keeping what is there", file=sys.stderr
        )
        return False
    return True


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every catalog and Qt file under ``locale_dir``; the files written."""
    written = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        compile_po(po, mo)
        written.append(mo)
    for ts in sorted(locale_dir.glob(f"{DOMAIN}_*.ts")):
        qm = ts.with_suffix(".qm")
        if compile_ts(ts, qm):
            written.append(qm)
    return written


def po_problems(po: Path) -> list[str]:
    """Each untranslated, fuzzy or obsolete entry of a catalog, one line each."""
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    problems = []
    for message in catalog:
        if not message.id:
            continue  # the header
        text = _msgid(message.id)
        if message.fuzzy:
            problems.append(f"{po.name}: fuzzy: {text}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            problems.append(f"{po.name}: untranslated: {text}")
    for message in catalog.obsolete.values():
        problems.append(f"{po.name}: obsolete: {_msgid(message.id)}")
    return problems


def ts_problems(ts: Path) -> list[str]:
    """Each unfinished (untranslated or needing review) or obsolete message of a Qt file."""
    problems = []
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                problems.append(f"{ts.name}: obsolete: {name}: {source!r}")
            elif kind == "unfinished" or translation is None or not _ts_text(translation):
                problems.append(f"{ts.name}: untranslated: {name}: {source!r}")
    return problems


def _ts_text(translation: ET.Element) -> str:
    forms = translation.findall("numerusform")
    if forms:
        return "" if not all((f.text or "").strip() for f in forms) else "x"
    return (translation.text or "").strip()


def _msgid(msgid: object) -> str:
    return repr(msgid[0] if isinstance(msgid, (tuple, list)) else msgid)
