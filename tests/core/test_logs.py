"""The log: the app's warnings and errors in a rotating file in the user's log folder."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from tourplanner import about, logs


@pytest.fixture
def log_path(tmp_path: Path):
    path = tmp_path / "log" / "tourplanner.log"
    yield logs.setup(path)
    logs.teardown()


def test_warnings_and_errors_are_written_info_is_not(log_path: Path) -> None:
    assert not log_path.parent.exists()  # nothing is created until there is something to log
    logging.getLogger("tourplanner.test").info("only chatter")
    logging.getLogger("tourplanner.test").warning("the printer is offline")
    try:
        raise OSError("disk went away")
    except OSError:
        logging.getLogger("tourplanner.test").exception("export failed")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("a Python warning", UserWarning, stacklevel=1)
    text = log_path.read_text(encoding="utf-8")
    assert "WARNING tourplanner.test" in text and "the printer is offline" in text
    assert "ERROR tourplanner.test" in text and "OSError: disk went away" in text
    assert "a Python warning" in text
    assert "only chatter" not in text


def test_setup_twice_keeps_one_handler(log_path: Path, tmp_path: Path) -> None:
    assert logs.setup(tmp_path / "elsewhere.log") == log_path
    logging.getLogger("tourplanner.test").error("once")
    assert log_path.read_text(encoding="utf-8").count("once") == 1


def test_the_log_rotates_and_keeps_three_old_files(log_path: Path) -> None:
    line = "x" * 1000
    for _ in range(5 * logs.MAX_BYTES // 1000):
        logging.getLogger("tourplanner.test").warning(line)
    names = sorted(p.name for p in log_path.parent.iterdir())
    assert names == ["tourplanner.log", *(f"tourplanner.log.{n}" for n in (1, 2, 3))]
    assert all(p.stat().st_size <= logs.MAX_BYTES + 2000 for p in log_path.parent.iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_log_folder_is_one_line_never_a_traceback(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        logs.setup(folder / "log" / "tourplanner.log")
        logging.getLogger("tourplanner.test").warning("first")
        logging.getLogger("tourplanner.test").warning("second")
    finally:
        logs.teardown()
        folder.chmod(0o700)
    err = capsys.readouterr().err
    assert err.count("cannot write the log") == 1 and "Traceback" not in err


def test_an_unwritable_log_file_is_one_line_never_a_traceback(tmp_path: Path, capsys) -> None:
    # Works as root too: the log's name is taken by a folder, so opening it fails.
    (tmp_path / "tourplanner.log").mkdir()
    try:
        logs.setup(tmp_path / "tourplanner.log")
        logging.getLogger("tourplanner.test").warning("first")
        logging.getLogger("tourplanner.test").warning("second")
    finally:
        logs.teardown()
    err = capsys.readouterr().err
    assert err.count("cannot write the log") == 1 and "Traceback" not in err


def test_the_log_is_in_the_users_log_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert about.log_file() == tmp_path / "state" / "TourPlanner" / "log" / "tourplanner.log"


def test_the_command_logs_its_errors(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    missing = tmp_path / "missing.tourplan"
    result = subprocess.run(
        [sys.executable, "-m", "tourplanner", "info", str(missing)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2 and result.stderr.count("error:") == 1
    log = tmp_path / "state" / "TourPlanner" / "log" / "tourplanner.log"
    assert f"tourplanner info {missing}: {missing} does not exist" in log.read_text()
