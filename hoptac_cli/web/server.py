"""Start Datasette on the hoptac database, read-only.

The file is opened by Datasette with ``?mode=ro`` (not ``immutable``): it sees what hoptac writes
while it runs, and cannot write itself. Before that, hoptac brings the schema up to date, writes
the web view's SQL views when this version defines them differently, and records the "today" of
``HOPTAC_TODAY`` (or removes it) for the views.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from datasette.app import Datasette

#: Datasette settings: no file download (the database is private data), room for the views' work;
#: one connection for the queries, so that every page, count and facet shares the figures
#: ``web.functions`` keeps (each further connection would compute them again)
SETTINGS = {
    "allow_download": False,
    "suggest_facets": False,
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 1000,
    "num_sql_threads": 1,
    "default_page_size": 100,
}


def require_datasette() -> None:
    """Refuse clearly when the optional part ``hoptac[web]`` is not installed."""
    import importlib.util

    for module in ("datasette", "datasette_dashboards", "uvicorn"):
        if importlib.util.find_spec(module) is None:
            raise HoptacError(t("serve.missing_extra", module=module))


def prepare(path: Path) -> dict[str, Any]:
    """Upgrade the database, sync the views and "today"; return what the metadata needs."""
    from hoptac_cli.storage import web
    from hoptac_cli.storage.db import open_db
    from hoptac_cli.web.metadata import words

    db = open_db(path)
    try:
        web.sync(db, words())
        web.set_today(db, _today_override())
        agreements = list(db.query("SELECT id, title, status FROM agreements ORDER BY id"))
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
    finally:
        db.close()
    return {"agreements": agreements, "names": names}


def _today_override() -> str | None:
    if not os.environ.get("HOPTAC_TODAY"):
        return None
    from hoptac_cli.domain.dates import today

    return today().isoformat()


def build(path: Path, *, sql: bool = False, facts: dict[str, Any] | None = None) -> Datasette:
    """The Datasette instance serving ``path`` under the name ``hoptac`` (``prepare`` first)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from hoptac_cli.web import metadata, plugin

    facts = facts if facts is not None else prepare(path)
    if not pm.is_registered(plugin):
        pm.register(plugin, name="hoptac")
    ds = Datasette(
        files=[str(path)],
        metadata=metadata.build(facts["agreements"], facts["names"], sql=sql),
        settings=SETTINGS,
    )
    # A stable name, whatever the file is called: /hoptac/nhiem_vu in every office.
    (name,) = [name for name, database in ds.databases.items() if database.path]
    if name != metadata.DATABASE:
        database = ds.databases[name]
        ds.remove_database(name)
        ds.add_database(database, name=metadata.DATABASE)
    return ds


def check_address(host: str, port: int) -> None:
    """Refuse a port in use or an address this computer does not have, before starting."""
    if not 1 <= port <= 65535:
        raise HoptacError(t("serve.port", value=port))
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise HoptacError(t("serve.host_unknown", value=host)) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == 98 or "in use" in str(error).lower():  # EADDRINUSE
                raise HoptacError(t("serve.port_busy", port=port, host=host, suggestion=port + 1)) from None
            raise HoptacError(t("serve.host_unknown", value=host)) from None


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(path: Path, *, host: str, port: int, open_browser: bool, sql: bool) -> None:
    """``hoptac serve``: serve until Ctrl+C."""
    import asyncio

    import typer
    import uvicorn

    if not path.exists():
        raise HoptacError(t("err.db_missing", path=str(path)))
    check_address(host, port)
    ds = build(path, sql=sql)
    asyncio.run(ds.invoke_startup())
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    typer.echo(t("serve.started", path=str(path), url=url), err=True)
    if not is_loopback(host):
        typer.echo(f"{t('word.warning')}: {t('serve.shared', host=host)}", err=True)
    if sql:
        typer.echo(t("serve.sql_on"), err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(f"{url}-/dashboards/tong-quan")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
