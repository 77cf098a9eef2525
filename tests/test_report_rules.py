"""Reports: amendments keep what they do not change, the lead agency's report decides, no
report (and no summary) for a period that has not begun, the submission date is checked."""

from __future__ import annotations


def _first(h):
    h.ok("action", "add", "Khám bệnh lưu động", "--sector", "y-te", "--lead", "syt-hg", "--partner", "syt-kg")
    return h


# amendments ----------------------------------------------------------------------------------


def test_an_amendment_keeps_every_field_it_does_not_change(two_parties):
    h = _first(two_parties)
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "40",
        "--submitted",
        "10/06/2022",
        "--result",
        "Khám cho 300 người",
        "--difficulty",
        "Thiếu bác sĩ",
        "--proposal",
        "Tăng cường nhân lực",
    )
    h.ok("report", "add", "--action", "1", "--period", "2022-H1", "--progress", "100", "--amend", "--submitted", "12/06/2022")
    shown = h.json("report", "show", "2")
    assert (shown["progress"], shown["status"], shown["revision"]) == (100.0, "done", 2)
    assert (shown["result"], shown["difficulty"], shown["proposal"]) == (
        "Khám cho 300 người",
        "Thiếu bác sĩ",
        "Tăng cường nhân lực",
    )


def test_an_amendment_keeps_the_achieved_value(two_parties):
    h = two_parties
    h.ok("action", "add", "Phẫu thuật tim", "--sector", "y-te", "--lead", "syt-hg", "--unit", "em", "--target", "20")
    h.ok(
        "report", "add", "--action", "1", "--period", "2022-H1", "--value", "10", "--result", "10 em", "--submitted", "10/06/2022"
    )
    h.ok("report", "add", "--action", "1", "--period", "2022-H1", "--status", "behind", "--amend", "--submitted", "12/06/2022")
    shown = h.json("report", "show", "2")
    assert (shown["value"], shown["progress"], shown["status"], shown["result"]) == (10.0, 50.0, "behind", "10 em")


def test_report_show_lists_what_each_revision_changed(two_parties):
    h = _first(two_parties)
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "40",
        "--result",
        "Đợt 1",
        "--submitted",
        "10/06/2022",
    )
    h.ok("report", "add", "--action", "1", "--period", "2022-H1", "--progress", "60", "--amend", "--submitted", "12/06/2022")
    h.ok(
        "report", "add", "--action", "1", "--period", "2022-H1", "--result", "Đợt 1 và 2", "--amend", "--submitted", "13/06/2022"
    )
    history = h.json("report", "show", "3")["history"]
    assert [row["changed"] for row in history] == [
        [],
        [{"field": "progress", "old": 40.0, "new": 60.0}],
        [{"field": "result", "old": "Đợt 1", "new": "Đợt 1 và 2"}],
    ]
    table = h.ok("report", "show", "3").stdout
    assert "progress: 40 → 60" in table and "result:" in table


# the lead agency decides ---------------------------------------------------------------------


def test_a_partners_report_does_not_overwrite_the_leads(two_parties):
    h = _first(two_parties)
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "30",
        "--status",
        "behind",
        "--submitted",
        "10/06/2022",
    )
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "25",
        "--agency",
        "syt-kg",
        "--result",
        "Phối hợp khám 100 người",
        "--submitted",
        "12/06/2022",
    )
    (row,) = h.json("status", "--sector", "y-te")
    assert (row["status"], row["progress"]) == ("behind", 30.0)
    (row,) = h.json("status", "--sector", "y-te", "--period", "2022-H1")
    assert (row["status"], row["progress"]) == ("behind", 30.0)
    assert h.json("action", "show", "1")["status"] == "behind"


def test_where_only_partners_reported_theirs_count(two_parties):
    h = _first(two_parties)
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "30",
        "--status",
        "behind",
        "--submitted",
        "10/06/2022",
    )
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H2",
        "--progress",
        "55",
        "--agency",
        "syt-kg",
        "--submitted",
        "12/12/2022",
    )
    (row,) = h.json("status", "--sector", "y-te", "--period", "2022-H2")
    assert (row["status"], row["progress"]) == ("in-progress", 55.0)


def test_partner_results_still_reach_the_summary(two_parties, tmp_path):
    h = _first(two_parties)
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "30",
        "--status",
        "behind",
        "--submitted",
        "10/06/2022",
    )
    h.ok(
        "report",
        "add",
        "--action",
        "1",
        "--period",
        "2022-H1",
        "--progress",
        "25",
        "--agency",
        "syt-kg",
        "--result",
        "Phối hợp khám 100 người",
        "--submitted",
        "12/06/2022",
    )
    out = tmp_path / "bc.md"
    h.ok("summary", "--period", "2022-H1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "chậm tiến độ, tiến độ 30%" in text and "Phối hợp khám 100 người" in text


# periods that have not begun -----------------------------------------------------------------


def test_no_report_for_a_period_that_has_not_begun(hoptac):
    hoptac.ok("party", "add", "Hậu Giang")
    hoptac.ok("party", "add", "Kiên Giang")
    hoptac.ok(
        "agreement", "add", "Dài", "--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2030", "--slug", "dai"
    )
    hoptac.ok("sector", "add", "Y tế")
    hoptac.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    hoptac.ok("action", "add", "Khám", "--sector", "y-te", "--lead", "syt-hg")
    refused = hoptac.fails(
        "report", "add", "--action", "1", "--period", "2027-H1", "--progress", "10", "--submitted", "20/11/2026"
    )
    assert "2027-H1 has not begun" in refused.stderr and "2026 H2" in refused.stderr
    vi = hoptac.fails("report", "add", "--action", "1", "--period", "2027-H1", "--progress", "10", lang="vi")
    assert "chưa bắt đầu" in vi.stderr and "6 tháng cuối năm 2026" in vi.stderr
    refused = hoptac.fails("summary", "--period", "2027", "-o", "-")
    assert "2027 has not begun" in refused.stderr
    # The current period is fine, with today as the submission date.
    hoptac.ok("report", "add", "--action", "1", "--period", "2026-H2", "--progress", "10")


def test_the_default_submission_date_is_checked_like_a_typed_one(hoptac):
    hoptac.ok("party", "add", "Hậu Giang")
    hoptac.ok("party", "add", "Kiên Giang")
    hoptac.ok(
        "agreement", "add", "Dài", "--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2030", "--slug", "dai"
    )
    hoptac.ok("sector", "add", "Y tế")
    hoptac.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    hoptac.ok("action", "add", "Khám", "--sector", "y-te", "--lead", "syt-hg")
    # On 10/06/2026 the second half has neither begun nor opened its window.
    refused = hoptac.fails(
        "report", "add", "--action", "1", "--period", "2026-H2", "--progress", "10", env={"HOPTAC_TODAY": "10/06/2026"}
    )
    assert "2026-H2 has not begun" in refused.stderr and "2026 H1" in refused.stderr
    # A report for the first half dated "today" (10/06/2026) is inside its window: accepted.
    hoptac.ok("report", "add", "--action", "1", "--period", "2026-H1", "--progress", "10", env={"HOPTAC_TODAY": "10/06/2026"})
    assert hoptac.json("report", "show", "1")["submitted_on"] == "2026-06-10"
