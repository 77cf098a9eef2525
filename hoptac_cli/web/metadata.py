"""Datasette metadata for the web view: everything a visitor reads, in Vietnamese.

Datasette's own buttons and menus stay in English (Datasette has no translations); every title,
description, column header and value that hoptac provides is Vietnamese.
"""

from __future__ import annotations

from typing import Any

from hoptac_cli.i18n import t_in

DATABASE = "hoptac"
DASHBOARD = "tong-quan"
#: the actor that may run the dashboard's own queries while SQL is off (see ``plugin``)
DASHBOARD_ACTOR = "hoptac-dashboard"
#: the dashboard's filter: one agreement's charts
FILTER = "chuong_trinh"

#: table → (title, description, label column, facets)
TABLES: dict[str, tuple[str, str, str | None, list[str]]] = {
    "agreements": ("Chương trình hợp tác", "Các chương trình, thỏa thuận hợp tác đã ký.", "title", ["status"]),
    "parties": (
        "Tỉnh, thành phố",
        "Các địa phương tham gia; sau sắp xếp năm 2025, cột successor_id chỉ địa phương kế thừa.",
        "name",
        ["kind"],
    ),
    "agreement_parties": ("Các bên ký kết", "Địa phương ký kết từng chương trình và người ký.", None, ["agreement_id"]),
    "sectors": ("Lĩnh vực", "Các lĩnh vực hợp tác của từng chương trình.", "name", ["agreement_id"]),
    "agencies": ("Cơ quan, đơn vị", "Sở, ban, ngành chủ trì hoặc phối hợp thực hiện nhiệm vụ.", "name", ["party_id"]),
    "actions": (
        "Nhiệm vụ (dữ liệu gốc)",
        'Nhiệm vụ như đã nhập. Tình trạng, tiến độ đã tính: xem "Nhiệm vụ và báo cáo gần nhất".',
        "title",
        ["sector_id", "status", "lead_agency_id"],
    ),
    "action_partners": ("Cơ quan phối hợp", "Cơ quan phối hợp của từng nhiệm vụ.", None, ["agency_id"]),
    "action_events": (
        "Lịch sử thay đổi nhiệm vụ",
        "Mọi thay đổi của nhiệm vụ, kể cả do hội nghị quyết định.",
        None,
        ["kind", "field"],
    ),
    "reports": (
        "Báo cáo định kỳ (mọi phiên bản)",
        "Mỗi báo cáo của một cơ quan về một nhiệm vụ trong một kỳ; is_current = 1 là phiên bản hiện hành.",
        None,
        ["period", "agency_id", "status", "is_current"],
    ),
    "reviews": ("Hội nghị sơ kết, tổng kết", "Hội nghị hằng năm và kết luận.", None, ["agreement_id", "year", "kind"]),
    "commendations": (
        "Khen thưởng",
        "Khen thưởng tập thể, cá nhân tại các hội nghị.",
        "recipient",
        ["recipient_kind", "form", "party_id"],
    ),
}
#: public view → (title, description, facets, column descriptions)
VIEWS: dict[str, tuple[str, str, list[str], dict[str, str]]] = {
    "tien_do_theo_linh_vuc": (
        "Tiến độ theo lĩnh vực",
        "Số nhiệm vụ theo tình trạng, quá hạn, tiến độ bình quân và báo cáo đã nhận/phải nộp của từng lĩnh vực, "
        "như lệnh `hoptac status` (kỳ báo cáo gần nhất đã hết hạn gửi).",
        ["Chương trình"],
        {
            "Tiến độ (%)": "Bình quân tiến độ các nhiệm vụ không bị hủy bỏ; nhiệm vụ đã hoàn thành tính 100%.",
            "Quá hạn": "Nhiệm vụ đã qua hạn hoàn thành mà chưa hoàn thành, chưa hủy bỏ.",
            "Báo cáo phải nộp": "Nhiệm vụ phải báo cáo trong kỳ (đã bắt đầu, chưa hoàn thành, không tạm dừng hay hủy bỏ trước kỳ).",
        },
    ),
    "nhiem_vu": (
        "Nhiệm vụ và báo cáo gần nhất",
        "Mỗi nhiệm vụ với tình trạng, tiến độ tính đến hôm nay và nội dung báo cáo gần nhất (như `hoptac action list`).",
        ["Lĩnh vực", "Tình trạng", "Cơ quan chủ trì", "Kỳ báo cáo gần nhất", "Quá hạn"],
        {"Nay là": "Cơ quan hiện nay đảm nhận sau sắp xếp, hợp nhất."},
    ),
    "nhiem_vu_qua_han": (
        "Nhiệm vụ quá hạn",
        "Nhiệm vụ đã qua hạn hoàn thành mà chưa hoàn thành (như `hoptac action list --overdue`).",
        ["Lĩnh vực", "Cơ quan chủ trì", "Nay là", "Tình trạng"],
        {"Nay là": "Cơ quan hiện nay đảm nhận sau sắp xếp, hợp nhất."},
    ),
    "chua_bao_cao_ky_nay": (
        "Chưa báo cáo kỳ này",
        "Nhiệm vụ chưa có báo cáo trong kỳ báo cáo gần nhất đã hết hạn gửi, theo cơ quan phải báo cáo "
        "(như `hoptac report missing`).",
        ["Cơ quan phải báo cáo", "Lĩnh vực", "Chương trình"],
        {},
    ),
    "chua_bao_cao": (
        "Chưa báo cáo, theo kỳ",
        "Nhiệm vụ chưa có báo cáo trong từng kỳ, từ đầu chương trình đến kỳ đang diễn ra.",
        ["Kỳ báo cáo", "Cơ quan phải báo cáo", "Lĩnh vực", "Chương trình"],
        {},
    ),
    "bao_cao_theo_ky": (
        "Báo cáo đã nhận theo kỳ",
        "Số nhiệm vụ phải báo cáo và đã có báo cáo trong từng kỳ.",
        ["Chương trình"],
        {},
    ),
}
#: tables and views a visitor has no use for
HIDDEN_PREFIXES = ("web_", "search_rows", "_sqlite_")


def words() -> dict[str, str]:
    """The Vietnamese words the views print (status names capitalised, yes/no, total)."""
    from hoptac_cli.storage.web import STATUSES

    def capital(text: str) -> str:
        return text[:1].upper() + text[1:]

    found = {f"status.{code}": capital(t_in("vi", f"status.{code}")) for code in STATUSES}
    found.update(yes=capital(t_in("vi", "word.yes")), no=capital(t_in("vi", "word.no")), total=t_in("vi", "word.total"))
    return found


def _dashboard(first_agreement: str | None) -> dict[str, Any]:
    only = f'[[ AND "Chương trình" = :{FILTER} ]]'
    return {
        "title": t_in("vi", "web.dashboard"),
        "description": t_in("vi", "web.dashboard.description"),
        "layout": [["tien-do", "bao-cao"], ["qua-han", "qua-han"]],
        "filters": {
            FILTER: {
                "name": "Chương trình",
                "type": "select",
                "db": DATABASE,
                "query": 'SELECT DISTINCT "Chương trình" FROM tien_do_theo_linh_vuc ORDER BY 1',
                **({"default": first_agreement} if first_agreement else {}),
            }
        },
        "charts": {
            "tien-do": {
                "title": t_in("vi", "web.chart.progress"),
                "db": DATABASE,
                "query": (
                    'SELECT "STT" AS stt, "Lĩnh vực" AS linh_vuc, coalesce("Tiến độ (%)", 0) AS tien_do, '
                    '"Số nhiệm vụ" AS so_nhiem_vu, "Quá hạn" AS qua_han, "Chương trình" AS chuong_trinh '
                    f'FROM tien_do_theo_linh_vuc WHERE "STT" IS NOT NULL {only} ORDER BY "Chương trình", "STT"'
                ),
                "library": "vega-lite",
                "display": {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "y": {
                            "field": "linh_vuc",
                            "type": "nominal",
                            "title": None,
                            "sort": {"field": "stt"},
                            "axis": {"labelLimit": 320},
                        },
                        "x": {"field": "tien_do", "type": "quantitative", "title": "Tiến độ (%)", "scale": {"domain": [0, 100]}},
                        "color": {
                            "field": "qua_han",
                            "type": "quantitative",
                            "title": "Quá hạn",
                            "scale": {"scheme": "orangered"},
                        },
                        "tooltip": [
                            {"field": "linh_vuc", "title": "Lĩnh vực"},
                            {"field": "tien_do", "title": "Tiến độ (%)"},
                            {"field": "so_nhiem_vu", "title": "Số nhiệm vụ"},
                            {"field": "qua_han", "title": "Quá hạn"},
                        ],
                    },
                },
            },
            "bao-cao": {
                "title": t_in("vi", "web.chart.reports"),
                "db": DATABASE,
                "query": (
                    'SELECT "Mã kỳ" AS ky, "Kỳ báo cáo" AS ten_ky, \'Phải nộp\' AS loai, "Phải nộp" AS so '
                    f"FROM bao_cao_theo_ky WHERE 1 {only} "
                    'UNION ALL SELECT "Mã kỳ", "Kỳ báo cáo", \'Đã nhận\', "Đã nhận" '
                    f"FROM bao_cao_theo_ky WHERE 1 {only} ORDER BY 1, 3 DESC"
                ),
                "library": "vega-lite",
                "display": {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "x": {"field": "ky", "type": "ordinal", "title": "Kỳ báo cáo", "axis": {"labelAngle": -45}},
                        "xOffset": {"field": "loai", "sort": ["Phải nộp", "Đã nhận"]},
                        "y": {"field": "so", "type": "quantitative", "title": "Số báo cáo"},
                        "color": {
                            "field": "loai",
                            "type": "nominal",
                            "title": "",
                            "sort": ["Phải nộp", "Đã nhận"],
                            "scale": {"range": ["#bab0ac", "#4c78a8"]},
                        },
                        "tooltip": [
                            {"field": "ten_ky", "title": "Kỳ báo cáo"},
                            {"field": "loai", "title": "Loại"},
                            {"field": "so", "title": "Số báo cáo"},
                        ],
                    },
                },
            },
            "qua-han": {
                "title": t_in("vi", "web.chart.overdue"),
                "db": DATABASE,
                "query": (
                    'SELECT "Mã", "Nhiệm vụ", "Lĩnh vực", "Cơ quan chủ trì", "Hạn hoàn thành", "Số ngày quá hạn", '
                    f'"Tiến độ (%)" FROM nhiem_vu_qua_han WHERE 1 {only}'
                ),
                "library": "table",
                "display": {},
            },
        },
    }


def _links() -> str:
    """The home page's list of what to look at, in Vietnamese (Datasette lists raw table names)."""
    import html
    import re

    def marked(text: str) -> str:
        return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))

    items = [(f"/-/dashboards/{DASHBOARD}", t_in("vi", "web.dashboard"), t_in("vi", "web.dashboard.description"))]
    items += [(f"/{DATABASE}/{name}", title, description) for name, (title, description, _, _) in VIEWS.items()]
    items.append((f"/{DATABASE}/tim_kiem", t_in("vi", "web.search"), t_in("vi", "web.search.description")))
    rows = "".join(
        f'<li><a href="{href}"><strong>{html.escape(title)}</strong></a>: {marked(text)}</li>' for href, title, text in items
    )
    return f"<p>{marked(t_in('vi', 'web.description'))}</p><ul>{rows}</ul>"


def build(agreements: list[dict[str, Any]], names: list[str], *, sql: bool) -> dict[str, Any]:
    """The metadata for a database holding ``agreements`` (title, status) and the tables and
    views ``names``; SQL editing only when ``sql``."""
    from hoptac_cli.storage.search import SOURCES
    from hoptac_cli.storage.web import search_sql

    active = [row for row in agreements if row["status"] == "active"]
    if len(active) == 1:
        title = active[0]["title"]
    else:
        title = t_in("vi", "web.none")
    tables: dict[str, Any] = {}
    for name, (table_title, description, label, facets) in TABLES.items():
        tables[name] = {"title": table_title, "description": description, "facets": facets}
        if label:
            tables[name]["label_column"] = label
    for name in names:
        if hidden(name):
            # Datasette lists views even when hidden: the internal ones are closed to visitors
            # (the public views still read them; SQL is not checked table by table).
            tables[name] = {"hidden": True, **({"allow": False} if name.startswith("web_") and name != "web_settings" else {})}
    for name, (view_title, description, facets, columns) in VIEWS.items():
        tables[name] = {"title": view_title, "description": description, "facets": facets}
        if columns:
            tables[name]["columns"] = columns
    fields = {
        f"{kind}.{field}": t_in("vi", f"search.field.{kind}.{field}")
        for kind, columns, _, _ in SOURCES.values()
        for field in columns
    }
    reviews = {code: t_in("vi", f"review_kind.{code}") for code in ("so-ket", "tong-ket")}
    database: dict[str, Any] = {
        "title": t_in("vi", "web.database"),
        "description_html": _links(),
        "tables": tables,
        "queries": {
            "tim_kiem": {
                "title": t_in("vi", "web.search"),
                "description": t_in("vi", "web.search.description"),
                "sql": search_sql(fields, reviews),
                "hide_sql": True,
            }
        },
    }
    if not sql:
        database["allow_sql"] = {"id": DASHBOARD_ACTOR}
    return {
        "title": title,
        "description_html": _links(),
        "databases": {DATABASE: database},
        "plugins": {"datasette-dashboards": {DASHBOARD: _dashboard(active[0]["title"] if active else None)}},
    }


def hidden(name: str) -> bool:
    return name.startswith(HIDDEN_PREFIXES)
