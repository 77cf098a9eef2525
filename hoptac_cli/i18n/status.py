"""Messages for the status area (status, exports, the consolidated report): key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "err.export_format": (
        "--format '{value}' is not an export format; choose one of: {accepted}",
        "--format '{value}' không phải định dạng xuất; chọn một trong: {accepted}",
    ),
    "err.export_extension": (
        "-o '{value}': cannot tell the format from the extension; use {accepted} or give --format",
        "-o '{value}': không xác định được định dạng từ phần mở rộng; dùng {accepted} hoặc chỉ rõ --format",
    ),
    "err.output_path": (
        "-o '{value}' cannot be written: the folder must exist and be writable, and the path must not be a folder",
        "-o '{value}' không ghi được: thư mục phải tồn tại và cho phép ghi, và đường dẫn không được là thư mục",
    ),
    "err.output_write": ("cannot write '{value}': {reason}", "không ghi được '{value}': {reason}"),
}
MESSAGES.update(
    {
        "word.total": ("Total", "Tổng cộng"),
        "stat.no_actions": ("⚠ no actions", "⚠ chưa có nhiệm vụ"),
        "stat.no_actions_sector": ("⚠ This sector has no actions yet.", "⚠ Lĩnh vực này chưa có nhiệm vụ nào."),
        "stat.overdue_mark": ("⚠ overdue", "⚠ quá hạn"),
        "stat.caption_today": (
            "As of {date}. Reports: received/expected for {period} (deadline {deadline}).",
            "Tính đến {date}. Báo cáo: đã nhận/phải nộp kỳ {period} (hạn {deadline}).",
        ),
        "stat.caption_period": (
            "As of the end of {period} ({date}): only reports up to it count. Reports: received/expected for the period.",
            "Tính đến hết kỳ {period} ({date}): chỉ tính báo cáo đến kỳ này. Báo cáo: đã nhận/phải nộp trong kỳ.",
        ),
        "stat.detail_header": (
            "{sector} — {agreement}: {actions}, {overdue} overdue, progress {progress}, reports {received}/{expected}",
            "{sector} — {agreement}: {actions}, {overdue} quá hạn, tiến độ {progress}, báo cáo {received}/{expected}",
        ),
        # column headers only status and exports have (the others are core's col.*)
        "col.as_of": ("As of", "Tính đến ngày"),
        "col.not_started": ("Not started", "Chưa thực hiện"),
        "col.in_progress": ("In progress", "Đang thực hiện"),
        "col.done": ("Done", "Đã hoàn thành"),
        "col.behind": ("Behind schedule", "Chậm tiến độ"),
        "col.paused": ("Paused", "Tạm dừng"),
        "col.cancelled": ("Cancelled", "Hủy bỏ"),
        "col.by_status": ("By status", "Theo tình trạng"),
        "col.reports": ("Reports", "Báo cáo"),
        "col.reports_received": ("Reports received", "Báo cáo đã nhận"),
        "col.reports_expected": ("Reports expected", "Báo cáo phải nộp"),
        "col.lead_partners": ("Lead + partners", "Chủ trì + phối hợp"),
        "col.due_status": ("Due, status", "Hạn, tình trạng"),
        "col.latest_difficulty": ("Latest difficulty", "Khó khăn gần nhất"),
        "col.latest_report": ("Latest report", "Báo cáo gần nhất"),
        "col.expected": ("Report expected", "Phải báo cáo"),
        "col.reported": ("Reported", "Đã báo cáo"),
    }
)
MESSAGES.update(
    {
        "err.xlsx_terminal": (
            "an XLSX file cannot be shown on a terminal; give -o FILE.xlsx or redirect stdout",
            "không thể hiện tệp XLSX trên màn hình; hãy dùng -o TỆP.xlsx hoặc chuyển hướng stdout",
        ),
        "msg.exported": ("Exported {count} to {path}", "Đã xuất {count} ra {path}"),
        "export.sheet.summary": ("Summary", "Tổng hợp"),
        "export.sheet.actions": ("Actions", "Nhiệm vụ"),
        "export.sheet.reports": ("Reports", "Báo cáo"),
        "col.status_code": ("Status code", "Mã tình trạng"),
        "col.period_start": ("Period start", "Từ ngày"),
        "col.period_end": ("Period end", "Đến ngày"),
    }
)
MESSAGES.update(
    {
        "err.summary_extension": (
            "-o '{value}': the report is written as {accepted}; choose one of these extensions",
            "-o '{value}': báo cáo được ghi dạng {accepted}; hãy chọn một trong các phần mở rộng này",
        ),
        "msg.summary_written": ("Report written: {path}", "Đã ghi báo cáo: {path}"),
        "stat.parties": ("Parties: {parties}", "Các bên: {parties}"),
    }
)
