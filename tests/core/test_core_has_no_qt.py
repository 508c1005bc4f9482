"""The core runs without Qt: importing every core module must not load PySide6."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import tourplanner

SKIP = ("tourplanner.ui", "tourplanner.__main__", "tourplanner.db.migrations")
names = []

def walk(path, prefix):
    # Not pkgutil.walk_packages: it would import tourplanner.ui to look inside it.
    for mod in pkgutil.iter_modules(path, prefix):
        if mod.name.startswith(SKIP):
            continue
        module = importlib.import_module(mod.name)
        names.append(mod.name)
        if mod.ispkg:
            walk(module.__path__, mod.name + ".")

walk(tourplanner.__path__, "tourplanner.")
assert "tourplanner.services.items" in names and "tourplanner.db.planfile" in names, names
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(names), qt)
sys.exit(1 if qt else 0)
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    # A fresh interpreter: this test process has Qt loaded by pytest-qt already.
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("[]")
