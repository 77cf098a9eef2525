"""Messages of the safety features: files, the database file, history and undo, backup and
check, corrections. key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # files written by commands
    "err.output_exists": (
        "'{value}' already exists; choose another name or add --force to replace it",
        "'{value}' đã tồn tại; hãy chọn tên khác hoặc thêm --force để ghi thay",
    ),
    "err.output_is_database": (
        "'{value}' is the database file (or a file SQLite keeps beside it); hoptac never writes over it, even with --force",
        "'{value}' là tệp cơ sở dữ liệu (hoặc tệp SQLite dùng kèm); hoptac không bao giờ ghi đè lên tệp này, kể cả với --force",
    ),
    "err.output_folder": (
        "'{value}' cannot be written: the folder must exist and be writable, and the path must not be a folder",
        "không ghi được '{value}': thư mục phải tồn tại và cho phép ghi, và đường dẫn không được là thư mục",
    ),
    # the database file
    "err.db_empty": (
        "{path} is an empty file, not a hoptac database; only 'hoptac init' makes a database of it",
        "{path} là tệp rỗng, không phải cơ sở dữ liệu hoptac; chỉ 'hoptac init' mới tạo cơ sở dữ liệu từ tệp này",
    ),
    "err.db_folder": (
        "{path} is a folder, not a hoptac database; give a file with --db",
        "{path} là thư mục, không phải cơ sở dữ liệu hoptac; hãy chỉ một tệp với --db",
    ),
    "err.db_not_sqlite": (
        "{path} is not a hoptac database (not an SQLite file); nothing was written to it",
        "{path} không phải cơ sở dữ liệu hoptac (không phải tệp SQLite); không có gì được ghi vào tệp",
    ),
    "err.db_foreign": (
        "{path} is another application's SQLite database, not hoptac's; nothing was written to it",
        "{path} là cơ sở dữ liệu SQLite của ứng dụng khác, không phải của hoptac; không có gì được ghi vào tệp",
    ),
    "err.db_damaged": (
        "the database {path} is damaged ({reason}); 'hoptac db check' lists the problems and "
        "'hoptac db restore BACKUP --force' brings back a backup",
        "cơ sở dữ liệu {path} bị hỏng ({reason}); 'hoptac db check' liệt kê các lỗi và "
        "'hoptac db restore BẢN_SAO --force' khôi phục từ bản sao lưu",
    ),
    "err.db_newer": (
        "{path} was written by a newer hoptac (schema version {version}, this hoptac knows {known}; "
        "unknown changes: {unknown}); upgrade hoptac to change it — reading commands still work",
        "{path} do phiên bản hoptac mới hơn ghi (phiên bản lược đồ {version}, phiên bản này chỉ biết đến {known}; "
        "thay đổi chưa biết: {unknown}); hãy nâng cấp hoptac để sửa dữ liệu — các lệnh chỉ đọc vẫn dùng được",
    ),
    "err.db_busy": (
        "the database {path} stayed locked by another hoptac for {seconds} seconds; try again",
        "cơ sở dữ liệu {path} bị một tiến trình hoptac khác khóa quá {seconds} giây; hãy thử lại",
    ),
    "msg.db_upgraded": (
        "Database schema upgraded from version {old} to {new}; the file as it was is kept in {backup}",
        "Đã nâng cấp lược đồ cơ sở dữ liệu từ phiên bản {old} lên {new}; bản trước khi nâng cấp được giữ tại {backup}",
    ),
    # backup, restore, check
    "msg.backup_written": ("Backup written: {path} ({size})", "Đã ghi bản sao lưu: {path} ({size})"),
    "err.restore_force": (
        "'db restore' replaces the whole database {path} with {value}; add --force to do it "
        "(a copy of the current file is kept first)",
        "'db restore' thay toàn bộ cơ sở dữ liệu {path} bằng {value}; thêm --force để thực hiện "
        "(bản hiện tại sẽ được sao lưu trước)",
    ),
    "err.restore_missing": ("no file {path} to restore from", "không có tệp {path} để khôi phục"),
    "err.restore_same": (
        "{path} is the database itself; give a backup file",
        "{path} chính là cơ sở dữ liệu; hãy chỉ một tệp sao lưu",
    ),
    "err.restore_damaged": (
        "{path} cannot be restored: it is damaged ({reason})",
        "không khôi phục được từ {path}: tệp bị hỏng ({reason})",
    ),
    "err.restore_not_hoptac": (
        "{path} cannot be restored: it is not a hoptac database",
        "không khôi phục được từ {path}: tệp không phải cơ sở dữ liệu hoptac",
    ),
    "err.restore_newer": (
        "{path} cannot be restored: it was written by a newer hoptac (schema version {version}; unknown changes: {unknown})",
        "không khôi phục được từ {path}: tệp do phiên bản hoptac mới hơn ghi (phiên bản lược đồ {version}; thay đổi chưa biết: {unknown})",
    ),
    "err.restore_failed": (
        "{path} could not be restored into the database: {reason}; the database is unchanged",
        "không khôi phục được {path} vào cơ sở dữ liệu: {reason}; cơ sở dữ liệu không thay đổi",
    ),
    "msg.restored": (
        "Database {path} restored from {source}; the file as it was is kept in {backup}",
        "Đã khôi phục cơ sở dữ liệu {path} từ {source}; bản trước khi khôi phục được giữ tại {backup}",
    ),
    "msg.restored_new": (
        "Database {path} restored from {source} (there was no database there before)",
        "Đã khôi phục cơ sở dữ liệu {path} từ {source} (trước đó chưa có cơ sở dữ liệu tại đây)",
    ),
    "history.created": ("the database was created", "tạo cơ sở dữ liệu"),
    "history.restored": ("restored from {source}; the file as it was: {backup}", "khôi phục từ {source}; bản trước đó: {backup}"),
    "check.integrity": ("integrity: {detail}", "tính toàn vẹn: {detail}"),
    "check.unreadable": ("the file is damaged: {reason}", "tệp bị hỏng: {reason}"),
    "check.foreign_key": (
        "foreign key: {table} row {row} refers to a missing {parent} row",
        "khóa ngoại: dòng {row} của bảng {table} trỏ tới dòng không tồn tại của bảng {parent}",
    ),
    "check.progress_range": (
        "report {id}: progress {value} is outside 0–100",
        "báo cáo {id}: tiến độ {value} nằm ngoài khoảng 0–100",
    ),
    "check.report_done_below": (
        "report {id}: status done with progress {value}% (below 100%)",
        "báo cáo {id}: tình trạng đã hoàn thành nhưng tiến độ {value}% (dưới 100%)",
    ),
    "check.report_outside": (
        "report {id}: period {period} is outside its agreement's years ({years})",
        "báo cáo {id}: kỳ {period} nằm ngoài giai đoạn của chương trình ({years})",
    ),
    "check.revision_missing": (
        "report {id}: revises report {supersedes}, which does not exist",
        "báo cáo {id}: thay thế báo cáo {supersedes} nhưng báo cáo này không tồn tại",
    ),
    "check.revision_other_chain": (
        "report {id}: revises report {supersedes} of another action, agency or period",
        "báo cáo {id}: thay thế báo cáo {supersedes} của nhiệm vụ, cơ quan hoặc kỳ khác",
    ),
    "check.revision_orphan": (
        "report {id}: a superseded version that no later version replaces (action {action}, period {period})",
        "báo cáo {id}: phiên bản cũ không có phiên bản nào thay thế (nhiệm vụ {action}, kỳ {period})",
    ),
    "check.no_lead": ("action {id}: no lead agency", "nhiệm vụ {id}: không có cơ quan chủ trì"),
    # history and undo
    "title.history_log": ("History of changes", "Lịch sử thay đổi"),
    "title.undoable": ("Changes that can be undone", "Các thay đổi có thể hoàn tác"),
    "col.who": ("Who", "Người thực hiện"),
    "col.command": ("Command", "Lệnh"),
    "col.history_changed": ("What changed", "Nội dung thay đổi"),
    "col.changes": ("Changes", "Các thay đổi"),
    "col.undoes": ("Undoes", "Hoàn tác"),
    "col.undone_by": ("Undone by", "Được hoàn tác bởi"),
    "col.details": ("Details", "Chi tiết"),
    "col.state": ("State", "Trạng thái"),
    "col.blocked_by": ("Blocked by", "Bị chặn bởi"),
    "history.op.insert": ("{count} added", "thêm {count}"),
    "history.op.update": ("{count} changed", "sửa {count}"),
    "history.op.delete": ("{count} removed", "xóa {count}"),
    "history.row.insert": ("added", "được thêm"),
    "history.row.update": ("changed", "được sửa"),
    "history.row.delete": ("removed", "bị xóa"),
    "history.state.undone": ("undone by #{id}", "đã hoàn tác bởi #{id}"),
    "history.state.undoes": ("undoes #{id}", "hoàn tác #{id}"),
    "msg.no_history": ("No changes recorded yet.", "Chưa có thay đổi nào được ghi lại."),
    "msg.nothing_undoable": ("Nothing to undo.", "Không có gì để hoàn tác."),
    "msg.undone": (
        "Undone #{id} ({command}): {changed}. To put it back: hoptac undo {undo}",
        "Đã hoàn tác #{id} ({command}): {changed}. Để làm lại: hoptac undo {undo}",
    ),
    "err.history_limit": (
        "--limit {value}: give a number of entries, 1 or more",
        "--limit {value}: hãy nhập số mục, từ 1 trở lên",
    ),
    "err.undo_nothing": ("nothing to undo: no change has been recorded", "không có gì để hoàn tác: chưa ghi nhận thay đổi nào"),
    "err.undo_unknown": (
        "no history entry {value}; 'hoptac history' lists them",
        "không có mục lịch sử {value}; xem danh sách bằng 'hoptac history'",
    ),
    "err.undo_already": (
        "#{id} was already undone by #{by}; 'hoptac undo {by}' puts it back",
        "#{id} đã được hoàn tác bởi #{by}; 'hoptac undo {by}' để làm lại",
    ),
    "err.undo_restore": (
        "#{id} restored the whole file and cannot be undone change by change; to go back, "
        "restore the copy kept then ({note}) with 'hoptac db restore FILE --force'",
        "#{id} đã khôi phục toàn bộ tệp nên không hoàn tác từng thay đổi được; để quay lại, "
        "hãy khôi phục bản sao lưu khi đó ({note}) bằng 'hoptac db restore TỆP --force'",
    ),
    "err.undo_no_changes": (
        "#{id} ({command}) changed no rows; there is nothing to undo",
        "#{id} ({command}) không thay đổi dòng dữ liệu nào; không có gì để hoàn tác",
    ),
    "err.undo_blocked": (
        "cannot undo #{id}: a later change depends on it: #{later} ({command}){reason}; undo #{later} first",
        "không hoàn tác được #{id}: có thay đổi sau phụ thuộc vào nó: #{later} ({command}){reason}; hãy hoàn tác #{later} trước",
    ),
    "err.undo_conflict": (
        "cannot undo #{id}: {reason}; the database is unchanged",
        "không hoàn tác được #{id}: {reason}; cơ sở dữ liệu không thay đổi",
    ),
    # table names in the history
    "table.parties": ("parties", "địa phương"),
    "table.agreements": ("agreements", "chương trình"),
    "table.agreement_parties": ("agreement parties", "bên tham gia chương trình"),
    "table.sectors": ("sectors", "lĩnh vực"),
    "table.agencies": ("agencies", "cơ quan"),
    "table.actions": ("actions", "nhiệm vụ"),
    "table.action_partners": ("partner agencies", "cơ quan phối hợp"),
    "table.action_events": ("action history", "lịch sử nhiệm vụ"),
    "table.reports": ("reports", "báo cáo"),
    "table.reviews": ("reviews", "hội nghị"),
    "table.commendations": ("commendations", "khen thưởng"),
    # corrections
    "msg.corrected": ("Updated {kind} {id} ({slug}): {fields}", "Đã cập nhật {kind} {id} ({slug}): {fields}"),
    "msg.unmerged": (
        "{name} no longer merged into {from_} (the merger of {date} is removed)",
        "{name} không còn sáp nhập vào {from_} (đã bỏ việc sáp nhập ngày {date})",
    ),
    "msg.action_removed": ("Removed action {id}: {title}", "Đã xóa nhiệm vụ {id}: {title}"),
    "msg.report_withdrawn": (
        "Withdrew report {id} (action {action}, {period}): it no longer counts; its versions stay in 'report show {id}'",
        "Đã rút báo cáo {id} (nhiệm vụ {action}, kỳ {period}): báo cáo không còn được tính; các phiên bản vẫn xem được bằng 'report show {id}'",
    ),
    "msg.commend_updated": ("Updated commendation {id}: {fields}", "Đã cập nhật khen thưởng {id}: {fields}"),
    "msg.commend_removed": ("Removed commendation {id}: {recipient} — {form}", "Đã xóa khen thưởng {id}: {recipient} — {form}"),
    "err.correct_nothing": (
        "nothing to change for {kind} {value}: give at least one option with a new value",
        "không có gì thay đổi cho {kind} {value}: hãy đưa ít nhất một tùy chọn với giá trị mới",
    ),
    "err.not_merged": (
        "{kind} {value} is not merged into another; nothing to change",
        "{kind} {value} chưa sáp nhập vào đơn vị nào; không có gì thay đổi",
    ),
    "err.unmerge_successor": (
        "{kind} {value} is not merged into another; merged into it: {merged} — name one of those",
        "{kind} {value} không sáp nhập vào đơn vị nào; các đơn vị đã sáp nhập vào nó: {merged} — hãy chỉ một trong số đó",
    ),
    "err.agreement_years_reports": (
        "--period {value}: report {id} is for {period}, outside those years; withdraw or correct it first",
        "--period {value}: báo cáo {id} thuộc kỳ {period}, nằm ngoài giai đoạn này; hãy rút hoặc sửa báo cáo đó trước",
    ),
    "err.agreement_years_review": (
        "--period {value}: {review} would fall outside those years",
        "--period {value}: {review} sẽ nằm ngoài giai đoạn này",
    ),
    "err.action_has_reports": (
        "action {id} has {count} report(s) and cannot be removed; cancel it instead "
        "(hoptac action cancel {id} --review ID --reason TEXT)",
        "nhiệm vụ {id} đã có {count} báo cáo nên không xóa được; hãy hủy bỏ nhiệm vụ "
        "(hoptac action cancel {id} --review MÃ --reason LÝ_DO)",
    ),
    "err.action_carried": (
        "action {id} was carried into another agreement ({copies}); remove the copies first",
        "nhiệm vụ {id} đã được chuyển sang chương trình khác ({copies}); hãy xóa các bản chuyển trước",
    ),
    "err.withdraw_reason": (
        "--reason: say why report {id} is withdrawn",
        "--reason: hãy ghi lý do rút báo cáo {id}",
    ),
    "err.report_withdrawn_already": (
        "report {id} was already withdrawn on {date} ({reason})",
        "báo cáo {id} đã được rút ngày {date} ({reason})",
    ),
    "err.report_not_current": (
        "report {id} is an earlier version; withdraw the current one ({current})",
        "báo cáo {id} là phiên bản cũ; hãy rút phiên bản hiện hành ({current})",
    ),
    "err.commend_unknown": (
        "no commendation with id {value}; see 'hoptac commend list'",
        "không có khen thưởng mã {value}; xem 'hoptac commend list'",
    ),
    "err.commend_nothing": (
        "nothing to change for commendation {id}: give at least one option with a new value",
        "không có gì thay đổi cho khen thưởng {id}: hãy đưa ít nhất một tùy chọn với giá trị mới",
    ),
    "col.withdrawn_on": ("Withdrawn", "Ngày rút"),
    "col.withdrawn_reason": ("Reason withdrawn", "Lý do rút"),
    # import limits
    "err.import_bytes": (
        "{value} holds {size} MB (unzipped); an import file may hold at most {limit} MB — split it",
        "{value} chứa {size} MB (sau khi giải nén); tệp nhập tối đa {limit} MB — hãy chia nhỏ tệp",
    ),
    "err.import_rows": (
        "{value} has more than {limit} rows; an import file may have at most {limit} — split it",
        "{value} có hơn {limit} dòng; tệp nhập tối đa {limit} dòng — hãy chia nhỏ tệp",
    ),
    "err.import_cell": (
        "{value}, row {row}, column {column}: a cell of {size} characters; a cell may hold at most {limit}",
        "{value}, dòng {row}, cột {column}: ô có {size} ký tự; mỗi ô tối đa {limit} ký tự",
    ),
}
