"""Department files: the fill-in template for one period, and importing it back all-or-nothing.

Each row of a file is validated by the same ``reports.prepare`` as ``report add``; any bad row
refuses the whole file, and the error list names every bad row with its column. A row whose
report is already in the database with the same figures is "already imported", so that a
file can be imported twice without duplicating anything.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register, reports
from hoptac_cli.domain.dates import today
from hoptac_cli.domain.periods import Period, parse_period, previous
from hoptac_cli.domain.progress import derive
from hoptac_cli.domain.succession import Successions
from hoptac_cli.domain.text import fold
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import LANGUAGES, count, t, t_in
from hoptac_cli.records import DEPARTMENT_LANG, DEPARTMENT_ROW
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: the template's columns: ``records.DEPARTMENT_ROW``
#: the columns a department fills in; the others identify the action or are there for reference
EDITABLE = ("progress", "value", "status", "result", "difficulty", "proposal", "submitted")
REQUIRED = ("action_id", "period", "progress")
#: a row with all of these empty was left blank: the agency did not report on that action
FILLED = ("progress", "value", "status", "result", "difficulty", "proposal")
#: the cells of a row that give ``reports.ReportFields`` besides the action and period (an empty cell gives nothing)
_GIVEN = ("progress", "value", "status", "result", "difficulty", "proposal", "agency", "submitted")


def header(key: str) -> str:
    """The column header written to department files (in Vietnamese) for a field."""
    return t_in(DEPARTMENT_LANG, DEPARTMENT_ROW.header(key))


def words(key: str) -> str:
    """Other words of department files (``sheet.KEY``): the sheet's title, how values add up."""
    return t_in(DEPARTMENT_LANG, f"sheet.{key}")


@functools.cache
def _headers() -> dict[str, str]:
    """Folded header (in either language, or the field key itself) → field."""
    return {
        fold(name): column.key
        for column in DEPARTMENT_ROW
        for name in (*(t_in(lang, column.header) for lang in LANGUAGES), column.key)
    }


def looks_like_header(cells: list[str]) -> bool:
    """Is this row the header of a department file (it names every required column)?"""
    found = {_headers().get(fold(cell)) for cell in cells}
    return all(key in found for key in REQUIRED)


# the template --------------------------------------------------------------------------------


def template(
    db: Database, period_text: str, agreement_ref: str | None, agency_ref: str | None
) -> tuple[Period, Row | None, list[Row]]:
    """One row per action that owes a report for the period, for one agency (or every lead)."""
    period = parse_period(period_text)
    agreement = store.get(db, "agreements", register.agreement(db, agreement_ref)["id"])
    reports.check_period(agreement, period)
    successions = Successions(db, "agencies")
    now = today()
    names = {row["id"]: row["name"] for row in store.list_agencies(db, None)}
    chosen = register.agency(db, agency_ref) if agency_ref else None
    before = previous(period)
    day_before = period.start - dt.timedelta(days=1)
    rows = []
    for action in reports.owed(db, agreement, period):
        last = derive(action, day_before)
        answering = successions.current(action["lead_agency_id"], now)
        if chosen and answering != successions.current(chosen["id"], now):
            continue
        rows.append(
            {
                "action_id": action["id"],
                "period": period.code,
                "agency": chosen["name"] if chosen else names[answering],
                "action": action["title"],
                "sector": action["sector"],
                "unit": action["unit"],
                "target": _whole(action["target"]),
                # the latest figures reported up to the previous period, for reference
                "previous_progress": _whole(last["progress"]) if action["report_id"] else None,
                "previous_value": _whole(action["report_value"]),
                "previous_period": before.code,
                # how to fill in "Giá trị đạt được": achieved so far, or achieved in this period
                "measure": words(f"measure.{action['measure']}") if action["target"] is not None else None,
            }
        )
    if not rows:
        raise HoptacError(t("err.template_empty", period=period.code, agency=f", {chosen['name']}" if chosen else ""))
    return period, chosen, rows


def template_words(db: Database, period: Period, agreement_ref: str | None, agency: Row | None) -> Row:
    """The Vietnamese words of the XLSX template: title, subtitle, status choices, instructions."""
    from hoptac_cli.domain import settings
    from hoptac_cli.domain.dates import show_date
    from hoptac_cli.domain.statuses import STATUSES
    from hoptac_cli.i18n import t_in

    agreement = store.get(db, "agreements", register.agreement(db, agreement_ref)["id"])
    deadline = show_date(period.deadline(agreement["deadline_day"]))
    values, _missing = settings.effective(db, agreement["id"])
    receiver = values["issuing_body"] or "cơ quan tổng hợp"
    label = period.label("vi")
    who = f" — {agency['name']}" if agency else ""
    statuses = [t_in("vi", f"status.{code}").capitalize() for code in STATUSES]
    return {
        "title": f"BÁO CÁO KẾT QUẢ THỰC HIỆN {label.upper()}{who.upper()}",
        "subtitle": f"{agreement['title']}. Hạn gửi báo cáo: {deadline}. Xem trang 'Hướng dẫn'.",
        "sheet": f"Báo cáo {period.code}",
        "statuses": statuses,
        "instructions": [
            f"HƯỚNG DẪN ĐIỀN BÁO CÁO {label.upper()}",
            f"Chương trình: {agreement['title']}.",
            "1. Mỗi dòng là một nhiệm vụ do cơ quan chủ trì; chỉ điền các cột nền vàng. Các cột nền xám "
            "(mã nhiệm vụ, kỳ báo cáo, cơ quan, nội dung, lĩnh vực, đơn vị tính, chỉ tiêu, số liệu kỳ trước) "
            "đã được khóa để tránh sửa nhầm.",
            "2. Tiến độ (%): số từ 0 đến 100. Nhiệm vụ có chỉ tiêu: điền Giá trị đạt được (theo đơn vị tính) "
            "thay cho tiến độ; tiến độ được tính từ giá trị so với chỉ tiêu.",
            f"3. Tình trạng: chọn trong danh sách ({', '.join(statuses)}); để trống thì được suy ra từ tiến độ. "
            "'Đã hoàn thành' chỉ đi với tiến độ 100%.",
            "4. Kết quả thực hiện; Khó khăn, vướng mắc; Đề xuất, kiến nghị: ghi ngắn gọn, cụ thể.",
            "5. Ngày gửi: dd/mm/yyyy; để trống thì lấy ngày nhập báo cáo.",
            "6. Nhiệm vụ không báo cáo kỳ này: để trống cả dòng. Tiến độ và giá trị kỳ trước chỉ để tham khảo.",
            "7. Không đổi tên, không xóa cột; có thể thêm dòng tiêu đề phía trên bảng.",
            f"8. Gửi lại tệp này cho {receiver} trước ngày {deadline}.",
        ],
    }


def _whole(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


# the import ----------------------------------------------------------------------------------


@dataclass
class RowError:
    row: int
    column: str
    reason: str


class ImportRefused(HoptacError):
    """A file with bad rows: nothing was imported; ``errors`` lists every bad row (and the
    details, printed under the message, say each in words)."""

    def __init__(self, message: str, errors: list[RowError]):
        super().__init__(
            message, [t("msg.import_row_error", row=error.row, column=error.column, reason=error.reason) for error in errors]
        )
        self.errors = errors


@dataclass
class Plan:
    """A validated file: what each filled row will do. The reports to write are staged in the
    database (``reports.stage``), in the order of ``pending``, the rows that will get an id."""

    file: str
    rows: list[Row] = field(default_factory=list)
    pending: list[Row] = field(default_factory=list)
    blank: int = 0
    staged: bool = False


def columns(path: Path, header_cells: list[str]) -> dict[str, int]:
    """Field → column index; refuse a file that lacks a required column."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        key = _headers().get(fold(cell))
        if key and key not in found:
            found[key] = index
    lacking = [header(key) for key in REQUIRED if key not in found]
    if lacking:
        raise HoptacError(t("err.import_columns", value=path.name, columns=", ".join(f"'{name}'" for name in lacking)))
    return found


#: rows validated together: their actions are read in one go (``reports.Lookups.prefetch``)
BATCH_ROWS = 500


def check(
    db: Database,
    path: Path,
    header_cells: list[str],
    data: Iterable[tuple[int, list[str]]],
    *,
    amend: bool = False,
    tick: Callable[[], None] | None = None,
    stage: bool = True,
) -> Plan:
    """Validate every row; raise ``ImportRefused`` listing all bad rows, else return the plan.
    ``data`` may be a stream: it is read a batch of rows at a time; the reports to write are
    staged in the database as each batch is validated (unless ``stage`` is false: a dry run),
    so that memory holds only the closing table's rows."""
    index = columns(path, header_cells)
    labels = {key: header_cells[index[key]] if key in index else header(key) for key in DEPARTMENT_ROW.fields}
    lookups = reports.Lookups(db)
    plan = Plan(file=path.name, staged=stage)
    errors: list[RowError] = []
    seen: dict[Any, int] = {}
    source = f"import: {plan.file}"
    if stage:
        reports.stage(db, [], first=True)
    try:
        total = _check_rows(db, data, index, labels, lookups, plan, errors, seen, amend, tick, source)
    except BaseException:
        reports.drop_staged(db)
        raise
    if errors:
        reports.drop_staged(db)
        bad = len({error.row for error in errors})
        raise ImportRefused(t("err.import_refused", file=path.name, bad=bad, rows=count("count.row", total)), errors)
    return plan


def _check_rows(
    db: Database,
    data: Iterable[tuple[int, list[str]]],
    index: dict[str, int],
    labels: dict[str, str],
    lookups: reports.Lookups,
    plan: Plan,
    errors: list[RowError],
    seen: dict,
    amend: bool,
    tick: Callable[[], None] | None,
    source: str,
) -> int:
    total = 0
    for batch in _batches(data, BATCH_ROWS):
        drafts = []
        total += len(batch)
        rows = [(number, {key: (cells[i] if i < len(cells) else "") for key, i in index.items()}) for number, cells in batch]
        lookups.prefetch([pair for _, values in rows if (pair := _action_and_period(values))])
        for number, values in rows:
            if tick:
                tick()
            if not any(values.get(key) for key in FILLED):
                plan.blank += 1
                continue
            try:
                draft = _prepare(db, values, labels, lookups)
            except reports.FieldError as error:
                label = labels.get(error.field, "")
                reason = error.message.removeprefix(f"{label}: ").removeprefix(f"{label} ")
                errors.append(RowError(number, label, reason))
                continue
            key = (draft.action["id"], draft.agency["id"], draft.period.code)
            if key in seen:
                errors.append(RowError(number, labels["action_id"], t("err.import_duplicate_row", first=seen[key])))
                continue
            seen[key] = number
            if draft.same_as_existing():
                outcome = "already"
            elif draft.existing and not amend:
                errors.append(RowError(number, labels["progress"], t("err.import_conflict", id=draft.existing["id"])))
                continue
            else:
                outcome = "amended" if draft.existing else "added"
            row = {
                "row": number,
                "action_id": draft.action["id"],
                "action": draft.action["title"],
                "period": draft.period.code,
                "agency": draft.agency["name"],
                "outcome": outcome,
                "report_id": draft.existing["id"] if draft.existing else None,
            }
            plan.rows.append(row)
            if outcome != "already":
                plan.pending.append(row)
                drafts.append(draft)
        if plan.staged and not errors:  # once a row is refused, nothing will be written
            reports.stage(db, drafts, source=source)
    return total


def _batches(rows: Iterable[tuple[int, list[str]]], size: int) -> Iterator[list[tuple[int, list[str]]]]:
    batch: list[tuple[int, list[str]]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _action_id(text: str) -> int | None:
    """The action id a cell names: ASCII digits within 64 bits ("²", "1_000" or a 30-digit
    number name no action)."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and int(text) < 2**63 else None


def _action_and_period(values: Row) -> tuple[int, Period] | None:
    """The (action, period) a row names, when both read; for reading its action ahead."""
    action_id = _action_id(values.get("action_id") or "")
    if action_id is None or not values.get("period"):
        return None
    try:
        return action_id, _period(values["period"])
    except HoptacError:
        return None


@functools.lru_cache(maxsize=64)
def _period(text: str) -> Period:
    return parse_period(text)


def _prepare(db: Database, values: Row, labels: dict[str, str], lookups: reports.Lookups) -> reports.Draft:
    for key in REQUIRED[:2]:
        if not values.get(key):
            raise reports.FieldError(key, t("err.import_required"))
    action_id = _action_id(values["action_id"])
    if action_id is None:
        raise reports.FieldError("action_id", t("err.import_action_id", value=values["action_id"]))
    given = {key: values.get(key) or None for key in _GIVEN}
    return reports.prepare(
        db, reports.ReportFields(action_id=action_id, period=values["period"], **given), labels=labels, lookups=lookups
    )


def folder_files(folder: Path) -> list[Path]:
    """The department files of a folder, by name: .xlsx and .csv, not hidden, not Excel's
    ``~$`` lock files; refuse a folder holding none."""
    found = sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in (".xlsx", ".csv") and not path.name.startswith(("~$", "."))
    )
    if not found:
        raise HoptacError(t("err.import_folder_empty", value=str(folder)))
    return found


def agencies_named(header_cells: list[str], data: list[tuple[int, list[str]]]) -> str:
    """The agencies a file names in its agency column, for the closing table of a folder import."""
    index = next((i for i, cell in enumerate(header_cells) if _headers().get(fold(cell)) == "agency"), None)
    if index is None:
        return ""
    names = [cells[index] for _, cells in data if index < len(cells) and cells[index]]
    return "; ".join(dict.fromkeys(names))


def write(db: Database, plan: Plan) -> None:
    """Import every planned row in one transaction."""
    with db.atomic():
        ids = reports.save_staged(db)
    for row, report_id in zip(plan.pending, ids):
        row["report_id"] = report_id
