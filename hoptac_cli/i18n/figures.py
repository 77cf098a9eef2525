"""Messages for the figures: periods as of their end, the lead agency's report, indicators,
decisions and dates checked against their context. key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "word.note": ("Note", "Lưu ý"),
    "note.agreement_only": (
        "no agreement is active; using the only one, {slug} ({status} {date})",
        "không có chương trình nào đang thực hiện; dùng chương trình duy nhất, {slug} ({status} {date})",
    ),
    "note.agreement_latest": (
        "no agreement is active; using the most recently ended one, {slug} ({status} {date}); choose another with --agreement",
        "không có chương trình nào đang thực hiện; dùng chương trình kết thúc gần nhất, {slug} ({status} {date}); chọn chương trình khác bằng --agreement",
    ),
    # periods and reports
    "err.period_not_begun": (
        "{option} {value} has not begun; the current period is {current}",
        "{option} {value} chưa bắt đầu; kỳ hiện tại là {current}",
    ),
    "err.report_today_early": (
        "today ({today}) is before the data window of {period} opens on {opens}; give the submission date with {option}",
        "hôm nay ({today}) sớm hơn ngày bắt đầu lấy số liệu kỳ {period} ({opens}); hãy ghi ngày gửi bằng {option}",
    ),
    "err.report_decided": (
        "{option} {value}: action {id} was {status} on {date}; no report is due for a period after that",
        "{option} {value}: nhiệm vụ {id} đã {status} từ ngày {date}; không báo cáo cho kỳ sau đó",
    ),
    "err.report_carried": (
        "{option} {value}: action {id} was carried into {target} as action {copy} on {date}; report on action {copy}",
        "{option} {value}: nhiệm vụ {id} đã chuyển sang {target} thành nhiệm vụ {copy} từ ngày {date}; hãy báo cáo cho nhiệm vụ {copy}",
    ),
    "err.report_progress_kept_value": (
        "{option} {value}% does not match the achieved value {amount} {unit} kept from report {id} ({implied}%); "
        "for an indicator give {value_option} instead",
        "{option} {value}% không khớp với giá trị đạt được {amount} {unit} giữ từ báo cáo {id} ({implied}%); "
        "với nhiệm vụ có chỉ tiêu hãy ghi {value_option}",
    ),
    "col.changed": ("Changed", "Thay đổi"),
    "changed.progress": ("progress", "tiến độ"),
    "changed.value": ("achieved", "giá trị đạt được"),
    "changed.status": ("status", "tình trạng"),
    "changed.result": ("result", "kết quả"),
    "changed.difficulty": ("difficulties", "khó khăn, vướng mắc"),
    "changed.proposal": ("proposals", "đề xuất, kiến nghị"),
    # indicators
    "col.measure": ("Counted", "Cách tính"),
    "measure.cumulative": ("cumulative (achieved so far)", "lũy kế (đạt được đến nay)"),
    "measure.per-period": ("per period (summed over the periods)", "trong kỳ (cộng dồn các kỳ)"),
    # the department file's column telling how to fill in the achieved value (files are Vietnamese)
    "sheet.measure": ("Achieved value is", "Cách ghi giá trị đạt được"),
    "sheet.measure.cumulative": ("cumulative: the total achieved so far", "lũy kế: tổng đạt được đến nay"),
    "sheet.measure.per-period": ("per period: achieved in this period only", "trong kỳ: chỉ số đạt được trong kỳ này"),
    "err.measure_no_indicator": (
        "--measure applies to an indicator; give --unit and --target as well",
        "--measure chỉ dùng cho nhiệm vụ có chỉ tiêu; hãy ghi cả --unit và --target",
    ),
    "err.baseline_target": (
        "--baseline {baseline} equals the target {target}; progress is measured from the baseline to the target",
        "--baseline {baseline} bằng mục tiêu {target}; tiến độ được tính từ giá trị ban đầu đến mục tiêu",
    ),
    # dates in their context
    "err.date_years": (
        "{option}: '{value}' is outside the years 1900–2200; check the year",
        "{option}: '{value}' nằm ngoài các năm 1900–2200; hãy kiểm tra lại năm",
    ),
    "err.end_in_future": (
        "--on {value} is in the future (today is {today}); end an agreement once it has ended",
        "--on {value} là ngày trong tương lai (hôm nay là {today}); chỉ kết thúc chương trình khi đã kết thúc",
    ),
    "err.commend_before_review": (
        "--date {value} is before {review} was held ({held}); a commendation is decided at or after its review",
        "--date {value} sớm hơn ngày họp {review} ({held}); khen thưởng được quyết định tại hoặc sau hội nghị",
    ),
    "err.commend_merged": (
        "{option} '{value}' had merged into {successor} on {merged}, before the commendation's date {date}; "
        "name the agency that answered for it then: {current}",
        "{option} '{value}' đã sáp nhập vào {successor} từ ngày {merged}, trước ngày khen thưởng {date}; "
        "hãy ghi cơ quan tiếp nhận khi đó: {current}",
    ),
    "err.merge_other_party": (
        "{value} belongs to {party}, but {into} belongs to {into_party}; an agency merges within its province, "
        "or into one of the province that absorbed its own (record 'party merge' first)",
        "{value} thuộc {party}, còn {into} thuộc {into_party}; cơ quan chỉ sáp nhập trong cùng tỉnh, "
        "hoặc vào cơ quan của tỉnh đã tiếp nhận tỉnh mình (hãy ghi 'party merge' trước)",
    ),
}
