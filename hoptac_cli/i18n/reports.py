"""Messages for the reports area: key → (English, Vietnamese).

The ``sheet.*`` keys are the column headers of department files (``report template``): the
files are written with the Vietnamese headers, and ``report import`` accepts either language.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # table titles
    "title.reports": ("Reports", "Báo cáo định kỳ"),
    "title.report": ("Report {id} — {period}", "Báo cáo {id} — {period}"),
    "title.report_history": ("Revisions", "Các lần báo cáo"),
    "title.missing": ("No report for {period} (due {deadline})", "Chưa báo cáo {period} (hạn {deadline})"),
    "title.late": ("Reported after the deadline of {deadline}", "Báo cáo sau hạn {deadline}"),
    "title.import": ("Import", "Nhập báo cáo"),
    # column headers
    "col.report_period": ("Period", "Kỳ báo cáo"),
    "col.action_id": ("Action ID", "Mã nhiệm vụ"),
    "col.action_id_short": ("Act.", "Mã NV"),
    "col.action": ("Action", "Nhiệm vụ"),
    "col.agency": ("Agency", "Cơ quan"),
    "col.agency_id": ("Agency ID", "Mã cơ quan"),
    "col.agency_slug": ("Agency slug", "Tên ngắn cơ quan"),
    "col.formerly": ("Formerly", "Trước đây"),
    "col.submitted_on": ("Submitted", "Ngày gửi"),
    "col.revision": ("Revision", "Lần sửa"),
    "col.revision_short": ("Rev.", "Lần"),
    "col.current": ("Current", "Hiện hành"),
    "col.result": ("Result", "Kết quả"),
    "col.difficulty": ("Difficulties", "Khó khăn, vướng mắc"),
    "col.proposal": ("Proposals", "Đề xuất, kiến nghị"),
    "col.supersedes_id": ("Replaces", "Thay cho báo cáo"),
    "col.source": ("Source", "Nguồn"),
    "col.window": ("Data window", "Thời gian lấy số liệu"),
    "col.deadline": ("Deadline", "Hạn gửi báo cáo"),
    "col.late": ("Late", "Gửi chậm"),
    "col.past_deadline": ("Past deadline", "Đã quá hạn"),
    "col.report_id": ("Report", "Mã báo cáo"),
    "col.days_late": ("Days late", "Số ngày chậm"),
    "col.created_at": ("Recorded", "Thời điểm ghi"),
    "col.row": ("Row", "Dòng"),
    "col.outcome": ("Outcome", "Kết quả nhập"),
    # outcomes of importing one row
    "outcome.added": ("added", "đã thêm"),
    "outcome.amended": ("amended", "đã cập nhật"),
    "outcome.already": ("already imported", "đã nhập trước đó"),
    "outcome.would-add": ("would be added", "sẽ thêm"),
    "outcome.would-amend": ("would be amended", "sẽ cập nhật"),
    # department file columns whose titles say more than a table's header (what to type, the
    # unit or format); the other columns use the col.* headers (records.DEPARTMENT_ROW)
    "sheet.agency": ("Reporting agency", "Cơ quan báo cáo"),
    "sheet.action": ("Action", "Nội dung nhiệm vụ"),
    "sheet.progress": ("Progress (%)", "Tiến độ (%)"),
    "sheet.result": ("Result", "Kết quả thực hiện"),
    "sheet.submitted": ("Submitted (dd/mm/yyyy)", "Ngày gửi (dd/mm/yyyy)"),
    "sheet.title": ("Report", "Báo cáo"),
    # confirmations
    "msg.report_value": (" = {value} of {target} {unit}", " = {value}/{target} {unit}"),
    "msg.report_added": (
        "Added report {id}: action {action}, {period}, {agency}: {progress}%{amount}, {status}",
        "Đã thêm báo cáo {id}: nhiệm vụ {action}, kỳ {period}, {agency}: {progress}%{amount}, {status}",
    ),
    "msg.report_amended": (
        "Added report {id} (revision {revision}, replaces report {amends}): action {action}, {period}, {agency}: {progress}%{amount}, {status}",
        "Đã thêm báo cáo {id} (lần {revision}, thay cho báo cáo {amends}): nhiệm vụ {action}, kỳ {period}, {agency}: {progress}%{amount}, {status}",
    ),
    "msg.no_reports": ("No reports.", "Chưa có báo cáo nào."),
    "msg.none_missing": (
        "Every action active in {period} has been reported on.",
        "Mọi nhiệm vụ trong kỳ {period} đều đã có báo cáo.",
    ),
    "msg.missing_summary": (
        "{owed} owing a report: {reported} reported, {missing} missing; {late} filed after {deadline}.",
        "{owed} phải báo cáo: {reported} đã báo cáo, {missing} chưa báo cáo; {late} gửi sau {deadline}.",
    ),
    "msg.schedule_set": (
        "Agreement {slug}: reports {cadence}, due on day {day} of the period's last month.",
        "Chương trình {slug}: báo cáo {cadence}, hạn ngày {day} của tháng cuối kỳ.",
    ),
    "msg.template_written": (
        "Wrote {rows} to {path} ({period}{agency}).",
        "Đã ghi {rows} vào {path} ({period}{agency}).",
    ),
    "msg.import_done": (
        "Imported {file}: {added} added, {amended} amended, {already} already imported, {empty} left blank.",
        "Đã nhập {file}: thêm {added}, cập nhật {amended}, {already} đã nhập trước đó, {empty} để trống.",
    ),
    "msg.import_dry_run": (
        "Dry run, nothing written: {file} is valid ({added} to add, {amended} to amend, {already} already imported, {empty} left blank).",
        "Chạy thử, không ghi gì: {file} hợp lệ (sẽ thêm {added}, cập nhật {amended}, {already} đã nhập trước đó, {empty} để trống).",
    ),
    "msg.import_row_error": ("row {row}, column '{column}': {reason}", "dòng {row}, cột '{column}': {reason}"),
    # errors
    "err.report_unknown": (
        "no report with id {value}; see 'hoptac report list'",
        "không có báo cáo mã {value}; xem 'hoptac report list'",
    ),
    "err.report_cadence": (
        "{option} '{value}': this agreement reports {cadence}; give a period like {example}",
        "{option} '{value}': chương trình này báo cáo {cadence}; hãy ghi kỳ dạng {example}",
    ),
    "err.report_period_agreement": (
        "{option} '{value}' is outside the agreement's years {years}",
        "{option} '{value}' nằm ngoài giai đoạn {years} của chương trình",
    ),
    "err.report_period_ended": (
        "{option} '{value}' begins after the agreement ended on {ended}",
        "{option} '{value}' bắt đầu sau khi chương trình kết thúc ngày {ended}",
    ),
    "err.report_period_action": (
        "{option} '{value}' is outside the life of action {id} ({start} to {due})",
        "{option} '{value}' nằm ngoài thời gian thực hiện nhiệm vụ {id} ({start} đến {due})",
    ),
    "err.report_progress_or_value": (
        "give exactly one of {progress} (percent, 0-100) and {value} (achieved amount)",
        "hãy ghi đúng một trong {progress} (phần trăm, 0-100) và {value} (giá trị đạt được)",
    ),
    "err.report_value_no_indicator": (
        "{option}: action {id} has no indicator target; give {progress} in percent instead",
        "{option}: nhiệm vụ {id} không có chỉ tiêu; hãy ghi {progress} theo phần trăm",
    ),
    "err.report_value_negative": ("{option} '{value}' must be zero or more", "{option} '{value}' không được âm"),
    "err.report_progress_range": (
        "{option} '{value}' must be a percentage between 0 and 100",
        "{option} '{value}' phải là phần trăm từ 0 đến 100",
    ),
    "err.report_status_progress": (
        "{option} '{value}' ({status}) contradicts a progress of {progress}%",
        "{option} '{value}' ({status}) mâu thuẫn với tiến độ {progress}%",
    ),
    "err.report_agency": (
        "--agency '{value}' ({name}) is neither the lead nor a partner of action {id}; the lead is {lead}",
        "--agency '{value}' ({name}) không chủ trì cũng không phối hợp nhiệm vụ {id}; cơ quan chủ trì là {lead}",
    ),
    "err.report_submitted_future": (
        "{option} '{value}' is in the future; give the date the report was sent",
        "{option} '{value}' là ngày trong tương lai; hãy ghi ngày gửi báo cáo",
    ),
    "err.report_submitted_early": (
        "{option} '{value}' is before the data window of {period} opens on {opens}",
        "{option} '{value}' sớm hơn ngày bắt đầu lấy số liệu kỳ {period} ({opens})",
    ),
    "err.report_exists": (
        "report {id} already covers {period} for {agency}; add --amend to replace it (the earlier version is kept)",
        "báo cáo {id} đã có cho kỳ {period} của {agency}; thêm --amend để thay thế (bản trước vẫn được lưu)",
    ),
    "err.report_unchanged": (
        "--amend changes nothing: report {id} already says exactly this",
        "--amend không thay đổi gì: báo cáo {id} đã có đúng nội dung này",
    ),
    "err.agreement_nothing_to_update": (
        "nothing to change for agreement {slug}: give an option with a new value (--title, --slug, --period, --signed, "
        "--signatory, --note, --cadence, --deadline-day ...)",
        "không có gì thay đổi cho chương trình {slug}: hãy đưa một tùy chọn với giá trị mới (--title, --slug, --period, --signed, "
        "--signatory, --note, --cadence, --deadline-day ...)",
    ),
    "err.template_extension": (
        "-o '{value}': a department file must end in .xlsx or .csv",
        "-o '{value}': tệp gửi các sở phải có đuôi .xlsx hoặc .csv",
    ),
    "err.template_empty": (
        "no action owes a report for {period}{agency}; there is nothing to put in a template",
        "không có nhiệm vụ nào phải báo cáo kỳ {period}{agency}; không có gì để đưa vào mẫu",
    ),
    "err.import_missing": ("no file '{value}'", "không có tệp '{value}'"),
    "err.import_extension": (
        "'{value}' is neither .xlsx nor .csv; import a file made by 'hoptac report template'",
        "'{value}' không phải tệp .xlsx hay .csv; hãy nhập tệp tạo bằng 'hoptac report template'",
    ),
    "err.import_unreadable": ("cannot read '{value}': {reason}", "không đọc được '{value}': {reason}"),
    "err.import_encoding": (
        "'{value}' is not UTF-8 text; in Excel save it as 'CSV UTF-8 (Comma delimited)'",
        "'{value}' không phải văn bản UTF-8; trong Excel hãy lưu dạng 'CSV UTF-8 (Comma delimited)'",
    ),
    "err.import_columns": (
        "'{value}' lacks the column(s) {columns}; start from a file made by 'hoptac report template'",
        "'{value}' thiếu cột {columns}; hãy dùng tệp tạo bằng 'hoptac report template'",
    ),
    "err.import_refused": (
        "nothing imported from {file}: errors in {bad} of {rows}",
        "không nhập gì từ {file}: {bad} trên {rows} có lỗi",
    ),
    "err.import_action_id": ("'{value}' is not an action id (a whole number)", "'{value}' không phải mã nhiệm vụ (số nguyên)"),
    "err.import_duplicate_row": (
        "repeats row {first} (same action, agency and period)",
        "trùng với dòng {first} (cùng nhiệm vụ, cơ quan và kỳ)",
    ),
    "err.import_conflict": (
        "report {id} already covers this action, agency and period with other figures; import with --amend to replace it",
        "báo cáo {id} đã có cho nhiệm vụ, cơ quan và kỳ này với số liệu khác; nhập lại với --amend để thay thế",
    ),
    "err.import_required": ("empty; it is required", "đang để trống; cột này bắt buộc"),
}
