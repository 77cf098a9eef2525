"""Messages for the reviews area (reviews, commendations, the agreement lifecycle, mergers):
key → (English, Vietnamese)."""

#: the usual forms of commendation after a review, named as the decisions name them in either
#: language; any other text is accepted as typed. Here rather than in ``domain.reviews`` so that
#: ``commend add --help`` can offer them without loading the domain layer.
FORMS = (
    "Cờ thi đua của UBND tỉnh",
    "Bằng khen của Chủ tịch UBND tỉnh",
    "Bằng khen của Chủ tịch UBND thành phố",
    "Giấy khen của Giám đốc Sở",
    "Giấy khen của Chủ tịch UBND huyện",
    "Giấy khen của Chủ tịch UBND xã",
)

MESSAGES: dict[str, tuple[str, str]] = {
    "err.form_ambiguous": (
        "--form '{value}' could be several usual forms: {candidates}; write more of it",
        "--form '{value}' có thể là nhiều hình thức: {candidates}; hãy ghi rõ hơn",
    ),
    "kind.recipient": ("recipient", "đối tượng được khen thưởng"),
    "review_kind.so-ket": ("interim review", "sơ kết"),
    "review_kind.tong-ket": ("final review", "tổng kết"),
    "recipient_kind.collective": ("collective", "tập thể"),
    "recipient_kind.individual": ("individual", "cá nhân"),
    "event.adjusted": ("adjusted", "điều chỉnh"),
    "event.cancelled": ("cancelled", "hủy bỏ"),
    "event.paused": ("paused", "tạm dừng"),
    "event.resumed": ("resumed", "tiếp tục thực hiện"),
    "event.carried-to": ("carried over to", "chuyển sang chương trình sau"),
    "event.carried-from": ("carried over from", "chuyển tiếp từ chương trình trước"),
    "label.review": ("{kind} {year} (#{id})", "{kind} {year} (#{id})"),
    "label.formerly": ("{name} (formerly: {formerly})", "{name} (trước đây: {formerly})"),
    # titles and column headers
    "title.reviews": ("Reviews", "Hội nghị sơ kết, tổng kết"),
    "title.review_changes": ("Decisions on actions", "Điều chỉnh, bổ sung nhiệm vụ"),
    "title.commendations": ("Commendations", "Khen thưởng"),
    "title.agreements_ended": ("Agreements closed", "Chương trình được tổng kết"),
    "col.review_year": ("Year", "Năm"),
    "col.review_kind": ("Kind", "Loại hội nghị"),
    "col.host": ("Host", "Tỉnh đăng cai"),
    "col.held_on": ("Held", "Ngày tổ chức"),
    "col.conclusion": ("Conclusion", "Kết luận"),
    "col.review_changes": ("Changes", "Thay đổi"),
    "col.commendations": ("Commendations", "Khen thưởng"),
    "col.recipient": ("Recipient", "Đối tượng"),
    "col.recipient_kind": ("Collective/individual", "Tập thể/cá nhân"),
    "col.form": ("Form", "Hình thức khen thưởng"),
    "col.decision": ("Decision", "Quyết định"),
    "col.decided_on": ("Decided", "Ngày quyết định"),
    "col.review_id": ("Review ID", "Mã hội nghị"),
    "col.chain": ("Programmes", "Các giai đoạn hợp tác"),
    "col.followed_by": ("Followed by", "Chương trình kế tiếp"),
    "col.end_review": ("Closed at", "Hội nghị tổng kết"),
    "col.lead_now": ("Lead now", "Chủ trì hiện nay"),
    "col.carried_from": ("Carried over from", "Chuyển tiếp từ"),
    "col.carried_to": ("Carried over to", "Đã chuyển sang"),
    "col.party_now": ("Now", "Hiện nay"),
    # confirmations
    "msg.review_updated": ("Updated review {id}: {fields}", "Đã cập nhật hội nghị {id}: {fields}"),
    "err.review_nothing_to_update": (
        "nothing to change for review {id}: give --host, --held or --conclusion with a new value",
        "không có gì thay đổi cho hội nghị {id}: hãy ghi --host, --held hoặc --conclusion với giá trị mới",
    ),
    "msg.review_added": (
        "Added review {id}: {kind} {year} of {agreement}, hosted by {host}",
        "Đã thêm hội nghị {id}: {kind} năm {year} của {agreement}, {host} đăng cai",
    ),
    "msg.review_host_proposed": (
        "No --host given: {host} hosts, as it is its turn after {previous} hosted the {year} review",
        "Không có --host: {host} đăng cai vì đến lượt, sau khi {previous} đăng cai hội nghị năm {year}",
    ),
    "msg.review_host_first": (
        "No --host given: {host} hosts the first review, as the first party of the agreement",
        "Không có --host: {host} đăng cai hội nghị đầu tiên, là địa phương đứng đầu trong chương trình",
    ),
    "msg.action_supplemented": ("Added action {id} by {review}", "Đã bổ sung nhiệm vụ {id} theo {review}"),
    "msg.action_adjusted": ("Adjusted action {id} by {review}: {fields}", "Đã điều chỉnh nhiệm vụ {id} theo {review}: {fields}"),
    "msg.action_decided": ("Action {id} is now {status}", "Nhiệm vụ {id} nay: {status}"),
    "msg.commend_added": ("Added commendation {id}: {recipient} — {form}", "Đã thêm khen thưởng {id}: {recipient} — {form}"),
    "msg.commend_written": ("Wrote {count} to {path}", "Đã ghi {count} vào {path}"),
    "msg.agreement_ended": ("Agreement {slug} ended on {date} ({status})", "Chương trình {slug} kết thúc ngày {date} ({status})"),
    "msg.carried": (
        "Carried action {original} into {target} as action {copy}",
        "Đã chuyển nhiệm vụ {original} sang {target} thành nhiệm vụ {copy}",
    ),
    "msg.carry_skipped": (
        "Action {original} was carried over before (action {copy}); left as it is",
        "Nhiệm vụ {original} đã được chuyển trước đây (nhiệm vụ {copy}); giữ nguyên",
    ),
    "msg.merged": ("{name} merged into {into} from {date}", "{name} sáp nhập vào {into} từ ngày {date}"),
    "msg.merge_unchanged": ("Already recorded; nothing changed", "Đã ghi nhận trước đó; không thay đổi gì"),
    # errors
    "err.review_unknown": (
        "no review with id {value}; see 'hoptac review list'",
        "không có hội nghị mã {value}; xem 'hoptac review list'",
    ),
    "err.not_agreement_party": (
        "{option}: {value} is not a party of the agreement; accepted: {accepted} (or a party they merged into)",
        "{option}: {value} không phải là bên tham gia chương trình; chấp nhận: {accepted} (hoặc địa phương đã sáp nhập các bên này)",
    ),
    "err.review_year_so_ket": (
        "--year {value} is outside {agreement}: an interim review (so-ket) is held in {years}",
        "--year {value} nằm ngoài {agreement}: hội nghị sơ kết tổ chức trong các năm {years}",
    ),
    "err.review_year_tong_ket": (
        "--year {value}: the final review (tong-ket) of {agreement} is held in {first} or {last}",
        "--year {value}: hội nghị tổng kết {agreement} tổ chức năm {first} hoặc {last}",
    ),
    "err.review_duplicate": (
        "{agreement} already has its {kind} {year} (review {id}); one per year and kind",
        "{agreement} đã có hội nghị {kind} năm {year} (mã {id}); mỗi năm một hội nghị mỗi loại",
    ),
    "err.review_other_agreement": (
        "--review: {review} belongs to {agreement}, but action {id} is in {action_agreement}",
        "--review: {review} thuộc {agreement}, còn nhiệm vụ {id} thuộc {action_agreement}",
    ),
    "err.review_agreement_option": (
        "--agreement '{value}' differs from the agreement of {review} ({agreement}); leave --agreement out",
        "--agreement '{value}' khác chương trình của {review} ({agreement}); hãy bỏ --agreement",
    ),
    "err.not_paused": (
        "action {id} is not paused (it is {status}); only a paused action can be resumed",
        "nhiệm vụ {id} không tạm dừng (hiện: {status}); chỉ nhiệm vụ tạm dừng mới tiếp tục được",
    ),
    "err.cannot_cancel": (
        "action {id} is {status}; it cannot be cancelled",
        "nhiệm vụ {id} đang ở tình trạng {status}; không thể hủy bỏ",
    ),
    "err.cannot_pause": (
        "action {id} is {status}; it cannot be paused",
        "nhiệm vụ {id} đang ở tình trạng {status}; không thể tạm dừng",
    ),
    "err.reason_needed": (
        '--reason: say why action {id} is cancelled (e.g. --reason "Không còn phù hợp")',
        '--reason: hãy ghi lý do hủy bỏ nhiệm vụ {id} (vd. --reason "Không còn phù hợp")',
    ),
    "err.form_empty": ("--form is empty; usual forms: {forms}", "--form đang để trống; các hình thức thường dùng: {forms}"),
    "err.recipient_kind": (
        "'{value}': give exactly one of --collective or --individual",
        "'{value}': hãy chọn đúng một trong --collective (tập thể) hoặc --individual (cá nhân)",
    ),
    "err.commend_duplicate": (
        "{value} already has '{form}' from {review} (commendation {id})",
        "{value} đã được '{form}' tại {review} (khen thưởng mã {id})",
    ),
    "err.merge_self": ("cannot merge {kind} {value} into itself", "không thể sáp nhập {kind} {value} vào chính nó"),
    "err.merge_into_merged": (
        "--into: {kind} {value} was itself merged into {successor} on {date}; merge into {successor} instead",
        "--into: {kind} {value} đã sáp nhập vào {successor} từ ngày {date}; hãy sáp nhập vào {successor}",
    ),
    "err.merge_already": (
        "{value} was already merged into {successor} on {date}; it cannot also merge into {into}",
        "{value} đã sáp nhập vào {successor} từ ngày {date}; không thể sáp nhập thêm vào {into}",
    ),
    "err.merge_other_date": (
        "{value} is already recorded as merged into {successor} on {date}; a merger's date is not rewritten",
        "{value} đã được ghi nhận sáp nhập vào {successor} từ ngày {date}; không sửa ngày sáp nhập",
    ),
    "err.merge_cycle": (
        "merging {value} into {into} would make a cycle: {into} already leads to {value}",
        "sáp nhập {value} vào {into} sẽ tạo vòng lặp: {into} đã sáp nhập (trực tiếp hoặc gián tiếp) vào {value}",
    ),
    "err.predecessor_taken": (
        "--predecessor: {value} is already followed by {successor}",
        "--predecessor: {value} đã có chương trình kế tiếp là {successor}",
    ),
    "err.agreement_closed": (
        "agreement {value} is already {status} (ended {date})",
        "chương trình {value} đã {status} (kết thúc ngày {date})",
    ),
    "err.end_before_start": (
        "--on {value} is before {agreement} began ({start})",
        "--on {value} sớm hơn ngày bắt đầu của {agreement} ({start})",
    ),
    "err.end_review_other": (
        "--review: {review} belongs to {agreement}, not to {value}",
        "--review: {review} thuộc {agreement}, không thuộc {value}",
    ),
    "err.end_review_kind": (
        "--review: {review} is not a final review; an agreement is closed by a tong-ket review",
        "--review: {review} không phải hội nghị tổng kết; chương trình kết thúc bằng hội nghị tổng kết (tong-ket)",
    ),
    "err.carry_same": (
        "--to {value} is the agreement the actions are in; name its successor",
        "--to {value} chính là chương trình hiện tại; hãy chọn chương trình kế tiếp",
    ),
    "err.carry_target_closed": (
        "--to {value} is {status}; actions are carried into an active agreement",
        "--to {value} đã {status}; chỉ chuyển nhiệm vụ sang chương trình đang thực hiện",
    ),
    "err.carry_what": (
        "say which actions to carry over: --action ID (repeatable) or --unfinished, not both",
        "hãy chọn nhiệm vụ cần chuyển: --action ID (lặp lại được) hoặc --unfinished, không dùng cả hai",
    ),
    "err.carry_nothing": (
        "{value} has no unfinished action left to carry into {target}",
        "{value} không còn nhiệm vụ chưa hoàn thành nào để chuyển sang {target}",
    ),
    "err.carry_no_sector": (
        'action {id} is in sector {sector} ({name}), which {target} lacks; add it first: hoptac sector add "{name}" --agreement {target} --slug {sector}',
        'nhiệm vụ {id} thuộc lĩnh vực {sector} ({name}) mà {target} chưa có; hãy thêm trước: hoptac sector add "{name}" --agreement {target} --slug {sector}',
    ),
    "err.carry_not_in": (
        "--action {id} belongs to {agreement}, not to {value}",
        "--action {id} thuộc {agreement}, không thuộc {value}",
    ),
    "err.carry_finished": (
        "--action {id} is {status}; only unfinished actions are carried over",
        "--action {id} đã {status}; chỉ chuyển các nhiệm vụ chưa hoàn thành",
    ),
    "err.carry_again": (
        "--action {id} was already carried into {target} as action {copy}",
        "--action {id} đã được chuyển sang {target} thành nhiệm vụ {copy}",
    ),
}
