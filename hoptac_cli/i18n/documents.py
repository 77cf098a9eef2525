"""Messages for documents: settings of who issues them, the report, reminders, spreadsheets and
department files. Key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # settings -----------------------------------------------------------------------------
    "setting.governing_body": (
        "Governing body above the issuer, e.g. 'UBND thành phố Cần Thơ'",
        "Cơ quan chủ quản, vd. 'UBND thành phố Cần Thơ'",
    ),
    "setting.issuing_body": ("Issuing body, e.g. 'Sở Tài chính'", "Cơ quan ban hành, vd. 'Sở Tài chính'"),
    "setting.place": ("Place in the date line, e.g. 'Cần Thơ'", "Địa danh ghi ngày tháng, vd. 'Cần Thơ'"),
    "setting.number_pattern": (
        "Number and symbol of a report, e.g. '{number}/BC-STC'",
        "Số, ký hiệu báo cáo, vd. '{number}/BC-STC'",
    ),
    "setting.letter_number_pattern": (
        "Number and symbol of a letter (reminders), e.g. '{number}/STC-KTĐN'",
        "Số, ký hiệu công văn (đôn đốc), vd. '{number}/STC-KTĐN'",
    ),
    "setting.signer_authority": (
        "Authority line(s) above the signer's title, e.g. 'KT. GIÁM ĐỐC' (';' between lines)",
        "Quyền hạn ký, vd. 'KT. GIÁM ĐỐC' (nhiều dòng cách nhau bằng ';')",
    ),
    "setting.signer_title": ("Signer's title, e.g. 'Phó Giám đốc'", "Chức vụ người ký, vd. 'Phó Giám đốc'"),
    "setting.signer_name": ("Signer's full name", "Họ tên người ký"),
    "setting.recipients": (
        "Recipients ('Nơi nhận'), separated by ';'",
        "Nơi nhận, cách nhau bằng ';'",
    ),
    "setting.archive": ("What follows 'Lưu:' (kept by), e.g. 'VT, KTĐN'", "Phần sau 'Lưu:', vd. 'VT, KTĐN'"),
    "source.database": ("database", "cơ sở dữ liệu"),
    "source.agreement": ("agreement", "chương trình"),
    "source.default": ("default", "mặc định"),
    "source.unset": ("not set", "chưa đặt"),
    "col.setting": ("Key", "Khóa"),
    "col.setting_value": ("Value", "Giá trị"),
    "col.setting_source": ("Set for", "Đặt cho"),
    "col.setting_description": ("Meaning", "Ý nghĩa"),
    "title.settings": ("Document settings", "Thiết lập văn bản"),
    "title.settings_agreement": ("Document settings for {slug}", "Thiết lập văn bản của {slug}"),
    "msg.setting_set": ("{name} set to '{value}'{scope}", "Đã đặt {name} = '{value}'{scope}"),
    "msg.setting_unset": ("{name} removed{scope}", "Đã bỏ {name}{scope}"),
    "msg.setting_scope": (" for agreement {slug}", " cho chương trình {slug}"),
    "msg.setting_not_set": ("{name} is not set", "{name} chưa được đặt"),
    "err.setting_key": (
        "'{value}' is not a setting{hint}; choose one of: {accepted}",
        "'{value}' không phải khóa thiết lập{hint}; chọn một trong: {accepted}",
    ),
    "err.setting_key_hint": (" (did you mean {hint}?)", " (có phải {hint}?)"),
    "err.setting_empty": (
        "{option} is empty; to remove a setting use 'hoptac settings KEY --unset'",
        "{option} đang để trống; muốn bỏ thiết lập hãy dùng 'hoptac settings KHÓA --unset'",
    ),
    "err.setting_long": ("{option}: '{value}…' is longer than 200 characters", "{option}: '{value}…' dài quá 200 ký tự"),
    "err.setting_pattern": (
        "{option} '{value}' must hold {{number}} once, where the number goes, e.g. '{example}'",
        "{option} '{value}' phải có đúng một {{number}} ở chỗ ghi số, vd. '{example}'",
    ),
    "err.setting_authority": (
        "{option} '{value}' must begin with one of {accepted} followed by the office, e.g. 'KT. GIÁM ĐỐC'",
        "{option} '{value}' phải bắt đầu bằng một trong {accepted} và tiếp theo là chức danh, vd. 'KT. GIÁM ĐỐC'",
    ),
    "err.setting_not_set": ("{name} is not set here; nothing to remove", "{name} chưa được đặt ở đây; không có gì để bỏ"),
    "err.setting_unset_value": (
        "--unset takes a KEY and no VALUE",
        "--unset chỉ đi với KHÓA, không kèm GIÁ TRỊ",
    ),
    "err.setting_unset_key": ("--unset needs the KEY to remove", "--unset cần KHÓA cần bỏ"),
    "msg.agreement_setting": ("{slug}: {name} set to '{value}'", "{slug}: đã đặt {name} = '{value}'"),
    "msg.agreement_setting_cleared": (
        "{slug}: {name} now follows the database setting",
        "{slug}: {name} nay theo thiết lập chung",
    ),
    "warn.settings_missing": (
        "not set, shown as '…' in the document: {keys} (see 'hoptac settings')",
        "chưa đặt, văn bản ghi '…': {keys} (xem 'hoptac settings')",
    ),
    # files ----------------------------------------------------------------------------------
    "err.file_exists": (
        "'{value}' already exists; add --force to replace it",
        "'{value}' đã có; thêm --force để ghi đè",
    ),
    "err.document_number": (
        "--number '{value}' must be a short number without '/', e.g. 15 (the symbol comes from the number pattern)",
        "--number '{value}' phải là số ngắn không có '/', vd. 15 (ký hiệu lấy từ mẫu số, ký hiệu)",
    ),
    # spreadsheets ---------------------------------------------------------------------------
    "xlsx.yes": ("yes", "Có"),
    "xlsx.no": ("no", "Không"),
    "xlsx.chart_progress": ("Progress by sector — {agreement}, {period}", "Tiến độ theo lĩnh vực — {agreement}, {period}"),
    "err.format_contradiction": (
        "-o '{value}' is a .{suffix} file but --format says {fmt}; make them agree",
        "-o '{value}' là tệp .{suffix} nhưng --format là {fmt}; hãy cho khớp nhau",
    ),
    "err.delimiter_not_csv": (
        "--delimiter applies to CSV files only, not {fmt}",
        "--delimiter chỉ dùng cho tệp CSV, không dùng cho {fmt}",
    ),
    # department files ------------------------------------------------------------------------
    "sheet.previous_progress": ("Progress last period (%)", "Tiến độ kỳ trước (%)"),
    "sheet.previous_value": ("Achieved by last period", "Giá trị đạt kỳ trước"),
    "title.import_folder": ("Import of {folder}", "Nhập báo cáo từ {folder}"),
    "col.file": ("File", "Tệp"),
    "col.added": ("Added", "Thêm"),
    "col.amended": ("Amended", "Cập nhật"),
    "col.already": ("Already imported", "Đã nhập trước đó"),
    "col.errors": ("Rows with errors", "Dòng lỗi"),
    "msg.import_more_problems": ("… and {count} more", "… và {count} lỗi khác"),
    "msg.import_folder_done": (
        "{files} files: {refused} refused (nothing imported from them); {added} reports added, {amended} amended, {already} already imported.",
        "{files} tệp: {refused} tệp bị từ chối (không nhập gì từ các tệp này); thêm {added}, cập nhật {amended}, {already} báo cáo đã nhập trước đó.",
    ),
    "msg.import_folder_dry_run": (
        "Dry run, nothing written: {files} files, {refused} would be refused; {added} to add, {amended} to amend, {already} already imported.",
        "Chạy thử, không ghi gì: {files} tệp, {refused} tệp sẽ bị từ chối; sẽ thêm {added}, cập nhật {amended}, {already} đã nhập trước đó.",
    ),
    "err.import_folder_empty": (
        "no .xlsx or .csv file in the folder '{value}'",
        "thư mục '{value}' không có tệp .xlsx hay .csv nào",
    ),
    # reminders --------------------------------------------------------------------------------
    "title.remind": ("Reminder letters for {period}", "Công văn đôn đốc kỳ {period}"),
    "title.remind_sheet": ("Reminders", "Đôn đốc báo cáo"),
    "col.letter": ("Letter", "Công văn"),
    "msg.remind_written": (
        "Wrote {letters} reminder letters ({actions} actions) and the list {sheet}",
        "Đã ghi {letters} công văn đôn đốc ({actions} nhiệm vụ) và danh sách {sheet}",
    ),
    "msg.remind_nobody": (
        "No agency owes a report for {period}: no letter written.",
        "Không cơ quan nào còn nợ báo cáo kỳ {period}: không ghi công văn nào.",
    ),
    "err.remind_folder": (
        "-o '{value}' must be a folder (made if missing, inside an existing folder)",
        "-o '{value}' phải là thư mục (được tạo nếu chưa có, trong một thư mục đã có)",
    ),
    "err.remind_by_past": (
        "--by {value} is before the letter's date {date}",
        "--by {value} sớm hơn ngày của công văn {date}",
    ),
}
