"""Issue 11: every kind of record described once (``hoptac_cli.records``).

Listings, exports, the department file and its import all take a field's key, header and kind from
the one description; the catalogue has one header key per meaning; JSON and CSV are data, the
same whatever language the interface speaks.
"""

from __future__ import annotations

import csv
import io

import pytest

from hoptac_cli import records
from hoptac_cli.i18n import LANGUAGES, _load, t_in


def every_record() -> list[records.Record]:
    return [value for value in vars(records).values() if isinstance(value, records.Record)]


def test_every_header_is_in_the_catalogue_in_both_languages():
    for record in every_record():
        for field in record:
            for lang in LANGUAGES:
                assert t_in(lang, field.header), f"{record.name}.{field.key}: {field.header} has no {lang} words"


def test_one_catalogue_key_per_header():
    """Headers are col.* (a form's own titles sheet.*): no second set, and no two keys that say the
    same words in both languages."""
    catalogue = _load()
    assert not [key for key in catalogue if key.startswith("stat.col.")]
    seen: dict[tuple[str, str], str] = {}
    for key, words in catalogue.items():
        if key.startswith(("col.", "sheet.", "search.col.")) and key.count(".") == key.startswith("search.col.") + 1:
            assert words not in seen, f"{key} says what {seen[words]} says: {words}"
            seen[words] = key


def test_table_columns_are_the_fields_described():
    """A table lays out a field; it never names another header or kind for it."""
    for record in every_record():
        for field in record:
            column = record.column(field.key, justify="right")
            assert (column.key, column.header, column.kind) == (field.key, field.header, field.kind)
    for name, value in vars(records).items():
        columns = value.table if isinstance(value, records.Listing) else value if isinstance(value, list) else []
        for column in columns:
            if isinstance(column, records.Column):
                owners = [
                    record
                    for record in every_record()
                    if record.fields.get(column.key) is not None
                    and record[column.key].kind == column.kind
                    # a narrow table may say a field's header short (``col.*_short``)
                    and column.header in (record[column.key].header, record[column.key].header + "_short")
                ]
                assert owners, f"{name}: column {column.key} is not a described field"


def test_what_a_spreadsheet_shows_of_a_status():
    """A status in a spreadsheet: its code, then its words; other fields as they are."""
    shown = records.for_people(records.EXPORT_REPORTS)
    at = [field.key for field in shown].index("status")
    assert (shown[at].header, shown[at].kind) == ("col.status_code", "text")
    assert (shown[at + 1].key, shown[at + 1].kind) == ("status", "status")
    assert len(shown) == len(records.EXPORT_REPORTS) + 1
    assert [field.neutralised for field in records.REPORT.pick("id", "progress", "submitted_on", "result", "status")] == [
        False,
        False,
        False,
        True,
        True,
    ]


LISTINGS = [
    (("party", "list"), records.PARTIES),
    (("agency", "list"), records.AGENCIES),
    (("sector", "list"), records.SECTORS),
    (("agreement", "list"), records.AGREEMENTS),
    (("action", "list"), records.ACTIONS),
    (("report", "list"), records.REPORTS),
    (("report", "list", "--revisions"), records.REPORT_REVISIONS),
    (("status",), records.Listing([], records.STATUS_OVERVIEW)),
    (("status", "--sector", "giao-thong"), records.Listing([], records.STATUS_DETAIL)),
    (("history",), records.HISTORY_CSV),  # JSON adds the structured changes: below
    (("undo", "--list"), records.UNDOABLE),
    (("settings",), records.SETTINGS),
]


@pytest.mark.parametrize("args, listing", LISTINGS, ids=lambda value: " ".join(value) if isinstance(value, tuple) else "")
def test_json_and_csv_carry_the_listing_fields_in_order(sample, args, listing):
    rows = sample.json(*args)
    assert list(rows[0]) == (records.HISTORY_JSON if args == ("history",) else listing).keys
    header = next(csv.reader(io.StringIO(sample.ok(*args, "--format", "csv").stdout)))
    assert header == listing.keys


def test_exports_carry_the_described_fields(sample):
    for kind, fields in (
        ("summary", records.EXPORT_SUMMARY),
        ("actions", records.EXPORT_ACTIONS),
        ("reports", records.EXPORT_REPORTS),
    ):
        header = sample.ok("export", kind, "-o", "-").stdout.splitlines()[0]
        assert header.split(",") == [field.key for field in fields]


@pytest.mark.parametrize(
    "args",
    [
        ("history",),
        ("undo", "--list"),
        ("settings",),
        ("report", "list"),
        ("status",),
        ("action", "show", "9"),
        ("report", "show", "1"),
    ],
    ids=" ".join,
)
def test_json_and_csv_are_the_same_in_both_languages(sample, args):
    """Data for other programs: a history entry's summary and a setting's meaning included."""
    sample.ok("review", "add", "--year", "2024", "--conclusion", "Đạt")
    sample.ok("report", "withdraw", "1", "--reason", "Nhập nhầm")
    for fmt in ("json", "csv"):
        english = sample.ok(*args, "--format", fmt, lang="en").stdout
        vietnamese = sample.ok(*args, "--format", fmt, lang="vi").stdout
        assert english == vietnamese, f"{' '.join(args)} --format {fmt}"


def test_tables_still_speak_the_interface_language(sample):
    sample.ok("review", "add", "--year", "2024")
    history = sample.ok("history", "--limit", "1", lang="vi").stdout
    assert "hội nghị" in history and "được thêm" in history
    assert "Cơ quan chủ quản" in sample.ok("settings", lang="vi").stdout
    undone = sample.ok("undo", lang="vi").stdout
    assert "hội nghị: xóa 1" in undone or "hội nghị" in undone


def test_a_department_file_is_headed_from_the_description(sample, tmp_path):
    out = tmp_path / "mau.csv"
    sample.ok("report", "template", "-p", "2025-H2", "-o", str(out), lang="en")
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert header == [t_in("vi", field.header) for field in records.DEPARTMENT_ROW]
    # the reference column of a target says "Mục tiêu", as every table does
    assert "Mục tiêu" in header and "Chỉ tiêu" not in header
