"""``hoptac report remind``: reminder letters (công văn đôn đốc) to the agencies that owe reports."""

from collections.abc import Callable
from typing import IO, Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, done, session, warn
from hoptac_cli.cli.settings import (
    OPTION_NAMES,
    ArchiveOpt,
    AuthorityOpt,
    DateOpt,
    GoverningOpt,
    IssuingOpt,
    PatternOpt,
    PlaceOpt,
    RecipientOpt,
    SignerNameOpt,
    SignerTitleOpt,
    overrides,
)
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.records import LETTERS, MAIL_MERGE
from hoptac_cli.render.output import emit, show_period

LETTER_FORMATS = ("docx", "md")


def remind(
    period: Annotated[str, typer.Option("--period", "-p", help="The reporting period: 2025-H2, H2/2025 ...")],
    output: Annotated[str, typer.Option("--output", "-o", help="FOLDER for the letters and the list (made if missing).")],
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only this agency's letter.")] = None,
    agreement: AgreementOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Letters as docx (default) or md.")] = "docx",
    force: Annotated[bool, typer.Option("--force", help="Replace letters or a list already in the folder.")] = False,
    date: DateOpt = None,
    reply_by: Annotated[
        Optional[str], typer.Option("--by", help="Ask for the reports by this date, dd/mm/yyyy (default: as soon as possible).")
    ] = None,
    governing_body: GoverningOpt = None,
    issuing_body: IssuingOpt = None,
    place: PlaceOpt = None,
    number_pattern: PatternOpt = None,
    signer_authority: AuthorityOpt = None,
    signer_title: SignerTitleOpt = None,
    signer_name: SignerNameOpt = None,
    recipients: RecipientOpt = None,
    archive: ArchiveOpt = None,
) -> None:
    """Write one reminder letter (công văn đôn đốc) per agency that owes reports for the period,
    listing its unreported actions and the deadline, and one XLSX of them all for a mail merge."""
    from pathlib import Path

    from hoptac_cli.domain import reminders
    from hoptac_cli.render import document as documents
    from hoptac_cli.render import tabular
    from hoptac_cli.render.files import refuse_existing, write_file

    chosen = fmt.lower()
    if chosen not in LETTER_FORMATS:
        raise HoptacError(t("err.choice", option="--format", value=fmt, accepted=", ".join(LETTER_FORMATS)))
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise HoptacError(t("err.remind_folder", value=output))
    if not folder.exists() and not (folder.parent if str(folder.parent) else Path(".")).is_dir():
        raise HoptacError(t("err.remind_folder", value=output))
    given = overrides(
        governing_body=governing_body,
        issuing_body=issuing_body,
        place=place,
        number_pattern=number_pattern,
        signer_authority=signer_authority,
        signer_title=signer_title,
        signer_name=signer_name,
        recipients=recipients,
        archive=archive,
    )
    with session() as db:
        found, letters = reminders.build(
            db, period, agreement, agency, overrides=given, date=date, reply_by=reply_by, option_names=OPTION_NAMES
        )
    if not letters:
        done(t("msg.remind_nobody", period=show_period(found["period"])))
        return
    code = found["period"]
    files = {letter.agency_id: f"don-doc-{code}-{letter.slug}.{chosen}" for letter in letters}
    sheet_path = folder / f"don-doc-{code}.xlsx"
    targets = [folder / name for name in files.values()] + [sheet_path]
    if folder.exists():
        refuse_existing(targets, force)
    contents = {letter.agency_id: documents.render(letter.document, chosen) for letter in letters}
    folder.mkdir(exist_ok=True)
    for letter in letters:
        write_file(folder / files[letter.agency_id], _writing(contents[letter.agency_id]))
    rows = reminders.mail_merge_rows(letters, files)
    write_file(
        sheet_path, lambda stream: tabular.write_to(stream, "xlsx", [tabular.Sheet(t("title.remind_sheet"), MAIL_MERGE, rows)])
    )
    issuer = letters[0].document.issuer
    if issuer.missing:
        warn(t("warn.settings_missing", keys=", ".join(issuer.missing)))
    written = [
        {
            "agency": letter.agency,
            "actions": len(letter.rows),
            "days_late": letter.rows[0]["days_late"],
            "file": str(folder / files[letter.agency_id]),
        }
        for letter in letters
    ]
    emit(written, LETTERS, "table", title=t("title.remind", period=show_period(found["period"])))
    done(t("msg.remind_written", letters=len(letters), actions=len(rows), sheet=str(sheet_path)))


def _writing(data: bytes) -> Callable[[IO[bytes]], None]:
    """What writes one letter's bytes to its file."""

    def write(stream: IO[bytes]) -> None:
        stream.write(data)

    return write


def add_commands(app: typer.Typer) -> None:
    from hoptac_cli.cli.report import report_app

    report_app.command("remind")(remind)
