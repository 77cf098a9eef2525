"""Every kind of record hoptac lists, exports, fills in or reads back, described once.

A record is a dict with stable English snake_case keys and raw values (ISO dates, codes, ids,
numbers): what the domain returns. Each kind of record is a ``Record`` here, and each of its
fields a ``Field``:

- ``key``: the record key. It is the JSON key and the CSV header, the same in every interface
  language, and never changes once released;
- ``header``: the catalogue key (``i18n``) of the words people read for the field: a table's
  header, a ``show`` line, an XLSX header. One catalogue key per meaning (``col.*``), shared by
  every record kind that has the field; a form people fill in (the department file) keeps its own
  titles (``sheet.*``) where they say more than a table's header: the unit or format to type;
- ``kind``: what the value is, which decides how it is shown (``render.output.display`` for
  tables and ``show``, ``render.xlsx`` for spreadsheets; JSON and CSV carry it raw):

  ==============  ====================================  ===============================
  kind            value in the record                   shown
  ==============  ====================================  ===============================
  text            text                                  as it is
  int             a whole number (id, count, year)      as it is; XLSX: a number
  number          a number                              grouped the language's way
  amount          a number in the unit named by the     as ``number``; XLSX: whole đồng
                  field's ``unit`` (whole đồng: money)  for money
  percent         0-100                                 ``45,5%``
  date            ISO ``yyyy-mm-dd``                     ``dd/mm/yyyy``; XLSX: a date
  interval        ``start/end`` ISO dates               ``dd/mm/yyyy – dd/mm/yyyy``
  timestamp       SQLite UTC ``yyyy-mm-dd HH:MM:SS``    local ``dd/mm/yyyy HH:MM``
  bool            true/false                            yes/no in the language
  status          an action status code                 its words; XLSX: the code, then
                                                        the words (``for_people``)
  period          a period code (``2025-H2``)           its name in the language
  list            a list of texts                       joined with ``; ``
  label:PREFIX    a code                                the catalogue's ``PREFIX.code``
  change          a history row's old or new value      by the kind of its ``field``
  ==============  ====================================  ===============================

- ``neutralised``: text a spreadsheet could run as a formula is written so that it never is
  (CSV: a leading ``'``; XLSX: a text cell). Every kind holding text is neutralised; numbers,
  dates and booleans hold no text to run.

A field whose key ends in ``_label`` holds words the domain or the command made for people (a
period's name, "(formerly: …)"): tables and ``show`` only, never JSON or CSV.

A listing (``Listing``) is what one command prints of a record kind: the fields its JSON and CSV
carry, in their stable order, and the columns of its table laid out for a terminal (``Column``:
see ``render.table``). A new field is added to its record here, then to the listings that carry
it; nothing else names its header or its kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

#: kinds whose values hold no text a spreadsheet could run (numbers, dates, booleans)
_INERT = frozenset(("int", "number", "amount", "percent", "date", "timestamp", "bool"))
#: the language of words that are data (a history entry's summary, a setting's meaning): JSON and
#: CSV say them the same whatever the interface speaks; tables use their ``*_label`` twins
DATA_LANG = "en"
#: the header of a status's code where its words stand next to it (spreadsheets)
STATUS_CODE_HEADER = "col.status_code"
LABEL_SUFFIX = "_label"


@dataclass(frozen=True)
class Field:
    """One field of a kind of record (see the module's documentation)."""

    key: str
    header: str
    kind: str = "text"
    #: for ``amount``: the record key holding the unit of the number
    unit: str | None = None
    #: the column's width (characters) in a form people fill in
    width: int | None = None

    @property
    def neutralised(self) -> bool:
        """Is a text value of this field kept from running as a spreadsheet formula?"""
        return self.kind not in _INERT

    @property
    def data(self) -> bool:
        """Does the field reach JSON and CSV (not words made for a table)?"""
        return not self.key.endswith(LABEL_SUFFIX)


@dataclass(frozen=True)
class Column:
    """A field as one table lays it out for a terminal (``render.output.table``)."""

    key: str
    header: str  # catalogue key
    kind: str = "text"
    justify: str = "left"
    #: share of spare width for long text columns in a table
    ratio: int | None = None
    #: on a narrow terminal, columns with ``narrow`` > 0 give way, the highest first: each drops
    #: out, or, with ``merge`` naming another column, goes under that column's value in its cell
    narrow: int = 0
    merge: str | None = None
    #: a listing cuts a longer text after this many lines with "…" (``show``, JSON and CSV keep it)
    lines: int | None = None
    #: when every row holds the same value, say it once in the caption instead of on every row
    same: bool = False
    #: rows in a run with the same value form a group: the value is shown on its first row only
    group: bool = False


class Record:
    """A kind of record: its fields, by key, in their natural order."""

    def __init__(self, name: str, *fields: Field):
        self.name = name
        self.fields = {item.key: item for item in fields}
        if len(self.fields) != len(fields):
            raise ValueError(f"record {name}: a key described twice")

    def __getitem__(self, key: str) -> Field:
        return self.fields[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.fields.values())

    def header(self, key: str) -> str:
        """The catalogue key of a field's header."""
        return self.fields[key].header

    def pick(self, *keys: str) -> list[Field]:
        """These fields, in this order (the data of a listing, an export's columns)."""
        return [self.fields[key] for key in keys]

    def column(self, key: str, *, header: str | None = None, **layout: object) -> Column:
        """A field as a table lays it out (``layout``: ``Column``'s justify, ratio, narrow, …);
        ``header``: a short form of the field's header for a narrow column (``col.*_short``),
        where a spreadsheet and ``show`` keep the whole words."""
        described = self.fields[key]
        return Column(described.key, header or described.header, described.kind, **layout)  # type: ignore[arg-type]

    def columns(self, *keys: str) -> list[Column]:
        """Fields as a ``show`` lists them (one line each; no table layout)."""
        return [self.column(key) for key in keys]


@dataclass(frozen=True)
class Listing:
    """What a command prints of a record kind: its table's columns, and the fields its JSON and
    CSV carry (by default those of the table)."""

    table: list[Column]
    data: list[Field] | list[Column] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        """The JSON keys and CSV header, in order."""
        return [item.key for item in (self.data or self.table) if not item.key.endswith(LABEL_SUFFIX)]

    def without(self, *keys: str) -> Listing:
        """The same listing, its table without these columns (say a value once in the title)."""
        return replace(self, table=[column for column in self.table if column.key not in keys], data=self.data or self.table)


def data_keys(items: Iterable[Field | Column]) -> list[str]:
    return [item.key for item in items if not item.key.endswith(LABEL_SUFFIX)]


def for_people(fields: Iterable[Field]) -> list[Field]:
    """A spreadsheet's columns: a status is its code (for filters and formulas), then its words."""
    shown: list[Field] = []
    for item in fields:
        if item.kind == "status":
            shown.append(replace(item, header=STATUS_CODE_HEADER, kind="text"))
        shown.append(item)
    return shown


# parties, agencies, agreements, sectors ------------------------------------------------------

PARTY = Record(
    "party",
    Field("id", "col.id", "int"),
    Field("slug", "col.slug"),
    Field("name", "col.name"),
    Field("kind", "col.kind", "label:party_kind"),
    Field("agencies", "col.agencies", "int"),
    Field("agreements", "col.agreements", "int"),
    Field("successor", "col.successor"),
    Field("succeeded_on", "col.succeeded_on", "date"),
)
PARTIES = Listing(
    [
        PARTY.column("id", justify="right"),
        PARTY.column("slug"),
        PARTY.column("name"),
        PARTY.column("kind"),
        PARTY.column("agencies", justify="right"),
        PARTY.column("agreements", justify="right"),
        PARTY.column("successor"),
        PARTY.column("succeeded_on"),
    ]
)

AGENCY = Record(
    "agency",
    Field("id", "col.id", "int"),
    Field("slug", "col.slug"),
    Field("name", "col.name"),
    Field("party", "col.party"),
    Field("lead_actions", "col.lead_actions", "int"),
    Field("successor", "col.successor"),
    Field("succeeded_on", "col.succeeded_on", "date"),
)
AGENCIES = Listing(
    [
        AGENCY.column("id", justify="right"),
        AGENCY.column("slug"),
        AGENCY.column("name", ratio=2),
        AGENCY.column("party", narrow=3, same=True),
        AGENCY.column("lead_actions", justify="right"),
        AGENCY.column("successor", ratio=2),
        AGENCY.column("succeeded_on", narrow=2, merge="successor"),
    ]
)

SECTOR = Record(
    "sector",
    Field("id", "col.id", "int"),
    Field("position", "col.no", "int"),
    Field("slug", "col.slug"),
    Field("name", "col.sector"),
    Field("agreement", "col.agreement"),
    Field("actions", "col.actions", "int"),
)
SECTORS = Listing(
    [
        SECTOR.column("id", justify="right", narrow=2),
        SECTOR.column("position", justify="right"),
        SECTOR.column("slug", narrow=1),
        SECTOR.column("name"),
        SECTOR.column("agreement", same=True),
        SECTOR.column("actions", justify="right"),
    ]
)
#: an agreement's sectors under ``agreement show``
AGREEMENT_SECTORS = [
    SECTOR.column("position", justify="right"),
    SECTOR.column("slug", narrow=1),
    SECTOR.column("name"),
    SECTOR.column("actions", justify="right"),
]

AGREEMENT = Record(
    "agreement",
    Field("id", "col.id", "int"),
    Field("slug", "col.slug"),
    Field("title", "col.title"),
    Field("period", "col.period"),  # its years, "2021–2025"
    Field("parties", "col.parties"),
    Field("signed_on", "col.signed_on", "date"),
    Field("status", "col.status", "label:agreement_status"),
    Field("sectors", "col.sectors", "int"),
    Field("actions", "col.actions", "int"),
    Field("ended_on", "col.ended_on", "date"),
    Field("end_review_label", "col.end_review"),
    Field("predecessor", "col.predecessor"),
    Field("successor", "col.followed_by"),
    Field("chain_text", "col.chain"),
    Field("predecessor_note", "col.predecessor_note"),
    Field("report_cadence", "col.report_cadence", "label:cadence"),
    Field("deadline_day", "col.deadline_day", "int"),
    Field("note", "col.note"),
)
AGREEMENTS = Listing(
    [
        AGREEMENT.column("id", justify="right"),
        AGREEMENT.column("slug"),
        AGREEMENT.column("title", lines=3),
        AGREEMENT.column("period"),
        AGREEMENT.column("parties", narrow=3),
        AGREEMENT.column("signed_on", narrow=2),
        AGREEMENT.column("status"),
        AGREEMENT.column("sectors", justify="right", narrow=1),
        AGREEMENT.column("actions", justify="right"),
    ]
)
AGREEMENT_DETAIL = AGREEMENT.columns(
    "id",
    "slug",
    "title",
    "period",
    "signed_on",
    "status",
    "ended_on",
    "end_review_label",
    "predecessor",
    "successor",
    "chain_text",
    "predecessor_note",
    "report_cadence",
    "deadline_day",
    "note",
)
#: agreements a final review closed (``review show``)
AGREEMENTS_ENDED = AGREEMENT.columns("slug", "title", "ended_on")

#: a party of an agreement, with who signed for it
SIGNATORY = Record(
    "signatory",
    Field("name", "col.party"),
    Field("signatory_name", "col.signatory"),
    Field("signatory_title", "col.signatory_title"),
    Field("now", "col.party_now"),
)
SIGNATORIES = SIGNATORY.columns("name", "signatory_name", "signatory_title", "now")


# actions -------------------------------------------------------------------------------------

ACTION = Record(
    "action",
    Field("id", "col.id", "int"),
    Field("title", "col.action"),
    Field("agreement", "col.agreement"),
    Field("sector", "col.sector"),
    Field("sector_slug", "col.sector_slug"),
    Field("lead", "col.lead"),
    Field("lead_now", "col.lead_now"),
    Field("partners", "col.partners", "list"),
    Field("start_on", "col.start_on", "date"),
    Field("due_on", "col.due_on", "date"),
    Field("status", "col.status", "status"),
    Field("progress", "col.progress", "percent"),
    Field("overdue", "col.overdue", "bool"),
    Field("unit", "col.unit"),
    Field("baseline", "col.baseline", "amount", unit="unit"),
    Field("target", "col.target", "amount", unit="unit"),
    Field("measure", "col.measure", "label:measure"),
    Field("value", "col.value", "amount", unit="unit"),
    Field("latest_period", "col.latest_period", "period"),
    Field("plan_ref", "col.plan_ref"),
    Field("note", "col.note"),
    Field("carried_from", "col.carried_from"),
    Field("carried_to", "col.carried_to"),
)
#: JSON and CSV listings carry every field; the table keeps to what fits a terminal
ACTIONS = Listing(
    [
        ACTION.column("id", justify="right"),
        ACTION.column("sector", ratio=2, narrow=3, lines=2),
        ACTION.column("title", ratio=3, lines=3),
        ACTION.column("lead", ratio=2, lines=3),
        ACTION.column("due_on", same=True, narrow=1),
        ACTION.column("status"),
        ACTION.column("progress", justify="right"),
        ACTION.column("overdue", narrow=2),
    ],
    ACTION.pick(
        "id",
        "sector",
        "title",
        "lead",
        "due_on",
        "status",
        "progress",
        "overdue",
        "agreement",
        "sector_slug",
        "partners",
        "start_on",
        "unit",
        "baseline",
        "target",
        "measure",
        "value",
        "latest_period",
        "plan_ref",
        "note",
    ),
)
ACTION_DETAIL = ACTION.columns(
    "id",
    "title",
    "agreement",
    "sector",
    "lead",
    "lead_now",
    "partners",
    "start_on",
    "due_on",
    "status",
    "progress",
    "overdue",
    "unit",
    "baseline",
    "target",
    "measure",
    "value",
    "latest_period",
    "plan_ref",
    "note",
    "carried_from",
    "carried_to",
)

#: one change in an action's history (``action show``) or decided by a review (``review show``)
ACTION_EVENT = Record(
    "action event",
    Field("at", "col.at", "timestamp"),
    Field("action_id", "col.action_id", "int"),
    Field("action", "col.action"),
    Field("kind", "col.event", "label:event"),
    Field("field", "col.field", "label:field"),
    Field("old_value", "col.old_value", "change"),
    Field("new_value", "col.new_value", "change"),
    Field("review_label", "col.review"),
    Field("reason", "col.reason"),
)
ACTION_HISTORY = [
    ACTION_EVENT.column("at", narrow=3, merge="kind"),
    ACTION_EVENT.column("kind"),
    ACTION_EVENT.column("field"),
    ACTION_EVENT.column("old_value"),
    ACTION_EVENT.column("new_value", narrow=2, merge="old_value"),
    ACTION_EVENT.column("review_label", narrow=1, merge="kind"),
    ACTION_EVENT.column("reason"),
]
REVIEW_CHANGES = [
    ACTION_EVENT.column("at", narrow=3),
    ACTION_EVENT.column("action_id", header="col.action_id_short", justify="right"),
    ACTION_EVENT.column("action", ratio=2, lines=3),
    ACTION_EVENT.column("kind"),
    ACTION_EVENT.column("field", narrow=1, merge="kind"),
    ACTION_EVENT.column("old_value"),
    ACTION_EVENT.column("new_value", narrow=2, merge="old_value"),
    ACTION_EVENT.column("reason", ratio=1, lines=2),
]


# figures: status and export ------------------------------------------------------------------

STATUS_COUNTS = ("not_started", "in_progress", "done", "behind", "paused", "cancelled")

#: an action as of a period (``status --sector``, ``export actions``)
ACTION_FIGURES = Record(
    "action figures",
    Field("id", "col.id", "int"),
    Field("agreement", "col.agreement"),
    Field("sector", "col.sector"),
    Field("sector_slug", "col.sector_slug"),
    Field("title", "col.action"),
    Field("lead", "col.lead"),
    Field("partners", "col.partners", "list"),
    Field("start_on", "col.start_on", "date"),
    Field("due_on", "col.due_on", "date"),
    Field("status", "col.status", "status"),
    Field("progress", "col.progress", "percent"),
    Field("overdue", "col.overdue", "bool"),
    Field("unit", "col.unit"),
    Field("baseline", "col.baseline", "amount", unit="unit"),
    Field("target", "col.target", "amount", unit="unit"),
    Field("measure", "col.measure", "label:measure"),
    Field("value", "col.value", "amount", unit="unit"),
    Field("latest_period", "col.latest_period", "period"),
    Field("latest_difficulty", "col.latest_difficulty"),
    Field("plan_ref", "col.plan_ref"),
    Field("period", "col.report_period", "period"),
    Field("as_of", "col.as_of", "date"),
    Field("expected", "col.expected", "bool"),
    Field("reported", "col.reported", "bool"),
)
#: ``status --sector`` as JSON or CSV (the table is ``render.status``'s)
STATUS_DETAIL = ACTION_FIGURES.pick(
    "id",
    "agreement",
    "sector_slug",
    "period",
    "as_of",
    "title",
    "lead",
    "partners",
    "start_on",
    "due_on",
    "status",
    "progress",
    "overdue",
    "unit",
    "baseline",
    "target",
    "measure",
    "value",
    "latest_period",
    "latest_difficulty",
    "expected",
    "reported",
)
EXPORT_ACTIONS = list(ACTION_FIGURES)

#: one sector's figures, or an agreement's total (``row``), as of a period (``status``, ``export summary``)
SECTOR_FIGURES = Record(
    "sector figures",
    Field("agreement", "col.agreement"),
    Field("period", "col.report_period", "period"),
    Field("as_of", "col.as_of", "date"),
    Field("position", "col.no", "int"),
    Field("sector", "col.sector"),
    Field("sector_slug", "col.sector_slug"),
    Field("actions", "col.actions", "int"),
    *(Field(key, f"col.{key}", "int") for key in STATUS_COUNTS),
    Field("overdue", "col.overdue", "int"),
    Field("progress", "col.progress", "percent"),
    Field("reports_received", "col.reports_received", "int"),
    Field("reports_expected", "col.reports_expected", "int"),
    Field("row", "col.row"),  # sector | total
)
#: ``status`` as JSON or CSV (the table is ``render.status``'s)
STATUS_OVERVIEW = SECTOR_FIGURES.pick(
    "row",
    "agreement",
    "period",
    "as_of",
    "position",
    "sector",
    "sector_slug",
    "actions",
    *STATUS_COUNTS,
    "overdue",
    "progress",
    "reports_received",
    "reports_expected",
)
EXPORT_SUMMARY = list(SECTOR_FIGURES)

#: one active programme's figures (``status`` with several programmes, or ``--party``)
PROGRAMME = Record(
    "programme",
    Field("agreement", "col.programme"),
    Field("title", "col.title"),
    Field("parties", "col.parties", "list"),
    Field("period", "col.report_period", "period"),
    Field("as_of", "col.as_of", "date"),
    Field("deadline", "col.deadline", "date"),
    Field("actions", "col.actions", "int"),
    *(Field(key, f"col.{key}", "int") for key in STATUS_COUNTS),
    Field("overdue", "col.overdue", "int"),
    Field("progress", "col.progress", "percent"),
    Field("reports_received", "col.reports_received", "int"),
    Field("reports_expected", "col.reports_expected", "int"),
)
PROGRAMMES = list(PROGRAMME)


# reports -------------------------------------------------------------------------------------

REPORT = Record(
    "report",
    Field("id", "col.id", "int"),
    Field("action_id", "col.action_id", "int"),
    Field("action", "col.action"),
    Field("agreement", "col.agreement"),
    Field("sector", "col.sector"),
    Field("sector_slug", "col.sector_slug"),
    Field("agency", "col.agency"),
    Field("agency_slug", "col.agency_slug"),
    Field("period", "col.report_period", "period"),
    Field("period_label", "col.report_period"),
    Field("period_start", "col.period_start", "date"),
    Field("period_end", "col.period_end", "date"),
    Field("window", "col.window", "interval"),
    Field("deadline", "col.deadline", "date"),
    Field("revision", "col.revision", "int"),
    Field("progress", "col.progress", "percent"),
    Field("value", "col.value", "amount", unit="unit"),
    Field("unit", "col.unit"),
    Field("target", "col.target", "amount", unit="unit"),
    Field("status", "col.status", "status"),
    Field("result", "col.result"),
    Field("difficulty", "col.difficulty"),
    Field("proposal", "col.proposal"),
    Field("submitted_on", "col.submitted_on", "date"),
    Field("late", "col.late", "bool"),
    Field("current", "col.current", "bool"),
    Field("supersedes_id", "col.supersedes_id", "int"),
    Field("source", "col.source"),
    Field("withdrawn_on", "col.withdrawn_on", "date"),
    Field("withdrawn_reason", "col.withdrawn_reason"),
    Field("changed_text", "col.changed"),  # a version's changes, in words (``report show``)
    Field("created_at", "col.created_at", "timestamp"),
)
_REPORT_TABLE = [
    REPORT.column("id", justify="right"),
    REPORT.column("period_label", same=True),
    REPORT.column("action_id", header="col.action_id_short", justify="right"),
    REPORT.column("action", ratio=3, lines=3),
    REPORT.column("agency", ratio=2, lines=3),
    REPORT.column("progress", justify="right"),
    REPORT.column("value", justify="right", narrow=2),
    REPORT.column("status"),
    REPORT.column("submitted_on", narrow=1),
]
_REVISION_TABLE = [
    *_REPORT_TABLE,
    REPORT.column("revision", header="col.revision_short", justify="right"),
    REPORT.column("current"),
]
#: JSON and CSV of ``report list`` (with or without --revisions)
_REPORTS_DATA = REPORT.pick(
    "id",
    "action_id",
    "action",
    "agency",
    "progress",
    "value",
    "status",
    "submitted_on",
    "revision",
    "current",
    "period",
    "agreement",
    "sector",
    "sector_slug",
    "agency_slug",
    "unit",
    "target",
    "result",
    "difficulty",
    "proposal",
    "supersedes_id",
    "source",
    "withdrawn_on",
    "withdrawn_reason",
)
REPORTS = Listing(_REPORT_TABLE, _REPORTS_DATA)
REPORT_REVISIONS = Listing(_REVISION_TABLE, _REPORTS_DATA)
REPORT_DETAIL = REPORT.columns(
    "id",
    "action_id",
    "action",
    "agreement",
    "sector",
    "agency",
    "period_label",
    "window",
    "deadline",
    "progress",
    "value",
    "target",
    "unit",
    "status",
    "result",
    "difficulty",
    "proposal",
    "submitted_on",
    "late",
    "revision",
    "current",
    "supersedes_id",
    "source",
    "withdrawn_on",
    "withdrawn_reason",
)
#: a report's versions (``report show``)
REPORT_VERSIONS = [
    REPORT.column("id", justify="right"),
    REPORT.column("revision", header="col.revision_short", justify="right"),
    REPORT.column("progress", justify="right"),
    REPORT.column("value", justify="right"),
    REPORT.column("status"),
    REPORT.column("submitted_on"),
    REPORT.column("current"),
    REPORT.column("changed_text"),
    REPORT.column("source", narrow=2),
    REPORT.column("created_at", narrow=1),
    REPORT.column("withdrawn_on", narrow=1),
]
EXPORT_REPORTS = REPORT.pick(
    "id",
    "agreement",
    "sector",
    "sector_slug",
    "action_id",
    "action",
    "agency",
    "period",
    "period_start",
    "period_end",
    "revision",
    "progress",
    "value",
    "unit",
    "target",
    "status",
    "result",
    "difficulty",
    "proposal",
    "submitted_on",
    "source",
)

#: an action with no report for a period (``kind`` missing), or a report filed late (``late``)
MISSING = Record(
    "missing",
    Field("kind", "col.kind"),
    Field("period", "col.report_period", "period"),
    Field("agency_id", "col.agency_id", "int"),
    Field("agency", "col.agency"),
    Field("agency_label", "col.agency"),  # the agency "(formerly: …)"
    Field("formerly", "col.formerly"),
    Field("action_id", "col.action_id", "int"),
    Field("action", "col.action"),
    Field("sector", "col.sector"),
    Field("deadline", "col.deadline", "date"),
    Field("past_deadline", "col.past_deadline", "bool"),
    Field("report_id", "col.report_id", "int"),
    Field("submitted_on", "col.submitted_on", "date"),
    Field("days_late", "col.days_late", "int"),
    Field("agreement", "col.agreement"),
    Field("party", "col.party"),
    Field("letter", "col.letter"),  # the reminder letter's file (``report remind``)
)
MISSING_TABLE = [
    MISSING.column("agency_label", ratio=2, group=True),
    MISSING.column("action_id", header="col.action_id_short", justify="right"),
    MISSING.column("action", ratio=3, lines=3),
    MISSING.column("sector", ratio=1, narrow=1, lines=2),
    MISSING.column("deadline", same=True),
    MISSING.column("past_deadline", same=True),
]
LATE_TABLE = [
    MISSING.column("agency_label", ratio=2, group=True),
    MISSING.column("report_id", justify="right"),
    MISSING.column("action_id", header="col.action_id_short", justify="right"),
    MISSING.column("action", ratio=3, lines=3),
    MISSING.column("deadline", same=True),
    MISSING.column("submitted_on"),
    MISSING.column("days_late", justify="right"),
]
#: the programme a row belongs to, when ``report missing`` covers several
MISSING_AGREEMENT = MISSING.column("agreement")
#: CSV of ``report missing``: one table, each row marked missing or late
MISSING_CSV = MISSING.pick(
    "kind",
    "period",
    "agency_id",
    "agency",
    "formerly",
    "action_id",
    "action",
    "sector",
    "deadline",
    "past_deadline",
    "report_id",
    "submitted_on",
    "days_late",
    "agreement",
    "party",
)
#: the spreadsheet beside the reminder letters, for a mail merge
MAIL_MERGE = MISSING.pick("agency", "formerly", "action_id", "action", "sector", "deadline", "days_late", "letter")

#: a letter ``report remind`` wrote
LETTER = Record(
    "letter",
    Field("agency", "col.agency"),
    Field("actions", "col.actions", "int"),
    Field("days_late", "col.days_late", "int"),
    Field("file", "col.file"),
)
LETTERS = [
    LETTER.column("agency", ratio=3),
    LETTER.column("actions", justify="right"),
    LETTER.column("days_late", justify="right"),
    LETTER.column("file", ratio=2),
]


# department files: the template, and importing it back ---------------------------------------

#: a row of a department file (``report template`` writes it, ``report import`` reads it back).
#: The headers are the form's, always in Vietnamese; a file may use either language's or the
#: keys themselves. Progress is the number a department types (0-100), not a percentage cell.
DEPARTMENT_ROW = Record(
    "department row",
    Field("action_id", "col.action_id", "int", width=9),
    Field("period", "col.report_period", "period", width=10),
    Field("agency", "sheet.agency", width=28),
    Field("action", "sheet.action", width=45),
    Field("sector", "col.sector", width=22),
    Field("unit", "col.unit", width=10),
    Field("target", "col.target", "number", width=10),
    Field("measure", "sheet.measure"),
    Field("previous_progress", "sheet.previous_progress", "number", width=11),
    Field("previous_value", "sheet.previous_value", "number", width=11),
    Field("progress", "sheet.progress", "number", width=11),
    Field("value", "col.value", "number", width=11),
    Field("status", "col.status", width=18),  # the status's words, from the drop-down
    Field("result", "sheet.result", width=40),
    Field("difficulty", "col.difficulty", width=30),
    Field("proposal", "col.proposal", width=30),
    Field("submitted", "sheet.submitted", width=14),
)
#: the language of department files' headers (they go to Vietnamese departments)
DEPARTMENT_LANG = "vi"

#: a row of a department file once imported (or checked with --dry-run)
IMPORTED = Record(
    "imported row",
    Field("row", "col.row", "int"),
    Field("action_id", "col.action_id", "int"),
    Field("action", "col.action"),
    Field("period", "col.report_period", "period"),
    Field("agency", "col.agency"),
    Field("outcome", "col.outcome", "label:outcome"),
    Field("report_id", "col.report_id", "int"),
)
IMPORTED_ROWS = Listing(
    [
        IMPORTED.column("row", justify="right"),
        IMPORTED.column("action_id", header="col.action_id_short", justify="right"),
        IMPORTED.column("action", ratio=3, lines=2),
        IMPORTED.column("period", same=True),
        IMPORTED.column("agency", ratio=2, lines=2, same=True),
        IMPORTED.column("outcome"),
        IMPORTED.column("report_id", justify="right"),
    ]
)

#: a file of a folder import
IMPORTED_FILE = Record(
    "imported file",
    Field("file", "col.file"),
    Field("agency", "col.agency"),
    Field("added", "col.added", "int"),
    Field("amended", "col.amended", "int"),
    Field("already", "col.already", "int"),
    Field("errors", "col.errors", "int"),
)
IMPORTED_FILES = Listing(
    [
        IMPORTED_FILE.column("file", ratio=2),
        IMPORTED_FILE.column("agency", ratio=3),
        IMPORTED_FILE.column("added", justify="right"),
        IMPORTED_FILE.column("amended", justify="right"),
        IMPORTED_FILE.column("already", justify="right"),
        IMPORTED_FILE.column("errors", justify="right"),
    ]
)


# reviews and commendations -------------------------------------------------------------------

REVIEW = Record(
    "review",
    Field("id", "col.id", "int"),
    Field("agreement", "col.agreement"),
    Field("agreement_title", "col.agreement"),
    Field("year", "col.review_year", "int"),
    Field("kind", "col.review_kind", "label:review_kind"),
    Field("host", "col.host"),
    Field("held_on", "col.held_on", "date"),
    Field("changes", "col.review_changes", "int"),
    Field("commendations", "col.commendations", "int"),
    Field("conclusion", "col.conclusion"),
)
REVIEWS = Listing(
    [
        REVIEW.column("id", justify="right"),
        REVIEW.column("agreement", same=True),
        REVIEW.column("year"),
        REVIEW.column("kind"),
        REVIEW.column("host"),
        REVIEW.column("held_on"),
        REVIEW.column("changes", justify="right", narrow=2),
        REVIEW.column("commendations", justify="right", narrow=1),
        REVIEW.column("conclusion", ratio=2, lines=2),
    ]
)
REVIEW_DETAIL = REVIEW.columns("id", "agreement_title", "year", "kind", "host", "held_on", "conclusion")

COMMENDATION = Record(
    "commendation",
    Field("id", "col.id", "int"),
    Field("agreement", "col.agreement"),
    Field("year", "col.review_year", "int"),
    Field("recipient", "col.recipient"),
    Field("recipient_kind", "col.recipient_kind", "label:recipient_kind"),
    Field("unit", "col.recipient_unit"),
    Field("party", "col.party"),
    Field("form", "col.form"),
    Field("decision", "col.decision"),
    Field("decided_on", "col.decided_on", "date"),
    Field("reason", "col.reason"),
    Field("review_id", "col.review_id", "int"),
    Field("review_kind", "col.review_kind", "label:review_kind"),
)
#: JSON, CSV and files carry the review as well
COMMENDATIONS = Listing(
    [
        COMMENDATION.column("id", justify="right"),
        COMMENDATION.column("agreement", same=True),
        COMMENDATION.column("year", same=True),
        COMMENDATION.column("recipient", ratio=2, lines=3),
        COMMENDATION.column("recipient_kind", narrow=4, merge="recipient"),
        COMMENDATION.column("unit", ratio=1, lines=3),
        COMMENDATION.column("party", narrow=5),
        COMMENDATION.column("form", ratio=2, lines=3),
        COMMENDATION.column("decision"),
        COMMENDATION.column("decided_on", narrow=2, merge="decision"),
        COMMENDATION.column("reason", ratio=1, lines=2, narrow=3),
    ],
    list(COMMENDATION),
)
#: a review's commendations (``review show``)
REVIEW_COMMENDATIONS = [
    COMMENDATION.column("id", justify="right"),
    COMMENDATION.column("recipient"),
    COMMENDATION.column("recipient_kind", narrow=3, merge="recipient"),
    COMMENDATION.column("unit", narrow=2),
    COMMENDATION.column("form"),
    COMMENDATION.column("decision"),
    COMMENDATION.column("decided_on", narrow=1, merge="decision"),
]


# history, settings, search -------------------------------------------------------------------

HISTORY_ENTRY = Record(
    "history entry",
    Field("id", "col.id", "int"),
    Field("at", "col.at", "timestamp"),
    Field("who", "col.who"),
    Field("command", "col.command"),  # as it was typed: never translated
    Field("what", "col.history_changed"),
    Field("what_label", "col.history_changed"),  # what changed, in the interface language
    Field("kind", "col.kind"),
    Field("changed", "col.changed"),
    Field("details", "col.details"),
    Field("state", "col.state"),
    Field("undoes", "col.undoes", "int"),
    Field("undone_by", "col.undone_by", "int"),
    Field("changes", "col.changes"),  # JSON only: the rows changed, structured
    Field("blocked_by", "col.blocked_by", "int"),
    # ``what``, ``changed``, ``details`` and ``state`` are in DATA_LANG; in the interface's words:
    Field("changed_label", "col.changed"),
    Field("details_label", "col.details"),
    Field("state_label", "col.state"),
)
_HISTORY_TABLE = [
    HISTORY_ENTRY.column("id", justify="right"),
    HISTORY_ENTRY.column("at"),
    HISTORY_ENTRY.column("who", narrow=1, merge="at"),
    HISTORY_ENTRY.column("command", ratio=2, lines=4),
    HISTORY_ENTRY.column("what_label", ratio=3, lines=6),
]
#: ``history`` as CSV; JSON adds the structured changes
HISTORY_CSV = Listing(
    _HISTORY_TABLE,
    HISTORY_ENTRY.pick(
        "id",
        "at",
        "who",
        "command",
        "kind",
        "changed",
        "details",
        "state",
        "undoes",
        "undone_by",
    ),
)
HISTORY_JSON = Listing(_HISTORY_TABLE, [*HISTORY_CSV.data, HISTORY_ENTRY["changes"]])  # type: ignore[list-item]
#: ``undo --list``: JSON and CSV carry the record's own ``what``
UNDOABLE = Listing(
    [*_HISTORY_TABLE, HISTORY_ENTRY.column("blocked_by", justify="right")],
    HISTORY_ENTRY.pick("id", "at", "who", "command", "what", "blocked_by"),
)

SETTING = Record(
    "setting",
    Field("key", "col.setting"),  # what ``hoptac settings KEY VALUE`` takes
    Field("value", "col.setting_value"),
    Field("source", "col.setting_source", "label:source"),
    Field("description", "col.setting_description"),  # in DATA_LANG
    Field("description_label", "col.setting_description"),  # in the interface language
)
SETTINGS = Listing(
    [
        SETTING.column("key"),
        SETTING.column("value", ratio=2),
        SETTING.column("source"),
        SETTING.column("description_label", ratio=2),
    ],
    SETTING.pick("key", "value", "source", "description"),
)

SEARCH_HIT = Record(
    "search hit",
    Field("rank", "search.col.rank", "int"),
    Field("kind", "col.kind"),
    Field("field", "col.field"),
    Field("source_id", "col.id", "int"),
    Field("action_id", "col.action_id", "int"),
    Field("action", "col.action"),
    Field("review_id", "col.review_id", "int"),
    Field("recipient", "col.recipient"),
    Field("agreement", "col.agreement"),
    Field("sector", "col.sector"),
    Field("sector_slug", "col.sector_slug"),
    Field("period", "col.report_period", "period"),
    Field("date_from", "col.start_on", "date"),
    Field("date_to", "col.due_on", "date"),
    Field("snippet", "search.col.snippet"),
    Field("text", "col.title"),
    # the table's words
    Field("what_label", "search.col.what"),
    Field("where_label", "search.col.where"),
    Field("period_label", "search.col.period"),
)
SEARCH_DATA = [item for item in SEARCH_HIT if item.data]
