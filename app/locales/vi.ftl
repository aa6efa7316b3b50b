## Tiêu biểu — Vietnamese (default language).
## Dates are dd/mm/yyyy, times 24-hour, Vietnam time (UTC+7).

skip-to-content = Bỏ qua, đến nội dung chính
loading = Đang tải…
lang-label = Ngôn ngữ

## Navigation
nav-label = Điều hướng chính
nav-home = Trang chủ
nav-account = Tài khoản
nav-admin-accounts = Tài khoản người dùng
nav-admin-audit = Nhật ký hệ thống
nav-admin-outbox = Hộp thư đi
nav-sign-in = Đăng nhập
nav-sign-up = Đăng ký
nav-sign-out = Đăng xuất

footer-about = Tiêu biểu — hệ thống bình chọn sản phẩm công nghiệp nông thôn tiêu biểu.
footer-legal = Theo Thông tư 26/2014/TT-BCT, sửa đổi bởi Thông tư 14/2018/TT-BCT và Thông tư 38/2025/TT-BCT.

## Home
home-title = Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu
home-lead = Cơ sở công nghiệp nông thôn đăng ký sản phẩm và nộp hồ sơ trực tuyến; Ban Giám khảo chấm điểm theo phiếu 100 điểm; Hội đồng bình chọn xét công nhận; người dân tra cứu kết quả và giấy chứng nhận.
home-cta-sign-up = Đăng ký tài khoản cơ sở
home-who = Dành cho ai
home-producers-title = Cơ sở sản xuất
home-producers-text = Doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác, hộ kinh doanh: đăng ký tài khoản, khai báo thông tin cơ sở, nộp hồ sơ và ảnh sản phẩm ngay trên điện thoại.
home-jury-title = Giám khảo và Hội đồng
home-jury-text = Giám khảo chấm điểm độc lập trên phiếu chấm chính thức; Hội đồng xem kết quả tổng hợp, biểu quyết công nhận và đề xuất sản phẩm lên cấp trên.
home-public-title = Người dân và người mua
home-public-text = Xem kết quả đã công bố, danh mục sản phẩm được công nhận và kiểm tra hiệu lực của giấy chứng nhận.
home-rounds-title = Các đợt bình chọn
home-rounds-empty = Hiện chưa có đợt bình chọn nào đang nhận hồ sơ hoặc đã công bố kết quả.

not-found-title = Không tìm thấy trang
not-found-text = Địa chỉ này không dẫn đến trang nào. Có thể liên kết đã cũ hoặc bị gõ sai.

## Form fields (labels, also used in error messages)
field-name = Họ và tên
field-email = Địa chỉ e-mail
field-phone = Số điện thoại
field-password = Mật khẩu
field-password_confirm = Nhập lại mật khẩu
field-identifier = E-mail hoặc số điện thoại
field-current_password = Mật khẩu hiện tại
field-new_password = Mật khẩu mới
field-new_password_confirm = Nhập lại mật khẩu mới
field-role = Vai trò
field-invite-name = Họ và tên (không bắt buộc)
field-search = Từ khóa tìm kiếm
field-token = Liên kết
field-user = Tài khoản

## What is wrong with a field
problem-required = Vui lòng nhập { $field }.
problem-too-long = { $field } dài quá { $max } ký tự; vui lòng rút gọn.
problem-too-short = { $field } cần ít nhất { $min } ký tự.
problem-control-characters = { $field } chứa ký tự điều khiển không hợp lệ; vui lòng nhập lại.
problem-invalid-email = { $field } chưa đúng dạng, ví dụ: ten@congty.vn.
problem-invalid-phone = { $field } chưa đúng: nhập số điện thoại Việt Nam gồm 10 chữ số bắt đầu bằng 0, hoặc +84.
problem-email-or-phone = Vui lòng nhập địa chỉ e-mail hoặc số điện thoại (hoặc cả hai).
problem-common-password = Mật khẩu này quá phổ biến và dễ bị đoán; vui lòng chọn mật khẩu khác.
problem-passwords-differ = Hai mật khẩu không khớp nhau; vui lòng nhập lại.
problem-password-unchanged = Mật khẩu mới phải khác mật khẩu hiện tại.
problem-wrong-current-password = Mật khẩu hiện tại không đúng.
problem-taken = { $field } này đã được dùng cho một tài khoản khác.
problem-not-a-choice = { $field }: vui lòng chọn một giá trị trong danh sách.

problem-not-a-number = { $field } phải là một số, ví dụ 7,5.
problem-not-on-step = { $field }: điểm phải là bội số của { $step }.
problem-too-many-decimals = { $field }: chỉ dùng tối đa hai chữ số sau dấu phẩy.
problem-whole-number = { $field } phải là số nguyên.
problem-out-of-range = { $field } phải nằm trong khoảng từ { $min } đến { $max }.
problem-invalid-datetime = { $field } chưa đúng: nhập ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 30/06/2026 17:00.
problem-must-follow = { $field } phải sau { $other }.
problem-sum-mismatch = Tổng điểm tối đa của các tiêu chí thành phần là { $sum }, phải bằng đúng { $expected }.
problem-parent-level = { $field } phải thuộc cấp cao hơn.
problem-pattern-sequence = { $field } phải có { "{seq}" } (số thứ tự) để các số giấy chứng nhận không trùng nhau.
problem-pattern-placeholder = { $field } có mã không hợp lệ: { $name }. Chỉ dùng { "{seq}" } và { "{year}" }.
problem-reason-required = Vui lòng nêu lý do.
problem-territory-level = { $field } phải thuộc cấp của đợt bình chọn.
problem-must-be-future = { $field } không được là thời điểm đã qua.
field-unnamed = Trường này
field-row = { $field } (dòng { $row })

## Errors
error-unauthenticated = Vui lòng đăng nhập để xem trang này.
error-forbidden = Tài khoản của bạn không có quyền thực hiện việc này.
error-not-found = Không tìm thấy nội dung yêu cầu.
error-invalid = Có { $count } chỗ cần sửa trong biểu mẫu:
error-wrong-credentials = E-mail/số điện thoại hoặc mật khẩu không đúng.
error-account-disabled = Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.
error-throttled = Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau { $time } ngày { $date }.
error-link-invalid = Liên kết không hợp lệ, đã được sử dụng hoặc đã hết hạn.
error-refused-own-account = Bạn không thể thực hiện thao tác này với chính tài khoản của mình.
error-refused-last-admin = Không thể thực hiện: hệ thống phải còn ít nhất một quản trị viên đang hoạt động.
error-refused-nothing = Không có gì thay đổi: tài khoản đã ở trạng thái này.
error-busy = Máy chủ đang bận xử lý nhiều yêu cầu. Vui lòng thử lại sau vài giây; những gì bạn đã nhập vẫn còn nguyên.
error-bad-request = Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.
error-network = Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại; dữ liệu đã nhập vẫn còn trên trang.
error-cross-origin = Yêu cầu bị từ chối vì được gửi từ một trang web khác. Vui lòng mở trang trực tiếp và thử lại.
error-internal = Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại sau ít phút.

## Sign-up, sign-in, password
password-hint = Ít nhất { $min } ký tự. Có thể dùng cả câu, dấu cách và chữ tiếng Việt.
sign-up-title = Đăng ký tài khoản
sign-up-intro = Dành cho người đại diện cơ sở công nghiệp nông thôn muốn đăng ký sản phẩm tham gia bình chọn.
sign-up-name-hint = Họ và tên người đại diện cơ sở.
sign-up-contact-hint = Nhập e-mail hoặc số điện thoại (hoặc cả hai); bạn sẽ dùng nó để đăng nhập.
sign-up-submit = Tạo tài khoản
sign-up-have-account = Đã có tài khoản?
sign-in-title = Đăng nhập
sign-in-submit = Đăng nhập
sign-in-no-account = Chưa có tài khoản?
sign-in-forgot = Quên mật khẩu?
account-title = Tài khoản của tôi
account-roles = Vai trò
account-admin-title = Quản trị hệ thống
password-title = Đổi mật khẩu
password-intro = Sau khi đổi mật khẩu, các phiên đăng nhập khác của bạn (trên máy khác) sẽ bị đăng xuất.
password-submit = Đổi mật khẩu
notice-password-changed = Đã đổi mật khẩu.

## Password reset
forgot-title = Quên mật khẩu
forgot-intro = Nhập địa chỉ e-mail của tài khoản. Chúng tôi sẽ gửi một liên kết để bạn đặt mật khẩu mới.
forgot-submit = Gửi liên kết đặt lại mật khẩu
forgot-phone = Nếu bạn đăng ký bằng số điện thoại (không có e-mail), hãy liên hệ cơ quan tổ chức bình chọn để được cấp liên kết đặt lại mật khẩu.
notice-reset-requested = Nếu địa chỉ này thuộc một tài khoản có e-mail, chúng tôi đã gửi liên kết đặt mật khẩu mới. Liên kết dùng được một lần trong 2 giờ.
reset-title = Đặt mật khẩu mới
reset-intro = Đặt mật khẩu mới cho tài khoản { $name }. Sau đó mọi phiên đăng nhập cũ của tài khoản sẽ bị đăng xuất.
reset-expires = Liên kết dùng được một lần, hết hạn lúc { $time } ngày { $date }.
reset-submit = Lưu mật khẩu mới
issue-reset = Đặt lại mật khẩu
notice-reset-issued = Đã tạo liên kết đặt lại mật khẩu (dùng được 3 ngày). Thư nằm trong Hộp thư đi; nếu người dùng không có e-mail, hãy chuyển liên kết cho họ qua điện thoại.
mail-reset-subject = Đặt lại mật khẩu Tiêu biểu
mail-reset-body =
    Xin chào { $name },

    Mở liên kết sau để đặt mật khẩu mới cho tài khoản của bạn trên hệ thống Tiêu biểu. Liên kết chỉ dùng được một lần và hết hạn lúc { $time } ngày { $date } (giờ Việt Nam):
    { $link }

    Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.

## First administrator
setup-title = Khởi tạo hệ thống
setup-intro = Tạo tài khoản quản trị viên đầu tiên. Liên kết này chỉ dùng được một lần.
setup-submit = Tạo tài khoản quản trị

## Invitations
invitation-title = Lời mời tham gia
invitation-intro = { $inviter } mời bạn tham gia Tiêu biểu với vai trò { $role }. Hãy xác nhận họ tên và chọn mật khẩu.
invitation-expires = Liên kết dùng được một lần, hết hạn lúc { $time } ngày { $date }.
invitation-submit = Kích hoạt tài khoản
mail-invitation-subject = Lời mời tham gia hệ thống Tiêu biểu
mail-invitation-body =
    Xin chào { $name },

    { $inviter } mời bạn tham gia hệ thống bình chọn sản phẩm công nghiệp nông thôn tiêu biểu (Tiêu biểu) với vai trò { $role }.

    Mở liên kết sau để đặt mật khẩu. Liên kết chỉ dùng được một lần và hết hạn lúc { $time } ngày { $date } (giờ Việt Nam):
    { $link }

    Nếu bạn không chờ đợi thư này, hãy bỏ qua nó.

## Administration: accounts
admin-accounts-title = Tài khoản người dùng
admin-accounts-list = Danh sách tài khoản
admin-accounts-count = { $count ->
    [0] Không có tài khoản nào.
   *[other] { $shown } tài khoản.
}
invite-title = Mời người tham gia
invite-intro = Gửi lời mời qua e-mail cho cán bộ tổ giúp việc, giám khảo, thành viên hội đồng hoặc quản trị viên. Người được mời tự đặt mật khẩu qua liên kết một lần.
invite-name-hint = Người được mời có thể sửa lại khi kích hoạt.
invite-submit = Gửi lời mời
notice-invited = Đã tạo lời mời.
notice-invitation-held = Chưa cấu hình máy chủ thư (SMTP): thư mời nằm trong hộp thư đi, hãy sao chép liên kết gửi cho người được mời.
notice-invitation-renewed = Đã gửi lại lời mời với liên kết mới; liên kết cũ không còn dùng được.
notice-account-disabled = Đã khóa tài khoản.
notice-account-enabled = Đã mở khóa tài khoản.
notice-role-granted = Đã thêm vai trò.
notice-role-revoked = Đã gỡ vai trò.
search-label = Tìm theo tên, e-mail hoặc số điện thoại
search-submit = Tìm
col-contact = Liên hệ
col-status = Trạng thái
col-created = Ngày tạo
col-actions = Thao tác
status-invited = Đã mời
status-active = Đang hoạt động
status-disabled = Đã khóa
resend-invitation = Gửi lại lời mời
disable-account = Khóa
enable-account = Mở khóa
grant-role = Thêm vai trò
grant-role-label = Thêm vai trò cho { $name }
revoke-role = Gỡ vai trò
revoke-role-label = Gỡ vai trò { $role } của { $name }
pager-label = Phân trang
pager-previous = ‹ Trang trước
pager-next = Trang sau ›
pager-position = Trang { $page }/{ $pages }

## Roles
role-administrator = Quản trị viên
role-secretary = Tổ giúp việc
role-juror = Giám khảo
role-council-member = Thành viên Hội đồng
role-entrant = Cơ sở dự thi

## Administration: audit log
admin-audit-title = Nhật ký hệ thống
audit-filter-label = Loại sự kiện
audit-filter-all = Tất cả
audit-filter-submit = Lọc
audit-empty = Chưa có sự kiện nào.
audit-older = Sự kiện cũ hơn ›
col-time = Thời điểm
col-actor = Người thực hiện
col-action = Sự kiện
col-target = Đối tượng
col-address = Địa chỉ mạng
col-details = Chi tiết
audit-setup-completed = Khởi tạo quản trị viên đầu tiên
audit-account-signed-up = Đăng ký tài khoản
audit-account-signed-in = Đăng nhập
audit-account-sign-in-failed = Đăng nhập không thành công
audit-account-signed-out = Đăng xuất
audit-account-session-ended = Kết thúc một phiên đăng nhập khác
account-sessions-title = Các phiên đăng nhập
account-sessions-hint = Những nơi tài khoản của bạn đang đăng nhập. Nếu thấy một phiên lạ, hãy kết thúc phiên đó và đổi mật khẩu.
account-session-started = Đăng nhập lúc
account-session-seen = Dùng lần cuối
account-session-this = Phiên này (thiết bị bạn đang dùng)
account-session-end = Kết thúc phiên
notice-session-ended = Đã kết thúc phiên đăng nhập.
audit-account-password-changed = Đổi mật khẩu
audit-account-password-reset-requested = Yêu cầu đặt lại mật khẩu
audit-account-password-reset-issued = Cấp liên kết đặt lại mật khẩu
audit-account-password-reset = Đặt lại mật khẩu
audit-account-invited = Gửi lời mời
audit-account-invitation-accepted = Nhận lời mời
audit-account-invitation-renewed = Gửi lại lời mời
audit-role-granted = Thêm vai trò
audit-role-revoked = Gỡ vai trò
audit-account-disabled = Khóa tài khoản
audit-account-enabled = Mở khóa tài khoản

## Administration: outbox
admin-outbox-title = Hộp thư đi
outbox-smtp-on = Thư được gửi qua máy chủ SMTP đã cấu hình; thư gửi lỗi sẽ được tự động gửi lại.
outbox-smtp-off = Chưa cấu hình máy chủ thư (TIEUBIEU_SMTP_URL). Thư chỉ được lưu ở đây: hãy mở thư, sao chép liên kết và gửi cho người nhận.
outbox-empty = Chưa có thư nào.
outbox-last-error = Đã thử { $attempts } lần; lỗi gần nhất: { $error }
message-status-pending = Đang chờ gửi
message-status-sent = Đã gửi
message-status-failed = Gửi không thành công
message-status-held = Lưu trong hộp thư đi

## Rounds
nav-rounds = Đợt bình chọn
rounds-title = Đợt bình chọn
rounds-empty = Chưa có đợt bình chọn nào.
rounds-all = Xem tất cả các đợt bình chọn
rounds-my-roles = Vai trò của bạn
account-rounds-title = Các đợt bình chọn của tôi
account-rounds-none = Bạn chưa có vai trò trong đợt bình chọn nào.
round-new-title = Tạo đợt bình chọn
round-new-intro = Đợt bình chọn mới bắt đầu ở trạng thái bản nháp, với bốn nhóm sản phẩm và phiếu chấm điểm chính thức (40/40/10/10). Có thể sao chép cấu hình của một đợt trước.
round-create-submit = Tạo đợt bình chọn
round-fields-identity = Cấp và địa bàn
round-fields-general = Thông tin chung
round-fields-calendar = Lịch
round-fields-decision = Điều kiện công nhận và biểu quyết
round-fields-scoring = Chấm điểm và giấy chứng nhận
round-calendar-hint = Giờ Việt Nam (UTC+7). Hạn nộp hồ sơ được máy chủ kiểm tra.
round-nav-label = Các trang của đợt bình chọn
round-tab-overview = Tổng quan
round-tab-settings = Cài đặt
round-tab-criteria = Tiêu chí chấm điểm
round-tab-people = Thành viên
round-calendar = Lịch
round-rules = Quy định
round-moves = Trạng thái
round-no-moves = Không còn bước chuyển nào.
times-are-vietnam = Thời gian theo giờ Việt Nam (UTC+7).
field-title = Tên đợt bình chọn
field-year = Năm
field-level = Cấp
field-territory = Địa bàn
field-parent_round = Đợt cấp trên (nhận sản phẩm đề xuất)
field-copy_from = Sao chép cấu hình từ
field-entries_open = Bắt đầu nhận hồ sơ
field-entries_close = Hạn nộp hồ sơ
field-judging_close = Kết thúc chấm điểm
field-threshold = Điểm tối thiểu để được xét công nhận
field-quorum_percent = Số thành viên Hội đồng tối thiểu có mặt (%)
field-majority_percent = Tỷ lệ tán thành cần vượt quá (% số thành viên có mặt)
field-tie_recognises = Khi số phiếu tán thành đúng bằng tỷ lệ trên, sản phẩm được công nhận
field-certificate_pattern = Mẫu số giấy chứng nhận
field-show_scores = Công bố điểm trung bình khi công bố kết quả
field-score_step = Bước điểm khi chấm
field-spread_flag = Chênh lệch điểm giữa các giám khảo cần thảo luận (điểm)
field-name_vi = Tên tiếng Việt
field-name_en = Tên tiếng Anh
field-rank = Thứ bậc (1 = thấp nhất)
field-parent = Thuộc địa bàn
field-max = Điểm tối đa
field-guidance = Hướng dẫn chấm
field-groups = Nhóm sản phẩm chấm
field-chair = Là Chủ tịch Hội đồng
field-reason = Lý do
field-total = Tổng điểm tối đa
field-to = Trạng thái mới
choice-none = (Không có)
copy-from-official = (Không sao chép: dùng phiếu chấm chính thức)
copy-from-hint = Sao chép nhóm sản phẩm, tiêu chí và tiêu chí thành phần của đợt đã chọn.
territory-hint = Địa bàn phải thuộc cấp của đợt bình chọn.
parent-round-hint = Đợt cấp trên nhận các sản phẩm được Hội đồng đề xuất; phải thuộc cấp cao hơn.
threshold-hint = Trên thang 100 điểm; có thể dùng dấu phẩy, ví dụ 70 hoặc 72,5.
quorum-hint = Hội đồng chỉ biểu quyết khi có ít nhất tỷ lệ thành viên này có mặt.
majority-hint = 50 nghĩa là quá bán: số phiếu tán thành phải vượt quá một nửa số thành viên có mặt.
spread-hint = Sản phẩm có chênh lệch điểm giữa các giám khảo lớn hơn mức này được đánh dấu để Hội đồng thảo luận.
pattern-hint = Dùng { "{seq}" } cho số thứ tự (bắt buộc) và { "{year}" } cho năm, ví dụ { "{seq}/{year}/GCN-CNNT" }.
points-of-100 = { $points }/100 điểm
quorum-value = ít nhất { $percent }% số thành viên
majority-value = tán thành vượt quá { $percent }% số thành viên có mặt;
tie-recognises = khi bằng đúng tỷ lệ thì được công nhận.
tie-not-recognised = khi bằng đúng tỷ lệ thì không được công nhận.
yes = Có
no = Không
save = Lưu
settings-locked = Hội đồng đã bắt đầu xét chọn: cài đặt của đợt không còn thay đổi được.
settings-identity-fixed = Đợt đã mở nhận hồ sơ: cấp, địa bàn, năm và đợt cấp trên không còn thay đổi được.
notice-settings-saved = Đã lưu cài đặt.
notice-round-moved = Đã chuyển trạng thái đợt bình chọn.
move-to = Chuyển sang: { $state }
move-back-to = Quay lại: { $state }
move-reason-back = Lý do quay lại (bắt buộc, được ghi vào nhật ký)
move-reason-missing = Lý do chuyển khi còn thiếu phiếu chấm (bắt buộc)
state-draft = Bản nháp
state-open = Đang nhận hồ sơ
state-screening = Thẩm định hồ sơ
state-judging = Chấm điểm
state-deliberation = Hội đồng xét chọn
state-decided = Đã có quyết định
state-published = Đã công bố kết quả
state-archived = Lưu trữ
move-not-a-step = Không thể chuyển từ “{ $from }” sang “{ $to }”.
move-deadline-passed = Không thể mở nhận hồ sơ: hạn nộp ({ $time } ngày { $date }) đã qua. Hãy sửa lịch trước.
move-no-secretary = Cần phân công ít nhất một cán bộ tổ giúp việc trước khi mở nhận hồ sơ.
move-deadline-not-reached = Chưa hết hạn nộp hồ sơ ({ $time } ngày { $date }); chỉ thẩm định sau hạn này.
move-entries-unscreened = Còn { $count } hồ sơ chưa được thẩm định.
move-no-eligible-entries = Chưa có hồ sơ nào hợp lệ để chấm điểm.
move-no-jurors = Cần phân công ít nhất một giám khảo trước khi chấm điểm.
move-sheets-missing = Còn thiếu { $count } phiếu chấm; hãy nêu lý do nếu vẫn chuyển sang xét chọn.
move-no-council = Cần phân công thành viên Hội đồng trước khi xét chọn.
move-decision-missing = Chưa ghi nhận quyết định công nhận (số và ngày quyết định).
move-certificates-missing = Còn { $count } sản phẩm được công nhận chưa có giấy chứng nhận.
move-entries-exist = Đã có { $count } hồ sơ được nộp: không thể quay lại bản nháp.
move-deadline-not-extended = Hãy gia hạn nộp hồ sơ (sửa hạn nộp sang một thời điểm sau hiện tại) trước khi mở lại.
move-sheets-exist = Đã có { $count } phiếu chấm được nộp: không thể quay lại thẩm định.
move-decision-exists = Quyết định đã được ghi nhận: không thể mở lại chấm điểm.
move-certificates-exist = Đã cấp { $count } giấy chứng nhận: không thể mở lại xét chọn.
error-criteria-frozen = Đã có phiếu chấm: tiêu chí của đợt này không còn thay đổi được.
error-conflict = Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang và thử lại.
criteria-intro = Phiếu chấm điểm chính thức (Phụ lục 4, Thông tư 26/2014/TT-BCT), tổng { $total } điểm. Mỗi nhóm sản phẩm có thể có tiêu chí thành phần riêng; tổng điểm tối đa của chúng phải bằng điểm của nhóm tiêu chí.
group-heading = Nhóm { $number }.
max-points = (tối đa { $points } điểm)
criterion-one-line = Chấm chung một dòng (chưa có tiêu chí thành phần).
edit-sub-criteria = Sửa tiêu chí thành phần
sub-criteria-rule = Tổng điểm tối đa của các tiêu chí thành phần phải bằng đúng { $max } điểm. Dòng để trống được bỏ qua; xóa hết các dòng để chấm chung một dòng.
sub-row = Tiêu chí thành phần { $row }
more-rows = Thêm dòng
notice-criteria-saved = Đã lưu tiêu chí thành phần.
member-add-title = Phân công thành viên
member-add-intro = Nhập e-mail hoặc số điện thoại của một tài khoản đã có. Người chưa có tài khoản cần được mời trước tại
member-add-submit = Phân công
groups-hint = Chỉ dùng cho giám khảo: chọn các nhóm sản phẩm người này chấm.
members-secretaries = Tổ giúp việc
members-jurors = Ban Giám khảo
members-council = Hội đồng bình chọn
members-none = Chưa có ai.
chair = Chủ tịch
make-chair = Làm Chủ tịch Hội đồng
remove-member = Gỡ
remove-member-label = Gỡ { $name } khỏi vai trò này
juror-groups-of = Nhóm sản phẩm { $name } chấm
save-groups = Lưu nhóm
notice-member-added = Đã phân công thành viên.
notice-member-removed = Đã gỡ thành viên.
notice-groups-saved = Đã lưu nhóm sản phẩm của giám khảo.
notice-chair-saved = Đã đổi Chủ tịch Hội đồng.
problem-unknown-account = Không có tài khoản nào dùng e-mail hoặc số điện thoại này. Hãy mời người này trước.
problem-already-member = Người này đã giữ vai trò này trong đợt bình chọn.
geography-title = Cấp và địa bàn
geography-intro = Cấp và địa bàn là dữ liệu có thể sửa (ví dụ khi cấp huyện chuyển thành cấp xã, hay khi sáp nhập tỉnh).
levels-title = Cấp bình chọn
levels-hint = Thứ bậc xác định đường đề xuất lên cấp trên: đợt cấp trên phải có thứ bậc cao hơn.
level-add = Thêm cấp
col-territory = Tên địa bàn
edit = Sửa
territories-title = Địa bàn
territory-add = Thêm địa bàn
name-en-optional = Để trống sẽ dùng tên tiếng Việt.
notice-level-saved = Đã lưu cấp.
notice-territory-saved = Đã lưu địa bàn.
audit-level-saved = Lưu cấp
audit-territory-saved = Lưu địa bàn
audit-round-created = Tạo đợt bình chọn
audit-round-settings-changed = Sửa cài đặt đợt bình chọn
audit-round-sub-criteria-changed = Sửa tiêu chí thành phần
audit-round-member-added = Phân công thành viên
audit-round-member-removed = Gỡ thành viên
audit-round-juror-groups-changed = Đổi nhóm sản phẩm của giám khảo
audit-round-chair-changed = Đổi Chủ tịch Hội đồng
audit-round-moved = Chuyển trạng thái đợt bình chọn

## Entrants: business profile
nav-entries = Hồ sơ dự thi
business-title = Thông tin cơ sở
business-intro = Thông tin của cơ sở sản xuất đứng tên hồ sơ dự thi (theo Phiếu đăng ký, mẫu 01).
business-identity = Cơ sở
business-address = Địa chỉ
business-contact = Người đại diện và liên hệ
business-edit = Sửa thông tin cơ sở
business-first = Trước khi đăng ký sản phẩm, hãy khai báo thông tin cơ sở:
notice-business-saved = Đã lưu thông tin cơ sở.
choose = (Chọn)
field-business_name = Tên cơ sở
field-legal_form = Loại hình
field-registration_number = Số giấy chứng nhận đăng ký
field-tax_code = Mã số thuế
field-province = Tỉnh, thành phố
field-commune = Xã, phường
field-street = Số nhà, đường, thôn, ấp
field-representative = Họ và tên người đại diện
field-position = Chức vụ
field-business_phone = Số điện thoại liên hệ
field-business_email = E-mail liên hệ (không bắt buộc)
registration-hint = Số giấy chứng nhận đăng ký doanh nghiệp, hợp tác xã hoặc hộ kinh doanh.
tax-code-hint = 10 chữ số (13 chữ số với chi nhánh). Để trống nếu hộ kinh doanh chưa có.
problem-invalid-tax-code = { $field } gồm 10 chữ số (hoặc 13 chữ số với mã chi nhánh).
legal-form-enterprise = Doanh nghiệp nhỏ và vừa
legal-form-cooperative = Hợp tác xã
legal-form-cooperative-group = Tổ hợp tác
legal-form-household = Hộ kinh doanh
error-business-needed = Hãy khai báo thông tin cơ sở trước khi đăng ký sản phẩm.

## Entrants: entries
entries-title = Hồ sơ dự thi
entries-mine = Hồ sơ của cơ sở
entries-none = Cơ sở chưa có hồ sơ nào.
entries-open-rounds = Các đợt đang nhận hồ sơ
entries-no-open-round = Hiện không có đợt bình chọn nào đang nhận hồ sơ.
entry-start = Đăng ký sản phẩm dự thi
entry-untitled = Hồ sơ chưa đặt tên sản phẩm
deadline-at = Hạn nộp: { $time } ngày { $date }
entry-state-draft = Bản nháp
entry-state-submitted = Đã nộp
entry-state-returned = Cần bổ sung, sửa chữa
entry-state-accepted = Hợp lệ
entry-state-ineligible = Không hợp lệ
entry-returned-message = Yêu cầu của tổ giúp việc:
entry-forms = Phiếu đăng ký và bản thuyết minh
form-01 = Phiếu đăng ký (mẫu 01)
form-02 = Bản thuyết minh sản phẩm (mẫu 02)
field-product_name = Tên sản phẩm (hoặc bộ sản phẩm)
field-group = Nhóm sản phẩm
field-is_set = Đây là một bộ sản phẩm
field-set_items = Các sản phẩm trong bộ
field-description = Giới thiệu sản phẩm
field-materials = Nguyên liệu và nguồn gốc
field-process = Quy trình sản xuất và công nghệ
field-capacity = Năng lực sản xuất và sản lượng
field-markets = Thị trường tiêu thụ và doanh thu
field-workers = Lao động và thu nhập
field-environment = Biện pháp bảo vệ môi trường
field-culture = Giá trị văn hóa, thẩm mỹ
field-standards = Tiêu chuẩn chất lượng đã đạt (nếu có)
field-awards = Giải thưởng đã đạt (nếu có)
field-message = Nội dung cần bổ sung, sửa chữa
hint-set_items = Chỉ điền khi đăng ký một bộ sản phẩm: mỗi sản phẩm một dòng.
hint-description = Sản phẩm là gì, dùng để làm gì, có gì đặc sắc.
hint-materials = Nguyên liệu chính, lấy từ đâu (ưu tiên nguyên liệu địa phương).
hint-process = Các công đoạn chính, máy móc và công nghệ sử dụng.
hint-capacity = Sản lượng mỗi năm, khả năng sản xuất hàng loạt.
hint-markets = Bán ở đâu, trong nước hay xuất khẩu; doanh thu gần đây.
hint-workers = Số lao động và thu nhập bình quân mỗi tháng.
hint-environment = Cách xử lý chất thải, tiết kiệm năng lượng.
hint-culture = Nét văn hóa, truyền thống, thẩm mỹ của sản phẩm.
hint-standards = Tiêu chuẩn, chứng nhận chất lượng, an toàn thực phẩm.
hint-awards = Các giải thưởng, bằng khen đã nhận.
save-draft = Lưu nháp
autosave-saving = Đang lưu…
autosave-saved = Đã lưu.
autosave-unsaved = Có thay đổi chưa lưu (sẽ tự lưu).
autosave-offline = Chưa lưu được vì mất kết nối; sẽ tự lưu lại khi có mạng.
entry-files = Ảnh và tài liệu
files-photos = Ảnh màu sản phẩm
files-registration = Bản sao giấy chứng nhận đăng ký
files-lower-certificate = Giấy chứng nhận cấp dưới
files-documents = Tài liệu khác
files-total = Tổng dung lượng: { $total } (tối đa { $max }).
upload-photos = Thêm ảnh sản phẩm
upload-photos-hint = Ít nhất 3 ảnh chụp từ các góc khác nhau (trước, bên, trên). JPEG, PNG hoặc WebP, mỗi tệp tối đa { $max }. Có thể chụp trực tiếp bằng điện thoại.
upload-registration = Thêm bản sao giấy chứng nhận đăng ký
upload-lower-certificate = Thêm giấy chứng nhận sản phẩm tiêu biểu cấp dưới
upload-documents = Thêm tài liệu (chứng nhận chất lượng, an toàn thực phẩm, giải thưởng, kết quả kiểm nghiệm)
upload-documents-hint = PDF, JPEG hoặc PNG, mỗi tệp tối đa { $max }.
upload-submit = Tải lên
upload-choose = Hãy chọn tệp trước khi tải lên.
upload-progress = Đang tải lên: { $percent }%
upload-some-refused = Một số tệp không được nhận:
notice-files-added = Đã tải lên { $count } tệp.
file-remove = Xóa
file-remove-label = Xóa tệp { $name }
notice-file-removed = Đã xóa tệp.
upload-empty = Tệp trống (0 byte).
upload-too-large = Tệp lớn hơn { $max }; hãy chọn ảnh nhỏ hơn hoặc nén tệp.
upload-entry-too-large = Tổng dung lượng hồ sơ sẽ vượt { $max }; hãy xóa bớt tệp.
upload-type = Loại tệp không được nhận. Chỉ nhận: { $types }.
upload-damaged = Tệp bị hỏng hoặc chưa tải đủ; hãy chọn lại tệp.
upload-file-number = Tệp thứ { $number }
upload-busy = Máy chủ đang bận xử lý nhiều ảnh; tệp này chưa được lưu. Vui lòng gửi lại sau vài giây.
upload-business-full = Tổng dung lượng tệp của cơ sở đã tới giới hạn { $max }; hãy xóa bớt tệp không cần trong các hồ sơ nháp.
upload-too-many-pixels = Ảnh quá lớn (quá nhiều điểm ảnh); hãy chụp ở độ phân giải thấp hơn.
upload-too-many-files = Đã đủ { $max } tệp loại này.
upload-unreadable = Không đọc được tệp gửi lên. Hãy đổi tên tệp (chỉ dùng chữ và số) rồi thử lại.
upload-entry-locked = Hồ sơ đã nộp nên không thêm hay xóa tệp được; hãy rút hồ sơ trước khi sửa.
entry-missing-intro = Để nộp hồ sơ, còn thiếu:
entry-complete = Hồ sơ đã đủ các mục bắt buộc và có thể nộp.
missing-business = thông tin cơ sở (chưa đầy đủ)
missing-field = { $field }
missing-group = nhóm sản phẩm
missing-set-items = danh sách các sản phẩm trong bộ
missing-photos = ảnh sản phẩm: mới có { $have }, cần ít nhất { $need }
missing-registration = bản sao giấy chứng nhận đăng ký
missing-lower-certificate = giấy chứng nhận sản phẩm tiêu biểu cấp dưới còn hiệu lực
entry-send = Nộp hồ sơ
entry-submit = Nộp hồ sơ
entry-resubmit = Nộp lại hồ sơ đã sửa
entry-withdraw = Rút hồ sơ để sửa
entry-withdraw-hint = Trước hạn nộp, có thể rút hồ sơ về bản nháp để sửa rồi nộp lại.
entry-locked = Hồ sơ đã nộp; không sửa được nữa.
notice-entry-submitted = Đã nộp hồ sơ. Tổ giúp việc sẽ thẩm định và thông báo kết quả.
notice-entry-withdrawn = Đã rút hồ sơ về bản nháp. Hãy nộp lại trước hạn.
entry-round-closed = Đợt bình chọn không nhận hồ sơ lúc này (hạn nộp: { $time } ngày { $date }).
entry-incomplete = Hồ sơ chưa đầy đủ. Còn thiếu: { $items }.
entry-wrong-state = Không thực hiện được khi hồ sơ ở trạng thái “{ $state }”.
entry-return-submit = Gửi yêu cầu và trả hồ sơ
notice-entry-returned = Đã trả hồ sơ để cơ sở bổ sung, sửa chữa.
mail-submitted-subject = Đã nhận hồ sơ dự thi: { $product }
mail-submitted-body =
    Hồ sơ sản phẩm “{ $product }” dự thi { $round } đã được nộp lúc { $time }.

    Tổ giúp việc sẽ thẩm định hồ sơ. Xem hồ sơ tại:
    { $link }
mail-returned-subject = Cần bổ sung, sửa chữa hồ sơ: { $product }
mail-returned-body =
    Tổ giúp việc của { $round } đề nghị bổ sung, sửa chữa hồ sơ sản phẩm “{ $product }”:

    { $message }

    Hãy sửa và nộp lại hồ sơ tại:
    { $link }
audit-business-saved = Lưu thông tin cơ sở
audit-entry-started = Tạo hồ sơ dự thi
audit-entry-file-added = Thêm tệp vào hồ sơ
audit-entry-file-removed = Xóa tệp khỏi hồ sơ
audit-entry-submitted = Nộp hồ sơ
audit-entry-withdrawn = Rút hồ sơ
audit-entry-returned = Trả hồ sơ để bổ sung, sửa chữa

## Screening, jury and score sheets
audit-entry-accepted = Hồ sơ hợp lệ, cấp mã số bình chọn
audit-entry-ineligible = Hồ sơ không đủ điều kiện
audit-entry-juror-changed = Thay đổi giám khảo chấm một hồ sơ
audit-jury-conflict-declared = Giám khảo khai báo quan hệ với cơ sở
audit-jury-conflict-recorded = Tổ giúp việc ghi nhận xung đột lợi ích thay giám khảo
audit-sheet-submitted = Nộp phiếu chấm điểm
audit-sheet-reopened = Mở lại phiếu chấm điểm
audit-sheet-from-paper = Nhập phiếu chấm từ bản giấy
entry-screening-closed = Vòng bình chọn đã qua giai đoạn sơ tuyển: danh sách hồ sơ hợp lệ đã chốt.
entry-too-many = Cơ sở của bạn đã có { $max } hồ sơ trong đợt bình chọn này, là số tối đa một cơ sở được nộp. Hãy dùng một hồ sơ nháp chưa nộp, hoặc xóa bớt.
entry-code = Mã số: { $code }
entry-ineligible-reason = Hồ sơ không đủ điều kiện tham gia bình chọn. Lý do:
field-ineligible-reason = Lý do không đủ điều kiện
field-selection_code = Mã số bình chọn
field-comment = Nhận xét
hint-comment = Nhận xét chung về sản phẩm (không bắt buộc). Cơ sở sẽ đọc được nhận xét này sau khi công bố kết quả, không kèm tên giám khảo.
field-reopen-reason = Lý do mở lại phiếu
field-tie = Quan hệ với cơ sở
field-note = Ghi chú về quan hệ
hint-tie-note = Bắt buộc khi chọn “Quan hệ khác”.
tie-owner = Là chủ sở hữu hoặc người điều hành cơ sở
tie-relative = Là người thân của chủ cơ sở hoặc người đại diện
tie-employee = Đang làm việc cho cơ sở
tie-adviser = Là cố vấn, người hướng dẫn kỹ thuật cho cơ sở
tie-other = Quan hệ khác (ghi rõ)
declare-title = Khai báo xung đột lợi ích
declare-intro = Trước khi xem hồ sơ, hãy cho biết ông/bà có quan hệ nào với cơ sở “{ $business }” không. Nếu có, hồ sơ này sẽ được chuyển khỏi danh sách chấm của ông/bà.
declare-question = Quan hệ của ông/bà với cơ sở
declare-no-tie = Tôi không có quan hệ nào với cơ sở này
declare-submit = Gửi khai báo
declare-later = Tôi phát hiện mình có quan hệ với cơ sở này
declare-tie-submit = Khai báo và không chấm hồ sơ này
notice-conflict-declared = Đã ghi nhận quan hệ của ông/bà với cơ sở; hồ sơ đó không còn trong danh sách chấm của ông/bà.
notice-declared = Đã ghi nhận khai báo.
nav-judging = Chấm điểm
round-tab-screening = Sơ tuyển
round-tab-jury = Ban Giám khảo
screening-title = Kết quả sơ tuyển hồ sơ
screening-accept-hint = Hồ sơ đủ điều kiện sẽ được cấp mã số bình chọn và chuyển cho Ban Giám khảo.
screening-accept = Hồ sơ hợp lệ, cấp mã số
screening-reject = Hồ sơ không đủ điều kiện
notice-entry-accepted = Đã chấp nhận hồ sơ và cấp mã số bình chọn.
notice-entry-rejected = Đã ghi nhận hồ sơ không đủ điều kiện.
screening-list-title = Sơ tuyển hồ sơ
screening-list-intro = Mở từng hồ sơ để chấp nhận, yêu cầu bổ sung hoặc kết luận không đủ điều kiện. Khi không còn hồ sơ chờ xử lý, chuyển vòng bình chọn sang giai đoạn chấm điểm để chốt danh sách.
screening-none = Chưa có hồ sơ nào được nộp.
screening-group-submitted = Chờ sơ tuyển
screening-group-returned = Đang chờ cơ sở bổ sung
screening-group-accepted = Hợp lệ
screening-group-ineligible = Không đủ điều kiện
screening-group-empty = Không có hồ sơ nào.
screening-col-submitted = Ngày nộp
at-time-date = { $time } ngày { $date }
judging-title = Chấm điểm
judging-intro = Các hồ sơ được phân công cho ông/bà. Mỗi hồ sơ: khai báo xung đột lợi ích, xem hồ sơ, chấm điểm và nộp phiếu.
judging-none = Hiện chưa có vòng bình chọn nào đang chấm điểm mà ông/bà là giám khảo.
judging-progress = Đã nộp { $done }/{ $count } phiếu
judging-close = Hạn chấm: { $time } ngày { $date }
judging-col-group = Nhóm
judging-col-status = Tình trạng
judging-conflicts = Hồ sơ không chấm do xung đột lợi ích
judging-must-declare = Chưa khai báo
judging-declare = Khai báo
judging-score = Chấm điểm
judging-continue = Chấm tiếp
judging-view = Xem phiếu
judging-draft = Đang chấm ({ $total } điểm)
judging-submitted = Đã nộp ({ $total } điểm)
jury-title = Phân công và tiến độ chấm điểm
jury-summary = { $submitted }/{ $expected } phiếu chấm đã nộp cho { $entries } hồ sơ hợp lệ.
jury-closed = Phân công không còn thay đổi được ở giai đoạn này.
jury-jurors = Giám khảo
jury-no-jurors = Vòng bình chọn chưa có giám khảo. Thêm giám khảo ở thẻ Thành viên.
jury-entries = Hồ sơ hợp lệ
jury-no-entries = Chưa có hồ sơ hợp lệ nào.
jury-col-juror = Giám khảo
jury-col-groups = Nhóm sản phẩm
jury-col-assigned = Được giao
jury-col-conflicts = Xung đột
jury-col-undeclared = Chưa khai báo
jury-col-submitted = Đã nộp
jury-col-missing = Còn thiếu
jury-entry-missing = Thiếu { $count } phiếu
jury-added = được thêm riêng
jury-removed = Không chấm hồ sơ này (đã rút khỏi hồ sơ):
jury-restore = Giao lại
jury-restore-label = Giao lại hồ sơ cho { $name }
jury-add-label = Thêm giám khảo cho hồ sơ này
jury-add = Thêm
jury-remove = Rút khỏi hồ sơ
jury-remove-label = Rút khỏi hồ sơ: { $name }
jury-open = Mở phiếu
jury-open-sheet = Mở phiếu chấm của { $name }
jury-print-sheet = In phiếu chấm của { $name }
jury-record-conflict = Ghi nhận xung đột lợi ích của { $name }
jury-record = Ghi nhận
notice-juror-changed = Đã cập nhật phân công.
notice-conflict-recorded = Đã ghi nhận xung đột lợi ích; hồ sơ không còn trong danh sách chấm của giám khảo này.
stance-undeclared = Chưa khai báo xung đột lợi ích
stance-no-tie = Không có quan hệ với cơ sở
stance-own-business = Xung đột: tài khoản của giám khảo đại diện cho cơ sở
stance-tie = Xung đột: { $tie }
stance-by-secretariat = do Tổ giúp việc ghi nhận
sheet-title-of = Phiếu chấm điểm hồ sơ { $code }
sheet-business = Cơ sở
sheet-juror = Giám khảo
sheet-juror-conflicted = Giám khảo này có xung đột lợi ích với cơ sở: phiếu của họ không được tính.
sheet-dossier = Hồ sơ sản phẩm
sheet-heading = Phiếu chấm điểm
sheet-paper-hint = Ông/bà đang nhập phiếu chấm bản giấy thay cho giám khảo. Phiếu sẽ được đánh dấu là nhập từ bản giấy.
sheet-print = In phiếu
sheet-state-none = Chưa chấm
sheet-state-draft = Bản nháp
sheet-state-submitted = Đã nộp
sheet-state-submitted-at = Đã nộp lúc { $time } ngày { $date }
sheet-from-paper = nhập từ bản giấy
sheet-updated-by = lưu lần cuối bởi { $name } lúc { $time } ngày { $date }
sheet-max = (tối đa { $max })
sheet-subtotal = Cộng: { $points }/{ $max } điểm
sheet-total = Tổng điểm: { $points }/{ $max }
sheet-all-filled = Đã chấm đủ các mục.
sheet-empty-lines = Còn { $count } mục chưa chấm.
sheet-submit = Nộp phiếu
sheet-reloaded = Phiếu vừa được lưu ở nơi khác (thẻ hoặc thiết bị khác). Đang hiển thị điểm mới nhất; hãy kiểm tra rồi lưu lại.
sheet-reopen-title = Mở lại phiếu để giám khảo sửa
sheet-reopen = Mở lại phiếu
notice-sheet-saved = Đã lưu phiếu nháp.
notice-sheet-submitted = Đã nộp phiếu chấm điểm. Phiếu đã khóa; chỉ Tổ giúp việc có thể mở lại.
notice-sheet-reopened = Đã mở lại phiếu; giám khảo có thể sửa và nộp lại.
sheet-col-number = TT
sheet-col-criterion = Tiêu chí
sheet-col-max = Điểm tối đa
sheet-col-points = Điểm chấm
sheet-col-total = Tổng cộng
print-title = PHIẾU CHẤM ĐIỂM
print-council = Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu { $level } { $territory }
print-nation = Cộng hòa xã hội chủ nghĩa Việt Nam
print-motto = Độc lập - Tự do - Hạnh phúc
print-juror = Họ tên thành viên Ban Giám khảo
print-date = Ngày { $day } tháng { $month } năm { $year }
print-date-blank = Ngày ..... tháng ..... năm ........
print-signature = Thành viên Ban Giám khảo
print-signature-hint = (Ký, ghi rõ họ tên)
print-back = Quay lại phiếu
print-blank = In phiếu trắng
print-hint = Dùng lệnh In của trình duyệt (Ctrl+P) và chọn khổ A4.
judging-scoring-closed = Vòng bình chọn không ở giai đoạn chấm điểm: phiếu chấm không thể thay đổi lúc này.
judging-sheet-locked = Phiếu đã nộp và đã khóa. Nếu cần sửa, hãy đề nghị Tổ giúp việc mở lại phiếu.
judging-not-submitted = Phiếu chưa được nộp nên không cần mở lại.
judging-declare-first = Hãy khai báo xung đột lợi ích trước khi xem hồ sơ và chấm điểm.
judging-conflicted = Giám khảo có xung đột lợi ích với cơ sở này nên không chấm hồ sơ.
judging-sheet-exists = Giám khảo đã bắt đầu chấm hồ sơ này nên không thể rút khỏi hồ sơ.
judging-not-a-juror = Người này không phải giám khảo của vòng bình chọn.
judging-panel-closed = Phân công giám khảo không còn thay đổi được ở giai đoạn này.
judging-tie-stays = Quan hệ đã khai báo chỉ có thể được Tổ giúp việc gỡ bỏ.
judging-tied-to-business = Bạn là người đại diện của cơ sở có sản phẩm này nên không được nhập, mở lại phiếu chấm hay ghi khai báo thay cho giám khảo.
judging-not-eligible = Chỉ hồ sơ hợp lệ mới được chấm điểm.
mail-accepted-subject = Hồ sơ hợp lệ: { $product }
mail-accepted-body =
    Hồ sơ sản phẩm “{ $product }” tham gia { $round } đã được chấp nhận và chuyển cho Ban Giám khảo.

    Mã số bình chọn: { $message }

    Xem hồ sơ tại:
    { $link }
mail-ineligible-subject = Hồ sơ không đủ điều kiện: { $product }
mail-ineligible-body =
    Tổ giúp việc của { $round } kết luận hồ sơ sản phẩm “{ $product }” không đủ điều kiện tham gia bình chọn. Lý do:

    { $message }

    Xem hồ sơ tại:
    { $link }
mail-sheet-reopened-subject = Phiếu chấm được mở lại: { $code }
mail-sheet-reopened-body =
    Tổ giúp việc của { $round } đã mở lại phiếu chấm điểm của ông/bà cho hồ sơ { $code } (“{ $product }”). Lý do:

    { $reason }

    Hãy xem lại và nộp phiếu tại:
    { $link }

## The jury's report

round-tab-report = Báo cáo chấm điểm
report-title = Báo cáo kết quả chấm điểm
report-lead = { $round }: điểm chính thức của mỗi hồ sơ là trung bình cộng tổng điểm các phiếu chấm đã nộp. Ngưỡng công nhận { $threshold } điểm; hồ sơ có chênh lệch giữa các giám khảo trên { $spread } điểm được đánh dấu để Hội đồng thảo luận.
report-print-hint = Để in báo cáo, dùng lệnh In của trình duyệt (Ctrl+P) và chọn khổ A4 nằm ngang.
report-no-entries = Nhóm này không có hồ sơ hợp lệ.
report-col-rank = Hạng
report-col-product = Sản phẩm, cơ sở
report-col-official = Điểm chính thức
report-col-criterion = TC { $number } ({ $max })
report-col-median = Trung vị
report-col-range = Thấp nhất – cao nhất
report-col-spread = Chênh lệch
report-col-sheets = Phiếu
report-col-standing = Đánh giá
report-col-lowest = Thấp nhất
report-col-highest = Cao nhất
report-col-sheets-counted = Phiếu đã nộp
report-col-sheets-owed = Phiếu phải có
report-download = Tải báo cáo (tệp Excel .xlsx)
report-sheets = { $counted }/{ $expected }
report-reaches = Đạt ngưỡng
report-below = Dưới ngưỡng
report-flagged = Chênh lệch lớn, cần thảo luận
report-missing = Thiếu { $count } phiếu
judging-report-not-open = Báo cáo kết quả chấm điểm chỉ mở khi đợt bình chọn đã chuyển sang giai đoạn Hội đồng xem xét.

## The council

round-tab-council = Hội đồng
council-title = Hội đồng bình chọn
council-lead = Hội đồng có { $members } thành viên. Hồ sơ đạt từ { $threshold } điểm trở lên được đưa ra biểu quyết. Biểu quyết hợp lệ khi có ít nhất { $quorum }% số thành viên tham gia; được thông qua khi số phiếu tán thành vượt quá { $majority }% số thành viên tham gia; { $tie }.
council-tie-carries = trường hợp bằng đúng tỷ lệ này thì được thông qua
council-tie-fails = trường hợp bằng đúng tỷ lệ này thì không được thông qua
council-member-hint = Ông/bà bỏ phiếu cho từng hồ sơ đạt ngưỡng; có thể sửa phiếu cho đến khi Tổ giúp việc ghi quyết định. Nếu có quan hệ với cơ sở dự thi, hãy khai báo để không bỏ phiếu hồ sơ đó.
council-above = Hồ sơ đạt ngưỡng, đưa ra biểu quyết
council-none-above = Chưa có hồ sơ nào đạt ngưỡng công nhận.
council-below = Hồ sơ dưới ngưỡng
council-below-hint = Các hồ sơ này không đủ điểm để được công nhận và không đưa ra biểu quyết.
council-score = Điểm chính thức: { $score }
council-counts = { $for } tán thành · { $against } không tán thành · { $abstain } không biểu quyết ({ $present }/{ $members } thành viên tham gia)
council-q-recognise = Công nhận sản phẩm tiêu biểu
council-q-nominate = Đề cử lên cấp trên
council-from-meeting = Theo kết quả biểu quyết tại cuộc họp do Tổ giúp việc ghi nhận.
council-from-online = Theo phiếu bầu trực tuyến của các thành viên.
council-result-recognised = Được công nhận
council-result-nominated = Được công nhận và đề cử lên cấp trên
council-result-not-recognised = Không được công nhận
council-certificate = Giấy chứng nhận số
council-in-set = Thuộc bộ sản phẩm “{ $name }”
council-my-conflict = Ông/bà đã khai báo có quan hệ với cơ sở này nên không bỏ phiếu hồ sơ này.
council-vote = Bỏ phiếu
council-vote-change = Sửa phiếu
council-voted = Ông/bà đã bỏ phiếu; có thể sửa cho đến khi có quyết định.
council-declare = Tôi có quan hệ với cơ sở này
council-declare-submit = Khai báo và không bỏ phiếu hồ sơ này
council-tally = Ghi kết quả biểu quyết tại cuộc họp
council-tally-hint = Số thành viên được biểu quyết hồ sơ này: { $members } (không tính thành viên có quan hệ với cơ sở). Kết quả tại cuộc họp sẽ thay cho phiếu bầu trực tuyến.
council-tally-submit = Ghi kết quả biểu quyết
field-present = Số thành viên tham gia
field-votes-for = Tán thành
field-votes-against = Không tán thành
field-votes-abstain = Không biểu quyết
field-recognise_for = Số phiếu tán thành công nhận
field-nominate_for = Số phiếu tán thành đề cử
field-recognise = Phiếu về việc công nhận
field-nominate = Phiếu về việc đề cử
ballot-for = Tán thành
ballot-against = Không tán thành
ballot-abstain = Không biểu quyết
ballot-blank = Để trống
outcome-carried = Thông qua
outcome-not-carried = Không thông qua
outcome-tied = Bằng phiếu: không thông qua
outcome-no-quorum = Chưa đủ số thành viên tham gia
outcome-below-threshold = Dưới ngưỡng
council-sets = Bộ sản phẩm
council-sets-hint = Hội đồng có thể gộp nhiều sản phẩm đạt ngưỡng của cùng một cơ sở thành một bộ sản phẩm trước khi cấp giấy chứng nhận: các sản phẩm được công nhận trong bộ dùng chung một giấy chứng nhận.
council-no-sets = Không có cơ sở nào có từ hai sản phẩm đạt ngưỡng trở lên.
council-set-of = Chọn các sản phẩm của { $business } để gộp thành bộ
field-set_name = Tên bộ sản phẩm
council-form-set = Gộp thành bộ sản phẩm
council-dissolve = Tách bộ
council-dissolve-label = Tách bộ sản phẩm { $name }
council-decide-heading = Ghi quyết định công nhận
council-decision-summary = Theo kết quả biểu quyết hiện tại: { $recognised } sản phẩm được công nhận, trong đó { $nominated } sản phẩm được đề cử lên cấp trên.
council-undecided = { $count } hồ sơ đạt ngưỡng chưa có kết quả biểu quyết hợp lệ (chưa đủ số thành viên tham gia).
council-decide-hint = Khi ghi quyết định, giai đoạn xét chọn kết thúc: kết quả được chốt, giấy chứng nhận được cấp số cho từng sản phẩm được công nhận và không thể sửa phiếu nữa.
field-decision_number = Số quyết định
hint-decision_number = Ví dụ: 1234/QĐ-UBND
field-decided_on = Ngày ký quyết định
field-signer = Người ký
hint-signer = Họ tên và chức vụ, ví dụ: Nguyễn Văn A, Phó Chủ tịch UBND tỉnh
council-decide = Ghi quyết định và cấp giấy chứng nhận
council-decision-heading = Quyết định công nhận
council-decision-text = Quyết định số { $number } ngày { $date } của { $issuer }; người ký: { $signer }.
notice-vote-cast = Đã ghi nhận phiếu bầu của ông/bà.
notice-council-conflict-declared = Đã ghi nhận khai báo; ông/bà không bỏ phiếu hồ sơ này.
notice-tally-recorded = Đã ghi kết quả biểu quyết tại cuộc họp.
notice-set-formed = Đã gộp bộ sản phẩm.
notice-set-dissolved = Đã tách bộ sản phẩm.
notice-decision-recorded = Đã ghi quyết định; giấy chứng nhận đã được cấp số.
council-not-a-member = Chỉ thành viên Hội đồng bình chọn của đợt này mới được bỏ phiếu.
council-not-deliberating = Hội đồng chỉ bỏ phiếu, ghi kết quả và quyết định khi đợt bình chọn ở giai đoạn Hội đồng xem xét.
council-decided = Quyết định công nhận đã được ghi; kết quả không thể thay đổi nữa.
council-below-threshold = Hồ sơ này chưa đạt ngưỡng điểm nên không được đưa ra biểu quyết công nhận.
council-conflicted = Ông/bà có quan hệ với cơ sở của hồ sơ này nên không được bỏ phiếu.
council-not-recognised = Sản phẩm này không được công nhận nên không có giấy chứng nhận.
council-bad-set = Bộ sản phẩm cần ít nhất hai sản phẩm đạt ngưỡng của cùng một cơ sở, chưa thuộc bộ nào khác.
council-votes-missing = Còn hồ sơ đạt ngưỡng chưa có kết quả biểu quyết hợp lệ. Hãy chờ các thành viên bỏ phiếu hoặc ghi kết quả biểu quyết tại cuộc họp.
problem-more-present-than-members = Số thành viên tham gia nhiều hơn số thành viên được biểu quyết hồ sơ này.
problem-more-votes-than-present = { $field }: tổng số phiếu nhiều hơn số thành viên tham gia.
problem-must-not-be-future = { $field } không được là ngày trong tương lai.
audit-council-vote-cast = Thành viên Hội đồng bỏ phiếu
audit-council-conflict-declared = Thành viên Hội đồng khai báo quan hệ với cơ sở
audit-council-tally-recorded = Ghi kết quả biểu quyết tại cuộc họp
audit-council-set-changed = Gộp hoặc tách bộ sản phẩm
audit-council-decision-recorded = Ghi quyết định công nhận
audit-certificate-issued = Cấp giấy chứng nhận
field-issuer = Cơ quan ban hành quyết định
hint-issuer = In trên giấy chứng nhận, ví dụ: Ủy ban nhân dân tỉnh Đồng Nai
council-not-published = Kết quả chi tiết được gửi tới cơ sở sau khi đợt bình chọn công bố kết quả.
entry-certificate = Giấy chứng nhận số { $number }, có giá trị đến hết ngày { $date }.
entry-certificate-download = Tải giấy chứng nhận (PDF)
entry-feedback-link = Xem điểm và nhận xét của Ban Giám khảo
feedback-title = Kết quả chấm điểm của hồ sơ
feedback-outcome = Kết quả
feedback-score = Điểm chính thức: { $score } (ngưỡng công nhận { $threshold } điểm; trung bình cộng của { $sheets } phiếu chấm).
feedback-criteria = Điểm trung bình theo nhóm tiêu chí
feedback-col-criterion = Nhóm tiêu chí
feedback-col-mean = Điểm trung bình
feedback-col-max = Điểm tối đa
feedback-comments = Nhận xét của Ban Giám khảo
feedback-comments-hint = Nhận xét được trích nguyên văn từ các phiếu chấm, không kèm tên giám khảo.
feedback-no-comments = Các giám khảo không để lại nhận xét.

## Checking a certificate

verify-title = Kiểm tra giấy chứng nhận
verify-lead = Nhập số giấy chứng nhận in trên giấy (hoặc quét mã QR) để biết giấy chứng nhận còn hiệu lực hay không và được cấp cho sản phẩm nào.
field-certificate-number = Số giấy chứng nhận
verify-submit = Kiểm tra
verify-malformed = Đây không phải là một số giấy chứng nhận. Vui lòng nhập đúng số in trên giấy chứng nhận, ví dụ 001/2026/GCN-CNNT.
verify-not-found = Không tìm thấy giấy chứng nhận số “{ $number }” trong các kết quả đã công bố. Vui lòng kiểm tra lại số (kể cả dấu gạch chéo) hoặc liên hệ cơ quan cấp.
verify-heading = Giấy chứng nhận số { $number }
verify-valid = Còn hiệu lực
verify-expired = Đã hết hiệu lực
verify-revoked = Đã bị thu hồi
verify-product = Sản phẩm
verify-set = Bộ sản phẩm
verify-set-items = gồm: { $items }
verify-group = Nhóm sản phẩm
verify-business = Cơ sở
verify-level = Cấp công nhận
verify-decision-label = Quyết định công nhận
verify-decision = Số { $number } ngày { $date } của { $issuer }
verify-issued = Ngày cấp
verify-valid-until = Có giá trị đến hết ngày
verify-revoked-on = Thu hồi
verify-revoke = Thu hồi giấy chứng nhận này
field-revoke-reason = Lý do thu hồi
verify-revoke-submit = Thu hồi giấy chứng nhận
notice-certificate-revoked = Đã thu hồi giấy chứng nhận.
audit-certificate-revoked = Thu hồi giấy chứng nhận

## Public results

results-title = Kết quả bình chọn
results-lead = Theo Quyết định số { $number } ngày { $date } của { $issuer }, { $recognised } sản phẩm được công nhận là sản phẩm công nghiệp nông thôn tiêu biểu (trong số { $entries } hồ sơ hợp lệ).
results-photo-alt = Ảnh sản phẩm { $product }
results-certificate = Giấy chứng nhận số { $number }
results-nominated = Được đề cử lên cấp trên
results-score = Điểm: { $score }

## The catalogue

home-catalogue-link = Xem các sản phẩm tiêu biểu
home-verify-link = Kiểm tra giấy chứng nhận
catalogue-title = Sản phẩm công nghiệp nông thôn tiêu biểu
catalogue-lead = Các sản phẩm đã được công nhận qua các kỳ bình chọn. Tìm theo tên sản phẩm, tên cơ sở hoặc địa phương; gõ có dấu hay không dấu đều được.
catalogue-q = Tìm sản phẩm, cơ sở
catalogue-any = Tất cả
catalogue-territory = Địa bàn
catalogue-year = Năm
catalogue-submit = Tìm
catalogue-found = Tìm thấy { $count } sản phẩm.
catalogue-none = Không có sản phẩm nào phù hợp. Hãy thử từ khóa ngắn hơn hoặc bỏ bớt điều kiện lọc.
catalogue-pages = Các trang kết quả
catalogue-prev = Trang trước
catalogue-next = Trang sau
catalogue-page = Trang { $page }/{ $pages }
catalogue-about = Giới thiệu sản phẩm
catalogue-contact = Liên hệ cơ sở
catalogue-address = Địa chỉ
catalogue-representative = Người đại diện
catalogue-phone = Điện thoại
catalogue-email = E-mail
catalogue-certificates = Giấy chứng nhận
catalogue-validity = Cấp ngày { $issued }, có giá trị đến hết ngày { $until }.
catalogue-others = Sản phẩm tiêu biểu khác của cơ sở
results-csv = Tải kết quả (tệp CSV, dữ liệu mở)
scores-download = Tải kết quả và bảng điểm chi tiết (tệp Excel .xlsx)
scores-yes = Có
scores-no = Không
scores-juror = Giám khảo
scores-total = Tổng điểm

## Statistics

home-statistics-link = Số liệu thống kê của chương trình
stats-title = Số liệu thống kê
stats-lead = Qua các kỳ bình chọn đã công bố kết quả: { $entries } hồ sơ hợp lệ, { $recognised } sản phẩm được công nhận (tỷ lệ { $rate }).
stats-csv = Tải toàn bộ số liệu (tệp CSV)
stats-empty = Chưa có kỳ bình chọn nào công bố kết quả.
stats-by-group = Hồ sơ và sản phẩm được công nhận theo nhóm sản phẩm
stats-by-territory = Theo địa bàn
stats-by-level = Theo cấp
stats-by-year = Theo năm
stats-scores = Phân bố điểm chính thức (số hồ sơ theo khoảng điểm)
stats-col-label = Mục
stats-col-entries = Số hồ sơ
stats-col-recognised = Được công nhận
stats-col-rate = Tỷ lệ

## Nomination upward

round-tab-nominations = Đề cử
nominations-title = Đề cử lên cấp trên
nominations-lead = Quyết định đã đề cử { $count } sản phẩm lên cấp trên. Gửi các hồ sơ này tới một đợt bình chọn cấp cao hơn trong hệ thống, hoặc tải gói hồ sơ đề cử cho đợt bình chọn tổ chức ở nơi khác.
nominations-none = Quyết định không đề cử sản phẩm nào.
nominations-table = Các sản phẩm được đề cử
nominations-col-send = Gửi
nominations-col-score = Điểm
nominations-col-certificate = Giấy chứng nhận
nominations-col-status = Tình trạng
nominations-parent = Đợt bình chọn cấp trên
nominations-parent-hint = Các đợt cấp cao hơn đang nhận hồ sơ (đang mở hoặc đang xét hồ sơ). Mỗi hồ sơ được chọn sẽ đến đó ở trạng thái đã nộp, kèm toàn bộ hồ sơ và giấy chứng nhận.
nominations-send = Gửi các hồ sơ đã chọn
nominations-all-sent = Tất cả hồ sơ được đề cử có thể gửi đã được gửi.
nominations-no-parent = Hiện không có đợt bình chọn cấp cao hơn nào trong hệ thống đang nhận hồ sơ. Hãy tải gói hồ sơ đề cử bên dưới, hoặc quay lại khi đợt cấp trên mở.
nominations-package = Gói hồ sơ đề cử
nominations-package-hint = Tệp ZIP gồm hồ sơ của từng sản phẩm được đề cử, giấy chứng nhận và danh sách trích ngang (Excel .xlsx: mã số, sản phẩm, nhóm, cơ sở, địa chỉ, điểm, giấy chứng nhận), dùng cho đợt bình chọn tổ chức ở nơi khác.
nominations-package-download = Tải gói hồ sơ đề cử (ZIP)
notice-nominations-sent = Đã gửi các hồ sơ đã chọn lên đợt bình chọn cấp trên.
nomination-carried = Được đề cử từ { $round }: giấy chứng nhận số { $number }, hiệu lực đến { $until }.
nomination-valid-until = hiệu lực đến { $until }
nomination-sent-to = Đã gửi tới { $round } ngày { $date }
nomination-not-sent = Chưa gửi
nomination-choose = Gửi { $entry }
nomination-parent-is = Đợt cấp trên của đợt này: { $round }.
nomination-parent-closed-named = Đợt cấp trên của đợt này, { $round }, hiện không nhận hồ sơ.
nomination-refused-entry = Hồ sơ { $code }: { $reason }
nomination-not-decided = Chỉ gửi đề cử được sau khi đã ghi quyết định của đợt bình chọn.
nomination-no-parent = Hãy chọn một đợt bình chọn cấp cao hơn trong hệ thống.
nomination-parent-level = Đợt đã chọn không ở cấp cao hơn đợt này.
nomination-parent-closed = Đợt đã chọn hiện không nhận hồ sơ (chỉ nhận khi đang mở hoặc đang xét hồ sơ).
nomination-not-nominated = Hội đồng không đề cử hồ sơ này.
nomination-already-sent = Hồ sơ này đã được gửi.
nomination-no-certificate = Hồ sơ này không có giấy chứng nhận.
nomination-certificate-expired = Giấy chứng nhận đã hết hiệu lực: giấy chứng nhận cấp dưới đã hết hạn thì không thể đưa hồ sơ lên cấp trên.
nomination-certificate-revoked = Giấy chứng nhận đã bị thu hồi: không thể đưa hồ sơ lên cấp trên.
nomination-group-missing = Đợt cấp trên không có nhóm sản phẩm mang số của hồ sơ này.
nomination-nothing-chosen = Hãy chọn ít nhất một hồ sơ để gửi.
audit-nomination-sent = Gửi đề cử lên đợt cấp trên
package-sheet = Danh sách trích ngang
package-title = Danh sách trích ngang các sản phẩm được đề cử
package-col-number = STT
package-col-code = Mã số
package-col-product = Sản phẩm
package-col-group = Nhóm
package-col-business = Cơ sở
package-col-address = Địa chỉ
package-col-representative = Người đại diện
package-col-phone = Điện thoại
package-col-score = Điểm
package-col-certificate = Số giấy chứng nhận
package-col-valid-until = Hiệu lực đến
package-col-status = Tình trạng giấy chứng nhận
package-col-folder = Thư mục trong gói
council-certificate-revoked = Giấy chứng nhận này đã bị thu hồi nên không thể tải về nữa. Trang tra cứu giấy chứng nhận cho biết thời điểm và lý do thu hồi.
council-tied-to-business = Bạn là người đại diện của cơ sở có sản phẩm này nên không được ghi kết quả biểu quyết cho sản phẩm đó.

## Second factor (sign-in codes from an authenticator app)
sign-in-code-title = Nhập mã xác thực
sign-in-code-intro = Mật khẩu đúng. Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) và nhập mã 6 chữ số đang hiện cho Tiêu biểu. Mã đổi sau mỗi 30 giây.
sign-in-code-again = Đăng nhập lại từ đầu
sign-in-code-submit = Xác nhận
field-code = Mã xác thực
field-code-hint = 6 chữ số, ví dụ 123 456.
two-step-title = Xác thực hai bước
two-step-intro = Khi bật, mỗi lần đăng nhập cần thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại của bạn, nên người biết mật khẩu cũng không đăng nhập được nếu không có điện thoại đó.
two-step-required = Hệ thống này yêu cầu quản trị viên dùng xác thực hai bước. Quyền quản trị của bạn chỉ có hiệu lực sau khi cài đặt xong.
two-step-on = Xác thực hai bước đang bật cho tài khoản này.
two-step-off = Xác thực hai bước đang tắt.
two-step-begin = Bắt đầu cài đặt
two-step-step-app = Cài một ứng dụng xác thực lên điện thoại (Google Authenticator, Microsoft Authenticator hoặc ứng dụng tương tự).
two-step-step-scan = Trong ứng dụng, chọn thêm tài khoản và quét mã QR này.
two-step-step-code = Nhập mã 6 chữ số mà ứng dụng hiện để hoàn tất.
two-step-qr-label = Mã QR để thêm Tiêu biểu vào ứng dụng xác thực
two-step-secret = Không quét được? Nhập khóa này vào ứng dụng:
two-step-confirm = Bật xác thực hai bước
two-step-remove-title = Tắt xác thực hai bước
two-step-remove = Tắt xác thực hai bước
two-step-back = ‹ Về trang tài khoản
notice-second-factor-begun = Đã tạo khóa mới. Quét mã QR rồi nhập mã đầu tiên.
notice-second-factor-on = Đã bật xác thực hai bước. Các phiên đăng nhập khác của bạn đã kết thúc.
notice-second-factor-off = Đã tắt xác thực hai bước.
notice-second-factor-cleared = Đã gỡ xác thực hai bước của tài khoản này; các phiên đăng nhập của người đó đã kết thúc.
problem-invalid-code = Mã xác thực gồm đúng 6 chữ số.
problem-wrong-code = Mã không đúng hoặc đã được dùng. Hãy nhập mã đang hiện trong ứng dụng (kiểm tra giờ trên điện thoại nếu mã luôn sai).
problem-sign-in-expired = Lượt đăng nhập này đã hết hạn hoặc nhập sai quá nhiều lần. Hãy đăng nhập lại bằng mật khẩu.
problem-second-factor-required = Hệ thống yêu cầu quản trị viên dùng xác thực hai bước nên không thể tắt.
audit-account-second-factor-enabled = Bật xác thực hai bước
audit-account-second-factor-removed = Gỡ xác thực hai bước
account-two-step = Xác thực hai bước
account-two-step-needed = Hệ thống yêu cầu quản trị viên dùng xác thực hai bước. Hãy cài đặt để dùng quyền quản trị.
accounts-second-factor = Có xác thực hai bước
accounts-clear-second-factor = Gỡ xác thực hai bước (mất điện thoại)
