"""The one build step pyproject.toml cannot say: compile the translations into the wheel.

The sdist carries the .po/.ts files people write (MANIFEST.in grafts resources/); building the
wheel compiles them to .mo (Babel, a build requirement) and .qm (pyside6-lrelease, when the
build environment has it; otherwise a .qm that bootstrap compiled is taken as it is).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _catalog_files():
    # Loaded by path: the package itself (and its dependencies) is not installed while building.
    path = HERE / "tourplanner" / "i18n" / "catalog_files.py"
    spec = importlib.util.spec_from_file_location("_tourplanner_catalog_files", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithTranslations(build_py):
    def run(self) -> None:
        _catalog_files().compile_all()
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
