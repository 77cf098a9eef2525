"""Mergers of parties and agencies: recorded with dates, refused when inconsistent, and followed
by questions about the present while history keeps its names."""

from __future__ import annotations

import pytest
from conftest import snapshot


def _build_merged(h) -> None:
    h.ok("party", "add", "Cần Thơ", "--kind", "city")
    h.ok("party", "add", "An Giang")
    h.ok("agency", "add", "Sở Xây dựng thành phố Cần Thơ", "--party", "can-tho", "--slug", "sxd-ct")
    h.ok("action", "add", "Xe buýt liên tỉnh", "--sector", "giao-thong", "--lead", "sgtvt-hg", "--partner", "sgtvt-kg")
    h.ok("action", "add", "Khám bệnh lưu động", "--sector", "y-te", "--lead", "syt-hg")


@pytest.fixture(scope="session")
def _merged_bytes(tmp_path_factory, _two_parties_bytes):
    return snapshot(tmp_path_factory, "merged", _build_merged, start=_two_parties_bytes)


@pytest.fixture
def merged(hoptac, _merged_bytes):
    """``two_parties`` with Cần Thơ (a city, with Sở Xây dựng sxd-ct) and An Giang; action 1 Xe buýt liên tỉnh
    (sgtvt-hg with sgtvt-kg), action 2 Khám bệnh lưu động (syt-hg)."""
    return hoptac.load(_merged_bytes)


def test_party_merge_is_recorded_and_listed(merged):
    result = merged.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    assert "Hậu Giang merged into Cần Thơ from 01/07/2025" in result.stdout
    rows = {row["slug"]: row for row in merged.json("party", "list")}
    assert (rows["hau-giang"]["successor"], rows["hau-giang"]["succeeded_on"]) == ("Cần Thơ", "2025-07-01")
    assert rows["can-tho"]["successor"] is None
    # The agreement keeps the names it was signed with and shows who stands for them now.
    shown = merged.json("agreement", "show", "thu")
    assert [(p["name"], p["now"]) for p in shown["parties"]] == [("Hậu Giang", "Cần Thơ"), ("Kiên Giang", None)]


def test_several_agencies_merge_into_one(merged):
    merged.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    result = merged.ok("agency", "merge", "sgtvt-hg", "Sở Y tế tỉnh Hậu Giang", "--into", "sxd-ct", "--on", "2025-07-01")
    assert result.stdout == (
        "Sở Giao thông vận tải tỉnh Hậu Giang, Sở Y tế tỉnh Hậu Giang merged into Sở Xây dựng thành phố Cần Thơ from 01/07/2025\n"
    )
    rows = {row["slug"]: row["successor"] for row in merged.json("agency", "list")}
    assert rows["sgtvt-hg"] == rows["syt-hg"] == "Sở Xây dựng thành phố Cần Thơ"


def test_repeating_a_merger_changes_nothing(merged):
    merged.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    again = merged.ok("party", "merge", "hau-giang", "--into", "can tho", "--on", "1/7/2025")
    assert "Already recorded; nothing changed" in again.stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        (["hau-giang", "--into", "hau-giang", "--on", "01/07/2025"], "cannot merge party Hậu Giang into itself"),
        (
            ["hau-giang", "--into", "an-giang", "--on", "01/07/2025"],
            "Hậu Giang was already merged into Cần Thơ on 01/07/2025; it cannot also merge into An Giang",
        ),
        (["hau-giang", "--into", "can-tho", "--on", "01/08/2025"], "a merger's date is not rewritten"),
        (["can-tho", "--into", "hau-giang", "--on", "01/06/2025"], "would make a cycle: Hậu Giang already leads to Cần Thơ"),
        (
            ["kien-giang", "--into", "hau-giang", "--on", "01/08/2025"],
            "--into: party Hậu Giang was itself merged into Cần Thơ on 01/07/2025; merge into Cần Thơ instead",
        ),
        (["kien-giang", "--into", "can-tho", "--on", "01/13/2025"], "--on: '01/13/2025' does not exist"),
        (["soc-trang", "--into", "can-tho", "--on", "01/07/2025"], "no party 'soc-trang'"),
    ],
)
def test_inconsistent_party_mergers_are_refused(merged, args, expected):
    merged.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    assert expected in merged.fails("party", "merge", *args).stderr


def test_agency_merge_refusals(merged):
    assert "cannot merge agency" in merged.fails("agency", "merge", "sxd-ct", "--into", "sxd-ct", "--on", "01/07/2025").stderr
    # Into an agency of another province only once that province has absorbed the agency's own.
    assert "belongs to Hậu Giang" in merged.fails("agency", "merge", "sgtvt-hg", "--into", "sxd-ct", "--on", "01/07/2025").stderr
    merged.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    merged.ok("agency", "merge", "sgtvt-hg", "--into", "sxd-ct", "--on", "01/07/2025")
    assert "would make a cycle" in merged.fails("agency", "merge", "sxd-ct", "--into", "sgtvt-hg", "--on", "01/08/2025").stderr
    refused = merged.fails("agency", "merge", "sgtvt-hg", "--into", "sgtvt-kg", "--on", "01/07/2025")
    assert "Sở Giao thông vận tải tỉnh Kiên Giang belongs to Kiên Giang" in refused.stderr
    assert "Missing argument 'OLD...'" in merged.fails("party", "merge", "--into", "can-tho", "--on", "01/07/2025", code=2).stderr


def test_action_list_by_agency_finds_the_work_of_predecessors(merged):
    merged.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    merged.ok("agency", "merge", "sgtvt-hg", "--into", "sxd-ct", "--on", "01/07/2025")
    assert [row["id"] for row in merged.json("action", "list", "--agency", "sxd-ct")] == [1]
    assert [row["id"] for row in merged.json("action", "list", "--agency", "sgtvt-hg")] == [1]
    assert [row["id"] for row in merged.json("action", "list", "--agency", "sgtvt-kg")] == [1]
    shown = merged.json("action", "show", "1")
    assert (shown["lead"], shown["lead_now"]) == ("Sở Giao thông vận tải tỉnh Hậu Giang", "Sở Xây dựng thành phố Cần Thơ")
    assert merged.json("action", "show", "2")["lead_now"] is None


# the sample programme's 2025 reorganisation ---------------------------------------------------


def test_sample_records_the_2025_reorganisation(sample):
    parties = {row["slug"]: row for row in sample.json("party", "list")}
    assert (parties["hau-giang"]["successor"], parties["hau-giang"]["succeeded_on"]) == ("Cần Thơ", "2025-07-01")
    assert (parties["kien-giang"]["successor"], parties["kien-giang"]["succeeded_on"]) == ("An Giang", "2025-07-01")
    assert parties["can-tho"]["kind"] == "city"
    agencies = {row["slug"]: row for row in sample.json("agency", "list")}
    for old, new, since in [
        ("skhdt-hg", "Sở Tài chính tỉnh Hậu Giang", "2025-03-01"),
        ("stc-hg", "Sở Tài chính thành phố Cần Thơ", "2025-07-01"),
        ("sgtvt-kg", "Sở Xây dựng tỉnh Kiên Giang", "2025-03-01"),
        ("snn-hg", "Sở Nông nghiệp và Môi trường tỉnh Hậu Giang", "2025-03-01"),
        ("stttt-kg", "Sở Khoa học và Công nghệ tỉnh Kiên Giang", "2025-03-01"),
        ("sldtbxh-hg", "Sở Nội vụ tỉnh Hậu Giang", "2025-03-01"),
        ("syt-kg", "Sở Y tế tỉnh An Giang", "2025-07-01"),
    ]:
        assert (agencies[old]["successor"], agencies[old]["succeeded_on"]) == (new, since), old
    assert agencies["stc-ct"]["party"] == "Cần Thơ" and agencies["sxd-ag"]["party"] == "An Giang"
    assert all(agencies[slug]["successor"] is None for slug in agencies if slug.endswith(("-ct", "-ag")))


def test_sample_report_missing_names_successors_while_history_keeps_old_names(sample):
    # A 2022 report by the original department.
    sample.ok("report", "add", "--action", "9", "--period", "2022-H1", "--progress", "20", "--submitted", "10/06/2022")
    listed = sample.json("report", "list", "--period", "2022")
    assert "Sở Giao thông vận tải tỉnh Kiên Giang" in {row["agency"] for row in listed}
    assert not any("Xây dựng" in row["agency"] or "An Giang" in row["agency"] for row in listed)

    missing = sample.json("report", "missing", "--period", "2025-H2")
    named = {row["agency"] for row in missing["missing"]}
    assert "Sở Xây dựng tỉnh An Giang" in named and "Sở Tài chính thành phố Cần Thơ" in named
    assert not any("Hậu Giang" in name or "Kiên Giang" in name for name in named)
    quoc_lo = next(row for row in missing["missing"] if row["action_id"] == 9)
    assert quoc_lo["formerly"] == "Sở Giao thông vận tải tỉnh Kiên Giang"
    # A report filed under the old name still counts for the action.
    sample.ok("report", "add", "--action", "9", "--period", "2025-H2", "--progress", "70", "--submitted", "15/12/2025")
    after = sample.json("report", "missing", "--period", "2025-H2")
    assert 9 not in {row["action_id"] for row in after["missing"]}


def test_sample_action_list_by_successor_agency(sample):
    old = {row["id"] for row in sample.json("action", "list", "--agency", "sgtvt-kg")}
    assert old and {row["id"] for row in sample.json("action", "list", "--agency", "sxd-ag")} == old
    assert {row["id"] for row in sample.json("action", "list", "--agency", "Sở Xây dựng tỉnh Kiên Giang")} == old
