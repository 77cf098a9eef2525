"""Correcting mistakes: what was typed can be fixed, each fix checked like the original entry and
kept in the history with the earlier values."""

import pytest


def last_details(hoptac):
    return hoptac.json("history", "--limit", "1")[0]["details"]


def test_party_agency_and_sector_updates(sample):
    sample.ok("party", "update", "hau-giang", "--name", "Hau Giang", "--kind", "other")
    assert last_details(sample) == "parties #1: name “Hậu Giang” → “Hau Giang”; kind “province” → “other”"
    sample.ok("party", "update", "hau giang", "--slug", "hg")  # found by its new name, typed loosely
    assert [row["slug"] for row in sample.json("party", "list")][0] == "hg"
    sample.ok("party", "update", "hg", "--merged-on", "01/08/2025")
    assert sample.json("party", "list")[0]["succeeded_on"] == "2025-08-01"
    assert "already exists" in sample.fails("party", "update", "hg", "--slug", "kien-giang").stderr
    assert "nothing to change" in sample.fails("party", "update", "hg", "--kind", "other").stderr
    assert "--kind" in sample.fails("party", "update", "hg", "--kind", "tinh").stderr
    assert "not merged" in sample.fails("party", "update", "can-tho", "--merged-on", "01/01/2025").stderr

    sample.ok("agency", "update", "syt-hg", "--name", "Sở Y tế Hậu Giang", "--party", "kien-giang")
    agency = next(row for row in sample.json("agency", "list") if row["slug"] == "syt-hg")
    assert agency["name"] == "Sở Y tế Hậu Giang" and agency["party"] == "Kiên Giang"
    assert "empty" in sample.fails("agency", "update", "syt-hg", "--name", "  ").stderr

    sample.ok("sector", "update", "y te", "--name", "Y tế - dân số", "--slug", "y-te-dan-so")
    assert sample.json("sector", "list")[8]["slug"] == "y-te-dan-so"
    assert "already exists" in sample.fails("sector", "update", "y-te-dan-so", "--slug", "cong-nghiep").stderr
    assert "Đã cập nhật lĩnh vực" in sample.ok("sector", "update", "y-te-dan-so", "--name", "Y tế", lang="vi").stdout


def test_agreement_update_corrects_title_years_dates_and_signatories(sample):
    result = sample.ok(
        "agreement",
        "update",
        "--title",
        "Chương trình hợp tác 2021-2026",
        "--period",
        "2021-2026",
        "--signed",
        "15/03/2021",
        "--signatory",
        "kien-giang=Lâm Minh Thành, Chủ tịch UBND tỉnh",
    )
    assert "title, last year, signing date, signatories" in result.stdout
    shown = sample.json("agreement", "show")
    assert (
        shown["title"] == "Chương trình hợp tác 2021-2026"
        and shown["period"] == "2021–2026"
        and shown["signed_on"] == "2021-03-15"
    )
    assert (
        shown["parties"][1]["signatory_name"] == "Lâm Minh Thành"
        and shown["parties"][1]["signatory_title"] == "Chủ tịch UBND tỉnh"
    )
    # Years that would leave a report or a review outside are refused.
    assert "report 1" in sample.fails("agreement", "update", "--period", "2023-2026").stderr
    sample.ok("review", "add", "--year", "2024")
    assert "2024" in sample.fails("agreement", "update", "--period", "2021-2023").stderr
    assert "not a party of the agreement" in sample.fails("agreement", "update", "--signatory", "can-tho=Ông B").stderr
    assert "nothing to change" in sample.fails("agreement", "update", "--signed", "15/03/2021").stderr
    # The cadence and deadline keep their own confirmation.
    assert "quarterly" in sample.ok("agreement", "update", "--cadence", "quarterly").stdout


def test_unmerge_a_merger_recorded_by_mistake(sample):
    result = sample.ok("agency", "unmerge", "syt-kg")
    assert "no longer merged into Sở Y tế tỉnh An Giang" in result.stdout
    assert next(row for row in sample.json("agency", "list") if row["slug"] == "syt-kg")["successor"] is None
    assert "not merged" in sample.fails("agency", "unmerge", "syt-kg").stderr
    refused = sample.fails("party", "unmerge", "can-tho")
    assert "merged into it: Hậu Giang" in refused.stderr
    sample.ok("party", "unmerge", "hau-giang")
    assert "Parties: Hậu Giang, An Giang (formerly: Kiên Giang)" in sample.ok("status").stdout


def test_remove_an_action_added_by_mistake(sample):
    sample.ok("action", "add", "Nhập nhầm", "--sector", "y-te", "--lead", "syt-hg", "--partner", "syt-kg")
    assert "Removed action 27" in sample.ok("action", "remove", "27").stdout
    assert "no action with id 27" in sample.fails("action", "show", "27").stderr
    refused = sample.fails("action", "remove", "10")  # it has a report
    assert "1 report" in refused.stderr and "action cancel 10" in refused.stderr
    sample.ok(
        "agreement", "add", "Tiếp theo", "--party", "can-tho", "--party", "an-giang", "--period", "2026-2030", "--slug", "next"
    )
    sample.ok("sector", "add", "Y tế", "--agreement", "next")
    sample.ok("agreement", "carry", "hg-kg-2021-2025", "--to", "next", "--action", "21")
    assert "carried into another agreement (#27)" in sample.fails("action", "remove", "21").stderr
    sample.ok("action", "remove", "27")  # the copy may go; then the original
    sample.ok("action", "remove", "21")


def test_withdraw_a_report(sample):
    before = sample.json("status", "--period", "2022-H2")
    result = sample.ok("report", "withdraw", "4", "--reason", "Sai kỳ báo cáo")
    assert "no longer counts" in result.stdout
    shown = sample.json("report", "show", "4")
    assert shown["current"] is False and shown["withdrawn_on"] == "2026-11-25" and shown["withdrawn_reason"] == "Sai kỳ báo cáo"
    assert 4 not in [row["id"] for row in sample.json("report", "list")]
    assert 4 in [row["id"] for row in sample.json("report", "list", "--revisions")]  # versions stay visible
    assert sample.json("status", "--period", "2022-H2") != before  # it stopped counting
    assert "already withdrawn" in sample.fails("report", "withdraw", "4", "--reason", "lần nữa").stderr
    assert "--reason" in sample.fails("report", "withdraw", "3", "--reason", " ").stderr
    # Filed again, the chain goes on after the withdrawn version.
    sample.ok("report", "add", "--action", "18", "--period", "2022-H2", "--value", "380")
    chain = sample.json("report", "show", "6")["history"]
    assert [(row["id"], row["revision"], row["current"]) for row in chain] == [(4, 1, False), (6, 2, True)]
    sample.ok("report", "add", "--action", "18", "--period", "2022-H2", "--value", "390", "--amend")
    assert "earlier version; withdraw the current one (7)" in sample.fails("report", "withdraw", "6", "--reason", "x").stderr
    assert sample.ok("db", "check").stdout == ""


def test_commendation_update_and_remove(sample):
    sample.ok("review", "add", "--year", "2024")
    sample.ok("commend", "add", "--review", "1", "--recipient", "Ông A", "--individual", "--form", "Giấy khen")
    sample.ok("commend", "add", "--review", "1", "--recipient", "Ông B", "--individual", "--form", "Giấy khen")
    sample.ok(
        "commend", "update", "1", "--recipient", "Ông Nguyễn Văn A", "--form", "bang khen chu tich tinh", "--party", "hau-giang"
    )
    row = sample.json("commend", "list")[0]
    assert (row["recipient"], row["form"], row["party"]) == ("Ông Nguyễn Văn A", "Bằng khen của Chủ tịch UBND tỉnh", "Hậu Giang")
    assert "Ông A" in last_details(sample)
    assert (
        "already has"
        in sample.fails(
            "commend", "update", "2", "--recipient", "ông nguyễn văn a", "--form", "Bằng khen của Chủ tịch UBND tỉnh"
        ).stderr
    )
    assert "--collective or --individual" in sample.fails("commend", "update", "2", "--collective", "--individual").stderr
    assert "no commendation with id 9" in sample.fails("commend", "remove", "9").stderr
    assert "Removed commendation 2" in sample.ok("commend", "remove", "2").stdout
    assert [row["id"] for row in sample.json("commend", "list")] == [1]


@pytest.mark.parametrize(
    "command",
    [
        ["party", "update", "hau-giang"],
        ["agency", "update", "syt-hg", "--party", "nowhere"],
        ["sector", "update", "no-such-sector", "--name", "X"],
        ["agreement", "update", "--period", "2025-2021"],
        ["commend", "update", "1", "--reason", "x"],
        ["report", "withdraw", "99", "--reason", "x"],
        ["action", "remove", "99"],
    ],
)
def test_refused_corrections_change_nothing(sample, command):
    sample.fails(*command)
