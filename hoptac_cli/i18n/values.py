"""Messages about values as typed and as shown: numbers, text cleaning, counts, field names.

Count nouns (``count.*``) hold the English singular and plural separated by ``|``; Vietnamese
nouns do not change with the number. ``i18n.count(key, n)`` picks the right form.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # numbers
    "err.number_dot": (
        "{option}: '{value}' is refused: a dot only groups thousands (1.200 is one thousand two hundred) "
        "and the decimal mark is a comma; for a decimal write {suggestion}",
        "{option}: không chấp nhận '{value}': dấu chấm chỉ dùng để phân cách hàng nghìn (1.200 là một nghìn hai trăm) "
        "và dấu thập phân là dấu phẩy; nếu là số thập phân, hãy viết {suggestion}",
    ),
    "err.number_commas": (
        "{option}: '{value}' is refused: thousands are grouped with dots and the decimal mark is a comma; write {suggestion}",
        "{option}: không chấp nhận '{value}': hàng nghìn phân cách bằng dấu chấm, dấu thập phân là dấu phẩy; hãy viết {suggestion}",
    ),
    "err.number_range": (
        "{option}: '{value}' is out of range; numbers up to 10^15 (1.000.000.000.000.000) either way are accepted",
        "{option}: '{value}' vượt giới hạn; chỉ chấp nhận số có độ lớn không quá 10^15 (1.000.000.000.000.000)",
    ),
    # integers typed as ids, years, days
    "err.int_range": (
        "{option}: {value} is too large; the largest number accepted here is 9223372036854775807",
        "{option}: {value} quá lớn; số lớn nhất được chấp nhận ở đây là 9223372036854775807",
    ),
    # arguments and text cleaned at the door
    "word.argument": ("argument", "tham số"),
    "err.arg_encoding": (
        "{where}: '{value}' holds bytes that are not UTF-8 text; hoptac reads arguments as UTF-8 (check the encoding of the terminal or script)",
        "{where}: '{value}' chứa byte không phải văn bản UTF-8; hoptac đọc tham số theo UTF-8 (hãy kiểm tra bảng mã của terminal hoặc script)",
    ),
    "err.arg_control": (
        "{where}: '{value}' holds the control character {char}, which cannot be stored; remove it (line breaks and tabs are kept)",
        "{where}: '{value}' chứa ký tự điều khiển {char}, không thể lưu; hãy xóa ký tự này (xuống dòng và tab được giữ lại)",
    ),
    "err.import_cell_too_long": (
        "cannot read {file}: row {row} holds a cell longer than {limit} characters; a department file holds report texts, not whole documents",
        "không đọc được {file}: dòng {row} có ô dài hơn {limit} ký tự; tệp báo cáo chỉ chứa nội dung báo cáo, không chứa cả văn bản",
    ),
    "err.import_csv": (
        "cannot read {file} as CSV (row {row}): {reason}",
        "không đọc được {file} dạng CSV (dòng {row}): {reason}",
    ),
    # counts
    "count.action": ("{n} action|{n} actions", "{n} nhiệm vụ"),
    "count.report": ("{n} report|{n} reports", "{n} báo cáo"),
    "count.row": ("{n} row|{n} rows", "{n} dòng"),
    "count.commendation": ("{n} commendation|{n} commendations", "{n} khen thưởng"),
    # fields as users know them (messages and history tables; JSON keeps the field codes)
    "field.title": ("title", "nội dung"),
    "field.status": ("status", "tình trạng"),
    "field.start_on": ("start date", "ngày bắt đầu"),
    "field.due_on": ("due date", "hạn hoàn thành"),
    "field.lead_agency_id": ("lead agency", "cơ quan chủ trì"),
    "field.partners": ("partner agencies", "cơ quan phối hợp"),
    "field.unit": ("unit of measure", "đơn vị tính"),
    "field.target": ("target", "mục tiêu"),
    "field.baseline": ("baseline", "giá trị ban đầu"),
    "field.plan_ref": ("plan", "kế hoạch"),
    "field.note": ("note", "ghi chú"),
    "field.host_party_id": ("host", "tỉnh đăng cai"),
    "field.held_on": ("date held", "ngày tổ chức"),
    "field.conclusion": ("conclusions", "kết luận"),
    "field.name": ("name", "tên"),
    "field.slug": ("short name", "tên ngắn"),
    "field.kind": ("kind", "loại"),
    "field.party_id": ("province", "tỉnh, thành phố"),
    "field.succeeded_on": ("merger date", "ngày sáp nhập"),
    "field.start_year": ("first year", "năm bắt đầu"),
    "field.end_year": ("last year", "năm kết thúc"),
    "field.ended_on": ("end date", "ngày kết thúc"),
    "field.end_review_id": ("closing review", "hội nghị tổng kết"),
    "field.signed_on": ("signing date", "ngày ký"),
    "field.signatories": ("signatories", "người ký"),
    "field.predecessor_note": ("earlier programmes", "chương trình trước"),
    "field.report_cadence": ("reporting cadence", "chu kỳ báo cáo"),
    "field.deadline_day": ("report deadline day", "ngày hạn gửi báo cáo"),
    "field.recipient": ("recipient", "đối tượng khen thưởng"),
    "field.recipient_kind": ("collective or individual", "tập thể hay cá nhân"),
    "field.form": ("form", "hình thức khen thưởng"),
    "field.decision": ("decision", "quyết định"),
    "field.decided_on": ("decision date", "ngày quyết định"),
    "field.reason": ("reason", "lý do"),
    "field.measure": ("how values are counted", "cách ghi giá trị đạt được"),
    "field.is_current": ("current version", "bản hiện hành"),
    "field.withdrawn_on": ("withdrawn on", "ngày rút"),
    "field.withdrawn_reason": ("reason for withdrawal", "lý do rút"),
    "field.progress": ("progress", "tiến độ"),
    "field.value": ("achieved", "giá trị đạt được"),
    "field.result": ("result", "kết quả"),
    "field.difficulty": ("difficulties", "khó khăn, vướng mắc"),
    "field.proposal": ("proposals", "đề xuất, kiến nghị"),
    "field.submitted_on": ("submission date", "ngày gửi"),
    "field.successor_id": ("merged into", "sáp nhập vào"),
    "field.value_text": ("value", "giá trị"),
}
