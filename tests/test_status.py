"""``hoptac status`` against figures worked out by hand on a small programme.

The programme (``programme`` in conftest.py; today is 25/11/2026; default period 2025-H2, the agreement's last):

| id | sector     | action            | reports (current)                        | due        |
|----|------------|-------------------|------------------------------------------|------------|
| 1  | Y tế       | Khám sàng lọc tim | 2022-H1 10/20 em (50%), 2022-H2 20/20 done | 31/12/2022 |
| 2  | Y tế       | Đào tạo bác sĩ    | 2022-H1 20%, amended to 40%              | 31/12/2025 |
| 3  | Y tế       | Dự án hủy         | 2022-H1 10%; cancelled by the 2023 review (15/12/2023) | 31/12/2023 |
| 4  | Giao thông | Cầu Cái Tư        | 2022-H1 70% behind                       | 30/06/2022 |
| 5  | Giao thông | =HYPERLINK(...)   | 2025-H2 30%                              | 31/12/2027 |
Công nghiệp has no action.
"""

from __future__ import annotations

import csv
import io

import pytest


def _by_slug(rows):
    return {row["sector_slug"] or "TOTAL": row for row in rows}


FIGURES = (
    "actions",
    "not_started",
    "in_progress",
    "done",
    "behind",
    "paused",
    "cancelled",
    "overdue",
    "progress",
    "reports_received",
    "reports_expected",
)


def _figures(row):
    return tuple(row[key] for key in FIGURES)


def test_status_today_matches_hand_computed_figures(programme):
    rows = _by_slug(programme.json("status"))
    assert set(rows) == {"y-te", "giao-thong", "cong-nghiep", "TOTAL"}
    assert all(row["period"] == "2025-H2" for row in rows.values())
    # Y tế: done 100, amended 40 (not 20), cancelled left out of the mean; only action 2 owes 2025-H2.
    assert _figures(rows["y-te"]) == (3, 0, 1, 1, 0, 0, 1, 1, 70.0, 0, 1)
    assert _figures(rows["giao-thong"]) == (2, 0, 1, 0, 1, 0, 0, 1, 50.0, 1, 2)
    assert _figures(rows["cong-nghiep"]) == (0, 0, 0, 0, 0, 0, 0, 0, None, 0, 0)
    assert _figures(rows["TOTAL"]) == (5, 0, 2, 1, 1, 0, 1, 2, 60.0, 1, 3)
    assert rows["TOTAL"]["row"] == "total"


def test_status_as_of_a_period_counts_only_reports_up_to_it(programme):
    rows = _by_slug(programme.json("status", "--period", "H1/2022"))
    assert all(row["period"] == "2022-H1" for row in rows.values())
    # Overdue is judged at 30/06/2022: the bridge due that very day is not yet overdue. Action 3
    # was cancelled only in 12/2023: in 2022-H1 it is in progress, counted and owing its report.
    assert _figures(rows["y-te"]) == (3, 0, 3, 0, 0, 0, 0, 0, 33.3, 3, 3)
    assert _figures(rows["giao-thong"]) == (2, 1, 0, 0, 1, 0, 0, 0, 35.0, 1, 2)
    assert _figures(rows["TOTAL"]) == (5, 1, 3, 0, 1, 0, 0, 0, 34.0, 4, 5)


def test_an_action_finishing_in_the_period_still_owes_its_report(programme):
    rows = _by_slug(programme.json("status", "--period", "2022-H2"))
    # 1 reports done in 2022-H2 (expected, received); 2, 3 (not yet cancelled) and 4 owe it and are missing.
    assert _figures(rows["y-te"])[-2:] == (1, 3)
    assert _figures(rows["giao-thong"]) == (2, 1, 0, 0, 1, 0, 0, 1, 35.0, 0, 2)


def test_table_json_and_csv_agree(programme):
    data = programme.json("status")
    text = programme.ok("status", "--format", "csv").stdout
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == len(data)
    for from_csv, from_json in zip(parsed, data):
        assert from_csv == {key: "" if value is None else str(value) for key, value in from_json.items()}
    table = programme.ok("status").stdout
    lines = {line.split()[1]: line for line in table.splitlines() if line.strip()[:1].isdigit()}
    assert "70%" in lines["Y"] and "0/1" in lines["Y"]
    assert "50%" in lines["Giao"] and "1/2" in lines["Giao"]
    total = next(line for line in table.splitlines() if "Total" in line)
    assert "60%" in total and "1/3" in total and " 5 " in total


def test_empty_sector_is_flagged_in_the_table(programme):
    table = programme.ok("status").stdout
    line = next(line for line in table.splitlines() if "Công nghiệp" in line)
    assert "no actions" in line
    vi = programme.ok("status", lang="vi").stdout
    assert "chưa có nhiệm vụ" in vi and "Tổng cộng" in vi and "đã hoàn thành" in vi


def test_table_fits_80_columns_without_colour(programme):
    for args in (("status",), ("status", "--sector", "giao thong")):
        result = programme.ok(*args, env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"})
        assert max(len(line) for line in result.stdout.splitlines()) <= 80
        assert "\x1b[" not in result.stdout
    assert "Cầu Cái" in result.stdout and "Thiếu vốn" in result.stdout


def test_json_and_csv_never_contain_colour(programme):
    for fmt in ("json", "csv"):
        out = programme.ok("status", "--format", fmt, env={"NO_COLOR": "", "FORCE_COLOR": "1"}).stdout
        assert "\x1b[" not in out


def test_sector_drill_down(programme):
    rows = programme.json("status", "--sector", "Y TE")
    assert [row["id"] for row in rows] == [1, 2, 3]
    first = rows[0]
    assert (first["status"], first["progress"], first["value"], first["target"], first["unit"]) == (
        "done",
        100.0,
        20.0,
        20.0,
        "em",
    )
    assert first["lead"] == "Sở Y tế tỉnh Hậu Giang" and first["partners"] == ["Sở Y tế tỉnh Kiên Giang"]
    assert rows[1]["progress"] == 40.0 and rows[1]["overdue"] is True
    assert rows[2]["status"] == "cancelled"
    table = programme.ok("status", "--sector", "giao-thong").stdout
    assert "Cầu Cái Tư" in table and "Thiếu vốn đối ứng" in table and "2022 H1" in table and "overdue" in table
    table = programme.ok("status", "--sector", "y-te").stdout
    assert "20/20 em" in table
    empty = programme.ok("status", "--sector", "cong-nghiep").stdout
    assert "no actions" in empty


def test_drill_down_as_of_a_period(programme):
    rows = programme.json("status", "--sector", "y-te", "--period", "2022-H1")
    assert [(row["status"], row["progress"], row["latest_period"]) for row in rows] == [
        ("in-progress", 50.0, "2022-H1"),
        ("in-progress", 40.0, "2022-H1"),
        ("in-progress", 10.0, "2022-H1"),
    ]
    later = programme.json("status", "--sector", "y-te", "--period", "2023-H2")
    assert later[2]["status"] == "cancelled"


def test_long_difficulty_is_shortened_in_the_table_only(programme):
    long = "Khó khăn " + " ".join(f"thứ{i}" for i in range(40))
    programme.ok("report", "add", "--action", "2", "--period", "2022-H2", "--progress", "50", "--difficulty", long)
    table = programme.ok("status", "--sector", "y-te").stdout
    assert "…" in table and "thứ39" not in table
    assert programme.json("status", "--sector", "y-te")[1]["latest_difficulty"] == long


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--period", "2022-H3"), "2022-H3"),
        (("--sector", "khong-co"), "khong-co"),
        (("--agreement", "nope"), "nope"),
    ],
)
def test_bad_input_is_one_line_naming_the_value(programme, args, named):
    result = programme.fails("status", *args)
    assert named in result.stderr


def test_status_on_the_sample(sample):
    rows = [row for row in sample.json("status") if row["row"] == "sector"]
    empty = [row["sector_slug"] for row in rows if row["actions"] == 0]
    assert "cong-nghiep" in empty
