-- The rows of `hoptac export reports` for every active agreement (current versions, programme
-- order): the reference of bench/run.py, run as `sqlite3 -csv -header FILE.db < reports.sql`.
SELECT r.id, g.slug AS agreement, s.position AS sector_position, s.name AS sector, s.slug AS sector_slug,
       r.action_id, a.title AS action, ag.name AS agency, r.period, r.period_start, r.period_end,
       r.revision, r.progress, r.value, a.unit, a.target, r.status, r.result, r.difficulty, r.proposal,
       r.submitted_on, r.source
  FROM reports r
  JOIN actions a ON a.id = r.action_id
  JOIN sectors s ON s.id = a.sector_id
  JOIN agreements g ON g.id = s.agreement_id
  JOIN agencies ag ON ag.id = r.agency_id
 WHERE g.status = 'active' AND r.is_current = 1
 ORDER BY s.agreement_id, s.position, r.action_id, r.period_end, r.agency_id, r.id;
