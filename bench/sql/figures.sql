-- The figures of `hoptac status` for every active agreement (one row per sector, then a total per
-- agreement), computed by SQL alone, with the definitions of hoptac_cli/domain/progress.py:
--   status    cancelled/paused when decided on the action, else its latest current report's, else the action's
--   progress  100 when done, else the latest report's (0 without one); a sector's: mean over actions not cancelled
--   overdue   due before :reference and neither done nor cancelled
--   expected  agreement not ended before the period, action started by its end, and (as of :day_before)
--             not done, cancelled or paused; received: a current report for a period within [:period_start, :period_end]
-- Parameters: :period_code, :period_start, :period_end, :day_before (the day before :period_start),
-- :as_of (NULL: every report counts; else the period's end) and :reference (today, or the period's end).
-- bench/run.py runs it in the sqlite3 shell as the reference of `status`/`export summary`;
-- tests/test_bench_generate.py checks hoptac's figures against it.
WITH latest AS (
    SELECT a.id AS action_id,
           (SELECT r.id FROM reports r
             WHERE r.action_id = a.id AND r.is_current = 1 AND (:as_of IS NULL OR r.period_end <= :as_of)
             ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC LIMIT 1) AS now_id,
           (SELECT r.id FROM reports r
             WHERE r.action_id = a.id AND r.is_current = 1 AND r.period_end <= :day_before
             ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC LIMIT 1) AS before_id
      FROM agreements g JOIN sectors s ON s.agreement_id = g.id JOIN actions a ON a.sector_id = s.id
     WHERE g.status = 'active'
), derived AS (
    SELECT a.id, s.agreement_id, a.sector_id, a.start_on, a.due_on, g.ended_on,
           CASE WHEN a.status IN ('cancelled', 'paused') THEN a.status ELSE coalesce(n.status, a.status) END AS status,
           n.progress AS report_progress,
           CASE WHEN a.status IN ('cancelled', 'paused') THEN a.status ELSE coalesce(b.status, a.status) END AS before_status,
           EXISTS (SELECT 1 FROM reports r
                    WHERE r.action_id = a.id AND r.is_current = 1
                      AND r.period_start >= :period_start AND r.period_end <= :period_end) AS reported
      FROM latest l
      JOIN actions a ON a.id = l.action_id JOIN sectors s ON s.id = a.sector_id JOIN agreements g ON g.id = s.agreement_id
      LEFT JOIN reports n ON n.id = l.now_id
      LEFT JOIN reports b ON b.id = l.before_id
), figured AS (
    SELECT id, agreement_id, sector_id, status,
           CASE WHEN status = 'done' THEN 100.0 ELSE round(coalesce(report_progress, 0), 1) END AS progress,
           coalesce(due_on, '') <> '' AND due_on < :reference AND status NOT IN ('done', 'cancelled') AS overdue,
           NOT (coalesce(ended_on, '') <> '' AND ended_on < :period_start)
             AND (coalesce(start_on, '') = '' OR start_on <= :period_end)
             AND before_status NOT IN ('done', 'cancelled', 'paused') AS expected,
           reported
      FROM derived
)
SELECT 'sector' AS "row", g.slug AS agreement, :period_code AS period, s.position, s.name AS sector,
       s.slug AS sector_slug, count(f.id) AS actions,
       count(CASE WHEN f.status = 'not-started' THEN 1 END) AS not_started,
       count(CASE WHEN f.status = 'in-progress' THEN 1 END) AS in_progress,
       count(CASE WHEN f.status = 'done' THEN 1 END) AS done,
       count(CASE WHEN f.status = 'behind' THEN 1 END) AS behind,
       count(CASE WHEN f.status = 'paused' THEN 1 END) AS paused,
       count(CASE WHEN f.status = 'cancelled' THEN 1 END) AS cancelled,
       count(CASE WHEN f.overdue THEN 1 END) AS overdue,
       avg(CASE WHEN f.status <> 'cancelled' THEN f.progress END) AS progress,
       count(CASE WHEN f.expected AND f.reported THEN 1 END) AS reports_received,
       count(CASE WHEN f.expected THEN 1 END) AS reports_expected,
       g.id AS agreement_id, 0 AS is_total
  FROM agreements g JOIN sectors s ON s.agreement_id = g.id LEFT JOIN figured f ON f.sector_id = s.id
 WHERE g.status = 'active'
 GROUP BY s.id
UNION ALL
SELECT 'total', g.slug, :period_code, NULL, 'Total', NULL, count(f.id),
       count(CASE WHEN f.status = 'not-started' THEN 1 END),
       count(CASE WHEN f.status = 'in-progress' THEN 1 END),
       count(CASE WHEN f.status = 'done' THEN 1 END),
       count(CASE WHEN f.status = 'behind' THEN 1 END),
       count(CASE WHEN f.status = 'paused' THEN 1 END),
       count(CASE WHEN f.status = 'cancelled' THEN 1 END),
       count(CASE WHEN f.overdue THEN 1 END),
       avg(CASE WHEN f.status <> 'cancelled' THEN f.progress END),
       count(CASE WHEN f.expected AND f.reported THEN 1 END),
       count(CASE WHEN f.expected THEN 1 END),
       g.id, 1
  FROM agreements g LEFT JOIN figured f ON f.agreement_id = g.id
 WHERE g.status = 'active'
 GROUP BY g.id
 ORDER BY agreement_id, is_total, position;
