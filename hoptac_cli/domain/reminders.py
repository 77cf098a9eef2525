"""Reminders (công văn đôn đốc): one letter to each agency that still owes reports for a period.

Who owes what is ``reports.missing`` (the lead agency as it answers now, after mergers); each
letter lists that agency's unreported actions with the deadline and how many days late they
are on the letter's date, in the same Decree 30 layout as the consolidated report. The list of
every row (agency, action, sector, deadline, days late) feeds a mail merge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import official, register
from hoptac_cli.domain import reports as report_rules
from hoptac_cli.domain.dates import parse_date, show_date
from hoptac_cli.domain.official import Block, Column, Document, Table, TableRow
from hoptac_cli.domain.periods import parse_period
from hoptac_cli.domain.succession import Successions
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

LETTER_COLUMNS = [
    Column("STT", "center", 0),
    Column("Mã nhiệm vụ", "center", 0),
    Column("Nội dung nhiệm vụ", "left", 3),
    Column("Lĩnh vực", "left", 1.5),
    Column("Hạn gửi báo cáo", "center", 0),
    Column("Số ngày chậm", "right", 0),
]


@dataclass
class Letter:
    """One agency's reminder: who it goes to, its document and the rows it lists."""

    agency_id: int
    agency: str
    slug: str
    document: Document
    rows: list[Row]


def build(
    db: Database,
    period_ref: str,
    agreement_ref: str | None = None,
    agency_ref: str | None = None,
    *,
    overrides: dict[str, Any] | None = None,
    date: str | None = None,
    reply_by: str | None = None,
    option_names: dict[str, str] | None = None,
) -> tuple[Row, list[Letter]]:
    """The period's facts and one letter per agency owing reports (only ``agency_ref``'s, if given)."""
    found = report_rules.missing(db, period_ref, agreement_ref)
    agreement = store.get(db, "agreements", register.agreement(db, agreement_ref)["id"])
    issuer = official.issuer(db, agreement["id"], overrides or {}, letter=True, date=date, option_names=option_names)
    by = parse_date(reply_by, option="--by") if reply_by else None
    if by is not None and by < issuer.date:
        raise HoptacError(t("err.remind_by_past", value=reply_by, date=show_date(issuer.date)))
    rows = found["missing"]
    if agency_ref is not None:
        wanted = Successions(db, "agencies").current(register.agency(db, agency_ref)["id"], issuer.date)
        rows = [row for row in rows if row["agency_id"] == wanted]
    period = parse_period(found["period"])
    deadline = dt.date.fromisoformat(found["deadline"])
    late = max(0, (issuer.date - deadline).days)
    grouped: dict[int, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["agency_id"], []).append({**row, "days_late": late})
    letters = []
    for agency_id, owed in grouped.items():
        agency = store.get(db, "agencies", agency_id)
        document = _letter(agreement, period.label("vi"), deadline, owed, issuer, agency["name"], by)
        letters.append(Letter(agency_id, agency["name"], agency["slug"], document, owed))
    letters.sort(key=lambda letter: letter.agency)
    return found, letters


def _letter(
    agreement: Row, label: str, deadline: dt.date, owed: list[Row], issuer: official.Issuer, agency: str, by: dt.date | None
) -> Document:
    when = official.lower_first(label)
    sender = issuer.issuing_name
    table = Table(
        columns=LETTER_COLUMNS,
        rows=[
            TableRow(
                [
                    str(number),
                    str(row["action_id"]),
                    row["action"],
                    row["sector"],
                    show_date(deadline),
                    str(row["days_late"]) if row["days_late"] else "",
                ]
            )
            for number, row in enumerate(owed, start=1)
        ],
    )
    until = f"trước ngày {show_date(by)}" if by else "trong thời gian sớm nhất"
    count = f"{len(owed)} nhiệm vụ" if len(owed) > 1 else "nhiệm vụ"
    body = [
        Block(
            "paragraph",
            f"Thực hiện {agreement['title']}, các cơ quan chủ trì nhiệm vụ gửi báo cáo kết quả thực hiện "
            f"{when} về {sender} trước ngày {show_date(deadline)}.",
        ),
        Block(
            "paragraph",
            f"Đến ngày {show_date(issuer.date)}, {sender} chưa nhận được báo cáo của {agency} về {count} sau:",
        ),
        Block("table", table=table),
        Block(
            "paragraph",
            f"Để kịp thời tổng hợp, báo cáo Ban Chỉ đạo, {sender} đề nghị {agency} khẩn trương gửi báo cáo "
            f"kết quả thực hiện các nhiệm vụ nêu trên {until}.",
        ),
        Block("paragraph", "Trân trọng./."),
    ]
    return Document(
        issuer=issuer,
        type_name=None,
        subject=f"V/v đôn đốc gửi báo cáo kết quả thực hiện chương trình hợp tác {when}",
        body=body,
        addressees=[agency],
        first_recipients=["Như trên"],
    )


def mail_merge_rows(letters: list[Letter], files: dict[int, str]) -> list[Row]:
    """One record per unreported action, for the spreadsheet beside the letters."""
    return [
        {
            "agency": letter.agency,
            "formerly": row["formerly"],
            "action_id": row["action_id"],
            "action": row["action"],
            "sector": row["sector"],
            "deadline": row["deadline"],
            "days_late": row["days_late"],
            "letter": files[letter.agency_id],
        }
        for letter in letters
        for row in letter.rows
    ]
