"""An exact slug or id always wins over a looser match; --slug does not bypass the name check."""

from __future__ import annotations

import pytest


def test_an_exact_slug_wins_over_a_name(two_parties):
    h = two_parties
    h.ok("agency", "add", "Sở Tài chính tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "stc")
    h.ok("agency", "add", "STC", "--party", "kien-giang", "--slug", "stc-kg")  # its name folds to "stc"
    h.ok("action", "add", "Kiểm toán", "--sector", "y-te", "--lead", "stc")
    assert h.json("action", "list")[0]["lead"] == "Sở Tài chính tỉnh Hậu Giang"
    assert [row["slug"] for row in h.json("agency", "list", "--party", "hau-giang")][-1] == "stc"
    # the name still finds its own row when no slug is typed that way
    h.ok("action", "add", "Thanh tra", "--sector", "y-te", "--lead", "STC-KG")
    assert h.json("action", "list")[1]["lead"] == "STC"


def test_an_exact_slug_wins_over_a_prefix(two_parties):
    h = two_parties
    h.ok("party", "add", "Gia Lai")
    h.ok("party", "add", "Gia Lai mới", "--slug", "gia-lai-2")
    h.ok("agency", "add", "Sở Y tế tỉnh Gia Lai", "--party", "gia-lai")
    assert h.json("agency", "list", "--party", "gia-lai")[0]["party"] == "Gia Lai"
    assert h.json("agency", "list", "--party", "3")[0]["party"] == "Gia Lai"  # an exact id too


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("party", "add", "Gia Lai"), ("party", "add", "Gia Lai", "--slug", "gia-lai-2")),
        (("party", "add", "Gia Lai"), ("party", "add", "GIA LAI", "--slug", "gl")),
        (
            ("agency", "add", "Sở Nội vụ tỉnh Hậu Giang", "--party", "hau-giang"),
            ("agency", "add", "Sở nội vụ tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "snv-hg"),
        ),
        (("sector", "add", "Nội vụ"), ("sector", "add", "Noi vu", "--slug", "noi-vu-2")),
        (
            ("agreement", "add", "Chương trình 2026", "--party", "hau-giang", "--party", "kien-giang", "--period", "2026-2030"),
            (
                "agreement",
                "add",
                "Chương trình 2026",
                "--party",
                "hau-giang",
                "--party",
                "kien-giang",
                "--period",
                "2026-2030",
                "--slug",
                "ct-2026",
            ),
        ),
    ],
)
def test_a_different_slug_does_not_make_a_taken_name_new(two_parties, first, second):
    two_parties.ok(*first)
    refused = two_parties.fails(*second)
    assert "already exists" in refused.stderr
    assert "đã có" in two_parties.fails(*second, lang="vi").stderr


def test_a_name_may_repeat_in_another_agreement(two_parties):
    h = two_parties
    h.ok(
        "agreement",
        "add",
        "Chương trình 2026",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2026-2030",
        "--slug",
        "ct",
    )
    h.ok("sector", "add", "Y tế", "--agreement", "ct")
    assert [row["slug"] for row in h.json("sector", "list", "--agreement", "ct")] == ["y-te"]
