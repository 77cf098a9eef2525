"""The reference of ``hoptac status`` and ``hoptac --help`` in ``bench/run.py``: a minimal Typer app
that reads one table with ``sqlite3`` and prints one Rich table, with plain (non-Rich) help.

    python bench/reference_app.py table FILE.db      python bench/reference_app.py --help
"""

import sqlite3

import typer

app = typer.Typer(help="A minimal Typer app: the floor hoptac's start-up is measured against.", rich_markup_mode=None)


@app.command()
def table(db: str) -> None:
    """Print the sectors of FILE.db as a Rich table."""
    from rich.console import Console
    from rich.table import Table

    rows = sqlite3.connect(db).execute("SELECT position, name, slug FROM sectors ORDER BY agreement_id, position").fetchall()
    out = Table("No.", "Sector", "Slug", title="Sectors")
    for position, name, slug in rows:
        out.add_row(str(position), name, slug)
    Console().print(out)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo("reference 1.0")


if __name__ == "__main__":
    app()
