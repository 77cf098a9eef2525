"""Issue 14: every table and ``show`` of the sample in both languages, at 80, 100 and 140 columns.

The sample is loaded once per session with a few more things done to it (reviews, an adjusted and
a cancelled action, commendations, an amended report, an indicator in đồng) so that every table
has rows. Each rendering is checked for what a person should never read (an internal key, an ISO
date, an untranslated status or period code, the wrong number separators) and for what a narrow
terminal must not do (a line wider than the terminal, a word or syllable cut in two).
"""

from __future__ import annotations

import io
import re
import sys

import pytest
import typer
from conftest import restored, snapshot
from rich.cells import cell_len

from hoptac_cli.cli import app, helptext

WIDTHS = (80, 100, 140)
LANGS = ("en", "vi")

#: every listing, ``show`` and ``status`` table, as run on the enriched sample
TABLES = [
    ("party", "list"),
    ("agreement", "list"),
    ("agreement", "show"),
    ("sector", "list"),
    ("agency", "list"),
    ("agency", "list", "--party", "hau-giang"),
    ("action", "list"),
    ("action", "list", "--sector", "giao-thong"),
    ("action", "show", "9"),
    ("action", "show", "12"),
    ("report", "list"),
    ("report", "list", "--revisions"),
    ("report", "show", "7"),
    ("report", "missing", "-p", "2025-H2"),
    ("review", "list"),
    ("review", "show", "1"),
    ("review", "show", "2"),
    ("commend", "list"),
    ("status",),
    ("status", "-p", "2022-H2"),
    ("status", "--sector", "giao-thong"),
    ("status", "--sector", "y-te"),
    ("history",),
    ("undo", "--list"),
    ("settings",),
    ("search", "giao thông"),
]
#: commands with --format that need input this test cannot give them from the sample alone, or
#: whose --format is not a listing's
NOT_HERE = {
    "report import": "needs a filled-in department file (tests/test_import.py)",
    "report remind": "--format is the letters' (docx|md): it writes files into a folder (tests/test_remind.py)",
}
#: tables with a column that shows what a person types, as typed: the command line in the history
#: may hold codes (``-p 2025-H2``, ``--status in-progress``) that no other cell may show, and a
#: setting's key is what ``hoptac settings KEY VALUE`` takes
VERBATIM = {("history",): "command", ("undo", "--list"): "command", ("settings",): "key"}


def enrich(h) -> None:
    """The sample (already loaded), plus what the README tour does, so that every table has rows."""
    h.ok(
        "report",
        "add",
        "--action",
        "22",
        "-p",
        "2025-H2",
        "--progress",
        "80",
        "--submitted",
        "18/12/2025",
        "--result",
        "Đã trao đổi thông tin tuyển dụng 2 đợt",
    )
    h.ok("report", "add", "--action", "22", "-p", "2025-H2", "--progress", "100", "--status", "done", "--amend")
    h.ok(
        "review",
        "add",
        "--year",
        "2024",
        "--host",
        "kien-giang",
        "--held",
        "18/12/2024",
        "--conclusion",
        "Điều chỉnh tiến độ các dự án giao thông; bổ sung nhiệm vụ hỗ trợ kinh phí phẫu thuật tim cho trẻ em",
    )
    h.ok("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "19/12/2025")
    h.ok("action", "update", "9", "--due", "30/06/2026", "--review", "1", "--reason", "Chờ bố trí vốn")
    h.ok("action", "update", "9", "--lead", "sxd-ag", "--status", "in-progress")
    h.ok("action", "cancel", "12", "--review", "1", "--reason", "Không còn phù hợp")
    h.ok(
        "action",
        "add",
        "Hỗ trợ kinh phí phẫu thuật tim cho trẻ em",
        "--sector",
        "y-te",
        "--lead",
        "syt-hg",
        "--unit",
        "đồng",
        "--target",
        "1.200.000.000",
        "--review",
        "1",
    )
    h.ok(
        "report",
        "add",
        "--action",
        "27",
        "-p",
        "2025-H2",
        "--value",
        "300.000.000",
        "--submitted",
        "15/12/2025",
        "--difficulty",
        "Nguồn vận động xã hội hóa còn hạn chế, nhiều gia đình chưa tiếp cận được thông tin hỗ trợ",
    )
    # Sở Giao thông vận tải tỉnh Kiên Giang had merged away (into Sở Xây dựng, then with the province into
    # An Giang) before 19/12/2025: a commendation of that date names the agency that answered for it then.
    h.ok(
        "commend",
        "add",
        "--review",
        "2",
        "--recipient",
        "Nguyễn Văn An",
        "--individual",
        "--unit",
        "Sở Xây dựng tỉnh An Giang",
        "--form",
        "bang khen chu tich tinh",
        "--decision",
        "Số 123/QĐ-UBND",
        "--date",
        "19/12/2025",
        "--reason",
        "Có thành tích xuất sắc trong hợp tác phát triển giao thông giữa hai tỉnh",
    )
    h.ok(
        "commend",
        "add",
        "--review",
        "2",
        "--recipient",
        "Sở Xây dựng tỉnh An Giang",
        "--collective",
        "--form",
        "bang khen chu tich tinh",
        "--decision",
        "Số 124/QĐ-UBND",
        "--date",
        "19/12/2025",
    )


@pytest.fixture(scope="session")
def _enriched_bytes(tmp_path_factory, _sample_bytes) -> bytes:
    return snapshot(tmp_path_factory, "enriched", enrich, start=_sample_bytes)


@pytest.fixture(scope="module")
def enriched(tmp_path_factory, _enriched_bytes):
    return restored(tmp_path_factory.mktemp("enriched"), "enriched", _enriched_bytes)


_RENDERED: dict[tuple, str] = {}


def render(h, args: tuple, lang: str, width: int) -> str:
    """The table ``args`` prints at ``width`` columns (kept: each is rendered once)."""
    key = (args, lang, width)
    if key not in _RENDERED:
        env = {"COLUMNS": str(width), "TERMINAL_WIDTH": str(width)}
        _RENDERED[key] = h.ok(*args, lang=lang, env=env).stdout
    return _RENDERED[key]


def command_path(root, args: tuple) -> str:
    """The command ``args`` run: ``report list`` for ``("report", "list", "-p", …)``, ``undo`` for ``("undo", "--list")``."""
    path, command = [], root
    for arg in args:
        sub = getattr(command, "commands", {}).get(arg)
        if sub is None:
            break
        path.append(arg)
        command = sub
    return " ".join(path)


def test_every_listing_is_here():
    """A listing added later (it takes --format) must be added to TABLES above."""
    root = typer.main.get_command(app)
    listings = {key for key, command, param in helptext.walk(root) if param is not None and "--format" in param.opts}
    listings = {key.rsplit(" --format", 1)[0] for key in listings if key.endswith(" --format")}
    here = {command_path(root, args) for args in TABLES}
    missing = sorted(listings - here - set(NOT_HERE) - {"export"})
    assert not missing, f"render these in tests/test_interface.py TABLES too: {missing}"


# what a person should never read -------------------------------------------------------------

NEVER = {
    "an ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    "a period code": re.compile(r"\b\d{4}-[HQ]\d\b"),
    "a status code": re.compile(r"\b(not-started|in-progress)\b"),
    "an internal key": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "a catalogue key": re.compile(
        r"\b(col|stat|field|status|title|msg|err|word|kind|label|event|outcome|review_kind|recipient_kind|party_kind|agreement_status|cadence)\.[a-z]"
    ),
}
NEVER_VI = {
    "an English status": re.compile(r"\b(not started|in progress|behind schedule|done|paused|cancelled)\b"),
    "English yes/no": re.compile(r"\b(yes|no|Total|Overdue|Progress)\b"),
    "English digit grouping": re.compile(r"\d,\d{3}\b"),
}
NEVER_EN = {
    "Vietnamese digit grouping": re.compile(r"\d\.\d{3}\b"),
    "a Vietnamese status": re.compile(r"chưa thực hiện|đang thực hiện|đã hoàn thành"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_tables_speak_the_language_and_never_show_codes(enriched, args, lang):
    out = render(enriched, args, lang, 140)
    typed = set()
    if args in VERBATIM:
        typed = {word for row in enriched.json(*args) for word in row[VERBATIM[args]].split()}
    rules = {**NEVER, **(NEVER_VI if lang == "vi" else NEVER_EN)}
    for what, pattern in rules.items():
        for found in pattern.finditer(out):
            start = out.rfind(" ", 0, found.start()) + 1
            end = min(i for i in (out.find(" ", found.end()), out.find("\n", found.end()), len(out)) if i >= 0)
            if out[start:end].split("\n")[-1] in typed:
                continue  # part of a command line, shown as it was typed
            pytest.fail(f"{' '.join(args)} --lang {lang} shows {what}: {found.group(0)!r}\n{out}")


def test_values_through_the_shared_formatters(enriched):
    vi = render(enriched, ("status", "--sector", "y-te"), "vi", 1000)
    en = render(enriched, ("status", "--sector", "y-te"), "en", 1000)
    assert "300.000.000/1.200.000.000 đồng" in vi and "300,000,000/1,200,000,000 đồng" in en
    assert "6 tháng cuối năm 2025" in vi and "2025 H2" in en
    history = render(enriched, ("action", "show", "9"), "vi", 1000)
    assert "hạn hoàn thành" in history and "31/12/2025" in history and "30/06/2026" in history
    assert "chưa thực hiện" in history and "đang thực hiện" in history
    assert "Sở Giao thông vận tải tỉnh Kiên Giang" in history and "Sở Xây dựng tỉnh An Giang" in history
    assert history.split("Quá hạn", 1)[1].split("\n")[0].strip() == "có"


def test_a_recipients_unit_is_where_they_work_not_a_unit_of_measure(enriched):
    for args in (("commend", "list"), ("review", "show", "2")):
        vi = render(enriched, args, "vi", 1000)  # headers on one line whatever the cells' lengths
        assert "Đơn vị công tác" in vi and "Đơn vị tính" not in vi
    assert "Đơn vị tính" in render(enriched, ("action", "show", "27"), "vi", 140)


# what a narrow terminal must not do ----------------------------------------------------------

_BAR = re.compile(r"^[█░─]+$")
_COMPACT_STATUS = re.compile(r"^[○◐●▲‖✕]\d*$")
_NARROW_ONLY = {"/", "→", "…"}
_PUNCTUATION = ",;:.)("


def words(text: str) -> set[str]:
    return {word.rstrip("…").strip(_PUNCTUATION) for word in text.split()}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_tables_fit_narrow_terminals_without_cutting_words(enriched, args, lang):
    whole = words(render(enriched, args, lang, 1000))  # nothing wraps: every word as it is
    for width in WIDTHS:
        out = render(enriched, args, lang, width)
        for line in out.splitlines():
            assert cell_len(line.rstrip()) <= width, f"{' '.join(args)} at {width}: {line!r}"
        for word in out.split():
            bare = word.rstrip("…").strip(_PUNCTUATION)
            if not bare or bare in whole or word in _NARROW_ONLY or _BAR.match(word) or _COMPACT_STATUS.match(word):
                continue
            pytest.fail(f"{' '.join(args)} --lang {lang} at {width} columns cut a word: {word!r}\n{out}")


@pytest.mark.parametrize("lang", LANGS)
def test_status_of_the_sample_fits_one_80_column_screen(sample, lang):
    out = sample.ok("status", lang=lang, env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"}).stdout
    lines = out.splitlines()
    assert len(lines) <= 30, out
    assert max(cell_len(line.rstrip()) for line in lines) <= 80
    # every sector is on the screen, by its position and name's first words
    for name in ("Công nghiệp", "Quản lý hạ tầng đô thị", "Quốc phòng - an ninh"):
        assert name in out
    # the counts by status are one compact cell, explained once under the table
    assert "○21 ◐1 ●4" in out
    assert ("○ chưa thực hiện" if lang == "vi" else "○ not started") in out


def test_a_due_date_every_row_shares_goes_under_the_table(sample):
    out = sample.ok("status", "--sector", "giao-thong", env={"COLUMNS": "100", "TERMINAL_WIDTH": "100"}).stdout
    assert out.count("31/12/2025") == 1 and "Due: 31/12/2025" in out
    missing = sample.ok("report", "missing", "-p", "2025-H2", lang="vi", env={"COLUMNS": "100", "TERMINAL_WIDTH": "100"}).stdout
    assert "Hạn gửi báo cáo: 20/12/2025" in missing and missing.count("20/12/2025") <= 3


def test_long_texts_end_with_an_ellipsis_in_listings_but_not_in_show(enriched):
    listing = render(enriched, ("review", "list"), "vi", 80)
    assert "…" in listing and "phẫu thuật tim cho trẻ em" not in " ".join(listing.split())
    shown = render(enriched, ("review", "show", "1"), "vi", 80)
    assert "phẫu thuật tim cho trẻ em" in " ".join(shown.split())
    as_json = enriched.json("review", "list")
    assert as_json[0]["conclusion"].endswith("cho trẻ em")


# confirmations, notes, options ---------------------------------------------------------------


def test_a_confirmation_is_one_line_on_stdout_with_the_id(hoptac):
    result = hoptac.ok("party", "add", "Hậu Giang")
    assert result.stdout == "Added party 1: Hậu Giang (hau-giang)\n" and result.stderr == ""
    quiet = hoptac.ok("--quiet", "party", "add", "Kiên Giang")
    assert quiet.stdout == "" and quiet.stderr == ""
    assert hoptac.json("party", "list")[1]["slug"] == "kien-giang"


def test_review_host_by_turn_is_a_note_on_stderr(sample):
    result = sample.ok("review", "add", "--year", "2024")
    assert result.stdout.startswith("Added review 1:") and result.stdout.count("\n") == 1
    assert "No --host given" in result.stderr


def test_report_add_without_a_period_uses_the_current_one_and_says_so(sample):
    result = sample.ok("report", "add", "--action", "22", "--progress", "50", lang="vi")
    assert "kỳ báo cáo hiện tại" in result.stderr and "6 tháng cuối năm 2025" in result.stderr
    assert result.stdout.startswith("Đã thêm báo cáo 6: nhiệm vụ 22, kỳ 6 tháng cuối năm 2025")
    (row,) = [row for row in sample.json("report", "list") if row["id"] == 6]
    assert row["period"] == "2025-H2"


def test_report_add_current_period_of_a_running_programme(two_parties):
    two_parties.ok("action", "add", "Khám bệnh", "--sector", "y-te", "--lead", "syt-hg", "--start", "01/01/2022")
    env = {"HOPTAC_TODAY": "2024-11-05"}
    result = two_parties.ok("report", "add", "--action", "1", "--progress", "10", env=env)
    assert "2024 H2" in result.stderr
    assert two_parties.json("report", "list")[0]["period"] == "2024-H2"


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from hoptac_cli.render import progress as module

    # Not a terminal (a pipe, a file): whatever pytest's own stderr is (a terminal under `pytest -s`).
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with module.progress("x") as tick:
        assert tick is None

    class Terminal:
        def isatty(self):
            return True

        def write(self, text):
            return len(text)

        def flush(self):
            pass

    monkeypatch.setattr(sys, "stderr", Terminal())
    with module.progress("x", total=10) as tick:
        assert tick is None  # a short known job shows nothing
    with module.progress("x") as tick:
        assert tick is not None
        for _ in range(module.THRESHOLD + 5):
            tick()
