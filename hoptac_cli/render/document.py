"""Administrative documents (``domain.official.Document``) as .docx or Markdown, saying the same thing.

The .docx layout is ``render.docx_writer``'s; the Markdown carries the same blocks in reading
order — heading table, type and summary line, body, signature and recipients, annex — for a
quick look or a review in a pull request.
"""

from __future__ import annotations

from pathlib import Path

from hoptac_cli.domain.official import BLANK, MOTTO, Block, Document, Table
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

FORMATS = ("md", "docx")


def choose_format(target: str) -> str:
    """From the file's extension; ``-`` is Markdown on stdout."""
    if target == "-":
        return "md"
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix == "markdown":
        return "md"
    if suffix not in FORMATS:
        raise HoptacError(t("err.summary_extension", value=target, accepted=", ".join(f".{f}" for f in FORMATS)))
    return suffix


def render(document: Document, fmt: str) -> bytes:
    """The whole file's bytes in ``fmt`` (``md`` or ``docx``)."""
    if fmt == "md":
        return markdown(document).encode("utf-8")
    import io

    from hoptac_cli.render import docx_writer

    buffer = io.BytesIO()
    docx_writer.write(document, buffer)
    return buffer.getvalue()


def write(target: str, document: Document, *, force: bool = False) -> None:
    """Write the document to ``target`` safely (``render.files``): never over an existing file
    without ``force``, never over the database, nothing left behind if it fails."""
    from hoptac_cli.render import files

    files.check_target(target, force=force)
    data = render(document, choose_format(target))
    with files.output(target, force=force) as stream:
        stream.write(data)


# Markdown ------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _table(table: Table) -> list[str]:
    aligns = {"left": "---", "right": "--:", "center": ":-:"}
    lines = ["| " + " | ".join(_cell(column.header) for column in table.columns) + " |"]
    lines.append("|" + "|".join(aligns[column.align] for column in table.columns) + "|")
    width = len(table.columns)
    for row in table.rows:
        if row.group:
            number, title = (row.cells + ["", ""])[:2]
            cells = [f"**{_cell(number)}**" if number else "", f"**{_cell(title)}**"] + [""] * (width - 2)
        else:
            cells = [_cell(text) for text in row.cells]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def _blocks(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            lines += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif block.kind == "paragraph":
            lines += [f"*{block.text}*" if block.note else block.text, ""]
        elif block.kind == "bullets":
            lines += [f"- {item}" for item in block.items] + [""]
        elif block.kind == "table" and block.table is not None:
            lines += _table(block.table)
    return lines


def markdown(document: Document) -> str:
    issuer = document.issuer
    left = ([issuer.governing_body.upper()] if issuer.governing_body else []) + [f"**{issuer.issuing_name.upper()}**"]
    right = [f"**{MOTTO[0]}**", f"**{MOTTO[1]}**"]
    below_left = [f"Số: {issuer.number}"] + ([] if document.type_name else [document.subject])
    lines = [
        f"| {'<br>'.join(_cell(part) for part in left)} | {'<br>'.join(right)} |",
        "|:-:|:-:|",
        f"| {'<br>'.join(_cell(part) for part in below_left)} | *{_cell(issuer.date_line)}* |",
        "",
    ]
    if document.type_name:
        lines += [f"# {document.type_name}", "", f"**{document.subject}**", ""]
    lines += [f"Kính gửi: {addressee}" for addressee in document.addressees[:1]] + ([""] if document.addressees else [])
    lines += _blocks(document.body)
    recipients = [f"- {recipient};" for recipient in document.recipients] + [f"- Lưu: {issuer.archive}."]
    signer = [f"**{line.upper()}**" for line in issuer.authority]
    signer += [f"**{(issuer.signer_title or BLANK).upper()}**", "", "", f"**{issuer.signer_name or BLANK}**"]
    lines += [
        f"| ***Nơi nhận:***<br>{'<br>'.join(_cell(line) for line in recipients)} | {'<br>'.join(_cell(line) for line in signer)} |",
        "|:--|:-:|",
        "",
    ]
    if document.annex:
        annex = document.annex
        lines += ["---", "", "## Phụ lục", "", f"**{annex.title}**", "", f"*{annex.reference}*", ""]
        lines += _blocks(annex.blocks)
    return "\n".join(lines)
