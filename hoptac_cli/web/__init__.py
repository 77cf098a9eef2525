"""The read-only web view (``hoptac serve``): Datasette on the hoptac database, in Vietnamese.

- ``metadata``: titles, descriptions, facets, label columns, the search page and the dashboard;
- ``functions``: the SQL functions the views call for their figures (hoptac's own rules, in Python);
- ``plugin``: Datasette hooks (those functions and the search functions, highlighted snippets, the
  dashboard's queries allowed while SQL is off);
- ``server``: prepares the database (views, "today"), builds the Datasette instance, runs it.

The SQL views themselves are in ``storage/web.py``. Nothing here is imported by other commands:
Datasette costs a second of start-up.
"""
