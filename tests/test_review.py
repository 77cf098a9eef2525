"""Review meetings: hosts in turn, validation, and the decisions recorded through a review."""

from __future__ import annotations

import pytest
from conftest import snapshot


def add_review(hoptac, *args):
    return hoptac.ok("review", "add", *args)


def review_id(result) -> int:
    line = next(line for line in result.stderr.splitlines() if line.startswith("Added review"))
    return int(line.split()[2].rstrip(":"))


# hosts in turn -------------------------------------------------------------------------------


def test_host_rotates_in_party_order_when_left_out(two_parties):
    first = add_review(two_parties, "--year", "2021", "--held", "20/12/2021")
    assert "Hậu Giang hosts the first review" in first.stderr
    second = add_review(two_parties, "--year", "2022")
    assert "Kiên Giang hosts, as it is its turn after Hậu Giang hosted the 2021 review" in second.stderr
    add_review(two_parties, "--year", "2023")
    rows = two_parties.json("review", "list")
    assert [(row["year"], row["host"]) for row in rows] == [(2021, "Hậu Giang"), (2022, "Kiên Giang"), (2023, "Hậu Giang")]
    assert rows[0]["held_on"] == "2021-12-20" and rows[0]["kind"] == "so-ket"


def test_rotation_follows_an_explicit_host(two_parties):
    add_review(two_parties, "--year", "2021", "--host", "kien giang")
    result = add_review(two_parties, "--year", "2022")
    assert "Hậu Giang hosts" in result.stderr
    assert "No --host" not in add_review(two_parties, "--year", "2023", "--host", "HAU GIANG").stderr


def test_rotation_is_by_year_even_when_entered_out_of_order(two_parties):
    add_review(two_parties, "--year", "2022", "--host", "hau-giang")
    add_review(two_parties, "--year", "2021", "--host", "kien-giang")
    assert "Kiên Giang hosts" in add_review(two_parties, "--year", "2023").stderr


def test_proposed_host_is_the_successor_after_a_merger(sample):
    add_review(sample, "--year", "2024", "--host", "kien-giang")
    result = add_review(sample, "--year", "2025", "--held", "10/12/2025")
    assert "Cần Thơ (formerly: Hậu Giang) hosts" in result.stderr
    viet = sample.ok("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "15/01/2026", lang="vi")
    assert "An Giang (trước đây: Kiên Giang) đăng cai" in viet.stderr
    # Before the merger the old province hosts.
    earlier = add_review(sample, "--year", "2023")
    assert "Hậu Giang hosts" in earlier.stderr and "Cần Thơ" not in earlier.stderr


def test_a_successor_party_may_host(sample):
    add_review(sample, "--year", "2025", "--kind", "tong-ket", "--host", "can-tho")
    assert sample.json("review", "list")[0]["host"] == "Cần Thơ"


# validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--year", "2020"], "--year 2020 is outside thu"),
        (["--year", "2026"], "held in 2021–2025"),
        (["--year", "2024", "--kind", "tong-ket"], "held in 2025 or 2026"),
        (["--year", "2027", "--kind", "tong-ket"], "held in 2025 or 2026"),
        (["--year", "2022", "--kind", "hoi-nghi"], "--kind: 'hoi-nghi' is not accepted; choose one of: so-ket, tong-ket"),
        (["--year", "2022", "--host", "soc-trang"], "--host: Sóc Trăng is not a party of the agreement"),
        (["--year", "2022", "--host", "ca mau"], "no party 'ca mau'"),
        (["--year", "2022", "--held", "31/02/2022"], "--held: '31/02/2022' does not exist"),
        (["--year", "2022", "--agreement", "khac"], "no agreement 'khac'"),
    ],
)
def test_bad_reviews_are_refused(two_parties, args, expected):
    two_parties.ok("party", "add", "Sóc Trăng")
    result = two_parties.fails("review", "add", *args)
    assert expected in result.stderr


def test_one_review_per_year_and_kind(two_parties):
    add_review(two_parties, "--year", "2025")
    add_review(two_parties, "--year", "2025", "--kind", "Tổng kết")
    result = two_parties.fails("review", "add", "--year", "2025")
    assert "already has its interim review 2025 (review 1)" in result.stderr
    assert [row["kind"] for row in two_parties.json("review", "list")] == ["so-ket", "tong-ket"]


def test_unknown_review_is_refused(two_parties):
    assert "no review with id 9" in two_parties.fails("review", "show", "9").stderr


# decisions through a review ------------------------------------------------------------------


def _build_decided(h) -> None:
    h.ok(
        "action",
        "add",
        "Khám bệnh lưu động",
        "--sector",
        "y-te",
        "--lead",
        "syt-hg",
        "--partner",
        "syt-kg",
        "--due",
        "31/12/2023",
    )
    h.ok("action", "add", "Nâng cấp Quốc lộ 61", "--sector", "giao-thong", "--lead", "sgtvt-kg", "--unit", "km", "--target", "20")
    add_review(h, "--year", "2022", "--held", "15/12/2022", "--conclusion", "Điều chỉnh, bổ sung nhiệm vụ")


@pytest.fixture(scope="session")
def _decided_bytes(tmp_path_factory, _two_parties_bytes):
    return snapshot(tmp_path_factory, "decided", _build_decided, start=_two_parties_bytes)


@pytest.fixture
def decided(hoptac, _decided_bytes):
    """Two actions and a 2022 review with a conclusion."""
    return hoptac.load(_decided_bytes)


def history(hoptac, action_id):
    return hoptac.json("action", "show", str(action_id))["history"]


def test_supplemented_action_is_traced_to_the_review(decided):
    result = decided.ok("action", "add", "Đào tạo điều dưỡng", "--sector", "Y TẾ", "--lead", "syt-kg", "--review", "1")
    assert "Added action 3 by interim review 2022 (#1)" in result.stdout
    (event,) = history(decided, 3)
    assert event["kind"] == "added" and event["review_id"] == 1 and "review_label" not in event
    assert "interim review 2022 (#1)" in decided.ok("action", "show", "3").stdout


def test_adjustment_records_each_field_with_the_review(decided):
    result = decided.ok(
        "action",
        "update",
        "2",
        "--due",
        "30/06/2026",
        "--target",
        "25",
        "--lead",
        "sgtvt-hg",
        "--partner",
        "sgtvt-kg",
        "--review",
        "1",
        "--reason",
        "Vốn bố trí chậm",
    )
    assert "Adjusted action 2 by interim review 2022 (#1)" in result.stdout
    events = history(decided, 2)[1:]
    assert [(e["kind"], e["field"], e["old_value"], e["new_value"]) for e in events] == [
        ("adjusted", "due_on", None, "2026-06-30"),
        ("adjusted", "lead_agency_id", "4", "3"),
        ("adjusted", "target", "20.0", "25.0"),
        ("adjusted", "partners", "", "4"),
    ]
    assert {(e["review_id"], e["reason"]) for e in events} == {(1, "Vốn bố trí chậm")}
    table = decided.ok("action", "show", "2").stdout
    assert "adjusted" in table and "interim review 2022 (#1)" in table and "Vốn bố trí chậm" in table


def test_update_without_review_stays_an_update(decided):
    decided.ok("action", "update", "1", "--note", "Ghi chú", "--reason", "Bổ sung thông tin")
    (_, event) = history(decided, 1)
    assert (event["kind"], event["review_id"], event["reason"]) == ("updated", None, "Bổ sung thông tin")


def test_cancel_needs_a_review_and_a_reason(decided):
    assert "Missing option '--review'" in decided.fails("action", "cancel", "1", "--reason", "x", code=2).stderr
    assert "--reason" in decided.fails("action", "cancel", "1", "--review", "1", "--reason", "  ").stderr
    result = decided.ok("action", "cancel", "1", "--review", "1", "--reason", "Không còn phù hợp")
    assert "Action 1 is now cancelled" in result.stdout
    event = history(decided, 1)[-1]
    assert (event["kind"], event["field"], event["old_value"], event["new_value"], event["reason"], event["review_id"]) == (
        "cancelled",
        "status",
        "not-started",
        "cancelled",
        "Không còn phù hợp",
        1,
    )
    assert (
        "action 1 is cancelled; it cannot be cancelled"
        in decided.fails("action", "cancel", "1", "--review", "1", "--reason", "again").stderr
    )
    assert decided.json("action", "list", "--status", "cancelled")[0]["id"] == 1


def test_pause_and_resume_restore_the_earlier_status(decided):
    decided.ok("action", "update", "2", "--status", "behind")
    decided.ok("action", "pause", "2", "--review", "1", "--reason", "Chờ bố trí vốn")
    assert decided.json("action", "show", "2")["status"] == "paused"
    assert "it cannot be paused" in decided.fails("action", "pause", "2").stderr
    decided.ok("action", "resume", "2")
    assert decided.json("action", "show", "2")["status"] == "behind"
    kinds = [(e["kind"], e["review_id"], e["new_value"]) for e in history(decided, 2)]
    assert kinds[-2:] == [("paused", 1, "paused"), ("resumed", None, "behind")]
    assert "only a paused action can be resumed" in decided.fails("action", "resume", "2").stderr


def test_review_of_another_agreement_is_refused(decided):
    decided.ok(
        "agreement",
        "add",
        "Chương trình khác",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2021-2025",
        "--slug",
        "khac",
    )
    decided.ok("review", "add", "--agreement", "khac", "--year", "2022")
    result = decided.fails("action", "update", "1", "--due", "31/12/2024", "--review", "2")
    assert "interim review 2022 (#2) belongs to khac, but action 1 is in thu" in result.stderr
    assert "belongs to khac, but action 1 is in thu" in decided.fails("action", "pause", "1", "--review", "2").stderr
    refused = decided.fails("action", "add", "Mới", "--sector", "y-te", "--lead", "syt-hg", "--review", "2", "--agreement", "thu")
    assert "differs from the agreement of interim review 2022 (#2)" in refused.stderr
    assert "no review with id 7" in decided.fails("action", "cancel", "1", "--review", "7", "--reason", "x").stderr


def test_review_show_lists_every_change_and_commendation(decided):
    decided.ok("action", "add", "Đào tạo điều dưỡng", "--sector", "y-te", "--lead", "syt-kg", "--review", "1")
    decided.ok("action", "update", "2", "--due", "30/06/2026", "--review", "1")
    decided.ok("action", "cancel", "1", "--review", "1", "--reason", "Không còn phù hợp")
    decided.ok("action", "update", "2", "--note", "not by the review")
    decided.ok(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Y tế tỉnh Hậu Giang",
        "--collective",
        "--form",
        "Giấy khen của Giám đốc Sở",
    )
    shown = decided.json("review", "show", "1")
    assert [(c["action_id"], c["kind"]) for c in shown["changes_made"]] == [(3, "added"), (2, "adjusted"), (1, "cancelled")]
    assert [c["recipient"] for c in shown["commendations_made"]] == ["Sở Y tế tỉnh Hậu Giang"]
    assert (shown["host"], shown["conclusion"]) == ("Hậu Giang", "Điều chỉnh, bổ sung nhiệm vụ")
    table = decided.ok("review", "show", "1").stdout
    for text in ("Decisions on actions", "Đào tạo điều dưỡng", "cancelled", "Không còn phù hợp", "Commendations", "Giấy khen"):
        assert text in table
    listed = decided.json("review", "list")[0]
    assert (listed["changes"], listed["commendations"]) == (3, 1)


def test_review_update_corrects_a_proposed_host(sample):
    sample.ok("review", "add", "--year", "2023")  # proposes the first party
    assert sample.json("review", "show", "1")["host"] == "Hậu Giang"
    result = sample.ok("review", "update", "1", "--host", "kien giang", "--held", "20/12/2023")
    assert "host, date held" in result.stdout
    shown = sample.json("review", "show", "1")
    assert shown["held_on"] == "2023-12-20" and shown["host"] == "Kiên Giang"
    # the next proposal follows the corrected host
    assert "Hậu Giang hosts, as it is its turn after Kiên Giang" in sample.ok("review", "add", "--year", "2024").stderr
    assert "nothing to change" in sample.fails("review", "update", "1", "--host", "kien-giang").stderr
    assert "sóc trăng" in sample.fails("review", "update", "1", "--host", "sóc trăng").stderr.lower()
    assert "31/02/2024" in sample.fails("review", "update", "1", "--held", "31/02/2024").stderr
    assert "99" in sample.fails("review", "update", "99", "--held", "01/01/2024").stderr
