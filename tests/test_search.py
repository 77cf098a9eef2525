"""hoptac search: Vietnamese folding, what is searched, filters, ranking, and an index in sync."""

import sqlite3
import unicodedata

import pytest
from conftest import digest, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from hoptac_cli.domain.search import match_expression, snippet
from hoptac_cli.storage import search as search_store


def _build_texts(h) -> None:
    h.ok(
        "action",
        "add",
        "Đầu tư hoàn chỉnh Đường tỉnh 962, 963",
        "--sector",
        "giao-thong",
        "--lead",
        "sgtvt-kg",
        "--start",
        "01/01/2022",
        "--due",
        "31/12/2023",
    )
    h.ok(
        "action",
        "add",
        "Xây dựng cầu Cái Tư trên Quốc lộ 61",
        "--sector",
        "giao-thong",
        "--lead",
        "sgtvt-hg",
        "--note",
        "Kinh nghiệm từ tỉnh Đắk Lắk",
        "--plan",
        "Kế hoạch 12/KH-UBND, 03/02/2022",
    )
    h.ok("action", "add", "Khám bệnh cho trẻ em xã Hòa An", "--sector", "y-te", "--lead", "syt-hg")
    h.ok(
        "report",
        "add",
        "--action",
        "2",
        "--period",
        "2022-H2",
        "--progress",
        "40",
        "--result",
        "Khởi công cầu Cái Tư",
        "--difficulty",
        "Thiếu vốn đối ứng",
        "--proposal",
        "Đề nghị Bộ hỗ trợ",
    )


@pytest.fixture(scope="session")
def _texts_bytes(tmp_path_factory, _two_parties_bytes):
    return snapshot(tmp_path_factory, "texts", _build_texts, start=_two_parties_bytes)


@pytest.fixture
def texts(hoptac, _texts_bytes):
    """Actions and a report whose texts exercise every folding case."""
    return hoptac.load(_texts_bytes)


def found(h, *args):
    return [(row["kind"], row["field"], row["source_id"]) for row in h.json("search", *args)]


NFD = unicodedata.normalize("NFD", "Đường Tỉnh")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("duong tinh", ("action", "title", 1)),  # no marks, đ typed as d
        ("ĐƯỜNG TỈNH", ("action", "title", 1)),  # capitals with marks
        (NFD, ("action", "title", 1)),  # decomposed input (some Windows keyboards)
        ("cau cai tu", ("action", "title", 2)),
        ("Cầu Cái Tư", ("report", "result", 1)),
        ("dak lak", ("action", "note", 2)),
        ("hoà an", ("action", "title", 3)),  # "hoà" typed, "Hòa" stored
        ("hòa", ("action", "title", 3)),
        ("12/kh-ubnd", ("action", "plan_ref", 2)),
        ("thieu von", ("report", "difficulty", 1)),
        ("de nghi bo", ("report", "proposal", 1)),
    ],
)
def test_each_folding_case_finds_the_text(texts, query, expected):
    assert expected in found(texts, query)


def test_result_has_kind_period_and_highlighted_snippet(texts):
    (row,) = [row for row in texts.json("search", "cau cai tu") if row["kind"] == "report"]
    assert (row["field"], row["period"], row["action_id"]) == ("result", "2022-H2", 2)
    assert (row["sector"], row["sector_slug"], row["agreement"]) == ("Giao thông", "giao-thong", "thu")
    assert row["snippet"] == "Khởi công **cầu Cái Tư**"
    assert row["text"] == "Khởi công cầu Cái Tư"
    # JSON is data: the same whatever the interface language; the table names things in words.
    assert texts.json("search", "cau cai tu", lang="vi") == texts.json("search", "cau cai tu")
    table = texts.ok("search", "cau cai tu", lang="vi").stdout
    assert "Báo cáo: kết quả" in table and "6 tháng cuối năm 2022" in table and "Nhiệm vụ" in table
    assert "Report: result" in texts.ok("search", "cau cai tu").stdout


def test_table_marks_the_words_found(texts):
    out = texts.ok("search", "duong tinh").stdout
    assert "**Đường tỉnh**" in out and "1 found for 'duong tinh'." in out
    csv = texts.ok("search", "duong tinh", "--format", "csv").stdout.splitlines()
    assert (
        csv[0]
        == "rank,kind,field,source_id,action_id,action,review_id,recipient,agreement,sector,sector_slug,period,date_from,date_to,snippet,text"
    )


def test_phrase_ranks_before_scattered_words(two_parties):
    h = two_parties
    h.ok("action", "add", "Tình trạng tải trọng trên các tuyến đường", "--sector", "giao-thong", "--lead", "sgtvt-kg")
    h.ok("action", "add", "Nâng cấp Đường tỉnh 925", "--sector", "giao-thong", "--lead", "sgtvt-kg")
    rows = h.json("search", "duong tinh")
    assert [row["source_id"] for row in rows] == [2, 1]
    assert rows[1]["snippet"] == "**Tình** trạng tải trọng trên các tuyến **đường**"


def test_filters_agreement_sector_period(texts):
    assert {row["kind"] for row in texts.json("search", "cau", "--sector", "y-te")} == set()
    assert {row["source_id"] for row in texts.json("search", "kham benh", "--sector", "y te")} == {3}
    # A period keeps its reports and the actions under way in it.
    in_2022 = found(texts, "cau cai tu", "--period", "2022-H2")
    assert ("report", "result", 1) in in_2022 and ("action", "title", 2) in in_2022
    assert found(texts, "duong tinh", "--period", "2024") == []
    assert found(texts, "duong tinh", "--period", "2023") == [("action", "title", 1)]
    assert found(texts, "cau cai tu", "--period", "2023-H1") == [("action", "title", 2)]
    assert found(texts, "cau cai tu", "--agreement", "thu") != []
    texts.fails("search", "cau", "--agreement", "khong-co")
    texts.fails("search", "cau", "--period", "2023-H9")


def test_reviews_and_commendations_are_searched(two_parties):
    h = two_parties
    h.ok(
        "review",
        "add",
        "--year",
        "2023",
        "--held",
        "15/12/2023",
        "--host",
        "hau-giang",
        "--conclusion",
        "Đẩy nhanh tiến độ Đường tỉnh 962",
    )
    h.ok(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Nguyễn Văn A",
        "--individual",
        "--form",
        "Bằng khen",
        "--reason",
        "Có thành tích xuất sắc trong xây dựng đường tỉnh",
    )
    rows = h.json("search", "duong tinh")
    assert [(row["kind"], row["period"], row["review_id"]) for row in rows] == [
        ("review", "2023", 1),
        ("commendation", "2023", 1),
    ]
    assert rows[0]["date_from"] == "2023-12-15" and rows[1]["recipient"] == "Nguyễn Văn A"
    table = h.ok("search", "duong tinh").stdout
    assert "interim review 2023 (#1)" in table and "15/12/2023" in table and "Nguyễn Văn A — " in table
    assert found(h, "duong tinh", "--period", "2023-H2") != [] and found(h, "duong tinh", "--period", "2023-H1") == []


def test_refused_queries(texts):
    texts.fails("search", "!!! ???")
    texts.fails("search", "cau", "--limit", "0")
    assert len(texts.json("search", "cau", "--limit", "1")) == 1
    result = texts.ok("search", "không có gì như thế")
    assert "Nothing matches" in result.stdout


# keeping the index in sync ---------------------------------------------------------------------


def test_index_follows_add_update_and_amend(texts):
    h = texts
    assert found(h, "von doi ung") == [("report", "difficulty", 1)]
    # Amending files a new version: the old one's words leave the index, the new one's arrive.
    h.ok(
        "report",
        "add",
        "--action",
        "2",
        "--period",
        "2022-H2",
        "--progress",
        "60",
        "--amend",
        "--result",
        "Hoàn thành trụ cầu",
        "--difficulty",
        "Mưa bão kéo dài",
    )
    assert found(h, "von doi ung") == []
    assert found(h, "mua bao") == [("report", "difficulty", 2)]
    assert found(h, "khoi cong") == []  # the superseded version is not current: not shown
    with sqlite3.connect(h.db) as conn:
        rows = conn.execute("SELECT source_id FROM search_rows WHERE kind = 'report'").fetchall()
    assert rows and {row[0] for row in rows} == {2}
    # Renaming an action and changing its note are searched at once.
    h.ok("action", "update", "2", "--title", "Xây dựng cầu Vàm Cống", "--note", "Vốn ngân sách trung ương")
    assert ("action", "title", 2) in found(h, "vam cong")
    assert ("action", "title", 2) not in found(h, "cai tu")
    assert found(h, "dak lak") == []
    assert found(h, "ngan sach") == [("action", "note", 2)]


def test_index_is_built_for_existing_data_by_the_migration(sample):
    """A database from before the search migration gets its index when a new hoptac opens it."""
    with sqlite3.connect(sample.db) as conn:
        conn.executescript(
            """
            DROP TABLE search_rows_fts; DROP TABLE search_rows; DROP TABLE web_settings;
            DROP TRIGGER search_actions_ai; DROP TRIGGER search_actions_au; DROP TRIGGER search_actions_ad;
            DROP TRIGGER search_reports_ai; DROP TRIGGER search_reports_au; DROP TRIGGER search_reports_ad;
            DROP TRIGGER search_reviews_ai; DROP TRIGGER search_reviews_au; DROP TRIGGER search_reviews_ad;
            DROP TRIGGER search_commendations_ai; DROP TRIGGER search_commendations_au; DROP TRIGGER search_commendations_ad;
            DELETE FROM _sqlite_migrations WHERE name = '0006_search';
            """
        )
    rows = sample.json("search", "cau cai tu")
    assert {(row["kind"], row["source_id"]) for row in rows} == {("action", 10), ("report", 1)}
    assert "0006_search" in sample.ok("db", "version").stdout


def test_triggers_dropped_by_a_table_rebuild_come_back(sample, monkeypatch):
    """sqlite-utils' transform() drops a table's triggers; the upgrade that ran it puts them back."""
    from hoptac_cli.storage.migrations import migrations

    def rebuild_reports(db):
        db["reports"].transform(types={"source": str})

    monkeypatch.setattr(
        migrations, "_migrations", [*migrations._migrations, migrations._Migration("9999_test_transform", rebuild_reports)]
    )
    sample.ok(
        "report", "add", "--action", "9", "--period", "2023-H1", "--progress", "30", "--result", "Giải phóng mặt bằng Quốc lộ 61"
    )
    assert found(sample, "giai phong mat bang") == [("report", "result", 6)]
    with sqlite3.connect(sample.db) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"search_reports_ai", "search_reports_au", "search_reports_ad"} <= names


def test_search_does_not_write(texts):
    before = digest(texts.db)
    texts.ok("search", "cau")
    assert digest(texts.db) == before


# the folding rule itself ---------------------------------------------------------------------

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_MARKS = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
syllable = st.builds(
    lambda head, vowel, mark, tail, upper: (lambda s: s.upper() if upper else s)(
        unicodedata.normalize("NFC", head + vowel + mark + tail)
    ),
    st.sampled_from(["", "b", "c", "ch", "d", "đ", "Đ", "gh", "kh", "ng", "nh", "ph", "qu", "th", "tr", "x"]),
    st.sampled_from(list("aăâeêioôơuưy")),
    st.sampled_from(_MARKS),
    st.sampled_from(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(syllable, min_size=1, max_size=4))
def test_index_folding_agrees_with_fold(words):
    """What the index stores (đ mapped in SQL, then FTS5's unicode61 remove_diacritics 2) and
    what fold() makes of a query meet for any Vietnamese words, typed with or without marks,
    composed or decomposed."""
    text = " ".join(words)
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE f USING fts5(folded, tokenize = '{search_store.TOKENIZE}')")
    conn.execute(f"INSERT INTO f (rowid, folded) SELECT 1, {search_store.folded_sql('?')}", [text])
    from hoptac_cli.domain.text import fold

    for query in (text, fold(text).replace("-", " "), unicodedata.normalize("NFD", text), text.lower()):
        assert conn.execute("SELECT rowid FROM f WHERE f MATCH ?", [match_expression(query)]).fetchall() == [(1,)], query
    assert "**" in snippet(text, fold(words[0]))


def test_snippet_cuts_long_texts_around_the_first_match():
    text = " ".join(f"từ{i}" for i in range(60)) + " cầu Cái Tư " + " ".join(f"chữ{i}" for i in range(60))
    cut = snippet(text, "cau cai tu")
    assert cut.startswith("…") and cut.endswith("…") and "**cầu Cái Tư**" in cut
    assert len(cut.split()) <= 26
