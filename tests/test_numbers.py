"""Numbers as Vietnamese write them: a dot groups thousands, a comma is the decimal mark.

One parser reads the options (--target, --baseline, --value, --progress) and the cells of
imported files; anything it cannot read for sure is refused with the accepted forms.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_import import fill, read_csv, write_csv

from hoptac_cli.domain.numbers import LIMIT, canonical, parse_number, show_number
from hoptac_cli.errors import HoptacError


def _target(h, typed: str) -> float:
    h.ok("action", "add", f"Hỗ trợ {typed}", "--sector", "y-te", "--lead", "syt-hg", "--unit", "đồng", "--target", typed)
    return h.json("action", "list")[-1]["target"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12.000", 12_000),
        ("1.500", 1_500),
        ("1.200.000.000", 1_200_000_000),
        ("12,5", 12.5),
        ("1.200.000,75", 1_200_000.75),
        ("20", 20),
        ("1 200 000", 1_200_000),
        ("0,5", 0.5),
    ],
)
def test_targets_are_read_the_vietnamese_way(two_parties, typed, stored):
    assert _target(two_parties, typed) == stored


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1.2.3,4", "1.200.000,75"),  # malformed grouping: the accepted forms
        ("1.500.0", "1.200.000,75"),
        ("12.5.", "1.200.000,75"),
        ("1.5", "write 1,5"),  # a dot that cannot group thousands: English for one and a half
        ("12.75", "write 12,75"),
        ("1,200,000", "write 1.200.000"),  # English grouping
        ("1,200,000.5", "write 1.200.000,5"),
        ("1" * 400, "out of range"),  # stored as Infinity before, breaking every JSON output
        ("2.000.000.000.000.000", "out of range"),
        ("inf", "not a number"),
        ("nan", "not a number"),
        ("1e6", "not a number"),
    ],
)
def test_doubtful_numbers_are_refused_with_the_accepted_forms(two_parties, typed, said):
    result = two_parties.fails(
        "action", "add", "Hỗ trợ", "--sector", "y-te", "--lead", "syt-hg", "--unit", "đồng", "--target", typed
    )
    assert "--target" in result.stderr and said in result.stderr
    assert two_parties.json("action", "list") == []


def test_refusals_speak_vietnamese_too(two_parties):
    result = two_parties.fails(
        "action", "add", "Hỗ trợ", "--sector", "y-te", "--lead", "syt-hg", "--unit", "đồng", "--target", "1.5", lang="vi"
    )
    assert "dấu chấm chỉ dùng để phân cách hàng nghìn" in result.stderr and "1,5" in result.stderr


def test_report_values_and_progress_use_the_same_rule(actions):
    # action 2 has a target of 20 children
    actions.ok("report", "add", "--action", "1", "--period", "2022-H2", "--progress", "12,5")
    assert actions.fails("report", "add", "--action", "1", "--period", "2023-H1", "--progress", "12.5").stderr.count("12,5") == 1
    actions.ok("report", "add", "--action", "2", "--period", "2022-H2", "--value", "2,5")
    progress = {row["action_id"]: (row["progress"], row["value"]) for row in actions.json("report", "list")}
    assert progress == {1: (12.5, None), 2: (12.5, 2.5)}


def test_imported_cells_follow_the_rule(two_parties, tmp_path):
    """A 'Giá trị đạt được' cell 3.600 is three thousand six hundred, not 3.6 (progress 0%)."""
    h = two_parties
    h.ok("action", "add", "Khám sàng lọc", "--sector", "y-te", "--lead", "syt-hg", "--unit", "lượt", "--target", "3.600")
    h.ok("action", "add", "Tập huấn", "--sector", "y-te", "--lead", "syt-kg", "--unit", "người", "--target", "40")
    template = tmp_path / "mau.csv"
    h.ok("report", "template", "--period", "2022-H2", "-o", str(template))
    rows = read_csv(template)
    fill(rows, 1, value="3.600")
    fill(rows, 2, value="1.5")
    write_csv(template, rows)
    refused = h("report", "import", str(template))
    assert refused.exit_code == 1 and "row 3" in refused.stderr and "1,5" in refused.stderr
    fill(rows, 2, value="1,5")
    write_csv(template, rows)
    h.ok("report", "import", str(template))
    stored = {row["action_id"]: (row["value"], row["progress"]) for row in h.json("report", "list")}
    assert stored == {1: (3600, 100), 2: (1.5, 3.8)}


def test_xlsx_number_cells_are_taken_as_numbers(two_parties, tmp_path):
    from openpyxl import load_workbook

    h = two_parties
    h.ok("action", "add", "Khám sàng lọc", "--sector", "y-te", "--lead", "syt-hg", "--unit", "lượt", "--target", "3.600")
    h.ok("action", "add", "Tập huấn", "--sector", "y-te", "--lead", "syt-kg", "--unit", "người", "--target", "2")
    h.ok("action", "add", "Đường", "--sector", "giao-thong", "--lead", "sgtvt-hg", "--unit", "km", "--target", "4")
    template = tmp_path / "mau.xlsx"
    h.ok("report", "template", "--period", "2022-H2", "-o", str(template))
    book = load_workbook(template)
    sheet = book.worksheets[0]
    header = next(row for row in range(1, 10) if "Giá trị đạt được" in [cell.value for cell in sheet[row]])
    column = [cell.value for cell in sheet[header]].index("Giá trị đạt được") + 1
    sheet.cell(header + 1, column).value = "3.600"  # text typed in a text cell
    sheet.cell(header + 2, column).value = 1.125  # a number cell: a float, never read as 1125
    sheet.cell(header + 3, column).value = 3  # an int
    book.save(template)
    h.ok("report", "import", str(template))
    stored = {row["action_id"]: row["value"] for row in h.json("report", "list")}
    assert stored == {1: 3600, 2: 1.125, 3: 3}


def test_minus_zero_is_never_shown(two_parties):
    h = two_parties
    h.ok(
        "action", "add", "Hỗ trợ", "--sector", "y-te", "--lead", "syt-hg", "--unit", "đồng", "--target", "10", "--baseline", "-0"
    )
    h.ok(
        "action",
        "add",
        "Hỗ trợ 2",
        "--sector",
        "y-te",
        "--lead",
        "syt-hg",
        "--unit",
        "đồng",
        "--target",
        "10",
        "--baseline",
        "-0,001",
    )
    raw = h.ok("action", "show", "1", "--format", "json").stdout
    assert json.loads(raw)["baseline"] == 0 and "-0" not in raw
    for lang in ("en", "vi"):
        shown = h.ok("action", "show", "2", lang=lang).stdout
        assert "-0" not in shown


# the parser itself -----------------------------------------------------------------------------


@given(st.integers(min_value=-LIMIT, max_value=LIMIT))
def test_shown_integers_parse_back(number):
    assert parse_number(show_number(number, "vi"), option="--target") == number


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_shown_cents_parse_back(cents):
    value = cents / 100  # figures are shown to the cent
    assert parse_number(show_number(value, "vi"), option="--target") == value


@given(st.floats(min_value=-LIMIT, max_value=LIMIT, allow_nan=False, allow_infinity=False))
def test_spreadsheet_numbers_parse_back_exactly(number):
    assert parse_number(canonical(number), option="x") == number
    assert parse_number(number, option="x") == number


@given(st.text(alphabet=st.sampled_from("0123456789.,- \u00a0+e−²①٣\t\n")) | st.text())
def test_any_text_is_a_bounded_number_or_refused(text):
    try:
        number = parse_number(text, option="--value")
    except HoptacError as error:
        assert "--value" in error.message and "\n" not in error.message.strip()
        return
    assert isinstance(number, float) and math.isfinite(number) and abs(number) <= LIMIT
    assert not (number == 0 and math.copysign(1, number) < 0)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 1e16, True])
def test_spreadsheet_values_out_of_bounds_are_refused(value):
    with pytest.raises(HoptacError):
        parse_number(value, option="x")


def test_shown_numbers():
    assert show_number(-0.001, "vi") == "0" and show_number(-0.0, "en") == "0"
    assert show_number(1_200_000.5, "vi") == "1.200.000,5" and show_number(1_200_000.5, "en") == "1,200,000.5"
