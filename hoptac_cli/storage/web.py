"""The SQL views behind the web view (``hoptac serve``): figures of ``status`` and ``report missing``.

Datasette shows tables and views; it cannot call hoptac's Python. So the questions officials ask
are answered by views, with Vietnamese column names, written here once:

- internal views (``web_*``, hidden in the web view) state the rules with English names;
- public views (``tien_do_theo_linh_vuc``, ``nhiem_vu``, …) give them Vietnamese headers.

They restate in SQL the rules of ``domain.progress`` / ``domain.status`` / ``domain.reports``
(effective status and progress, overdue, which actions owe a report for a period, which period
``status`` shows by default). ``tests/test_web.py`` runs every view through Datasette and
compares each figure with ``hoptac status`` and ``hoptac report missing``: a change of rule
there must be made here too, and that test says where.

"Today" is ``web_settings.today`` when hoptac wrote one (``HOPTAC_TODAY`` at ``hoptac serve``,
for demonstrations and tests), else the computer's local date; the periods are computed from it
with each agreement's cadence and deadline day, so that a server left running rolls over to the
next period by itself.

The views are derived objects, not data: ``sync`` (run by ``hoptac serve``) drops and re-creates
them whenever their text here changes, so they need no migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

#: written into every view so that ``sync`` recognises (and may drop) the views it made
MARK = "/* hoptac web view */"

STATUSES = ("not-started", "in-progress", "done", "behind", "paused", "cancelled")


def _date(column: str) -> str:
    """ISO date → ``dd/mm/yyyy`` (empty stays empty)."""
    return f"CASE WHEN coalesce({column}, '') = '' THEN NULL ELSE strftime('%d/%m/%Y', {column}) END"


def _round1(column: str) -> str:
    """Python's ``round(x, 1)``: like SQLite's ``round`` except on exact binary halves, which
    Python rounds to the even digit (12.25 → 12.2; SQLite gives 12.3). Only x.25 and x.75 are
    exact halves at one decimal, i.e. when 4x is an odd integer."""
    tie = f"({column}) * 4 = CAST(({column}) * 4 AS INTEGER) AND CAST(({column}) * 4 AS INTEGER) % 2 = 1"
    tens = f"CAST(({column}) * 10 AS INTEGER)"
    return f"(CASE WHEN {tie} THEN ({tens} + {tens} % 2) / 10.0 ELSE round({column}, 1) END)"


def _label_case(column: str, words: dict[str, str]) -> str:
    cases = " ".join(f"WHEN '{code}' THEN '{word}'" for code, word in words.items())
    return f"CASE {column} {cases} ELSE {column} END"


def _period_label(kind: str, year: str, number: str) -> str:
    """``domain.periods.Period.label('vi')`` in SQL."""
    return (
        f"CASE {kind} WHEN 'H' THEN '6 tháng ' || CASE {number} WHEN 1 THEN 'đầu' ELSE 'cuối' END || ' năm ' || {year} "
        f"WHEN 'Q' THEN 'Quý ' || CASE {number} WHEN 1 THEN 'I' WHEN 2 THEN 'II' WHEN 3 THEN 'III' ELSE 'IV' END || '/' || {year} "
        f"ELSE 'Năm ' || {year} END"
    )


#: effective status of an action from its recorded status and a report's status (progress.effective_status)
def _effective(recorded: str, reported: str) -> str:
    return f"CASE WHEN {recorded} IN ('cancelled', 'paused') THEN {recorded} ELSE coalesce({reported}, {recorded}) END"


def views(words: dict[str, str]) -> list[tuple[str, str]]:
    """Every view as (name, CREATE VIEW statement), in dependency order.

    ``words`` gives the Vietnamese words the public views print: ``status.<code>``, ``yes``,
    ``no``, ``total``."""
    status_words = {code: words[f"status.{code}"] for code in STATUSES}
    yes, no = words["yes"], words["no"]

    def flag(condition: str) -> str:
        return f"CASE WHEN {condition} THEN '{yes}' ELSE '{no}' END"

    internal = {
        "web_today": """
            SELECT coalesce((SELECT value FROM web_settings WHERE key = 'today'), date('now', 'localtime')) AS today
        """,
        # Every period of each agreement's cadence over its years (domain.periods.Period).
        "web_all_periods": """
            WITH RECURSIVE span(agreement_id, kind, months, year, number, last_year, deadline_day) AS (
                SELECT id, report_cadence, CASE report_cadence WHEN 'Q' THEN 3 WHEN 'Y' THEN 12 ELSE 6 END,
                       start_year, 1, end_year, deadline_day
                FROM agreements
                UNION ALL
                SELECT agreement_id, kind, months,
                       CASE WHEN number * months >= 12 THEN year + 1 ELSE year END,
                       CASE WHEN number * months >= 12 THEN 1 ELSE number + 1 END,
                       last_year, deadline_day
                FROM span WHERE year < last_year OR number * months < 12
            )
            SELECT agreement_id, kind, year, number,
                   CASE kind WHEN 'Y' THEN CAST(year AS TEXT) ELSE year || '-' || kind || number END AS period,
                   first_day AS period_start, last_day AS period_end,
                   min(date(printf('%04d-%02d-01', year, number * months), '+' || (deadline_day - 1) || ' days'), last_day) AS deadline
            FROM (
                SELECT *, printf('%04d-%02d-01', year, (number - 1) * months + 1) AS first_day,
                       date(printf('%04d-%02d-01', year, (number - 1) * months + 1), '+' || months || ' months', '-1 day') AS last_day
                FROM span
            )
        """,
        # ... with what ``status`` needs: the period it shows by default (status.period_of: the
        # latest whose deadline has passed, kept within the agreement's years), and which periods
        # the listings show (begun by today, not after the agreement ended).
        "web_periods": f"""
            SELECT p.agreement_id, p.kind, p.year, p.number, p.period, p.period_start, p.period_end, p.deadline,
                   {_period_label('p.kind', 'p.year', 'p.number')} AS label,
                   p.period_start = coalesce(
                       max(CASE WHEN p.deadline < t.today THEN p.period_start END) OVER (PARTITION BY p.agreement_id),
                       min(p.period_start) OVER (PARTITION BY p.agreement_id)) AS is_default,
                   p.period_start <= t.today AND (coalesce(g.ended_on, '') = '' OR p.period_start <= g.ended_on) AS begun,
                   coalesce(g.ended_on, '') != '' AND g.ended_on < p.period_start AS after_end,
                   t.today > p.deadline AS past_deadline
            FROM web_all_periods p JOIN agreements g ON g.id = p.agreement_id, web_today t
        """,
        # The periods the listings show: begun by today (or the one status shows, for an agreement
        # not yet begun), and not after the agreement ended (report missing refuses those).
        "web_listed_periods": """
            SELECT *, (begun OR is_default) AND NOT after_end AS listed FROM web_periods
        """,
        # Who answers today for an agency: itself, or the last successor in effect (Successions.current).
        "web_agency_now": """
            WITH RECURSIVE chain(origin, id, depth) AS (
                SELECT id, id, 0 FROM agencies
                UNION ALL
                SELECT c.origin, a.successor_id, c.depth + 1
                FROM chain c JOIN agencies a ON a.id = c.id, web_today t
                WHERE a.successor_id IS NOT NULL AND (coalesce(a.succeeded_on, '') = '' OR a.succeeded_on <= t.today)
                  AND c.depth < 32
            )
            SELECT origin AS agency_id, id AS current_id FROM (
                SELECT origin, id, row_number() OVER (PARTITION BY origin ORDER BY depth DESC) AS rank FROM chain
            ) WHERE rank = 1
        """,
        # Each action now: its latest current report (any agency) and the derived status,
        # progress and overdue (progress.derive with today as the reference).
        "web_actions": f"""
            SELECT x.*,
                   CASE WHEN x.status = 'done' THEN 100.0 ELSE coalesce(x.report_progress, 0.0) END AS progress,
                   coalesce(x.due_on, '') != '' AND x.due_on < t.today AND x.status NOT IN ('done', 'cancelled') AS overdue,
                   CAST(julianday(t.today) - julianday(x.due_on) AS INTEGER) AS days_overdue
            FROM (
                SELECT a.id, s.agreement_id, a.sector_id, s.position AS sector_position, s.name AS sector,
                       a.title, a.lead_agency_id, l.name AS lead,
                       (SELECT group_concat(name, '; ') FROM (
                            SELECT ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
                            WHERE ap.action_id = a.id ORDER BY ag.id)) AS partners,
                       a.start_on, a.due_on, a.unit, a.baseline, a.target, a.plan_ref, a.note,
                       a.status AS recorded_status, lr.id AS report_id, lr.period AS report_period,
                       lr.agency_id AS report_agency_id, lr.progress AS report_progress, lr.status AS report_status,
                       lr.value AS report_value, lr.result, lr.difficulty, lr.proposal, lr.submitted_on,
                       {_effective('a.status', 'lr.status')} AS status
                FROM actions a
                JOIN sectors s ON s.id = a.sector_id
                JOIN agencies l ON l.id = a.lead_agency_id
                LEFT JOIN (
                    SELECT * FROM (
                        SELECT r.*, row_number() OVER (
                            PARTITION BY r.action_id ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC) AS rank
                        FROM reports r WHERE r.is_current = 1
                    ) WHERE rank = 1
                ) lr ON lr.action_id = a.id
            ) x, web_today t
        """,
        # Which actions owe a report for each period, and whether one came in (progress.owes_report
        # judged the day before the period starts; received: a current report for a period within it).
        "web_expected": f"""
            WITH p AS MATERIALIZED (SELECT * FROM web_listed_periods WHERE listed),
            e AS MATERIALIZED (
                SELECT p.agreement_id, p.period, p.period_start, p.period_end, p.deadline, p.label,
                       p.is_default, p.past_deadline,
                       a.id AS action_id, a.sector_id, a.title, a.lead_agency_id,
                       NOT p.after_end
                       AND (coalesce(a.start_on, '') = '' OR a.start_on <= p.period_end)
                       AND {_effective('a.status', '''(
                            SELECT r.status FROM reports r
                            WHERE r.action_id = a.id AND r.is_current = 1 AND r.period_end <= date(p.period_start, '-1 day')
                            ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC LIMIT 1)''')}
                           NOT IN ('done', 'cancelled', 'paused') AS expected,
                       EXISTS (
                           SELECT 1 FROM reports r
                           WHERE r.action_id = a.id AND r.is_current = 1
                             AND r.period_start >= p.period_start AND r.period_end <= p.period_end) AS received
                FROM p
                JOIN sectors s ON s.agreement_id = p.agreement_id
                JOIN actions a ON a.sector_id = s.id
            )
            SELECT e.*, e.expected AND e.received AS received_expected FROM e
        """,
        # status.figures per sector and per agreement, for the period status shows by default.
        "web_sector_figures": f"""
            WITH x AS MATERIALIZED (
                SELECT agreement_id, sector_id, sector_position, id, status, progress, overdue FROM web_actions
            ),
            e AS MATERIALIZED (
                SELECT agreement_id, sector_id, expected, received_expected FROM web_expected WHERE is_default
            ),
            by_sector AS (
                SELECT sector_id, count(*) AS actions, {", ".join(f"sum(status = '{code}') AS {code.replace('-', '_')}" for code in STATUSES)},
                       sum(overdue) AS overdue, avg(CASE WHEN status != 'cancelled' THEN progress END) AS mean_progress
                FROM x GROUP BY sector_id
            ),
            by_agreement AS (
                SELECT agreement_id, count(*) AS actions, {", ".join(f"sum(status = '{code}') AS {code.replace('-', '_')}" for code in STATUSES)},
                       sum(overdue) AS overdue, avg(CASE WHEN status != 'cancelled' THEN progress END) AS mean_progress
                FROM (SELECT * FROM x ORDER BY sector_position, id) GROUP BY agreement_id
            )
            SELECT g.id AS agreement_id, g.title AS agreement, g.slug AS agreement_slug, s.id AS sector_id,
                   s.position, s.name AS sector, s.slug AS sector_slug, p.period, p.label AS period_label,
                   coalesce(f.actions, 0) AS actions,
                   {", ".join(f"coalesce(f.{code.replace('-', '_')}, 0) AS {code.replace('-', '_')}" for code in STATUSES)},
                   coalesce(f.overdue, 0) AS overdue, {_round1('f.mean_progress')} AS progress,
                   coalesce(r.received, 0) AS reports_received, coalesce(r.expected, 0) AS reports_expected
            FROM sectors s
            JOIN agreements g ON g.id = s.agreement_id
            JOIN web_periods p ON p.agreement_id = g.id AND p.is_default
            LEFT JOIN by_sector f ON f.sector_id = s.id
            LEFT JOIN (
                SELECT sector_id, sum(received_expected) AS received, sum(expected) AS expected FROM e GROUP BY sector_id
            ) r ON r.sector_id = s.id
            UNION ALL
            SELECT g.id, g.title, g.slug, NULL, NULL, NULL, NULL, p.period, p.label,
                   coalesce(f.actions, 0),
                   {", ".join(f"coalesce(f.{code.replace('-', '_')}, 0)" for code in STATUSES)},
                   coalesce(f.overdue, 0), {_round1('f.mean_progress')},
                   coalesce(r.received, 0), coalesce(r.expected, 0)
            FROM agreements g
            JOIN web_periods p ON p.agreement_id = g.id AND p.is_default
            LEFT JOIN by_agreement f ON f.agreement_id = g.id
            LEFT JOIN (
                SELECT agreement_id, sum(received_expected) AS received, sum(expected) AS expected FROM e GROUP BY agreement_id
            ) r ON r.agreement_id = g.id
        """,
    }

    def status_of(column: str) -> str:
        return _label_case(column, status_words)

    public = {
        "tien_do_theo_linh_vuc": f"""
            SELECT agreement AS "Chương trình", position AS "STT",
                   coalesce(sector, '{words['total']}') AS "Lĩnh vực",
                   actions AS "Số nhiệm vụ",
                   {", ".join(f'{code.replace("-", "_")} AS "{words[f"status.{code}"]}"' for code in STATUSES)},
                   overdue AS "Quá hạn", progress AS "Tiến độ (%)",
                   reports_received AS "Báo cáo đã nhận", reports_expected AS "Báo cáo phải nộp",
                   period_label AS "Kỳ báo cáo"
            FROM web_sector_figures
            ORDER BY agreement_id, position IS NULL, position
        """,
        "nhiem_vu": f"""
            SELECT x.id AS "Mã", x.sector AS "Lĩnh vực", x.title AS "Nhiệm vụ",
                   x.lead AS "Cơ quan chủ trì", CASE WHEN n.current_id != x.lead_agency_id THEN now.name END AS "Nay là",
                   x.partners AS "Cơ quan phối hợp",
                   {_date('x.start_on')} AS "Bắt đầu", {_date('x.due_on')} AS "Hạn hoàn thành",
                   {status_of('x.status')} AS "Tình trạng", x.progress AS "Tiến độ (%)", {flag('x.overdue')} AS "Quá hạn",
                   x.unit AS "Đơn vị tính", x.target AS "Chỉ tiêu", x.report_value AS "Đạt được",
                   x.report_period AS "Kỳ báo cáo gần nhất", ra.name AS "Cơ quan báo cáo",
                   x.result AS "Kết quả", x.difficulty AS "Khó khăn, vướng mắc", x.proposal AS "Đề xuất, kiến nghị",
                   {_date('x.submitted_on')} AS "Ngày gửi báo cáo", x.plan_ref AS "Kế hoạch", x.note AS "Ghi chú",
                   g.title AS "Chương trình"
            FROM web_actions x
            JOIN agreements g ON g.id = x.agreement_id
            JOIN web_agency_now n ON n.agency_id = x.lead_agency_id
            JOIN agencies now ON now.id = n.current_id
            LEFT JOIN agencies ra ON ra.id = x.report_agency_id
            ORDER BY x.agreement_id, x.sector_position, x.id
        """,
        "nhiem_vu_qua_han": f"""
            SELECT x.id AS "Mã", x.sector AS "Lĩnh vực", x.title AS "Nhiệm vụ",
                   x.lead AS "Cơ quan chủ trì", CASE WHEN n.current_id != x.lead_agency_id THEN now.name END AS "Nay là",
                   {_date('x.due_on')} AS "Hạn hoàn thành", x.days_overdue AS "Số ngày quá hạn",
                   {status_of('x.status')} AS "Tình trạng", x.progress AS "Tiến độ (%)",
                   x.report_period AS "Kỳ báo cáo gần nhất", x.difficulty AS "Khó khăn, vướng mắc",
                   g.title AS "Chương trình"
            FROM web_actions x
            JOIN agreements g ON g.id = x.agreement_id
            JOIN web_agency_now n ON n.agency_id = x.lead_agency_id
            JOIN agencies now ON now.id = n.current_id
            WHERE x.overdue
            ORDER BY x.due_on, x.agreement_id, x.sector_position, x.id
        """,
        "bao_cao_theo_ky": f"""
            SELECT g.title AS "Chương trình", e.period AS "Mã kỳ", e.label AS "Kỳ báo cáo",
                   {_date('e.deadline')} AS "Hạn gửi báo cáo",
                   sum(e.expected) AS "Phải nộp", sum(e.received_expected) AS "Đã nhận",
                   sum(e.expected) - sum(e.received_expected) AS "Còn thiếu",
                   {flag('e.is_default')} AS "Kỳ đang xét"
            FROM web_expected e JOIN agreements g ON g.id = e.agreement_id
            GROUP BY e.agreement_id, e.period
            ORDER BY e.agreement_id, e.period_start
        """,
        "chua_bao_cao": f"""
            SELECT e.period AS "Mã kỳ", e.label AS "Kỳ báo cáo",
                   {_date('e.deadline')} AS "Hạn gửi báo cáo", now.name AS "Cơ quan phải báo cáo",
                   CASE WHEN n.current_id != e.lead_agency_id THEN lead.name END AS "Trước đây",
                   e.action_id AS "Mã NV", e.title AS "Nhiệm vụ", s.name AS "Lĩnh vực",
                   {flag('e.past_deadline')} AS "Đã quá hạn gửi", {flag('e.is_default')} AS "Kỳ đang xét",
                   g.title AS "Chương trình"
            FROM web_expected e
            JOIN agreements g ON g.id = e.agreement_id
            JOIN sectors s ON s.id = e.sector_id
            JOIN agencies lead ON lead.id = e.lead_agency_id
            JOIN web_agency_now n ON n.agency_id = e.lead_agency_id
            JOIN agencies now ON now.id = n.current_id
            WHERE e.expected AND NOT e.received
            ORDER BY e.agreement_id, e.period_start, now.name, e.action_id
        """,
        "chua_bao_cao_ky_nay": f"""
            SELECT "Kỳ báo cáo", "Hạn gửi báo cáo", "Cơ quan phải báo cáo", "Trước đây",
                   "Mã NV", "Nhiệm vụ", "Lĩnh vực", "Đã quá hạn gửi", "Chương trình"
            FROM chua_bao_cao WHERE "Kỳ đang xét" = '{yes}'
        """,
    }
    return [
        (name, f"CREATE VIEW {name} AS {MARK}\n" + " ".join(line.strip() for line in body.strip().splitlines()))
        for name, body in {**internal, **public}.items()
    ]


INTERNAL_PREFIX = "web_"


def sync(db: Database, words: dict[str, str]) -> bool:
    """Make the views match this version's definitions; return whether anything was written."""
    wanted = views(words)
    existing = {
        row[0]: row[1]
        for row in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql LIKE ?", [f"%{MARK}%"]).fetchall()
    }
    if existing == dict(wanted):
        return False
    with db.atomic():
        for name in existing:
            db.execute(f"DROP VIEW IF EXISTS {name}")
        for _name, sql in wanted:
            db.execute(sql)
    return True


def set_today(db: Database, today: str | None) -> bool:
    """Fix the views' "today" (``HOPTAC_TODAY``), or let them follow the clock; return whether written."""
    row = db.execute("SELECT value FROM web_settings WHERE key = 'today'").fetchone()
    if (row[0] if row else None) == today:
        return False
    with db.atomic():
        if today is None:
            db.execute("DELETE FROM web_settings WHERE key = 'today'")
        else:
            db.execute("INSERT OR REPLACE INTO web_settings (key, value) VALUES ('today', ?)", [today])
    return True


def search_sql(field_words: dict[str, str], review_words: dict[str, str]) -> str:
    """The web view's search (a Datasette canned query with the parameter ``tu_khoa``): the same
    ranked query as ``hoptac search``. ``hoptac_match``, ``hoptac_phrase`` and ``hoptac_snippet``
    are ``domain.search``'s functions, registered by the web view's plugin. ``field_words`` names
    each ``kind.field``; ``review_words`` each review kind."""
    from hoptac_cli.storage.search import ranked_sql

    code = "hit.period"
    kind = f"CASE WHEN length({code}) = 4 THEN 'Y' ELSE substr({code}, 6, 1) END"
    number = f"CASE WHEN length({code}) = 4 THEN 1 ELSE CAST(substr({code}, 7) AS INTEGER) END"
    review = f"'Hội nghị ' || {_label_case('hit.review_kind', review_words)} || ' ' || hit.review_year"
    ranked = (
        ranked_sql()
        .replace(":match", "hoptac_match(:tu_khoa)")
        .replace(":phrase", "hoptac_phrase(:tu_khoa)")
        .replace(":limit", "200")
    )
    # The snippets are made for the rows shown only (a LIMIT-ed subquery is not flattened).
    body = f"""
        SELECT hoptac_snippet(hit.text, :tu_khoa) AS "Trích đoạn",
               {_label_case("hit.kind || '.' || hit.field", field_words)} AS "Tìm thấy trong",
               CASE WHEN hit.kind IN ('action', 'report') THEN '#' || hit.action_id || ' ' || hit.action
                    WHEN hit.kind = 'commendation' THEN hit.recipient || ' — ' || {review}
                    ELSE {review} END AS "Thuộc",
               CASE hit.kind WHEN 'report' THEN {_period_label(kind, f'substr({code}, 1, 4)', number)}
                    WHEN 'action' THEN nullif(coalesce({_date('hit.date_from')}, '…') || ' – ' || coalesce({_date('hit.date_to')}, '…'), '… – …')
                    ELSE coalesce({_date('hit.date_from')}, 'Năm ' || hit.review_year) END AS "Kỳ, thời gian",
               g.title AS "Chương trình", s.name AS "Lĩnh vực"
        FROM ({ranked}) hit
        LEFT JOIN agreements g ON g.id = hit.agreement_id
        LEFT JOIN sectors s ON s.id = hit.sector_id
        ORDER BY hit.phrase DESC, hit.rank, hit.id
    """
    return " ".join(line.strip() for line in body.strip().splitlines())
