"""Indicators: cumulative or per-period values, the baseline, and carried actions keeping
what they achieved. The arithmetic lives in domain/progress.py."""

from __future__ import annotations

import pytest


def _indicator(h, *extra):
    h.ok(
        "action",
        "add",
        "Nâng cấp đường",
        "--sector",
        "giao-thong",
        "--lead",
        "sgtvt-hg",
        "--partner",
        "sgtvt-kg",
        "--unit",
        "km",
        "--target",
        "100",
        *extra,
    )
    return h


def _report(h, period, value, *extra, submitted=None):
    window = {"H1": "10/06", "H2": "10/12"}[period[-2:]]
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        period,
        "--value",
        value,
        "--submitted",
        submitted or f"{window}/{period[:4]}",
        *extra,
    )


def _row(h, period):
    (row,) = h.json("status", "--sector", "giao-thong", "--period", period)
    return row


def test_the_baseline_counts(two_parties):
    h = _indicator(two_parties, "--baseline", "20")
    _report(h, "2022-H1", "60")
    assert (_row(h, "2022-H1")["progress"], _row(h, "2022-H1")["value"]) == (50.0, 60.0)
    assert h.json("report", "show", "1")["progress"] == 50.0
    assert h.json("action", "show", "1")["progress"] == 50.0


def test_below_the_baseline_is_zero_and_beyond_the_target_is_100(two_parties):
    h = _indicator(two_parties, "--baseline", "20")
    _report(h, "2022-H1", "10")
    assert _row(h, "2022-H1")["progress"] == 0.0
    _report(h, "2022-H2", "150")
    assert _row(h, "2022-H2")["progress"] == 100.0


def test_cumulative_values_are_achieved_so_far(two_parties):
    h = _indicator(two_parties)
    _report(h, "2022-H1", "30")
    _report(h, "2022-H2", "50")
    assert (_row(h, "2022-H2")["progress"], _row(h, "2022-H2")["value"]) == (50.0, 50.0)
    shown = h.json("action", "show", "1")
    assert shown["measure"] == "cumulative"


def test_per_period_values_are_summed_over_the_periods(two_parties):
    h = _indicator(two_parties, "--measure", "per-period")
    _report(h, "2022-H1", "30")
    _report(h, "2022-H2", "30")
    assert (_row(h, "2022-H1")["progress"], _row(h, "2022-H1")["value"]) == (30.0, 30.0)
    assert (_row(h, "2022-H2")["progress"], _row(h, "2022-H2")["value"]) == (60.0, 60.0)
    # The report's own progress says where the action stood with it.
    assert h.json("report", "show", "2")["progress"] == 60.0
    # A partner's figure does not add to the lead's; an amendment replaces its period's value.
    _report(h, "2022-H2", "25", "--agency", "sgtvt-kg")
    _report(h, "2022-H1", "40", "--amend")
    assert (_row(h, "2022-H2")["progress"], _row(h, "2022-H2")["value"]) == (70.0, 70.0)
    shown = h.json("action", "show", "1")
    assert (shown["measure"], shown["value"], shown["progress"]) == ("per-period", 70.0, 70.0)
    assert "per period" in h.ok("action", "show", "1").stdout


def test_the_measure_can_be_changed_and_is_recorded(two_parties):
    h = _indicator(two_parties)
    result = h.ok("action", "update", "1", "--measure", "per-period")
    assert "how values are counted" in result.stdout
    assert h.json("action", "show", "1")["measure"] == "per-period"
    assert h.json("action", "show", "1")["history"][-1]["field"] == "measure"
    refused = h.fails("action", "update", "1", "--measure", "weekly")
    assert "--measure" in refused.stderr and "cumulative, per-period" in refused.stderr
    assert (
        "--measure" in h.fails("action", "add", "Khác", "--sector", "y-te", "--lead", "syt-hg", "--measure", "per-period").stderr
    )


def test_the_summary_says_how_values_are_counted(two_parties, tmp_path):
    h = _indicator(two_parties, "--measure", "per-period")
    h.ok("action", "add", "Khám sàng lọc", "--sector", "y-te", "--lead", "syt-hg", "--unit", "người", "--target", "1000")
    _report(h, "2022-H1", "30")
    out = tmp_path / "bc.md"
    h.ok("summary", "--period", "2022-H1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "đạt 30/100 km (cộng dồn các kỳ)" in text
    assert "đạt 0/1.000" not in text  # nothing reported: no indicator figure (issue 13)


def test_baseline_equal_to_target_is_refused(two_parties):
    refused = two_parties.fails(
        "action", "add", "Sai", "--sector", "y-te", "--lead", "syt-hg", "--unit", "km", "--target", "20", "--baseline", "20"
    )
    assert "--baseline" in refused.stderr


@pytest.mark.parametrize("measure", ["cumulative", "per-period"])
def test_carried_actions_keep_their_achieved_value(two_parties, measure):
    h = _indicator(two_parties, "--measure", measure)
    _report(h, "2025-H1", "30")
    _report(h, "2025-H2", "30" if measure == "per-period" else "60")
    h.ok("agreement", "end", "thu", "--on", "31/12/2025")
    h.ok(
        "agreement",
        "add",
        "Tiếp",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2026-2030",
        "--slug",
        "tiep",
        "--predecessor",
        "thu",
    )
    h.ok("sector", "add", "Giao thông", "--agreement", "tiep")
    h.ok("agreement", "carry", "thu", "--to", "tiep", "--unfinished")
    copy = h.json("action", "show", "2")
    assert (copy["value"], copy["progress"], copy["measure"]) == (60.0, 60.0, measure)
    (row,) = h.json("status", "--sector", "giao-thong", "--agreement", "tiep")
    assert (row["value"], row["progress"]) == (60.0, 60.0)


def test_the_department_file_says_how_to_fill_in_the_value(two_parties, tmp_path):
    import csv

    h = _indicator(two_parties, "--measure", "per-period")
    h.ok("action", "add", "Khám", "--sector", "y-te", "--lead", "syt-hg")
    out = tmp_path / "mau.csv"
    h.ok("report", "template", "--period", "2022-H1", "-o", str(out))
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("Cách ghi giá trị đạt được")
    assert {row[0]: row[column] for row in rows[1:]} == {"1": "trong kỳ: chỉ số đạt được trong kỳ này", "2": ""}
    # The filled-in file imports as before; the column is only a guide.
    (road,) = [row for row in rows[1:] if row[0] == "1"]
    road[rows[0].index("Giá trị đạt được")] = "30"
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    h.ok("report", "import", str(out))
    assert _row(h, "2022-H1")["value"] == 30.0
