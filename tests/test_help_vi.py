"""``--help`` and usage errors in Vietnamese (issue 14), from the one catalogue ``i18n/help.py``."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer

from hoptac_cli.cli import app, helptext
from hoptac_cli.i18n.help import HELP, SHARED


def tree():
    return typer.main.get_command(app)


def entries():
    """(key, command, parameter or None) for the whole tree, with the English as written."""
    root = tree()
    helptext.apply(root, "en")
    return list(helptext.walk(root))


# Every command and option having Vietnamese help: tests/test_help_coverage.py.


def test_no_help_entry_names_a_command_or_option_that_does_not_exist():
    known = {key for key, _, _ in entries()}
    stale = sorted(set(HELP) - known)
    assert not stale, f"entries in i18n/help.py HELP for nothing in the command tree: {stale}"


def test_vietnamese_help_is_not_the_english_one():
    same = [
        key
        for key, command, param in entries()
        if (param or command).help and helptext.vietnamese(key, (param or command).help) == (param or command).help
    ]
    assert not same


@pytest.mark.parametrize("how", ["option", "environment", "locale"])
def test_help_speaks_vietnamese_however_the_language_is_chosen(how):
    env = {"HOPTAC_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
    args = ["report", "add", "--help"]
    if how == "option":
        args = ["--lang", "vi", *args]
    elif how == "environment":
        env["HOPTAC_LANG"] = "vi"
    else:
        env["LANG"] = "vi_VN.UTF-8"
    result = typer.testing.CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Cách dùng: hoptac report add [TÙY_CHỌN]")
    assert "Ghi báo cáo của một cơ quan về một nhiệm vụ trong một kỳ." in out
    assert "Tùy chọn:" in out and "--period KỲ" in out and "[bắt buộc]" in out
    assert "In hướng dẫn này rồi thoát." in out
    assert "File an agency's report" not in out and "Options:" not in out


def test_every_help_page_is_vietnamese_through_and_through(hoptac):
    """Each command's help shows its own and its options' Vietnamese, none of their English."""
    for key, command, param in entries():
        if param is not None:
            continue
        path = [] if key == helptext.ROOT else key.split()
        out = hoptac.ok(*path, "--help", lang="vi").stdout
        assert out.startswith("Cách dùng: "), key
        texts = [(command.help, helptext.vietnamese(key, command.help))]
        texts += [
            (p.help, helptext.vietnamese(k, p.help)) for k, c, p in helptext.walk(command, key) if c is command and p is not None
        ]
        for english, vietnamese in texts:
            if english:
                first = english.split(".")[0].split(";")[0][:40]
                assert first not in out, f"{key}: English help left: {first!r}"
            assert " ".join(vietnamese.split()[:3]) in " ".join(out.split()), (
                f"{key}: Vietnamese help missing: {vietnamese[:40]!r}"
            )


def test_english_help_stays_as_written(hoptac):
    hoptac.ok("report", "add", "--help", lang="vi")  # the same process switching back and forth
    out = hoptac.ok("report", "add", "--help").stdout
    assert out.startswith("Usage: hoptac report add [OPTIONS]")
    assert "File an agency's report on one action for one period." in out and "[required]" in out
    assert "Cách dùng" not in out


@pytest.mark.parametrize(
    "args, vietnamese",
    [
        (("report", "add", "--bogus"), "Lỗi: Không có tùy chọn --bogus"),
        (("report", "add", "--progress", "5"), "Lỗi: Thiếu tùy chọn '--action'."),
        (("action", "show"), "Lỗi: Thiếu tham số 'MÃ'."),
        (("action", "show", "abc"), "Lỗi: Giá trị không hợp lệ cho 'MÃ': phải là số nguyên"),
        (("review", "add", "--year", "20x"), "Lỗi: Giá trị không hợp lệ cho '--year': phải là số nguyên"),
        (("party", "list", "--format", "xml"), "'xml' không nằm trong các giá trị được chấp nhận: 'table', 'json', 'csv'"),
        (("status", "extra"), "Lỗi: Thừa tham số không dùng đến: extra"),
        (("reprt",), "Lỗi: Không có lệnh 'reprt'. Có phải ý bạn là 'report'"),
        (("report", "add", "--action"), "Lỗi: Tùy chọn '--action' cần một giá trị."),
    ],
)
def test_usage_errors_in_vietnamese(hoptac, args, vietnamese):
    result = hoptac(*args, lang="vi")
    assert result.exit_code == 2
    assert vietnamese in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr and "Try '" not in result.stderr
    if args != ("report", "add", "--action"):
        assert "Cách dùng: hoptac" in result.stderr and "--help' để biết cách dùng." in result.stderr


def test_usage_errors_stay_english_in_english(hoptac):
    result = hoptac("report", "add", "--bogus")
    assert (
        result.exit_code == 2
        and "Error: No such option: --bogus" in result.stderr
        and "Usage: hoptac report add" in result.stderr
    )


def test_period_is_the_only_meaning_of_p():
    """``-p`` is ``--period`` wherever a command takes a period, and nothing else."""
    wrong, lacking = [], []
    for key, _, param in entries():
        if param is None or param.param_type_name != "option":
            continue
        if "-p" in param.opts and "--period" not in param.opts:
            wrong.append(key)
        if "--period" in param.opts and "-p" not in param.opts:
            lacking.append(key)
    assert not wrong and not lacking, f"-p for another option: {wrong}; --period without -p: {lacking}"


def test_an_english_start_does_not_load_the_translations():
    """Start-up stays lean: the Vietnamese help machinery is imported only when it is used."""
    code = "import sys, typer; from hoptac_cli.cli import app; typer.main.get_command(app); print('hoptac_cli.cli.helptext' in sys.modules, 'hoptac_cli.i18n.help' in sys.modules)"
    env = {**os.environ, "HOPTAC_LANG": "en"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["False", "False"]


def test_shared_texts_are_the_ones_the_code_uses():
    """A shared entry is only used when an option's English is exactly its key: keep them in step."""
    used = {(param or command).help for _, command, param in entries()}
    assert set(SHARED) - {"Show this message and exit."} <= used
