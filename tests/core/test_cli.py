"""The command line: version, info, and one `error:` line with exit 2 for every failure."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from tourplanner import __version__
from tourplanner.cli import main
from tourplanner.services import programmes


def test_version(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.strip() == f"tourplanner {__version__}"


def test_info_text_and_json(plan_file, capsys) -> None:
    with plan_file.transaction() as s:
        programmes.create_programme(
            s,
            title_en="Foreign Expert Affairs Conference",
            title_local="外国专家工作会议",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 22),
            timezone="Asia/Shanghai",
        )
    assert main(["info", str(plan_file.path)]) == 0
    text = capsys.readouterr().out
    assert "2015-04-20 .. 2015-04-22" in text and "外国专家工作会议" in text
    assert main(["info", str(plan_file.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Test plan"
    assert data["programmes"][0]["kind"] == "conference"
    assert data["counts"]["programmes"] == 1 and data["counts"]["people"] == 0


def test_errors_are_one_line_exit_2_no_traceback(tmp_path) -> None:
    bad = tmp_path / "bad.tourplan"
    bad.write_bytes(b"\x00" * 100)
    for args in (
        ["info", str(bad)],
        ["info", str(tmp_path / "missing.tourplan")],
        ["info"],
        ["bogus-command-x"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True
        )
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith("error:"), result.stderr
    assert bad.read_bytes() == b"\x00" * 100
