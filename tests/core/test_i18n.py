"""The core in Simplified Chinese: catalogs complete, errors, findings, formats, names, the CLI."""

from __future__ import annotations

import ast
import builtins
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tourplanner.cli import main
from tourplanner.demo import write_demo_plan
from tourplanner.errors import PlanFileError, TourPlannerError, ValidationError
from tourplanner.i18n import CHINESE, ENGLISH, _, formats, from_environment, ngettext, use_language
from tourplanner.i18n.names import display_name, honorific
from tourplanner.scheduling.findings import WARNING, Finding, Sentence
from tourplanner.scheduling.rules import travel_time
from tourplanner.services import validation
from tourplanner.wording import count

ROOT = Path(__file__).resolve().parents[2]


def test_the_refresh_script_finds_nothing_untranslated_fuzzy_or_obsolete() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations"), "--check"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_the_check_names_an_untranslated_string(tmp_path: Path) -> None:
    """The check mode fails, naming the string, on a catalog with an entry left empty."""
    from tourplanner.i18n.catalog_files import po_path, po_problems

    po = tmp_path / "tourplanner.po"
    text = po_path(CHINESE).read_text(encoding="utf-8")
    marker = 'msgid "No conflicts found."\nmsgstr "'
    assert marker in text
    start = text.index(marker) + len(marker)
    po.write_text(text[:start] + text[text.index('"', start) :], encoding="utf-8")
    assert po_problems(po) == ["tourplanner.po: untranslated: 'No conflicts found.'"]


def test_a_domain_error_raised_in_chinese_reads_in_chinese(tmp_path: Path) -> None:
    with use_language("zh_CN"), pytest.raises(ValidationError) as caught:
        validation.required_text("  ", "name")
    assert str(caught.value) == "name：为必填项，不能为空"
    from tourplanner.db import PlanFile

    with use_language("zh_CN"), pytest.raises(PlanFileError) as missing:
        PlanFile.open(tmp_path / "none.tourplan")
    assert "不存在" in str(missing.value)
    with pytest.raises(ValidationError) as english:
        validation.required_text("", "name")
    assert str(english.value) == "name: is required and cannot be empty"


def _travel_finding() -> Finding:
    ends = dt.datetime(2015, 4, 21, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shenzhen
    starts = dt.datetime(2015, 4, 21, 2, 10, tzinfo=dt.UTC)
    sentence = Sentence(
        travel_time._sentence,
        "Li Wei",
        10,
        "Keynote",
        "Hall A",
        ends,
        "Asia/Shanghai",
        "Visit",
        "Science Park",
        starts,
        "Asia/Shanghai",
        40,
    )
    return Finding("travel-time", WARNING, sentence, item_ids=(1, 2))


def test_a_finding_reads_in_the_language_current_when_it_is_read() -> None:
    finding = _travel_finding()
    english = finding.message
    assert english == (
        "Li Wei has 10 min to get from 'Keynote' (Hall A, ends 10:00) to 'Visit' "
        "(Science Park, starts 10:10) on Tue 21 Apr; the trip takes 40 min."
    )
    with use_language("zh_CN"):
        chinese = finding.message
    assert chinese == (
        "4月21日 周二，Li Wei从“Keynote”（Hall A，10:00结束）赶往“Visit”"
        "（Science Park，10:10开始）只有 10 分钟；路程需要 40 分钟。"
    )
    assert finding.message == english  # back in English, written again
    assert finding == _travel_finding()  # equality does not depend on the language read in


def test_counts_and_plural_forms_follow_the_language() -> None:
    assert count(1, "error", "errors") == "1 error"
    assert count(3, "error", "errors") == "3 errors"
    with use_language("zh_CN"):
        assert count(3, "error", "errors") == "3 个错误"
        assert ngettext("problem", "problems", 5) == "个问题"
        assert _("No conflicts found.") == "未发现冲突。"


def test_dates_and_times_as_each_language_writes_them() -> None:
    moment = dt.datetime(2015, 4, 20, 14, 30)
    assert formats.day_and_clock(moment, ENGLISH) == "Mon 20 Apr 2015 14:30"
    assert formats.day_and_clock(moment, CHINESE) == "2015年4月20日 星期一 14:30"
    assert formats.short_day(moment.date(), ENGLISH) == "Mon 20 Apr"
    assert formats.short_day(moment.date(), CHINESE) == "4月20日 周一"
    start, end = dt.date(2015, 4, 20), dt.date(2015, 4, 23)
    assert formats.date_range(start, end, ENGLISH) == "20 Apr – 23 Apr 2015"
    assert formats.date_range(start, end, CHINESE) == "2015年4月20日至4月23日"
    new_year = dt.date(2014, 12, 30)
    assert formats.date_range(new_year, end, CHINESE) == "2014年12月30日至2015年4月23日"
    with use_language("zh_CN"):
        assert formats.day(start) == "2015年4月20日 星期一"  # the current language by default


def test_names_in_the_order_the_language_expects_with_the_honorific_translated() -> None:
    li = ("Prof.", "Zhang Li", "张力")
    assert display_name(li, ENGLISH) == "Prof. Zhang Li (张力)"
    assert display_name(li, CHINESE) == "张力教授（Zhang Li）"
    assert display_name(li, CHINESE, other_script=False) == "张力教授"
    emily = ("Ms.", "Emily Chen", "陈爱美")  # Latin given-name first; Chinese family first
    assert display_name(emily, CHINESE, other_script=False) == "陈爱美女士"
    assert display_name(("Ms.", "Sarah Mitchell", ""), CHINESE) == "Sarah Mitchell 女士"
    assert honorific("dr", CHINESE) == "博士"
    assert honorific("Dr", ENGLISH) == "Dr"  # English keeps what was typed
    assert honorific("Herr", CHINESE) == "Herr"  # unknown: kept as typed
    from tourplanner.models.person import Person

    with use_language("zh_CN"):
        assert Person.name_of("Mr.", "Wang Haiyang", "王海洋") == "王海洋先生（Wang Haiyang）"
    assert Person.name_of("Mr.", "Wang Haiyang", "王海洋") == "Mr. Wang Haiyang (王海洋)"


def test_the_environment_chooses_the_language_as_gettext_reads_it() -> None:
    assert from_environment({}) == ENGLISH
    assert from_environment({"LANG": "zh_CN.UTF-8"}) == CHINESE
    assert from_environment({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}) == ENGLISH
    assert from_environment({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}) == CHINESE
    assert from_environment({"LANGUAGE": "fr:zh_CN", "LANG": "en_US.UTF-8"}) == CHINESE


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("i18n") / "demo.tourplan"
    write_demo_plan(path)
    return path


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**environ, **env},
    )


def test_check_prints_its_findings_in_chinese_from_the_real_command(demo_file: Path) -> None:
    result = _cli("--lang", "zh_CN", "check", str(demo_file))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "警告（4）："
    assert any("仍被安排参加“Shenzhen Bay evening cruise”（4月21日 周二，" in x for x in lines)
    assert sum(x.endswith("尚未确定。") for x in lines) == 3
    assert lines[-1] == "0 个错误，4 个警告"
    assert "is tentative" not in result.stdout and "Tue" not in result.stdout


def test_lang_wins_over_the_environment(demo_file: Path) -> None:
    chinese = _cli("check", str(demo_file), LANG="zh_CN.UTF-8")
    assert chinese.stdout.splitlines()[-1] == "0 个错误，4 个警告"
    english = _cli("--lang", "en", "check", str(demo_file), LANG="zh_CN.UTF-8")
    assert english.stdout.splitlines()[-1] == "0 errors, 4 warnings"


def test_a_bad_lang_is_refused_in_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "check", "plan.tourplan"]) == 2
    err = capsys.readouterr().err
    assert err == "error: TourPlanner does not speak 'fr'; choose one of: en, zh_CN\n"
    assert main(["--lang"]) == 2
    assert capsys.readouterr().err == "error: --lang needs a language: en or zh_CN\n"


def test_an_error_of_a_command_in_chinese(tmp_path: Path, capsys) -> None:
    assert main(["--lang=zh_CN", "check", str(tmp_path / "none.tourplan")]) == 2
    assert capsys.readouterr().err.startswith("错误：")
    # The language was the command's only: what follows is English again.
    with pytest.raises(TourPlannerError, match="is required"):
        validation.minutes(None, "minutes")


# --- Keeping it honest: no user-facing literal bypasses the catalog --------------------------

CORE = ROOT / "tourplanner"
# Qt's translation covers ui/; the documents helper owns export/; migrations and the demo's data
# are not messages.
NOT_CORE = ("ui", "export", "demo", "db/migrations", "i18n")
BUILTIN_ERRORS = {n for n in dir(builtins) if n.endswith(("Error", "Exception"))}


def _bare_messages(path: Path) -> list[str]:
    """`raise SomeDomainError("literal")`, `print(f"...")`, `ValidationError(f, "...")` and
    `report.error/note(where, "...")` with an English literal not passed through `_`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "print" and isinstance(func, ast.Name):
            messages = node.args[:1]
        elif name == "ValidationError":
            messages = node.args[1:2]
        elif name.endswith(("Error", "Refused")) and name not in BUILTIN_ERRORS:
            messages = node.args[:1]
        elif name in ("error", "note") and isinstance(func, ast.Attribute):
            if "log" in ast.unparse(func.value):
                continue
            messages = node.args[1:2]
        else:
            continue
        for message in messages:
            parts = message.values if isinstance(message, ast.JoinedStr) else [message]
            words = [
                p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)
            ]
            if any(sum(c.isalpha() for c in w) >= 4 for w in words):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(message)}")
    return found


def test_no_user_facing_message_in_the_core_bypasses_the_catalog() -> None:
    files = [
        p
        for p in CORE.rglob("*.py")
        if not any(p.relative_to(CORE).as_posix().startswith(f"{d}/") for d in NOT_CORE)
    ]
    assert len(files) > 100
    bare = [line for path in files for line in _bare_messages(path)]
    assert bare == []


def test_every_vocabulary_label_is_in_the_catalog() -> None:
    from tourplanner import enums

    vocabularies = [
        v for v in vars(enums).values() if isinstance(v, type) and v is not enums.StrEnum
    ]
    labels = {
        enums.ACRONYMS.get(m.value) or m.value.replace("_", " ").capitalize()
        for v in vocabularies
        if issubclass(v, enums.StrEnum)
        for m in v
        if m.value  # "" (no mode) has no label
    }
    assert labels - set(enums.LABELS) == set()
    with use_language("zh_CN"):
        assert enums.label("site_visit") == "参观考察"
        assert enums.label("post_tour") == "会后考察"
    assert enums.label("post_tour") == "Post tour"


def test_argparse_speaks_the_language_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "zh_CN", "check"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：") and "错误：缺少以下必需参数：plan" in err
    with pytest.raises(SystemExit):
        main(["check"])
    assert "error: the following arguments are required: plan" in capsys.readouterr().err


def test_the_demo_plans_findings_found_in_english_read_in_chinese(demo_file: Path) -> None:
    from tourplanner.db import PlanFile
    from tourplanner.services.conflicts import check_plan

    with PlanFile.open(demo_file, read_only=True) as plan, plan.reading() as session:
        findings = check_plan(session)
    assert {f.rule for f in findings} == {"tentative", "cancelled-booking"}
    english = [f.message for f in findings]
    with use_language("zh_CN"):
        chinese = [f.message for f in findings]
    assert all(m.endswith((" is tentative.", ", which is cancelled.")) for m in english)
    assert all(m.endswith(("尚未确定。", "但该活动已取消。")) for m in chinese)
