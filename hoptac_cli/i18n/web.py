"""Messages of ``hoptac search`` and ``hoptac serve`` (the web view): key → (English, Vietnamese).

The web pages are written in Vietnamese (``t_in("vi", ...)``) whatever the interface speaks; the
English texts keep the catalogue complete and serve whoever reads the code.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # search ----------------------------------------------------------------------------------
    "search.field.action.title": ("Action", "Nhiệm vụ"),
    "search.field.action.note": ("Action note", "Ghi chú nhiệm vụ"),
    "search.field.action.plan_ref": ("Plan reference", "Văn bản kế hoạch"),
    "search.field.report.result": ("Report: result", "Báo cáo: kết quả"),
    "search.field.report.difficulty": ("Report: difficulties", "Báo cáo: khó khăn, vướng mắc"),
    "search.field.report.proposal": ("Report: proposals", "Báo cáo: đề xuất, kiến nghị"),
    "search.field.review.conclusion": ("Review conclusion", "Kết luận hội nghị"),
    "search.field.commendation.reason": ("Commendation reason", "Lý do khen thưởng"),
    "search.col.rank": ("#", "#"),
    "search.col.what": ("Found in", "Tìm thấy trong"),
    "search.col.where": ("Of", "Thuộc"),
    "search.col.period": ("Period", "Kỳ, thời gian"),
    "search.col.snippet": ("Text", "Trích đoạn"),
    "search.nothing": ("Nothing matches '{query}'.", "Không tìm thấy nội dung nào khớp với '{query}'."),
    "search.count": ("{count} found for '{query}'.", "Tìm thấy {count} kết quả cho '{query}'."),
    "err.search_empty": (
        "'{value}' has no letter or digit to search for; type the words to find, e.g. hoptac search \"cầu Cái Tư\".",
        "'{value}' không có chữ hoặc số nào để tìm; hãy gõ các từ cần tìm, ví dụ: hoptac search \"cầu Cái Tư\".",
    ),
    "err.search_limit": (
        "--limit {value}: give a whole number of results, 1 or more.",
        "--limit {value}: hãy cho số kết quả là số nguyên từ 1 trở lên.",
    ),
    # serve -----------------------------------------------------------------------------------
    "serve.missing_extra": (
        "the web view needs the optional part 'web': pip install 'hoptac[web]' (missing: {module}).",
        "trang web cần phần cài thêm 'web': pip install 'hoptac[web]' (thiếu: {module}).",
    ),
    "serve.port": ("--port {value}: give a port number between 1 and 65535.", "--port {value}: hãy cho số cổng từ 1 đến 65535."),
    "serve.port_busy": (
        "port {port} on {host} is already in use; choose another with --port, e.g. --port {suggestion}.",
        "cổng {port} trên {host} đang được dùng; hãy chọn cổng khác bằng --port, ví dụ --port {suggestion}.",
    ),
    "serve.host_unknown": (
        "--host {value}: this computer has no such address; use 127.0.0.1 (this computer only) or one of its network addresses.",
        "--host {value}: máy này không có địa chỉ đó; hãy dùng 127.0.0.1 (chỉ máy này) hoặc một địa chỉ mạng của máy.",
    ),
    "serve.started": (
        "Web view of {path} (read-only) at {url} — press Ctrl+C to stop.",
        "Trang web xem {path} (chỉ đọc) tại {url} — nhấn Ctrl+C để dừng.",
    ),
    "serve.shared": (
        "listening on {host}: anyone who can reach this computer on the network can read every figure and report. See README, 'Sharing on an office network'.",
        "đang mở trên {host}: ai truy cập được máy này qua mạng đều đọc được mọi số liệu và báo cáo. Xem README, mục chia sẻ trong mạng cơ quan.",
    ),
    "serve.sql_on": (
        "--sql: visitors may run their own read-only SQL queries.",
        "--sql: người xem được chạy câu truy vấn SQL của mình (chỉ đọc).",
    ),
    # the web pages (always Vietnamese) -------------------------------------------------------
    "web.description": (
        "Read-only view of the programme's register, reports and progress, kept by hoptac. Figures are those of `hoptac status` and `hoptac report missing`.",
        "Trang chỉ đọc: danh mục nhiệm vụ, báo cáo định kỳ và tiến độ thực hiện chương trình hợp tác, do hoptac quản lý. Số liệu tính như lệnh `hoptac status` và `hoptac report missing`.",
    ),
    "web.database": ("Cooperation programme data", "Dữ liệu chương trình hợp tác"),
    "web.none": ("Cooperation programmes (hoptac)", "Chương trình hợp tác liên tỉnh (hoptac)"),
    "web.dashboard": ("Overview", "Tổng quan"),
    "web.dashboard.description": (
        "Progress by sector, reports received against reports expected in each period, and the overdue actions.",
        "Tiến độ theo lĩnh vực, số báo cáo đã nhận so với số phải nộp từng kỳ, và các nhiệm vụ quá hạn.",
    ),
    "web.chart.progress": ("Progress by sector (%)", "Tiến độ theo lĩnh vực (%)"),
    "web.chart.reports": ("Reports received and expected, by period", "Báo cáo đã nhận và phải nộp theo kỳ"),
    "web.chart.overdue": ("Overdue actions", "Nhiệm vụ quá hạn"),
    "web.search": ("Search", "Tìm kiếm"),
    "web.search.description": (
        "Search action titles, notes and plans, report results, difficulties and proposals, review conclusions and commendation reasons. Type with or without marks: 'duong tinh' finds 'Đường tỉnh'.",
        "Tìm trong tên, ghi chú, văn bản kế hoạch của nhiệm vụ; kết quả, khó khăn, đề xuất trong báo cáo; kết luận hội nghị và lý do khen thưởng. Gõ có dấu hay không dấu đều được: 'duong tinh' tìm ra 'Đường tỉnh'.",
    ),
}
