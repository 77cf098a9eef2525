"""The consolidated period report for the Steering Committee, as one document model.

The report is always in Vietnamese, the language it is sent up in, whatever ``--lang`` says.
It is a list of blocks (heading, paragraph, bullets, table) that ``render.document`` turns into
Markdown or .docx, so that both files say exactly the same thing. Its figures come from
``domain.status`` (the same picture ``hoptac status --period P`` shows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import status as figures
from hoptac_cli.domain.dates import show_date
from hoptac_cli.domain.numbers import show_number
from hoptac_cli.domain.statuses import CLOSED, STATUSES
from hoptac_cli.i18n import t_in
from hoptac_cli.storage import status as status_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def _status_vi(code: str) -> str:
    """Status words as the report writes them: always Vietnamese."""
    return t_in("vi", f"status.{code}")


ANNEX_HEADERS = [
    "STT", "Lĩnh vực", "Nội dung hợp tác", "Chủ trì", "Phối hợp", "Thời gian",
    "Kết quả", "Tình trạng", "Khó khăn", "Đề xuất",
]
#: what the author still has to write
PLACEHOLDER = "[Phần này do người soạn báo cáo bổ sung.]"


@dataclass
class Block:
    """``kind`` is heading (with ``level`` 0-2), paragraph, bullets (``items``), table (``rows``
    under ``headers``) or landscape (what follows needs wide pages, where the format has pages);
    ``note`` marks text for the author to replace."""

    kind: str
    text: str = ""
    level: int = 1
    items: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    note: bool = False


def _pct(value: float | None) -> str:
    return f"{show_number(value or 0, 'vi')}%"


def _num(value: float | None) -> str:
    return show_number(value, "vi")


def build(db: Database, period_ref: str, agreement_ref: str | None) -> list[Block]:
    """The whole report for one agreement and one period."""
    from hoptac_cli.domain import register, reports
    from hoptac_cli.domain.periods import parse_period

    agreement_id = register.agreement(db, agreement_ref)["id"]
    (agreement,) = status_store.agreement_settings(db, [agreement_id])
    reports.check_begun(agreement, parse_period(period_ref))
    shot = figures.picture(db, agreement, period_ref)
    period = shot.period
    reports = status_store.period_reports(db, agreement["id"], period.start.isoformat(), period.end.isoformat())
    by_action: dict[int, list[Row]] = {}
    for report in reports:
        by_action.setdefault(report["action_id"], []).append(report)
    totals = figures.figures(shot.actions)
    label = period.label("vi")

    blocks = [
        Block("heading", "BÁO CÁO", level=0),
        Block("paragraph", f"Kết quả thực hiện {agreement['title']} — {label}"),
        Block("paragraph", f"(Số liệu tính đến ngày {show_date(period.end)}; chỉ tính các báo cáo đến hết kỳ.)"),
    ]
    blocks += _part_one(shot, totals, agreement)
    blocks += _part_two(shot, by_action)
    blocks += _part_three(shot, by_action)
    blocks += _part_four(shot)
    blocks += _part_five(shot, reports)
    blocks += _annex(shot, by_action)
    return blocks


def _part_one(shot: figures.Picture, totals: Row, agreement: Row) -> list[Block]:
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


#: how an indicator's values are counted, in the report's words
_MEASURE_VI = {"cumulative": "lũy kế", "per-period": "cộng dồn các kỳ"}


def _achieved(action: Row) -> str:
    """``đạt 12/20 em (lũy kế)``: the indicator's achieved value, target and how it is counted."""
    amount = f"đạt {_num(action['value']) or '0'}/{_num(action['target'])} {action['unit'] or ''}".rstrip()
    return f"{amount} ({_MEASURE_VI[action['measure']]})"


def _action_line(action: Row, reports: list[Row]) -> str:
    line = f"{action['title']} (chủ trì: {action['lead']}): {_status_vi(action['status'])}, tiến độ {_pct(action['progress'])}"
    if action["target"] is not None:
        line += f"; {_achieved(action)}"
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
    done_now = [a for a in shot.actions if a["status"] == "done" and a["progress_before"] < 100]
    empty = [s["name"] for s in shot.sectors if not any(a["sector_slug"] == s["slug"] for a in shot.actions)]
    overdue = [a for a in shot.actions if a["overdue"]]
    stalled = [
        a for a in shot.actions
        if not a["overdue"] and a["status"] not in CLOSED
        and (a["status"] == "behind" or (a["expected"] and a["progress"] <= a["progress_before"]))
    ]
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
        f"Chậm hoặc chưa có chuyển biến trong kỳ: {a['title']} ({a['lead']}), tiến độ {_pct(a['progress'])}."
        for a in stalled
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
        a for a in shot.actions
        if a["due_on"] and upcoming.start.isoformat() <= a["due_on"] <= upcoming.end.isoformat() and a["status"] not in CLOSED
    ]
    items = [f"{a['title']} ({a['lead']}): hạn {show_date(a['due_on'])}, tiến độ hiện tại {_pct(a['progress'])}." for a in due]
    return [
        Block("heading", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", level=1),
        Block("paragraph", f"Các nhiệm vụ đến hạn trong kỳ {upcoming.label('vi')}:"),
        Block("bullets", items=items or ["Không có nhiệm vụ đến hạn trong kỳ tới."]),
    ]


def _part_five(shot: figures.Picture, reports: list[Row]) -> list[Block]:
    titles = {action["id"]: action["title"] for action in shot.actions}
    items = [
        f"{report['agency']} ({titles.get(report['action_id'], report['action_id'])}): {report['proposal']}"
        for report in reports
        if report["proposal"]
    ]
    return [
        Block("heading", "V. KIẾN NGHỊ, ĐỀ XUẤT", level=1),
        Block("bullets", items=items or ["Không có kiến nghị, đề xuất trong các báo cáo kỳ này."]),
    ]


def _annex(shot: figures.Picture, by_action: dict[int, list[Row]]) -> list[Block]:
    rows = []
    for sector in shot.sectors:
        mine = [action for action in shot.actions if action["sector_slug"] == sector["slug"]]
        if not mine:
            rows.append([str(len(rows) + 1), sector["name"], "Chưa có nhiệm vụ", "", "", "", "", "", "", ""])
        for action in mine:
            reports = by_action.get(action["id"], [])
            span = " – ".join(filter(None, (show_date(action["start_on"]), show_date(action["due_on"]))))
            result = f"Tiến độ {_pct(action['progress'])}"
            if action["target"] is not None:
                result += f"; {_achieved(action)}"
            result += "".join(f". {report['result']}" for report in reports if report["result"])
            difficulties = " ".join(r["difficulty"] for r in reports if r["difficulty"]) or (action["latest_difficulty"] or "")
            rows.append([
                str(len(rows) + 1), sector["name"], action["title"], action["lead"], "; ".join(action["partners"]), span,
                result, _status_vi(action["status"]), difficulties, " ".join(r["proposal"] for r in reports if r["proposal"]),
            ])
    return [
        Block("landscape"),
        Block("heading", "PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NỘI DUNG HỢP TÁC", level=1),
        Block("table", headers=ANNEX_HEADERS, rows=rows),
    ]
