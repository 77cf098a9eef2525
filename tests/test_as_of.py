"""A picture as of a period is the picture of that period: only what existed, was reported and
was decided by the period's end counts (status, report missing, export, summary)."""

from __future__ import annotations

import json

import pytest
from conftest import snapshot


def _total(rows):
    return next(row for row in rows if row["row"] == "total")


def _new_programme(h, period="2021-2030", slug="dai"):
    """An agreement over ``period`` with one sector and two agencies each side."""
    h.ok("party", "add", "Hậu Giang")
    h.ok("party", "add", "Kiên Giang")
    h.ok(
        "agreement",
        "add",
        "Chương trình dài",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        period,
        "--slug",
        slug,
    )
    h.ok("sector", "add", "Y tế")
    h.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    h.ok("agency", "add", "Sở Y tế tỉnh Kiên Giang", "--party", "kien-giang", "--slug", "syt-kg")
    return h


# existence -----------------------------------------------------------------------------------


def test_an_action_added_by_a_later_review_is_not_chased_for_earlier_periods(sample):
    sample.ok("review", "add", "--year", "2024", "--host", "kien-giang", "--held", "18/12/2024")
    sample.ok("action", "add", "Liên kết đào tạo điều dưỡng", "--sector", "y-te", "--lead", "syt-hg", "--review", "1")
    new_id = max(row["id"] for row in sample.json("action", "list"))
    early = sample.json("report", "missing", "--period", "2022-H1")
    assert new_id not in [row["action_id"] for row in early["missing"]]
    assert early["owed"] == 26
    assert _total(sample.json("status", "--period", "2022-H1"))["actions"] == 26
    # From the review's date on it exists and owes its reports.
    assert _total(sample.json("status", "--period", "2024-H2"))["actions"] == 27
    later = sample.json("report", "missing", "--period", "2025-H1")
    assert new_id in [row["action_id"] for row in later["missing"]]


def test_an_action_added_by_a_review_in_november_owes_nothing_for_the_first_half(hoptac):
    h = _new_programme(hoptac)
    h.ok("action", "add", "Khám sàng lọc", "--sector", "y-te", "--lead", "syt-hg")
    h.ok("review", "add", "--year", "2026", "--held", "20/11/2026")
    h.ok("action", "add", "Đào tạo bác sĩ", "--sector", "y-te", "--lead", "syt-kg", "--review", "1")
    first_half = h.json("report", "missing", "--period", "2026-H1")
    assert [row["action_id"] for row in first_half["missing"]] == [1]
    assert _total(h.json("status", "--period", "2026-H1"))["actions"] == 1
    refused = h.fails("report", "add", "--action", "2", "--period", "2026-H1", "--progress", "10", "--submitted", "14/06/2026")
    assert "2026-H1" in refused.stderr and "20/11/2026" in refused.stderr
    # In the second half it counts, and a report is welcome.
    assert _total(h.json("status", "--period", "2026-H2"))["actions"] == 2
    h.ok("report", "add", "--action", "2", "--period", "2026-H2", "--progress", "10")


def test_an_action_with_a_start_date_exists_from_it(hoptac):
    h = _new_programme(hoptac)
    h.ok("action", "add", "Bắt đầu muộn", "--sector", "y-te", "--lead", "syt-hg", "--start", "01/03/2024")
    assert _total(h.json("status", "--period", "2023-H2"))["actions"] == 0
    assert _total(h.json("status", "--period", "2024-H1"))["actions"] == 1


# decisions -----------------------------------------------------------------------------------


def _build_decided(h) -> None:
    _new_programme(h)
    h.ok(
        "action",
        "add",
        "Phẫu thuật tim",
        "--sector",
        "y-te",
        "--lead",
        "syt-hg",
        "--due",
        "31/12/2023",
        "--unit",
        "em",
        "--target",
        "20",
    )
    h.ok("action", "add", "Khám lưu động", "--sector", "y-te", "--lead", "syt-hg")
    h.ok("report", "add", "--action", "1", "--period", "2022-H2", "--value", "10", "--submitted", "10/12/2022")
    h.ok("review", "add", "--year", "2023", "--held", "15/12/2023")
    h.ok("action", "update", "1", "--due", "31/12/2025", "--target", "40", "--lead", "syt-kg", "--review", "1")
    h.ok("action", "cancel", "2", "--review", "1", "--reason", "Không còn phù hợp")


@pytest.fixture(scope="session")
def _decided_bytes(tmp_path_factory, _empty_bytes):
    return snapshot(tmp_path_factory, "decided", _build_decided, start=_empty_bytes)


@pytest.fixture
def decided(hoptac, _decided_bytes):
    """One action (target 20 em, due 31/12/2023) reported in 2022; a review on 15/12/2023 moves
    its due date, doubles its target and hands it to the other province's department."""
    return hoptac.load(_decided_bytes)


def test_an_adjustment_shows_only_from_its_review_on(decided):
    before = decided.json("status", "--sector", "y-te", "--period", "2023-H1")
    assert [(row["due_on"], row["target"], row["lead"], row["progress"]) for row in before[:1]] == [
        ("2023-12-31", 20.0, "Sở Y tế tỉnh Hậu Giang", 50.0)
    ]
    after = decided.json("status", "--sector", "y-te", "--period", "2023-H2")
    assert [(row["due_on"], row["target"], row["lead"], row["progress"]) for row in after[:1]] == [
        ("2025-12-31", 40.0, "Sở Y tế tỉnh Kiên Giang", 25.0)
    ]


def test_a_cancellation_shows_only_from_its_review_on(decided):
    before = decided.json("status", "--sector", "y-te", "--period", "2023-H1")
    assert before[1]["status"] == "not-started"
    assert _total(decided.json("status", "--period", "2023-H1"))["cancelled"] == 0
    after = decided.json("status", "--sector", "y-te", "--period", "2023-H2")
    assert after[1]["status"] == "cancelled"


def test_report_missing_names_the_lead_of_the_time(decided):
    early = decided.json("report", "missing", "--period", "2023-H1")
    assert [(row["action_id"], row["agency"]) for row in early["missing"]] == [
        (1, "Sở Y tế tỉnh Hậu Giang"),
        (2, "Sở Y tế tỉnh Hậu Giang"),
    ]
    late = decided.json("report", "missing", "--period", "2024-H1")
    assert [(row["action_id"], row["agency"]) for row in late["missing"]] == [(1, "Sở Y tế tỉnh Kiên Giang")]


def test_a_decision_without_a_review_takes_effect_the_day_it_is_recorded(decided):
    decided.ok("action", "pause", "1")  # today, 25/11/2026
    assert decided.json("status", "--sector", "y-te", "--period", "2026-H1")[0]["status"] != "paused"
    assert decided.json("status", "--sector", "y-te")[0]["status"] == "paused"


# the default period and exports ---------------------------------------------------------------


def test_export_summary_without_period_is_the_default_periods_picture(hoptac):
    h = _new_programme(hoptac)
    h.ok("action", "add", "Khám sàng lọc", "--sector", "y-te", "--lead", "syt-hg")
    h.ok("report", "add", "--action", "1", "--period", "2026-H1", "--progress", "20", "--submitted", "10/06/2026")
    # Filed early for the period after the default one (2026-H1: the latest whose deadline passed).
    h.ok("report", "add", "--action", "1", "--period", "2026-H2", "--progress", "60", "--submitted", "20/11/2026")
    exported = json.loads(h.ok("export", "summary", "-o", "-", "--format", "json").stdout)
    explicit = h.json("status", "--period", "2026-H1")
    assert {row["period"] for row in exported} == {"2026-H1"}
    assert _total(exported)["progress"] == _total(explicit)["progress"] == 20.0
    actions = json.loads(h.ok("export", "actions", "-o", "-", "--format", "json").stdout)
    assert [(row["period"], row["progress"]) for row in actions] == [("2026-H1", 20.0)]


def test_the_default_period_is_never_in_the_future(hoptac):
    h = _new_programme(hoptac, period="2027-2030", slug="sau")
    h.ok("action", "add", "Khám sàng lọc", "--sector", "y-te", "--lead", "syt-hg")
    rows = h.json("status")
    assert {row["period"] for row in rows} == {"2026-H2"}  # today is 25/11/2026
    assert "2027 H1" not in h.ok("status").stdout
    exported = json.loads(h.ok("export", "summary", "-o", "-", "--format", "json").stdout)
    assert {row["period"] for row in exported} == {"2026-H2"}


def test_summary_as_of_a_period_leaves_out_later_actions_and_decisions(decided, tmp_path):
    decided.ok("review", "add", "--year", "2025", "--held", "10/12/2025")
    decided.ok("action", "add", "Việc bổ sung 2025", "--sector", "y-te", "--lead", "syt-hg", "--review", "2")
    out = tmp_path / "bc.md"
    decided.ok("summary", "--period", "2023-H1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "Việc bổ sung 2025" not in text
    assert "Khám lưu động (chủ trì: Sở Y tế tỉnh Hậu Giang): chưa thực hiện" in text
    assert "đạt 10/20 em" in text
