"""History and undo: every write command is one entry (who, when, the command, what changed),
and undo takes any of them back exactly — the tables are as they were before."""

import csv
import sqlite3

import pytest
from conftest import dump


def latest(hoptac):
    return hoptac.json("history", "--limit", "1")[0]


def entries(hoptac):
    """The history table itself, oldest first (cheaper than the command for checks)."""
    conn = sqlite3.connect(hoptac.db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute("SELECT * FROM history ORDER BY id")]
    finally:
        conn.close()


def fill_template(hoptac, tmp_path, period, progress="50"):
    """A department file for ``period`` with every row reported at ``progress``."""
    path = tmp_path / f"{period}.csv"
    hoptac.ok("report", "template", "--period", period, "-o", str(path))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("Tiến độ (%)")
    for row in rows[1:]:
        row[column] = progress
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


#: every command that writes the database: (setup commands, the command); ``{dir}`` is tmp_path
WRITES = {
    "party add": ([], ["party", "add", "Sóc Trăng", "--kind", "province"]),
    "party update": ([], ["party", "update", "hau-giang", "--name", "Tỉnh Hậu Giang", "--slug", "hg"]),
    "party merge": ([["party", "add", "Bạc Liêu"]], ["party", "merge", "bac-lieu", "--into", "can-tho", "--on", "01/07/2025"]),
    "party unmerge": ([], ["party", "unmerge", "hau-giang"]),
    "agency add": ([], ["agency", "add", "Sở Ngoại vụ thành phố Cần Thơ", "--party", "can-tho"]),
    "agency update": ([], ["agency", "update", "syt-hg", "--name", "Sở Y tế Hậu Giang", "--party", "can-tho"]),
    "agency merge": (
        [["agency", "add", "Ban Quản lý dự án", "--party", "an-giang", "--slug", "bql"]],
        ["agency", "merge", "bql", "--into", "syt-ag", "--on", "01/01/2026"],
    ),
    "agency unmerge": ([], ["agency", "unmerge", "skhdt-hg"]),
    "sector add": ([], ["sector", "add", "Môi trường"]),
    "sector update": ([], ["sector", "update", "y-te", "--name", "Y tế và dân số", "--slug", "y-te-dan-so"]),
    "agreement add": (
        [],
        [
            "agreement",
            "add",
            "Chương trình 2026-2030",
            "--party",
            "can-tho",
            "--party",
            "an-giang",
            "--period",
            "2026-2030",
            "--predecessor",
            "hg-kg-2021-2025",
            "--signatory",
            "can-tho=Trần Văn B, Chủ tịch",
        ],
    ),
    "agreement update": (
        [],
        [
            "agreement",
            "update",
            "--period",
            "2021-2026",
            "--signatory",
            "hau-giang=Nguyễn Văn A, Chủ tịch",
            "--cadence",
            "yearly",
        ],
    ),
    "agreement end": ([], ["agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025"]),
    "agreement carry": (
        [
            [
                "agreement",
                "add",
                "Chương trình 2026-2030",
                "--party",
                "can-tho",
                "--party",
                "an-giang",
                "--period",
                "2026-2030",
                "--slug",
                "next",
            ],
            [
                "sector",
                "add",
                "Giao thông",
                "--agreement",
                "next",
                "--slug",
                "quan-ly-ha-tang-do-thi-giao-thong-tai-nguyen-va-moi-truong",
            ],
        ],
        ["agreement", "carry", "hg-kg-2021-2025", "--to", "next", "--action", "9", "--action", "12"],
    ),
    "action add": (
        [],
        [
            "action",
            "add",
            "Nạo vét kênh",
            "--sector",
            "giao thông",
            "--lead",
            "sxd-hg",
            "--partner",
            "sxd-kg",
            "--unit",
            "km",
            "--target",
            "12.000",
        ],
    ),
    "action update": ([], ["action", "update", "9", "--due", "30/06/2026", "--partner", "sxd-hg", "--reason", "Chờ vốn"]),
    "action cancel": (
        [["review", "add", "--year", "2025"]],
        ["action", "cancel", "9", "--review", "1", "--reason", "Không còn phù hợp"],
    ),
    "action pause": ([], ["action", "pause", "9"]),
    "action resume": ([["action", "pause", "9"]], ["action", "resume", "9"]),
    "action remove": ([], ["action", "remove", "9"]),
    "report add": ([], ["report", "add", "--action", "9", "--period", "2025-H2", "--progress", "60", "--result", "Đã khởi công"]),
    "report amend": ([], ["report", "add", "--action", "18", "--period", "2022-H2", "--value", "350", "--amend"]),
    "report withdraw": ([], ["report", "withdraw", "4", "--reason", "Nhập nhầm kỳ"]),
    "report import": ([], ["report", "import", "{dir}/2025-H2.csv"]),
    "review add": ([], ["review", "add", "--year", "2024", "--held", "18/12/2024", "--conclusion", "Tiếp tục"]),
    "review update": (
        [["review", "add", "--year", "2024"]],
        ["review", "update", "1", "--conclusion", "Kết luận đã sửa", "--host", "kien-giang"],
    ),
    "commend add": (
        [["review", "add", "--year", "2024"]],
        [
            "commend",
            "add",
            "--review",
            "1",
            "--recipient",
            "Sở Y tế tỉnh Hậu Giang",
            "--collective",
            "--form",
            "bang khen chu tich tinh",
        ],
    ),
    "commend update": (
        [
            ["review", "add", "--year", "2024"],
            ["commend", "add", "--review", "1", "--recipient", "Ông A", "--individual", "--form", "Giấy khen"],
        ],
        ["commend", "update", "1", "--recipient", "Ông Nguyễn Văn A", "--decision", "Số 1/QĐ"],
    ),
    "commend remove": (
        [
            ["review", "add", "--year", "2024"],
            ["commend", "add", "--review", "1", "--recipient", "Ông A", "--individual", "--form", "Giấy khen"],
        ],
        ["commend", "remove", "1"],
    ),
}


@pytest.mark.parametrize("case", list(WRITES))
def test_any_write_then_undo_leaves_every_table_as_before(sample, tmp_path, case):
    setup, command = WRITES[case]
    for step in setup:
        sample.ok(*step)
    if case == "report import":
        fill_template(sample, tmp_path, "2025-H2")
    before, known = dump(sample.db), len(entries(sample))
    sample.ok(*[part.replace("{dir}", str(tmp_path)) for part in command])
    assert dump(sample.db) != before, "the command changed nothing"
    (entry,) = entries(sample)[known:]  # one command, one entry
    assert entry["command"].startswith(f"hoptac {command[0]} {command[1]}") and entry["who"] and entry["changes"]
    sample.ok("undo")
    assert dump(sample.db) == before


@pytest.mark.parametrize("case", ["report amend", "agreement carry", "report import"])
def test_undoing_the_undo_puts_the_change_back(sample, tmp_path, case):
    setup, command = WRITES[case]
    for step in setup:
        sample.ok(*step)
    if case == "report import":
        fill_template(sample, tmp_path, "2025-H2")
    sample.ok(*[part.replace("{dir}", str(tmp_path)) for part in command])
    changed = dump(sample.db)
    sample.ok("undo")
    undo = entries(sample)[-1]
    sample.ok("undo", str(undo["id"]))
    assert dump(sample.db) == changed
    redo = entries(sample)[-1]
    assert redo["undoes"] == undo["id"] and entries(sample)[-3]["undone_by"] is None  # in effect again


def test_history_names_who_when_and_what(sample):
    sample.ok("--by", "Chị Lan", "party", "add", "Sóc Trăng")
    sample.ok("party", "add", "Bạc Liêu", "--by", "Anh Minh")
    sample.ok("party", "add", "Cà Mau", env={"HOPTAC_BY": "Phòng KH"})
    sample.ok("review", "add", "--year", "2024")
    sample.ok("review", "update", "1", "--conclusion", "Đạt kết quả")
    entries = sample.json("history", "--limit", "5")
    assert [entry["who"] for entry in entries[2:]] == ["Phòng KH", "Anh Minh", "Chị Lan"]
    assert entries[-1]["command"] == "hoptac party add 'Sóc Trăng'" and entries[-1]["changed"] == "parties: 1 added"
    assert entries[0]["details"] == "reviews #1: conclusion ∅ → “Đạt kết quả”"  # the earlier value is kept
    table = sample.ok("history", "--limit", "2").stdout
    assert "Đạt kết quả" in table and "Who" in table
    assert "Lịch sử thay đổi" in sample.ok("history", lang="vi").stdout
    # CSV and JSON are data, the same in both languages; the table speaks the interface's language
    assert sample.ok("history", "--format", "csv", lang="vi").stdout == sample.ok("history", "--format", "csv").stdout
    assert "parties: 1 added" in sample.ok("history", "--format", "csv", lang="vi").stdout
    assert "địa phương #5 được thêm" in sample.ok("history", "--limit", "5", lang="vi").stdout
    # A refused command records nothing.
    sample.fails("party", "add", "Sóc Trăng")
    assert len(sample.json("history", "--limit", "100")) == 6
    sample.fails("history", "--limit", "0")


def test_history_of_one_action(sample):
    sample.ok("report", "add", "--action", "9", "--period", "2025-H2", "--progress", "60")
    sample.ok("action", "update", "9", "--due", "30/06/2026")
    sample.ok("action", "update", "12", "--due", "30/06/2026")
    commands = [entry["command"] for entry in sample.json("history", "--action", "9")]
    assert commands[:2] == [
        "hoptac action update 9 --due 30/06/2026",
        "hoptac report add --action 9 --period 2025-H2 --progress 60",
    ]
    assert not any("action update 12" in command for command in commands)


def test_undo_refuses_when_a_later_change_depends_on_it(sample):
    sample.ok("action", "add", "Nạo vét kênh", "--sector", "giao thông", "--lead", "sxd-hg")
    added = latest(sample)["id"]
    sample.ok("report", "add", "--action", "27", "--period", "2025-H2", "--progress", "10")
    filed = latest(sample)["id"]
    sample.ok("party", "add", "Sóc Trăng")
    # The report refers to the action: undoing the action first would orphan it.
    refused = sample.fails("undo", str(added))
    assert f"#{filed}" in refused.stderr and "report add" in refused.stderr
    # An amendment changes the same report row.
    sample.ok("report", "add", "--action", "27", "--period", "2025-H2", "--progress", "20", "--amend")
    amended = latest(sample)["id"]
    assert f"#{amended}" in sample.fails("undo", str(filed)).stderr
    # The unrelated party may be undone out of order; then the chain unwinds in order.
    sample.ok("undo", str(amended - 1))
    listed = {row["id"]: row["blocked_by"] for row in sample.json("undo", "--list")}
    assert listed[added] == filed and listed[filed] == amended and listed[amended] is None
    sample.ok("undo")
    sample.ok("undo")
    sample.ok("undo")
    assert sample.json("action", "list", "--sector", "giao-thong")[-1]["id"] == 15
    assert "already undone" in sample.fails("undo", str(added)).stderr


def test_undo_with_nothing_to_undo(hoptac, tmp_path):
    assert "nothing to undo" in hoptac.fails("undo").stderr
    assert "no history entry 99" in hoptac.fails("undo", "99").stderr
    assert hoptac.ok("undo", "--list").stdout.strip() == "Nothing to undo."


def test_init_sample_is_one_undo(tmp_path):
    from conftest import Hoptac

    empty = Hoptac(tmp_path / "empty.db")
    empty.ok("init")
    assert "changed no rows" in empty.fails("undo").stderr  # creating the file is not undone
    loaded = Hoptac(tmp_path / "sample.db")
    loaded.ok("init", "--sample")
    (entry,) = loaded.json("history")
    assert entry["command"] == "hoptac init --sample" and "reports: 5 added" in entry["changed"]
    loaded.ok("undo")
    now, bare = dump(loaded.db), dump(empty.db)
    assert {table: rows for table, rows in now.items() if table != "_sqlite_migrations"} == {
        table: rows for table, rows in bare.items() if table != "_sqlite_migrations"
    }


def test_undo_cost_follows_the_change_not_the_database(sample, tmp_path):
    """Undoing one report runs about as many SQLite instructions with 30,000 more reports."""
    from hoptac_cli.domain import history
    from hoptac_cli.storage.db import open_db

    def undo_steps(path):
        db = open_db(path, write=True)
        try:
            steps = [0]
            db.conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 100)
            history.undo(db, None, who="test", command="hoptac undo")
            return steps[0]
        finally:
            db.close()

    sample.ok("report", "add", "--action", "9", "--period", "2025-H2", "--progress", "60")
    small = undo_steps(sample.db)
    conn = sqlite3.connect(sample.db)
    with conn:
        conn.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
            INSERT INTO reports (action_id, agency_id, period, period_start, period_end, revision, is_current, progress, status, submitted_on)
            SELECT 1 + i % 26, 1 + i % 18, '2023-H1', '2023-01-01', '2023-06-30', 1 + i / 500, 0, 50, 'in-progress', '2023-06-20' FROM n
            """
        )
    conn.close()
    sample.ok("report", "add", "--action", "9", "--period", "2025-H2", "--progress", "60")
    large = undo_steps(sample.db)
    assert large < small * 1.5 + 50, (small, large)


def test_undo_triggers_follow_schema_changes(sample):
    """A migration of another issue adds a column or rebuilds a table: undo still restores it all."""
    from sqlite_utils import Database

    db = Database(sample.db)
    db.execute("ALTER TABLE parties ADD COLUMN note TEXT DEFAULT 'ghi chú'")
    db["agencies"].transform(rename={"name": "name"}, column_order=["id", "slug"])  # a rebuild drops triggers
    db.close()
    before = dump(sample.db)
    sample.ok("party", "update", "hau-giang", "--name", "Hậu Giang mới")
    sample.ok("agency", "update", "syt-hg", "--name", "Sở Y tế mới")
    sample.ok("undo")
    sample.ok("undo")
    assert dump(sample.db) == before
    conn = sqlite3.connect(sample.db)
    triggers = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'hoptac_undo_%' AND tbl_name = 'parties'"
        )
    ]
    conn.close()
    assert len(triggers) == 3 and all('"note"' in sql for sql in triggers if " DELETE " in sql or " UPDATE " in sql)


def test_full_text_index_follows_add_undo_redo_and_withdraw(sample):
    """The search index is kept by its own triggers on the indexed tables: it is not recorded in
    the undo log, and stays in step when an undo replays statements on reports."""

    def found(words):
        return [row["source_id"] for row in sample.json("search", words) if row["kind"] == "report"]

    sample.ok("report", "add", "--action", "9", "--period", "2025-H2", "--progress", "60", "--result", "khởi công đoạn mới")
    report_id = max(row["id"] for row in sample.json("report", "list"))
    assert found("khoi cong doan moi") == [report_id]
    sample.ok("undo")
    assert found("khoi cong doan moi") == []
    sample.ok("undo", str(latest(sample)["id"]))
    assert found("khoi cong doan moi") == [report_id]
    sample.ok("report", "withdraw", str(report_id), "--reason", "Nhập nhầm kỳ")
    assert found("khoi cong doan moi") == []
    conn = sqlite3.connect(sample.db)
    tables = {
        row[0] for row in conn.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'hoptac_undo_%'")
    }
    conn.close()
    assert "reports" in tables and not any(name.startswith("search_") for name in tables)


@pytest.mark.slow  # about 4 s, most of it the import itself; an import of the sample's rows is undone above
def test_import_of_five_thousand_rows_is_one_undo(many, tmp_path):
    path = fill_template(many, tmp_path, "2026-H2", progress="30")
    before = dump(many.db)
    result = many.ok("report", "import", str(path), "--format", "json")
    assert "5000 added" in result.stderr
    assert latest(many)["changed"] == "reports: 5000 added"
    many.ok("undo")
    assert dump(many.db) == before


def test_history_says_an_agreement_status_change_in_words(sample):
    """An agreement's status (active → ended) is an agreement's word, not an action's status code."""
    sample.ok("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "20/12/2025")
    sample.ok("agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025", "--review", "1")
    assert sample.json("history", "--limit", "1")[0]["command"].startswith("hoptac agreement end")
    assert "ended" in sample.ok("history", "--limit", "1").stdout
    vietnamese = sample.ok("history", "--limit", "1", lang="vi").stdout
    assert "đã kết thúc" in vietnamese and "ngày kết thúc" in vietnamese and "ended on" not in vietnamese
