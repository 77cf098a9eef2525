"""The consolidated period report for the Steering Committee, as one administrative document.

The report is always in Vietnamese, the language it is sent up in, whatever ``--lang`` says.
``build`` returns a ``domain.official.Document`` (heading, outline I–V, signature, recipients
and the annex) that ``render.document`` turns into Markdown or .docx, so that both files say
exactly the same thing. Its figures come from ``domain.status`` (the same picture
``hoptac status --period P`` shows). Parties and agencies are named as they are on the
document's date (after the 2025 mergers: the new names, "trước đây: …" for parties).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import official
from hoptac_cli.domain import status as figures
from hoptac_cli.domain.dates import show_date
from hoptac_cli.domain.numbers import show_number
from hoptac_cli.domain.official import Block, Column, Document, Table, TableRow
from hoptac_cli.domain.progress import done_in_period, stalled
from hoptac_cli.domain.statuses import CLOSED, STATUSES
from hoptac_cli.domain.succession import Successions
from hoptac_cli.i18n import formerly, t_in
from hoptac_cli.storage import register as register_store
from hoptac_cli.storage import status as status_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def _status_vi(code: str) -> str:
    """Status words as the report writes them: always Vietnamese."""
    return t_in("vi", f"status.{code}")


ANNEX_COLUMNS = [
    Column("STT", "center", 0),
    Column("Nội dung hợp tác", "left", 3),
    Column("Chủ trì", "left", 2),
    Column("Phối hợp", "left", 2),
    Column("Thời gian", "center", 0),
    Column("Tiến độ (%)", "right", 0),
    Column("Kết quả", "left", 3),
    Column("Tình trạng", "left", 0),
    Column("Khó khăn, vướng mắc", "left", 2),
    Column("Đề xuất, kiến nghị", "left", 2),
]
ANNEX_TITLE = "TÌNH HÌNH THỰC HIỆN CÁC NỘI DUNG HỢP TÁC"
#: what the author still has to write
PLACEHOLDER = "[Phần này do người soạn báo cáo bổ sung.]"
_ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
)


def _pct(value: float | None) -> str:
    return f"{show_number(value or 0, 'vi')}%"


def _num(value: float | None) -> str:
    return show_number(value, "vi")


#: how an indicator's values are counted, in the report's words
_MEASURE_VI = {"cumulative": "lũy kế", "per-period": "cộng dồn các kỳ"}


def indicator(action: Row) -> str:
    """ "đạt 12/20 em (lũy kế)" when a value was reported against a target: the achieved value,
    the target and how values are counted; nothing otherwise."""
    if action["target"] is None or action["value"] is None:
        return ""
    amount = f"đạt {_num(action['value'])}/{_num(action['target'])} {action['unit'] or ''}".rstrip()
    return f"{amount} ({_MEASURE_VI[action['measure']]})"


class Names:
    """Agencies and parties as they are on one date: the successor's name after a merger."""

    def __init__(self, db: Database, on: dt.date):
        self.on = on
        self.agencies = Successions(db, "agencies")
        self.parties = Successions(db, "parties")
        self.agency_names = {row["id"]: row["name"] for row in register_store.candidates(db, "agencies")}
        self.party_names = {row["id"]: row["name"] for row in register_store.candidates(db, "parties")}

    def agency(self, agency_id: int) -> str:
        return self.agency_names[self.agencies.current(agency_id, self.on)]

    def party(self, party_id: int) -> str:
        now = self.parties.current(party_id, self.on)
        return formerly(self.party_names[now], self.party_names[party_id] if now != party_id else None, lang="vi")


def build(
    db: Database,
    period_ref: str,
    agreement_ref: str | None,
    *,
    overrides: dict[str, Any] | None = None,
    number: str | None = None,
    date: str | None = None,
    subject: str | None = None,
    option_names: dict[str, str] | None = None,
) -> Document:
    """The whole report for one agreement and one period; ``overrides`` (option values keyed by
    setting), ``number``, ``date`` and ``subject`` apply to this document only."""
    from hoptac_cli.domain import register
    from hoptac_cli.domain.periods import parse_period
    from hoptac_cli.domain.reports import check_begun
    from hoptac_cli.domain.text import nfc_or_none

    agreement_id = register.agreement(db, agreement_ref)["id"]
    (agreement,) = status_store.agreement_settings(db, [agreement_id])
    check_begun(agreement, parse_period(period_ref))
    shot = figures.picture(db, agreement, period_ref)
    issuer = official.issuer(db, agreement_id, overrides or {}, number=number, date=date, option_names=option_names)
    period = shot.period
    reports = status_store.period_reports(db, agreement["id"], period.start.isoformat(), period.end.isoformat())
    by_action: dict[int, list[Row]] = {}
    for report in reports:
        by_action.setdefault(report["action_id"], []).append(report)
    names = Names(db, issuer.date)
    _rename(db, shot, names)
    totals = figures.figures(shot.actions)
    label = period.label("vi")
    parties = [names.party(row["id"]) for row in register_store.agreement_parties(db, agreement["id"])]

    body = [
        Block(
            "paragraph",
            f"Thực hiện {agreement['title']}, {issuer.issuing_name} báo cáo kết quả thực hiện "
            f"{official.lower_first(label)} như sau:",
        ),
        Block("paragraph", f"(Số liệu tính đến ngày {show_date(period.end)}; chỉ tính các báo cáo đến hết kỳ.)"),
    ]
    body += _part_one(shot, totals, agreement, parties)
    body += _part_two(shot, by_action)
    body += _part_three(shot, by_action)
    body += _part_four(shot)
    body += _part_five(shot, reports, names)
    official.close(body)
    annex = official.Annex(
        title=f"{ANNEX_TITLE} {label.upper()}",
        reference=f"(Kèm theo Báo cáo số {issuer.number} ngày {show_date(issuer.date)} của {issuer.issuing_name})",
        blocks=[Block("table", table=_annex(shot, by_action))],
    )
    title = nfc_or_none(subject) or f"Kết quả {official.lower_first(label)} thực hiện {agreement['title']}"
    return Document(issuer=issuer, type_name="BÁO CÁO", subject=title, body=body, annex=annex)


def _rename(db: Database, shot: figures.Picture, names: Names) -> None:
    """Leads and partners of the picture's actions as they are on the document's date."""
    rows = {row["id"]: row for row in register_store.list_actions(db, agreement_id=shot.agreement["id"])}
    for action in shot.actions:
        row = rows.get(action["id"])
        if row is None:
            continue
        action["lead"] = names.agency(row["lead_agency_id"])
        partners = [names.agency(partner["id"]) for partner in register_store.action_partners(db, action["id"])]
        action["partners"] = list(dict.fromkeys(partners))


def _part_one(shot: figures.Picture, totals: Row, agreement: Row, parties: list[str]) -> list[Block]:
    counts = [
        f"{_status_vi(status).capitalize()}: {totals[key]} nhiệm vụ"
        for status, key in zip(STATUSES, figures.STATUS_KEYS)
        if totals[key]
    ]
    deadline = show_date(shot.period.deadline(agreement["deadline_day"]))
    return [
        Block("heading", "I. TÌNH HÌNH TRIỂN KHAI", level=1),
        Block(
            "paragraph",
            f"Các bên tham gia: {', '.join(parties)}. "
            f"Chương trình gồm {len(shot.sectors)} lĩnh vực với {totals['actions']} nhiệm vụ; "
            f"tiến độ bình quân {_pct(totals['progress'])} (không tính nhiệm vụ hủy bỏ); "
            f"{totals['overdue']} nhiệm vụ quá hạn.",
        ),
        Block("bullets", items=counts or ["Chưa có nhiệm vụ nào."]),
        Block(
            "paragraph",
            f"Báo cáo kỳ {shot.period.label('vi')} (hạn {deadline}): đã nhận "
            f"{totals['reports_received']}/{totals['reports_expected']} báo cáo phải nộp.",
        ),
    ]


def _action_line(action: Row, reports: list[Row]) -> str:
    line = f"{action['title']} (chủ trì: {action['lead']}): {_status_vi(action['status'])}, tiến độ {_pct(action['progress'])}"
    reached = indicator(action)
    if reached:
        line += f"; {reached}"
    results = [report["result"] for report in reports if report["result"]]
    if results:
        line += f". Kết quả trong kỳ: {' '.join(results)}"
    return line + "."


def _part_two(shot: figures.Picture, by_action: dict[int, list[Row]]) -> list[Block]:
    blocks = [Block("heading", "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC", level=1)]
    for sector in shot.sectors:
        mine = [action for action in shot.actions if action["sector_slug"] == sector["slug"]]
        blocks.append(Block("heading", f"{sector['position']}. {sector['name']}", level=2))
        if not mine:
            blocks.append(Block("paragraph", "Chưa có nhiệm vụ, kế hoạch cụ thể."))
            continue
        sums = figures.figures(mine)
        blocks.append(
            Block(
                "paragraph",
                f"{sums['actions']} nhiệm vụ, {sums['done']} đã hoàn thành, {sums['overdue']} quá hạn; "
                f"tiến độ bình quân {_pct(sums['progress'])}.",
            )
        )
        blocks.append(Block("bullets", items=[_action_line(action, by_action.get(action["id"], [])) for action in mine]))
    return blocks


def _part_three(shot: figures.Picture, by_action: dict[int, list[Row]]) -> list[Block]:
    done_now = [a for a in shot.actions if done_in_period(a)]
    empty = [s["name"] for s in shot.sectors if not any(a["sector_slug"] == s["slug"] for a in shot.actions)]
    overdue = [a for a in shot.actions if a["overdue"]]
    slow = [a for a in shot.actions if stalled(a)]
    missing: dict[str, list[str]] = {}
    for action in shot.actions:
        if action["expected"] and not action["reported"]:
            missing.setdefault(action["lead"], []).append(f"{action['id']} ({action['title']})")

    achieved = [f"{a['title']} ({a['lead']})" for a in done_now] or ["Chưa có nhiệm vụ hoàn thành trong kỳ."]
    shortcomings = []
    if empty:
        shortcomings.append(f"Lĩnh vực chưa có nhiệm vụ cụ thể: {', '.join(empty)}.")
    shortcomings += [
        f"Quá hạn: {a['title']} ({a['lead']}), hạn {show_date(a['due_on'])}, {_status_vi(a['status'])}, tiến độ {_pct(a['progress'])}."
        for a in overdue
    ]
    shortcomings += [
        f"Chậm hoặc chưa có chuyển biến trong kỳ: {a['title']} ({a['lead']}), tiến độ {_pct(a['progress'])}." for a in slow
    ]
    shortcomings += [f"Chưa gửi báo cáo kỳ này: {lead} — nhiệm vụ {'; '.join(items)}." for lead, items in missing.items()]
    return [
        Block("heading", "III. ĐÁNH GIÁ CHUNG", level=1),
        Block("heading", "1. Kết quả đạt được", level=2),
        Block("bullets", items=achieved),
        Block("heading", "2. Tồn tại, hạn chế", level=2),
        Block("bullets", items=shortcomings or ["Không có tồn tại được ghi nhận từ số liệu."]),
        Block("heading", "3. Nguyên nhân", level=2),
        Block("paragraph", PLACEHOLDER, note=True),
    ]


def _part_four(shot: figures.Picture) -> list[Block]:
    upcoming = shot.period.next()
    due = [
        a
        for a in shot.actions
        if a["due_on"] and upcoming.start.isoformat() <= a["due_on"] <= upcoming.end.isoformat() and a["status"] not in CLOSED
    ]
    items = [f"{a['title']} ({a['lead']}): hạn {show_date(a['due_on'])}, tiến độ hiện tại {_pct(a['progress'])}." for a in due]
    return [
        Block("heading", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", level=1),
        Block("paragraph", f"Các nhiệm vụ đến hạn trong kỳ {upcoming.label('vi')}:"),
        Block("bullets", items=items or ["Không có nhiệm vụ đến hạn trong kỳ tới."]),
    ]


def _part_five(shot: figures.Picture, reports: list[Row], names: Names) -> list[Block]:
    titles = {action["id"]: action["title"] for action in shot.actions}
    items = [
        f"{names.agency(report['agency_id'])} ({titles.get(report['action_id'], report['action_id'])}): {report['proposal']}"
        for report in reports
        if report["proposal"]
    ]
    return [
        Block("heading", "V. KIẾN NGHỊ, ĐỀ XUẤT", level=1),
        Block("bullets", items=items or ["Không có kiến nghị, đề xuất trong các báo cáo kỳ này."]),
    ]


def _span(action: Row) -> str:
    """The action's time span, one date per line so that neither breaks."""
    start, due = show_date(action["start_on"]), show_date(action["due_on"])
    if start and due:
        return f"{start} –\n{due}"
    if start:
        return f"từ {start}"
    return f"đến {due}" if due else ""


def _annex(shot: figures.Picture, by_action: dict[int, list[Row]]) -> Table:
    """One group row per sector (Roman numerals), one row per action numbered within it."""
    rows: list[TableRow] = []
    for position, sector in enumerate(shot.sectors):
        rows.append(TableRow([_ROMAN[position] if position < len(_ROMAN) else str(position + 1), sector["name"]], group=True))
        mine = [action for action in shot.actions if action["sector_slug"] == sector["slug"]]
        if not mine:
            rows.append(TableRow(["", "Chưa có nhiệm vụ, kế hoạch cụ thể.", "", "", "", "", "", "", "", ""]))
        for number, action in enumerate(mine, start=1):
            reports = by_action.get(action["id"], [])
            results = [text for text in (indicator(action).capitalize(),) if text]
            results += [report["result"] for report in reports if report["result"]]
            difficulties = " ".join(r["difficulty"] for r in reports if r["difficulty"]) or (action["latest_difficulty"] or "")
            rows.append(
                TableRow(
                    [
                        str(number),
                        action["title"],
                        action["lead"],
                        "; ".join(action["partners"]),
                        _span(action),
                        _num(action["progress"]),
                        ". ".join(results),
                        _status_vi(action["status"]).capitalize(),
                        difficulties,
                        " ".join(r["proposal"] for r in reports if r["proposal"]),
                    ]
                )
            )
    return Table(columns=ANNEX_COLUMNS, rows=rows)
