"""``hoptac serve``: the read-only web view (Datasette) for those who do not use a terminal.

Datasette is imported only here, inside the command: it costs about a second of start-up that
no other command should pay.
"""

from typing import Annotated

import typer

from hoptac_cli.cli.common import db_path


def serve(
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port to listen on.")] = 8001,
    host: Annotated[
        str,
        typer.Option(
            "--host", metavar="ADDRESS", help="Address to listen on; 127.0.0.1 is this computer only (see README before sharing)."
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the dashboard in the web browser.")] = False,
    sql: Annotated[
        bool, typer.Option("--sql", help="Let visitors run their own read-only SQL queries (off by default).")
    ] = False,
) -> None:
    """Serve a read-only web view of the database (Datasette, in Vietnamese): progress by sector,
    actions and their latest reports, overdue actions, who has not reported, search, a dashboard.
    Needs the optional part: pip install 'hoptac[web]'."""
    from hoptac_cli.web.server import require_datasette, run

    require_datasette()
    run(db_path(), host=host, port=port, open_browser=open_browser, sql=sql)


def add_commands(app: typer.Typer) -> None:
    app.command("serve")(serve)
