"""``hoptac settings [KEY [VALUE]]``: who issues documents (bodies, place, numbers, signer, recipients).

Also the per-document options that ``summary`` and ``report remind`` share, so that both name
and explain them the same way.
"""

from typing import Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, done, output_format, session, writes
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.records import SETTINGS
from hoptac_cli.render.output import emit

# Per-document options (summary, report remind): each overrides the setting of the same name.
GoverningOpt = Annotated[
    Optional[str], typer.Option("--governing-body", help="Governing body (cơ quan chủ quản) for this document.")
]
IssuingOpt = Annotated[Optional[str], typer.Option("--issuing-body", help="Issuing body (cơ quan ban hành) for this document.")]
PlaceOpt = Annotated[Optional[str], typer.Option("--place", help="Place in the date line, e.g. 'Cần Thơ'.")]
PatternOpt = Annotated[Optional[str], typer.Option("--number-pattern", help="Number and symbol, e.g. '{number}/BC-STC'.")]
NumberOpt = Annotated[
    Optional[str],
    typer.Option("--number", help="The document's number, put where the pattern says {number} (default: left as '…')."),
]
DateOpt = Annotated[Optional[str], typer.Option("--date", help="The document's date, dd/mm/yyyy (default: today).")]
AuthorityOpt = Annotated[
    Optional[str], typer.Option("--signer-authority", help="TM./KT./TL./TUQ./Q. line(s) above the title, e.g. 'KT. GIÁM ĐỐC'.")
]
SignerTitleOpt = Annotated[Optional[str], typer.Option("--signer-title", help="The signer's title, e.g. 'Phó Giám đốc'.")]
SignerNameOpt = Annotated[Optional[str], typer.Option("--signer-name", help="The signer's full name.")]
RecipientOpt = Annotated[
    Optional[list[str]], typer.Option("--recipient", help="A recipient (Nơi nhận); repeatable; replaces the setting.")
]
ArchiveOpt = Annotated[Optional[str], typer.Option("--archive", help="What follows 'Lưu:', e.g. 'VT, KTĐN'.")]

#: option name of each setting, for messages about a per-document value
OPTION_NAMES = {
    "governing_body": "--governing-body",
    "issuing_body": "--issuing-body",
    "place": "--place",
    "number_pattern": "--number-pattern",
    "letter_number_pattern": "--number-pattern",
    "signer_authority": "--signer-authority",
    "signer_title": "--signer-title",
    "signer_name": "--signer-name",
    "recipients": "--recipient",
    "archive": "--archive",
}


def overrides(**values: Any) -> dict[str, Any]:
    """Option values keyed by setting (``None`` where an option was not given)."""
    return {key: value for key, value in values.items() if value not in (None, [])}


def settings(
    key: Annotated[
        Optional[str], typer.Argument(metavar="KEY", help="A setting, e.g. issuing_body; leave out to list them all.")
    ] = None,
    value: Annotated[
        Optional[str], typer.Argument(metavar="VALUE", help="The new value; leave out to print the current one.")
    ] = None,
    agreement: Annotated[
        Optional[str], typer.Option("--agreement", "-a", help="This agreement's own value (default: the whole database).")
    ] = None,
    unset: Annotated[
        bool, typer.Option("--unset", help="Remove KEY (for the database, or with --agreement for that agreement).")
    ] = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Who issues documents: list the settings, print one, set one or remove one, e.g.
    hoptac settings issuing_body "Sở Tài chính"."""
    from hoptac_cli.domain import settings as domain

    if unset and value is not None:
        raise HoptacError(t("err.setting_unset_value"))
    if unset and key is None:
        raise HoptacError(t("err.setting_unset_key"))
    with session(write=unset or value is not None) as db:
        slug = domain.scope_slug(db, agreement)
        if key is None:
            rows = domain.listing(db, agreement)
        elif unset:
            removed = domain.unset(db, key, agreement)
        elif value is not None:
            changed = domain.set_value(db, key, value, agreement)
        else:
            wanted = domain.parse_key(key)
            (row,) = [row for row in domain.listing(db, agreement) if row["key"] == wanted]
    scope = t("msg.setting_scope", slug=slug) if slug else ""
    if key is None:
        title = t("title.settings_agreement", slug=slug) if slug else t("title.settings")
        emit(rows, SETTINGS, output_format(fmt, as_json), title=title)
    elif unset:
        done(t("msg.setting_unset", name=removed["key"], scope=scope))
    elif value is not None:
        done(t("msg.setting_set", name=changed["key"], value=changed["value"], scope=scope))
    elif row["value"] is None:
        done(t("msg.setting_not_set", name=row["key"]))
    else:
        typer.echo(row["value"])


def add_commands(app: typer.Typer) -> None:
    app.command("settings")(writes(settings))
