"""The life of an agreement: ending it, its successor and the chain, carrying actions over."""

from __future__ import annotations

import pytest
from conftest import snapshot


def agreement(hoptac, slug):
    return next(row for row in hoptac.json("agreement", "list") if row["slug"] == slug)


def successor(hoptac, *extra):
    hoptac.ok(
        "agreement",
        "add",
        "Chương trình tiếp theo",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2026-2030",
        "--slug",
        "tiep",
        *extra,
    )


# ending --------------------------------------------------------------------------------------


def test_end_with_a_final_review(two_parties):
    two_parties.ok("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "20/12/2025")
    result = two_parties.ok("agreement", "end", "thu", "--on", "31/12/2025", "--review", "1")
    assert "Agreement thu ended on 31/12/2025 (ended)" in result.stdout
    shown = two_parties.json("agreement", "show", "thu")
    assert (shown["status"], shown["ended_on"], shown["end_review_id"]) == ("ended", "2025-12-31", 1)
    assert "final review 2025 (#1)" in two_parties.ok("agreement", "show", "thu").stdout  # the label is for the table
    assert "Agreements closed" in two_parties.ok("review", "show", "1").stdout
    assert two_parties.json("review", "show", "1")["ended"][0]["slug"] == "thu"


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--on", "31/12/2020"], "--on 31/12/2020 is before thu began (01/01/2021)"),
        (["--on", "31-12-25"], "--on: '31-12-25' is not a date"),
        (["--on", "31/12/2025", "--review", "1"], "interim review 2024 (#1) is not a final review"),
        (["--on", "31/12/2025", "--review", "2"], "--review: final review 2025 (#2) belongs to khac, not to thu"),
        (["--on", "31/12/2025", "--review", "9"], "no review with id 9"),
    ],
)
def test_bad_ends_are_refused(two_parties, args, expected):
    two_parties.ok("review", "add", "--year", "2024")
    two_parties.ok(
        "agreement", "add", "Khác", "--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2025", "--slug", "khac"
    )
    two_parties.ok("review", "add", "--agreement", "khac", "--year", "2025", "--kind", "tong-ket")
    assert expected in two_parties.fails("agreement", "end", "thu", *args).stderr


def test_an_ended_agreement_cannot_end_again(two_parties):
    two_parties.ok("agreement", "end", "thu", "--on", "31/12/2025")
    assert (
        "agreement thu is already ended (ended 31/12/2025)"
        in two_parties.fails("agreement", "end", "thu", "--on", "01/01/2026").stderr
    )


def test_reports_after_the_end_are_refused(two_parties):
    two_parties.ok("action", "add", "Khám bệnh lưu động", "--sector", "y-te", "--lead", "syt-hg")
    two_parties.ok("agreement", "end", "thu", "--on", "30/06/2024")
    two_parties.ok("report", "add", "--action", "1", "--period", "2024-H1", "--progress", "40", "--submitted", "15/06/2024")
    refused = two_parties.fails(
        "report", "add", "--action", "1", "--period", "2024-H2", "--progress", "50", "--submitted", "15/12/2024"
    )
    assert "2024-H2" in refused.stderr and "30/06/2024" in refused.stderr
    assert two_parties.json("report", "missing", "--period", "2024-H1", "--agreement", "thu")["owed"] == 1


# successor and chain -------------------------------------------------------------------------


def test_successor_supersedes_an_ended_predecessor(two_parties):
    two_parties.ok("agreement", "end", "thu", "--on", "31/12/2025")
    successor(two_parties, "--predecessor", "thu")
    assert agreement(two_parties, "thu")["status"] == "superseded"
    assert agreement(two_parties, "tiep")["status"] == "active"
    refused = two_parties.fails(
        "agreement",
        "add",
        "Thứ ba",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2026-2030",
        "--predecessor",
        "thu",
    )
    assert "--predecessor: thu is already followed by tiep" in refused.stderr


def test_ending_after_the_successor_exists_supersedes(two_parties):
    successor(two_parties, "--predecessor", "thu")
    assert agreement(two_parties, "thu")["status"] == "active"
    assert "(superseded)" in two_parties.ok("agreement", "end", "thu", "--on", "31/12/2025").stdout


def test_show_walks_the_chain_both_ways(sample):
    sample.ok("agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025")
    sample.ok(
        "agreement",
        "add",
        "Chương trình hợp tác Cần Thơ – An Giang 2026-2030",
        "--party",
        "can-tho",
        "--party",
        "an-giang",
        "--period",
        "2026-2030",
        "--slug",
        "ct-ag-2026-2030",
        "--predecessor",
        "hg-kg-2021-2025",
    )
    old = sample.ok("agreement", "show", "hg-kg-2021-2025").stdout
    assert "2006 → … → 2021–2025 → 2026–2030" in old
    assert "Chương trình hợp tác Cần Thơ – An Giang 2026-2030" in old  # followed by
    new = sample.json("agreement", "show", "ct-ag-2026-2030")
    assert new["chain_text"] == "2006 → … → 2021–2025 → 2026–2030"
    assert [link["slug"] for link in new["chain"]] == ["hg-kg-2021-2025", "ct-ag-2026-2030"]
    assert new["predecessor"].startswith("Chương trình hợp tác phát triển kinh tế - xã hội giữa tỉnh Hậu Giang")


def test_show_without_links_has_no_chain(two_parties):
    assert two_parties.json("agreement", "show", "thu")["chain_text"] is None


# carrying actions over -----------------------------------------------------------------------


def _build_carried(h) -> None:
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
        "--unit",
        "đợt",
        "--target",
        "4",
    )
    h.ok(
        "action",
        "add",
        "Nâng cấp Quốc lộ 61",
        "--sector",
        "giao-thong",
        "--lead",
        "sgtvt-kg",
        "--partner",
        "sgtvt-hg",
        "--start",
        "01/01/2022",
        "--due",
        "31/12/2025",
    )
    h.ok("action", "add", "Cầu Cái Tư", "--sector", "giao-thong", "--lead", "sgtvt-kg")
    h.ok("action", "add", "Xe buýt liên tỉnh", "--sector", "giao-thong", "--lead", "sgtvt-hg")
    h.ok("report", "add", "--action", "1", "--period", "2025-H2", "--value", "2", "--submitted", "15/12/2025")
    h.ok(
        "report",
        "add",
        "--action",
        "2",
        "--period",
        "2025-H2",
        "--progress",
        "60",
        "--status",
        "behind",
        "--submitted",
        "15/12/2025",
    )
    h.ok("report", "add", "--action", "3", "--period", "2025-H2", "--progress", "100", "--submitted", "15/12/2025")
    h.ok("review", "add", "--year", "2025", "--kind", "tong-ket")
    h.ok("action", "cancel", "4", "--review", "1", "--reason", "Đã có doanh nghiệp khai thác")
    h.ok("agreement", "end", "thu", "--on", "31/12/2025", "--review", "1")
    successor(h, "--predecessor", "thu")
    h.ok("sector", "add", "Y tế", "--agreement", "tiep")


@pytest.fixture(scope="session")
def _carried_bytes(tmp_path_factory, _two_parties_bytes):
    return snapshot(tmp_path_factory, "carried", _build_carried, start=_two_parties_bytes)


@pytest.fixture
def carried(hoptac, _carried_bytes):
    """thu with four actions (one done, one cancelled) ended by a tổng kết; tiep follows it."""
    return hoptac.load(_carried_bytes)


def test_carry_refuses_when_the_successor_lacks_the_sector(carried):
    refused = carried.fails("agreement", "carry", "thu", "--to", "tiep", "--unfinished")
    assert "action 2 is in sector giao-thong (Giao thông), which tiep lacks" in refused.stderr
    assert 'hoptac sector add "Giao thông" --agreement tiep --slug giao-thong' in refused.stderr


def test_carry_unfinished_copies_with_links_and_events(carried):
    carried.ok("sector", "add", "Giao thông", "--agreement", "tiep")
    result = carried.ok("agreement", "carry", "thu", "--to", "tiep", "--unfinished", "--due", "31/12/2027")
    assert result.stdout == "Carried 2 actions into tiep (original → copy): 1 → 5, 2 → 6\n"
    copies = carried.json("action", "list", "--agreement", "tiep")
    # The copies keep what the originals achieved: 2 of 4 đợt, and 60%.
    assert [(row["id"], row["title"], row["status"], row["progress"], row["due_on"]) for row in copies] == [
        (5, "Khám bệnh lưu động", "in-progress", 50.0, "2027-12-31"),
        (6, "Nâng cấp Quốc lộ 61", "in-progress", 60.0, "2027-12-31"),
    ]
    first = carried.json("action", "show", "5")
    assert (first["unit"], first["target"], first["partners"]) == ("đợt", 4.0, ["Sở Y tế tỉnh Kiên Giang"])
    assert first["carried_from"] == "#1 Khám bệnh lưu động (thu)"
    assert first["history"][0]["kind"] == "carried-from" and first["history"][0]["old_value"] == "thu #1"
    original = carried.json("action", "show", "1")
    assert original["carried_to"] == ["#5 (tiep)"]
    assert original["history"][-1]["kind"] == "carried-to" and original["history"][-1]["new_value"] == "tiep #5"
    # The original's reports stay with the original.
    assert original["latest_period"] == "2025-H2" and original["value"] == 2.0
    assert carried.json("report", "list", "--agreement", "tiep") == []
    assert "Carried over from" in carried.ok("action", "show", "5").stdout
    # Nothing is left to carry; an explicit repeat is refused.
    assert (
        "thu has no unfinished action left to carry into tiep"
        in carried.fails("agreement", "carry", "thu", "--to", "tiep", "--unfinished").stderr
    )
    assert (
        "--action 2 was already carried into tiep as action 6"
        in carried.fails("agreement", "carry", "thu", "--to", "tiep", "--action", "2").stderr
    )


def test_carry_named_actions(carried):
    carried.ok("agreement", "carry", "thu", "--to", "tiep", "--action", "1", "--action", "1")
    assert [row["id"] for row in carried.json("action", "list", "--agreement", "tiep")] == [5]
    # --unfinished now skips the one carried before and refuses for the missing sector of the other.
    assert "which tiep lacks" in carried.fails("agreement", "carry", "thu", "--to", "tiep", "--unfinished").stderr
    carried.ok("sector", "add", "Giao thông", "--agreement", "tiep")
    result = carried.ok("agreement", "carry", "thu", "--to", "tiep", "--unfinished")
    assert "Action 1 was carried over before (action 5); left as it is" in result.stderr
    assert result.stdout == "Carried action 2 into tiep as action 6\n"
    assert carried.json("action", "show", "6")["start_on"] == "2022-01-01"


def test_carry_due_date_must_follow_the_start(carried):
    carried.ok("sector", "add", "Giao thông", "--agreement", "tiep")
    refused = carried.fails("agreement", "carry", "thu", "--to", "tiep", "--action", "2", "--due", "31/12/2021")
    assert "the due date 31/12/2021 is before the start 01/01/2022" in refused.stderr


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--action", "3"], "--action 3 is done; only unfinished actions are carried over"),
        (["--action", "4"], "--action 4 is cancelled"),
        (["--action", "1", "--unfinished"], "--action ID (repeatable) or --unfinished, not both"),
        ([], "--action ID (repeatable) or --unfinished, not both"),
        (["--action", "99"], "no action with id 99"),
    ],
)
def test_bad_carries_are_refused(carried, args, expected):
    assert expected in carried.fails("agreement", "carry", "thu", "--to", "tiep", *args).stderr


def test_carry_needs_another_active_agreement(carried):
    assert (
        "--to thu is the agreement the actions are in"
        in carried.fails("agreement", "carry", "thu", "--to", "thu", "--unfinished").stderr
    )
    assert "--to thu is superseded" in carried.fails("agreement", "carry", "tiep", "--to", "thu", "--unfinished").stderr
    carried.ok(
        "agreement", "add", "Khác", "--party", "hau-giang", "--party", "kien-giang", "--period", "2026-2030", "--slug", "khac"
    )
    carried.ok("sector", "add", "Y tế", "--agreement", "khac")
    carried.ok("action", "add", "Việc khác", "--sector", "y-te", "--agreement", "khac", "--lead", "syt-hg")
    assert (
        "--action 5 belongs to khac, not to thu"
        in carried.fails("agreement", "carry", "thu", "--to", "tiep", "--action", "5").stderr
    )


def test_carried_copies_are_led_by_todays_successors(sample):
    sample.ok("agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025")
    sample.ok(
        "agreement",
        "add",
        "Cần Thơ – An Giang 2026-2030",
        "--party",
        "can-tho",
        "--party",
        "an-giang",
        "--period",
        "2026-2030",
        "--slug",
        "ct-ag",
        "--predecessor",
        "hg-kg-2021-2025",
    )
    sample.ok("sector", "add", "Quản lý hạ tầng đô thị, giao thông, tài nguyên và môi trường", "--agreement", "ct-ag")
    quoc_lo = next(
        row
        for row in sample.json("action", "list", "--agreement", "hg-kg-2021-2025")
        if row["title"].startswith("Nâng cấp tuyến Quốc lộ 61")
    )
    sample.ok("agreement", "carry", "hg-kg-2021-2025", "--to", "ct-ag", "--action", str(quoc_lo["id"]))
    (copy,) = sample.json("action", "list", "--agreement", "ct-ag")
    assert copy["lead"] == "Sở Xây dựng tỉnh An Giang"
    assert copy["partners"] == ["Sở Xây dựng thành phố Cần Thơ"]
    assert sample.json("action", "show", str(quoc_lo["id"]))["lead"] == "Sở Giao thông vận tải tỉnh Kiên Giang"
