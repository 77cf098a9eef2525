"""The SQL views behind the web view (``hoptac serve``): figures of ``status`` and ``report missing``.

Datasette shows tables and views. The questions officials ask are answered by views with
Vietnamese column names, written here once:

- internal views (``web_*``, hidden in the web view) gather the rows, with English names;
- public views (``tien_do_theo_linh_vuc``, ``nhiem_vu``, …) give them Vietnamese headers.

No rule is restated here. Every figure that follows a rule of the README's Definitions (an
action's status, progress, achieved value and overdue flag, its deciding report, who owes a
report for a period and whether it came in, the lead of the time, the period ``status`` shows by
default, periods and deadlines, the mean progress, who answers for a merged agency) comes from a
function of ``web/functions.py`` (``hoptac_actions``, ``hoptac_owed``, ``hoptac_periods``,
``hoptac_mean_progress``, ``hoptac_agency_now``), which runs the same Python as ``hoptac
status``, ``action list`` and ``report missing`` (``domain.timeline``, ``domain.progress``,
``domain.reports.owed``, ``domain.status.default_period``). The web view's plugin registers them
on each connection: outside it (a plain ``sqlite3`` shell) the views answer "no such function".
What is left in SQL is joining, counting by status, formatting, and three date comparisons in
``web_periods``, each naming the Python it mirrors. ``tests/test_web.py`` still compares every
figure of the views with the CLI's JSON, on the sample and on a generated database.

"Today" is ``web_settings.today`` when hoptac wrote one (``HOPTAC_TODAY`` at ``hoptac serve``,
for demonstrations and tests), else the computer's local date, so that a server left running
rolls over to the next period by itself.

The views are derived objects, not data: ``sync`` (run by ``hoptac serve``) drops and re-creates
them whenever their text here changes, so they need no migration; ``drop`` removes them before
a migration (an ``ALTER TABLE … RENAME`` re-reads every view, and would stop at a function only
the web view registers).
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


def _label_case(column: str, words: dict[str, str]) -> str:
    cases = " ".join(f"WHEN '{code}' THEN '{word}'" for code, word in words.items())
    return f"CASE {column} {cases} ELSE {column} END"


def views(words: dict[str, str]) -> list[tuple[str, str]]:
    """Every view as (name, CREATE VIEW statement), in dependency order.

    ``words`` gives the Vietnamese words the public views print: ``status.<code>``, ``yes``,
    ``no``, ``total``."""
    status_words = {code: words[f"status.{code}"] for code in STATUSES}
    yes, no = words["yes"], words["no"]
    counts = ", ".join(f"sum(status = '{code}') AS {code.replace('-', '_')}" for code in STATUSES)

    def flag(condition: str) -> str:
        return f"CASE WHEN {condition} THEN '{yes}' ELSE '{no}' END"

    internal = {
        "web_today": """
            SELECT coalesce((SELECT value FROM web_settings WHERE key = 'today'), date('now', 'localtime')) AS today
        """,
        # Each agreement's periods (hoptac_periods: domain.periods, status.default_period), with
        # whether the period has begun by today (the web's choice of what to list), whether the
        # agreement had ended before it (reports.check_period refuses such a period) and whether
        # its deadline has passed (reports.missing's ``past_deadline``: today > deadline).
        "web_periods": """
            SELECT *,
                   period_start <= today AND (coalesce(ended_on, '') = '' OR period_start <= ended_on) AS begun,
                   coalesce(ended_on, '') != '' AND ended_on < period_start AS after_end,
                   today > deadline AS past_deadline
            FROM (
                SELECT g.id AS agreement_id, g.ended_on, t.today,
                       json_extract(j.value, '$.period') AS period, json_extract(j.value, '$.start') AS period_start,
                       json_extract(j.value, '$.end') AS period_end, json_extract(j.value, '$.deadline') AS deadline,
                       json_extract(j.value, '$.label') AS label, json_extract(j.value, '$.is_default') AS is_default,
                       json_extract(j.value, '$.within') AS within
                FROM agreements g, web_today t,
                     json_each(hoptac_periods(g.report_cadence, g.start_year, g.end_year, g.deadline_day, t.today)) j
            )
        """,
        # The periods the listings show: within the agreement's years (report missing refuses the
        # others), begun by today or the one status shows, and not after the agreement ended.
        "web_listed_periods": """
            SELECT *, within AND (begun OR is_default) AND NOT after_end AS listed FROM web_periods
        """,
        # Each action as ``action list`` shows it today (hoptac_actions: timeline, progress.derive),
        # with the text of its deciding report.
        "web_actions": """
            SELECT x.*, r.period AS report_period, r.agency_id AS report_agency_id, r.result, r.difficulty,
                   r.proposal, r.submitted_on
            FROM (
                SELECT a.id, s.agreement_id, a.sector_id, s.position AS sector_position, s.name AS sector,
                       a.title, a.lead_agency_id, l.name AS lead,
                       (SELECT group_concat(name, '; ') FROM (
                            SELECT ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
                            WHERE ap.action_id = a.id ORDER BY ag.id)) AS partners,
                       a.start_on, a.due_on, a.unit, a.baseline, a.target, a.plan_ref, a.note,
                       json_extract(j.value, '$.status') AS status, json_extract(j.value, '$.progress') AS progress,
                       json_extract(j.value, '$.overdue') AS overdue, json_extract(j.value, '$.achieved') AS achieved,
                       json_extract(j.value, '$.report_id') AS report_id,
                       CAST(julianday(t.today) - julianday(a.due_on) AS INTEGER) AS days_overdue, t.today
                FROM web_today t, json_each(hoptac_actions(t.today)) j
                JOIN actions a ON a.id = json_extract(j.value, '$.id')
                JOIN sectors s ON s.id = a.sector_id
                JOIN agencies l ON l.id = a.lead_agency_id
            ) x
            LEFT JOIN reports r ON r.id = x.report_id
        """,
        # Each period with each action owing a report for it, its lead at the period's end and
        # whether the report came in (hoptac_owed: reports.owed and status.reported_actions, as
        # report missing); one row with no action when none owes.
        "web_owed": """
            SELECT p.agreement_id, p.period, p.period_start, p.period_end, p.deadline, p.label,
                   p.is_default, p.listed, p.past_deadline, p.today,
                   json_extract(o.value, '$.id') AS action_id, json_extract(o.value, '$.lead_agency_id') AS lead_agency_id,
                   coalesce(json_extract(o.value, '$.reported'), 0) AS received
            FROM web_listed_periods p LEFT JOIN json_each(hoptac_owed(p.agreement_id, p.period)) o
        """,
        # ... in the periods the listings show.
        "web_expected": """
            SELECT o.*, a.sector_id, a.title FROM web_owed o LEFT JOIN actions a ON a.id = o.action_id WHERE o.listed
        """,
        # status.figures per sector and per agreement, for the period status shows by default.
        "web_sector_figures": f"""
            WITH x AS MATERIALIZED (
                SELECT agreement_id, sector_id, sector_position, id, status, progress, overdue FROM web_actions
            ),
            e AS MATERIALIZED (
                SELECT o.agreement_id, a.sector_id, o.received FROM web_owed o JOIN actions a ON a.id = o.action_id
                WHERE o.is_default
            ),
            by_sector AS (
                SELECT sector_id, count(*) AS actions, {counts}, sum(overdue) AS overdue,
                       hoptac_mean_progress(status, progress, sector_position, id) AS progress
                FROM x GROUP BY sector_id
            ),
            by_agreement AS (
                SELECT agreement_id, count(*) AS actions, {counts}, sum(overdue) AS overdue,
                       hoptac_mean_progress(status, progress, sector_position, id) AS progress
                FROM x GROUP BY agreement_id
            )
            SELECT g.id AS agreement_id, g.title AS agreement, g.slug AS agreement_slug, s.id AS sector_id,
                   s.position, s.name AS sector, s.slug AS sector_slug, p.period, p.label AS period_label,
                   coalesce(f.actions, 0) AS actions,
                   {", ".join(f"coalesce(f.{code.replace('-', '_')}, 0) AS {code.replace('-', '_')}" for code in STATUSES)},
                   coalesce(f.overdue, 0) AS overdue, f.progress,
                   coalesce(r.received, 0) AS reports_received, coalesce(r.expected, 0) AS reports_expected
            FROM sectors s
            JOIN agreements g ON g.id = s.agreement_id
            JOIN web_periods p ON p.agreement_id = g.id AND p.is_default
            LEFT JOIN by_sector f ON f.sector_id = s.id
            LEFT JOIN (
                SELECT sector_id, sum(received) AS received, count(*) AS expected FROM e GROUP BY sector_id
            ) r ON r.sector_id = s.id
            UNION ALL
            SELECT g.id, g.title, g.slug, NULL, NULL, NULL, NULL, p.period, p.label,
                   coalesce(f.actions, 0),
                   {", ".join(f"coalesce(f.{code.replace('-', '_')}, 0)" for code in STATUSES)},
                   coalesce(f.overdue, 0), f.progress,
                   coalesce(r.received, 0), coalesce(r.expected, 0)
            FROM agreements g
            JOIN web_periods p ON p.agreement_id = g.id AND p.is_default
            LEFT JOIN by_agreement f ON f.agreement_id = g.id
            LEFT JOIN (
                SELECT agreement_id, sum(received) AS received, count(*) AS expected FROM e GROUP BY agreement_id
            ) r ON r.agreement_id = g.id
        """,
    }

    def status_of(column: str) -> str:
        return _label_case(column, status_words)

    # Who answers today for an agency after mergers (hoptac_agency_now: Successions.current).
    now_lead = "hoptac_agency_now(x.lead_agency_id, x.today)"
    public = {
        "tien_do_theo_linh_vuc": f"""
            SELECT agreement AS "Chương trình", position AS "STT",
                   coalesce(sector, '{words["total"]}') AS "Lĩnh vực",
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
                   x.lead AS "Cơ quan chủ trì", CASE WHEN now.id != x.lead_agency_id THEN now.name END AS "Nay là",
                   x.partners AS "Cơ quan phối hợp",
                   {_date("x.start_on")} AS "Bắt đầu", {_date("x.due_on")} AS "Hạn hoàn thành",
                   {status_of("x.status")} AS "Tình trạng", x.progress AS "Tiến độ (%)", {flag("x.overdue")} AS "Quá hạn",
                   x.unit AS "Đơn vị tính", x.target AS "Chỉ tiêu", x.achieved AS "Đạt được",
                   x.report_period AS "Kỳ báo cáo gần nhất", ra.name AS "Cơ quan báo cáo",
                   x.result AS "Kết quả", x.difficulty AS "Khó khăn, vướng mắc", x.proposal AS "Đề xuất, kiến nghị",
                   {_date("x.submitted_on")} AS "Ngày gửi báo cáo", x.plan_ref AS "Kế hoạch", x.note AS "Ghi chú",
                   g.title AS "Chương trình"
            FROM web_actions x
            JOIN agreements g ON g.id = x.agreement_id
            JOIN agencies now ON now.id = {now_lead}
            LEFT JOIN agencies ra ON ra.id = x.report_agency_id
            ORDER BY x.agreement_id, x.sector_position, x.id
        """,
        "nhiem_vu_qua_han": f"""
            SELECT x.id AS "Mã", x.sector AS "Lĩnh vực", x.title AS "Nhiệm vụ",
                   x.lead AS "Cơ quan chủ trì", CASE WHEN now.id != x.lead_agency_id THEN now.name END AS "Nay là",
                   {_date("x.due_on")} AS "Hạn hoàn thành", x.days_overdue AS "Số ngày quá hạn",
                   {status_of("x.status")} AS "Tình trạng", x.progress AS "Tiến độ (%)",
                   x.report_period AS "Kỳ báo cáo gần nhất", x.difficulty AS "Khó khăn, vướng mắc",
                   g.title AS "Chương trình"
            FROM web_actions x
            JOIN agreements g ON g.id = x.agreement_id
            JOIN agencies now ON now.id = {now_lead}
            WHERE x.overdue
            ORDER BY x.due_on, x.agreement_id, x.sector_position, x.id
        """,
        "bao_cao_theo_ky": f"""
            SELECT g.title AS "Chương trình", e.period AS "Mã kỳ", e.label AS "Kỳ báo cáo",
                   {_date("e.deadline")} AS "Hạn gửi báo cáo",
                   count(e.action_id) AS "Phải nộp", sum(e.received) AS "Đã nhận",
                   count(e.action_id) - sum(e.received) AS "Còn thiếu",
                   {flag("e.is_default")} AS "Kỳ đang xét"
            FROM web_expected e JOIN agreements g ON g.id = e.agreement_id
            GROUP BY e.agreement_id, e.period
            ORDER BY e.agreement_id, e.period_start
        """,
        "chua_bao_cao": f"""
            SELECT x.period AS "Mã kỳ", x.label AS "Kỳ báo cáo",
                   {_date("x.deadline")} AS "Hạn gửi báo cáo", now.name AS "Cơ quan phải báo cáo",
                   CASE WHEN now.id != x.lead_agency_id THEN lead.name END AS "Trước đây",
                   x.action_id AS "Mã NV", x.title AS "Nhiệm vụ", s.name AS "Lĩnh vực",
                   {flag("x.past_deadline")} AS "Đã quá hạn gửi", {flag("x.is_default")} AS "Kỳ đang xét",
                   g.title AS "Chương trình"
            FROM web_expected x
            JOIN agreements g ON g.id = x.agreement_id
            JOIN sectors s ON s.id = x.sector_id
            JOIN agencies lead ON lead.id = x.lead_agency_id
            JOIN agencies now ON now.id = {now_lead}
            WHERE x.action_id IS NOT NULL AND NOT x.received
            ORDER BY x.agreement_id, x.period_start, now.name, x.action_id
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


def _existing(db: Database) -> dict[str, str]:
    """The views ``sync`` made: name → CREATE statement."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql LIKE ?", [f"%{MARK}%"]).fetchall()
    return {row[0]: row[1] for row in rows}


def sync(db: Database, words: dict[str, str]) -> bool:
    """Make the views match this version's definitions; return whether anything was written."""
    wanted = views(words)
    existing = _existing(db)
    if existing == dict(wanted):
        return False
    with db.atomic():
        for name in existing:
            db.execute(f"DROP VIEW IF EXISTS {name}")
        for _name, sql in wanted:
            db.execute(sql)
    return True


def drop(db: Database) -> bool:
    """Remove the views ``sync`` made (``hoptac serve`` makes them again); return whether any was."""
    existing = _existing(db)
    if not existing:
        return False
    with db.atomic():
        for name in existing:
            db.execute(f"DROP VIEW IF EXISTS {name}")
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
    are ``domain.search``'s functions, ``hoptac_period_label`` is ``Period.label``, all registered
    by the web view's plugin. ``field_words`` names
    each ``kind.field``; ``review_words`` each review kind."""
    from hoptac_cli.storage.search import ranked_sql

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
               CASE hit.kind WHEN 'report' THEN hoptac_period_label(hit.period)
                    WHEN 'action' THEN nullif(coalesce({_date("hit.date_from")}, '…') || ' – ' || coalesce({_date("hit.date_to")}, '…'), '… – …')
                    ELSE coalesce({_date("hit.date_from")}, 'Năm ' || hit.review_year) END AS "Kỳ, thời gian",
               g.title AS "Chương trình", s.name AS "Lĩnh vực"
        FROM ({ranked}) hit
        LEFT JOIN agreements g ON g.id = hit.agreement_id
        LEFT JOIN sectors s ON s.id = hit.sector_id
        ORDER BY hit.phrase DESC, hit.rank, hit.id
    """
    return " ".join(line.strip() for line in body.strip().splitlines())
