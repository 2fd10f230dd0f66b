// @ts-check
// Vietnamese names of the codes the API uses.
export const ROLE = { admin: 'Quản trị', editor: 'Biên tập', viewer: 'Chỉ xem' };
export const ASPECT = {
  documents: 'Giấy tờ',
  fee: 'Lệ phí',
  time: 'Thời gian',
  where: 'Nơi nộp',
  form: 'Mẫu tờ khai',
  general: 'Cách làm',
};
export const INTENT = {
  procedure: 'Hỏi thủ tục',
  status_lookup: 'Tra cứu hồ sơ',
  greeting: 'Chào hỏi',
  thanks: 'Cảm ơn',
  goodbye: 'Tạm biệt',
  ask_human: 'Gặp cán bộ',
  office_info: 'Giờ làm việc, địa chỉ',
  complaint: 'Phản ánh',
  out_of_scope: 'Ngoài phạm vi',
};
export const STATUS = {
  received: 'Mới tiếp nhận',
  processing: 'Đang xử lý',
  needs_supplement: 'Chờ bổ sung',
  suspended: 'Tạm dừng',
  rejected: 'Từ chối giải quyết',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
};
export const CHANNEL = {
  zalo: 'Zalo',
  messenger: 'Messenger',
  web: 'Web',
  cli: 'Dòng lệnh',
  botkit: 'Botkit',
};
export const HANDOFF_STATE = { waiting: 'Đang chờ', taken: 'Đang xử lý', closed: 'Đã kết thúc' };
export const HANDOFF_REASON = {
  asked: 'Người dân xin gặp cán bộ',
  failures: 'Trợ lý không hiểu 2 lần liên tiếp',
};
export const DELIVERY = {
  pending: 'chờ gửi',
  sending: 'đang gửi',
  sent: 'đã gửi',
  failed: 'không gửi được',
  dead: 'gửi lỗi',
};
export const AUTHORITY = { commune_committee: 'UBND xã', commune_police: 'Công an xã' };
/** How a history line starts after the field's name ("Lệ phí: đổi … → …"). */
export const CHANGE = { added: 'thêm', removed: 'bỏ', changed: 'đổi' };
export const UNIT_KIND = {
  deadline: 'Thời hạn phải làm',
  validity: 'Thời hạn giá trị',
  amount: 'Số tiền được nhận',
  yes_no: 'Có / không',
  rule: 'Quy định',
  special_case: 'Trường hợp đặc biệt',
  faq: 'Hỏi – đáp',
};
export const YES_NO = { yes: 'Có', no: 'Không' };
export const NOTICE = {
  expiring: 'Sắp hết hiệu lực (trong 30 ngày)',
  expired: 'Đã hết hiệu lực, trợ lý không còn dùng',
  stale: 'Quá 6 tháng chưa rà soát',
  unverified: 'Chưa đối chiếu văn bản chính thức',
  writing: 'Cách viết cần sửa (mã nội bộ, số văn bản, số câu trả lời)',
};
/** What each audit action means (the log stores the code; an unknown one is shown as it is). */
export const AUDIT_ACTION = {
  'staff.login': 'Đăng nhập',
  'staff.create': 'Tạo tài khoản',
  'staff.update': 'Sửa tài khoản',
  'knowledge.publish': 'Xuất bản thủ tục',
  'knowledge.restore': 'Khôi phục thủ tục',
  'knowledge.import': 'Nhập tệp thủ tục',
  'knowledge.reload': 'Nạp lại thư mục knowledge/',
  'training.assign': 'Dạy trợ lý câu hỏi',
  'training.known': 'Câu hỏi trợ lý đã biết',
  'training.out_of_scope': 'Đánh dấu ngoài phạm vi',
  'training.remove': 'Bỏ câu đã dạy',
  'dossier.status': 'Đổi trạng thái hồ sơ',
  'dossier.import': 'Nhập danh sách hồ sơ',
  'dossier.import.refused': 'Tệp hồ sơ bị từ chối',
  'dossier.import.failed': 'Nhập hồ sơ bị lỗi',
  'dossier.import.interrupted': 'Nhập hồ sơ bị gián đoạn',
  'handoff.take': 'Nhận cuộc trò chuyện',
  'handoff.reply': 'Trả lời người dân',
  'handoff.close': 'Trả cuộc trò chuyện cho trợ lý',
  'outbox.resend': 'Gửi lại tin',
  'citizen.export': 'Xuất dữ liệu người dân',
  'citizen.erase': 'Xóa dữ liệu người dân',
};
