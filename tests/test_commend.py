"""Commendations decided at reviews: forms offered and matched loosely, listing, export."""

from __future__ import annotations

import json

import pytest
from conftest import snapshot


def _build_reviewed(h) -> None:
    h.ok("review", "add", "--year", "2022", "--held", "15/12/2022")
    h.ok("review", "add", "--year", "2023", "--held", "14/12/2023")


@pytest.fixture(scope="session")
def _reviewed_bytes(tmp_path_factory, _two_parties_bytes):
    return snapshot(tmp_path_factory, "reviewed", _build_reviewed, start=_two_parties_bytes)


@pytest.fixture
def reviewed(hoptac, _reviewed_bytes):
    """``two_parties`` with two interim reviews: 2022 (review 1, 15/12/2022) and 2023 (review 2, 14/12/2023)."""
    return hoptac.load(_reviewed_bytes)


def commend(hoptac, review, recipient, *args):
    return hoptac.ok("commend", "add", "--review", str(review), "--recipient", recipient, *args)


def test_add_collective_and_individual(reviewed):
    result = commend(
        reviewed,
        1,
        "Sở Y tế tỉnh Hậu Giang",
        "--collective",
        "--form",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "--party",
        "hau-giang",
        "--decision",
        "Số 1234/QĐ-UBND",
        "--date",
        "20/12/2022",
        "--reason",
        "Hoàn thành xuất sắc nhiệm vụ",
    )
    assert "Added commendation 1: Sở Y tế tỉnh Hậu Giang — Bằng khen của Chủ tịch UBND tỉnh" in result.stdout
    commend(
        reviewed,
        2,
        "Nguyễn Văn A",
        "--individual",
        "--unit",
        "Sở Giao thông vận tải tỉnh Kiên Giang",
        "--party",
        "kien giang",
        "--form",
        "Giấy khen của Giám đốc Sở",
    )
    rows = reviewed.json("commend", "list")
    assert [(r["id"], r["year"], r["recipient_kind"], r["party"]) for r in rows] == [
        (1, 2022, "collective", "Hậu Giang"),
        (2, 2023, "individual", "Kiên Giang"),
    ]
    assert (rows[0]["decision"], rows[0]["decided_on"], rows[0]["review_id"]) == ("Số 1234/QĐ-UBND", "2022-12-20", 1)


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("bang khen chu tich ubnd tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("Bằng khen của Chủ tịch UBND tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("co thi dua", "Cờ thi đua của UBND tỉnh"),
        ("Giấy khen của Giám đốc Sỏ", "Giấy khen của Giám đốc Sở"),
        ("Bang khen cua Chu tich UBND tinhh", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("Co thi dua UBND tnh", "Cờ thi đua của UBND tỉnh"),
        # free text is kept as typed: too vague to guess, or more specific than a usual form
        ("Bằng khen", "Bằng khen"),
        ("Giấy khen của Giám đốc Sở Y tế", "Giấy khen của Giám đốc Sở Y tế"),
        ("Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ"),
    ],
)
def test_form_is_matched_loosely_or_kept_as_typed(reviewed, typed, stored):
    commend(reviewed, 1, "Tập thể X", "--collective", "--form", typed)
    assert reviewed.json("commend", "list")[0]["form"] == stored


def test_usual_forms_are_offered_in_help(reviewed):
    text = reviewed.ok("commend", "add", "--help").stdout
    for form in ("Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở", "Cờ thi đua của UBND tỉnh"):
        assert form in " ".join(text.split())


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--form", "Giấy khen"], "give exactly one of --collective or --individual"),
        (["--collective", "--individual", "--form", "Giấy khen"], "give exactly one of --collective or --individual"),
        (["--collective", "--form", "  "], "--form is empty; usual forms: Cờ thi đua"),
        (["--collective", "--form", "Giấy khen", "--party", "soc-trang"], "--party: Sóc Trăng is not a party of the agreement"),
        (["--collective", "--form", "Giấy khen", "--date", "2022-13-01"], "--date: '2022-13-01' does not exist"),
    ],
)
def test_bad_commendations_are_refused(reviewed, args, expected):
    reviewed.ok("party", "add", "Sóc Trăng")
    assert expected in reviewed.fails("commend", "add", "--review", "1", "--recipient", "Tập thể X", *args).stderr


def test_unknown_review_and_duplicates_are_refused(reviewed):
    assert (
        "no review with id 5"
        in reviewed.fails("commend", "add", "--review", "5", "--recipient", "X", "--collective", "--form", "Giấy khen").stderr
    )
    commend(reviewed, 1, "Nguyễn Văn A", "--individual", "--form", "Giấy khen của Giám đốc Sở")
    refused = reviewed.fails(
        "commend", "add", "--review", "1", "--recipient", "nguyen van a", "--individual", "--form", "giay khen giam doc so"
    )
    assert "already has 'Giấy khen của Giám đốc Sở' from interim review 2022 (#1)" in refused.stderr
    commend(reviewed, 2, "Nguyễn Văn A", "--individual", "--form", "Giấy khen của Giám đốc Sở")


def test_list_filters_by_agreement_year_and_party(reviewed):
    commend(reviewed, 1, "A", "--individual", "--party", "hau-giang", "--form", "Giấy khen của Giám đốc Sở")
    commend(reviewed, 2, "B", "--collective", "--party", "kien-giang", "--form", "Cờ thi đua của UBND tỉnh")
    commend(reviewed, 2, "C", "--individual", "--form", "Giấy khen của Giám đốc Sở")
    names = lambda *args: [row["recipient"] for row in reviewed.json("commend", "list", *args)]  # noqa: E731
    assert names() == ["A", "B", "C"]
    assert names("--year", "2023") == ["B", "C"]
    assert names("--party", "Kiên Giang") == ["B"]
    assert names("--agreement", "thu", "--year", "2022") == ["A"]
    assert names("--year", "2021") == []
    assert "no party 'ca mau'" in reviewed.fails("commend", "list", "--party", "ca mau").stderr


def test_party_filter_follows_mergers(sample):
    sample.ok("review", "add", "--year", "2022")
    commend(
        sample, 1, "Sở Y tế tỉnh Hậu Giang", "--collective", "--party", "hau-giang", "--form", "Bằng khen của Chủ tịch UBND tỉnh"
    )
    assert [row["party"] for row in sample.json("commend", "list", "--party", "can-tho")] == ["Hậu Giang"]
    assert sample.json("commend", "list", "--party", "an-giang") == []


def test_export_csv_json_and_xlsx(reviewed, tmp_path):
    commend(reviewed, 1, "=Tập thể", "--collective", "--form", "Bằng khen của Chủ tịch UBND tỉnh", "--date", "20/12/2022")
    commend(reviewed, 2, "Nguyễn Văn A", "--individual", "--form", "Giấy khen của Giám đốc Sở")
    csv_out = reviewed.ok("commend", "list", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,agreement,year,recipient,recipient_kind")
    assert len(csv_out) == 3

    target = tmp_path / "khen-thuong.csv"
    result = reviewed.ok("commend", "list", "-o", str(target))
    assert "Wrote 2 commendations" in result.stdout
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "'=Tập thể" in text and "Bằng khen của Chủ tịch UBND tỉnh" in text and "2022-12-20" in text

    as_json = tmp_path / "khen-thuong.json"
    reviewed.ok("commend", "list", "--year", "2023", "-o", str(as_json))
    assert [row["recipient"] for row in json.loads(as_json.read_text(encoding="utf-8"))] == ["Nguyễn Văn A"]

    from openpyxl import load_workbook

    book = tmp_path / "khen-thuong.xlsx"
    reviewed.ok("commend", "list", "-o", str(book))
    sheet = load_workbook(book).active
    values = list(sheet.values)
    assert values[0][3] == "Recipient" and values[1][3] == "=Tập thể" and len(values) == 3

    assert "txt" in reviewed.fails("commend", "list", "-o", str(tmp_path / "x.txt")).stderr


def test_a_form_that_could_be_several_usual_ones_is_refused(sample):
    sample.ok("review", "add", "--year", "2024", "--host", "kien-giang")
    result = sample.fails(
        "commend", "add", "--review", "1", "--recipient", "Sở Y tế tỉnh Hậu Giang", "--collective", "--form", "bang khen chu tich"
    )
    assert "Bằng khen của Chủ tịch UBND tỉnh" in result.stderr and "Bằng khen của Chủ tịch UBND thành phố" in result.stderr
    sample.ok(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Y tế tỉnh Hậu Giang",
        "--collective",
        "--form",
        "bang khen chu tich tinh",
    )
    assert sample.json("commend", "list")[0]["form"] == "Bằng khen của Chủ tịch UBND tỉnh"
