"""References and lifecycle: which agreement a command uses when none is active, and dates
checked against their context."""

from __future__ import annotations

import pytest
from conftest import snapshot

# no active agreement -------------------------------------------------------------------------


def test_commands_go_on_after_the_agreement_ended(sample):
    sample.ok("agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025")
    status = sample.ok("status")
    assert "Chương trình hợp tác phát triển kinh tế" in status.stdout
    assert "no agreement is active" in status.stderr and "hg-kg-2021-2025" in status.stderr
    assert status.stderr.count("\n") == 1
    assert sample.ok("status", "--format", "json").stdout.startswith("[")
    assert sample.json("report", "missing", "--period", "2025-H2")["owed"] == 22
    assert len(sample.json("action", "list", "--sector", "y-te")) == 1
    vi = sample.ok("status", lang="vi")
    assert "không có chương trình nào đang thực hiện" in vi.stderr
    # Naming the agreement needs no note.
    assert sample.ok("status", "--agreement", "hg-kg-2021-2025").stderr == ""


def test_the_most_recently_ended_agreement_is_used(two_parties):
    h = two_parties
    h.ok("agreement", "add", "Cũ", "--party", "hau-giang", "--party", "kien-giang", "--period", "2016-2020", "--slug", "cu")
    h.ok("agreement", "end", "cu", "--on", "31/12/2020")
    h.ok("agreement", "end", "thu", "--on", "31/12/2025")
    result = h.ok("agreement", "show", "--format", "json")
    assert '"slug": "thu"' in result.stdout
    assert "most recently ended one, thu (ended 31/12/2025)" in result.stderr
    assert "thu" in h.ok("report", "missing", "--period", "2025-H2").stderr


def test_without_any_agreement_the_error_stays(hoptac):
    assert "no active agreement" in hoptac.fails("status").stderr


# reports against decisions -------------------------------------------------------------------


def _build_decided(h) -> None:
    h.ok("action", "add", "Khám bệnh lưu động", "--sector", "y-te", "--lead", "syt-hg")
    h.ok("action", "add", "Cầu Cái Tư", "--sector", "giao-thong", "--lead", "sgtvt-kg")
    h.ok("review", "add", "--year", "2023", "--held", "15/12/2023")
    h.ok("action", "cancel", "1", "--review", "1", "--reason", "Không còn phù hợp")
    h.ok("action", "pause", "2", "--review", "1", "--reason", "Chờ vốn")


@pytest.fixture(scope="session")
def _decided_bytes(tmp_path_factory, _two_parties_bytes):
    return snapshot(tmp_path_factory, "decided", _build_decided, start=_two_parties_bytes)


@pytest.fixture
def decided(hoptac, _decided_bytes):
    """``two_parties`` with two actions and a 2023 review (15/12/2023) that cancels 1 and pauses 2."""
    return hoptac.load(_decided_bytes)


def test_no_report_on_an_action_cancelled_before_the_period(decided):
    refused = decided.fails(
        "report", "add", "--action", "1", "--period", "2024-H1", "--progress", "10", "--submitted", "10/06/2024"
    )
    assert "action 1 was cancelled on 15/12/2023" in refused.stderr
    # A late report for a period before the decision is still accepted.
    decided.ok("report", "add", "--action", "1", "--period", "2023-H1", "--progress", "10", "--submitted", "10/06/2023")


def test_no_report_on_an_action_paused_for_periods_after_the_pause(decided):
    refused = decided.fails(
        "report", "add", "--action", "2", "--period", "2024-H1", "--progress", "10", "--submitted", "10/06/2024"
    )
    assert "action 2 was paused on 15/12/2023" in refused.stderr
    decided.ok("report", "add", "--action", "2", "--period", "2023-H2", "--progress", "10", "--submitted", "10/12/2023")
    decided.ok("review", "add", "--year", "2024", "--held", "10/12/2024")
    decided.ok("action", "resume", "2", "--review", "2")
    assert (
        "paused on 15/12/2023"
        in decided.fails(
            "report", "add", "--action", "2", "--period", "2024-H2", "--progress", "20", "--submitted", "12/12/2024"
        ).stderr
    )
    decided.ok("report", "add", "--action", "2", "--period", "2025-H1", "--progress", "20", "--submitted", "10/06/2025")


def test_a_late_report_on_a_carried_action_for_an_earlier_period_is_accepted(two_parties):
    h = two_parties
    h.ok("action", "add", "Khám bệnh lưu động", "--sector", "y-te", "--lead", "syt-hg")
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
    h.ok("sector", "add", "Y tế", "--agreement", "tiep")
    h.ok("agreement", "carry", "thu", "--to", "tiep", "--action", "1")  # today, 25/11/2026
    h.ok("report", "add", "--action", "1", "--period", "2025-H2", "--progress", "10", "--submitted", "10/12/2025")


def test_a_carried_action_refuses_reports_for_periods_after_the_carry(two_parties):
    h = two_parties
    h.ok("agreement", "add", "Dài", "--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2030", "--slug", "dai")
    h.ok("sector", "add", "Y tế", "--agreement", "dai")
    h.ok("action", "add", "Khám bệnh lưu động", "--sector", "y-te", "--agreement", "thu", "--lead", "syt-hg")
    h.ok("agreement", "carry", "thu", "--to", "dai", "--action", "1", env={"HOPTAC_TODAY": "05/01/2024"})
    refused = h.fails("report", "add", "--action", "1", "--period", "2024-H2", "--progress", "10", "--submitted", "10/12/2024")
    assert "action 1 was carried into dai as action 2 on 05/01/2024; report on action 2" in refused.stderr
    # The period of the carry, and the ones before, are still the original's.
    h.ok("report", "add", "--action", "1", "--period", "2023-H2", "--progress", "10", "--submitted", "10/12/2023")
    h.ok("report", "add", "--action", "1", "--period", "2024-H1", "--progress", "15", "--submitted", "10/06/2024")
    h.ok("report", "add", "--action", "2", "--period", "2024-H2", "--progress", "20", "--submitted", "10/12/2024")
    assert 1 not in [
        row["action_id"] for row in h.json("report", "missing", "--period", "2024-H2", "--agreement", "thu")["missing"]
    ]


# commendations -------------------------------------------------------------------------------


def test_a_commendation_cannot_predate_its_review(two_parties):
    two_parties.ok("review", "add", "--year", "2024", "--held", "18/12/2024")
    refused = two_parties.fails(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Y tế tỉnh Hậu Giang",
        "--collective",
        "--form",
        "Giấy khen",
        "--date",
        "01/12/2024",
    )
    assert "01/12/2024" in refused.stderr and "18/12/2024" in refused.stderr
    two_parties.ok(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Y tế tỉnh Hậu Giang",
        "--collective",
        "--form",
        "Giấy khen",
        "--date",
        "18/12/2024",
    )


def test_no_commendation_for_an_agency_merged_away(sample):
    sample.ok("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "19/12/2025")
    refused = sample.fails(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Giao thông vận tải tỉnh Kiên Giang",
        "--collective",
        "--form",
        "bang khen chu tich tinh",
        "--date",
        "19/12/2025",
    )
    assert "Sở Giao thông vận tải tỉnh Kiên Giang" in refused.stderr and "01/03/2025" in refused.stderr
    assert "Sở Xây dựng tỉnh An Giang" in refused.stderr
    # An individual whose unit had merged away likewise; the successor is fine.
    assert (
        "01/03/2025"
        in sample.fails(
            "commend",
            "add",
            "--review",
            "1",
            "--recipient",
            "Nguyễn Văn A",
            "--individual",
            "--unit",
            "Sở Giao thông vận tải tỉnh Kiên Giang",
            "--form",
            "Giấy khen",
        ).stderr
    )
    sample.ok(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Xây dựng tỉnh An Giang",
        "--collective",
        "--form",
        "bang khen chu tich tinh",
        "--date",
        "19/12/2025",
    )


# mergers, ends and due dates -----------------------------------------------------------------


def test_a_merger_across_parties_is_refused(two_parties):
    refused = two_parties.fails("agency", "merge", "syt-kg", "--into", "syt-hg", "--on", "01/03/2025")
    assert "Sở Y tế tỉnh Kiên Giang" in refused.stderr and "Hậu Giang" in refused.stderr
    # Once the parties themselves have merged, their agencies may follow.
    two_parties.ok("party", "merge", "kien-giang", "--into", "hau-giang", "--on", "01/07/2025")
    two_parties.ok("agency", "merge", "syt-kg", "--into", "syt-hg", "--on", "01/07/2025")


def test_an_agreement_cannot_end_in_the_future(two_parties):
    refused = two_parties.fails("agreement", "end", "thu", "--on", "31/12/2026")
    assert "31/12/2026" in refused.stderr and "25/11/2026" in refused.stderr


@pytest.mark.parametrize("due", ["31/12/3025", "01/01/1850", "2201-01-01"])
def test_due_dates_stay_within_sane_years(two_parties, due):
    refused = two_parties.fails("action", "add", "Xa xôi", "--sector", "y-te", "--lead", "syt-hg", "--due", due)
    assert due in refused.stderr and "1900" in refused.stderr and "2200" in refused.stderr
    two_parties.ok("action", "add", "Gần", "--sector", "y-te", "--lead", "syt-hg", "--due", "31/12/2200")
    assert due in two_parties.fails("action", "update", "1", "--due", due).stderr
