import type { DossierStatus } from '../store/ports';

/** Plain-Vietnamese meaning of each status, as a citizen should read it. */
export const STATUS_TEXT: Record<DossierStatus, { label: string; meaning: string }> = {
  received: {
    label: 'Mới tiếp nhận',
    meaning: 'Hồ sơ đã được tiếp nhận hợp lệ; thời hạn giải quyết tính từ ngày tiếp nhận.',
  },
  processing: {
    label: 'Đang xử lý',
    meaning: 'Hồ sơ đang được bộ phận chuyên môn giải quyết; {ac} chưa cần làm gì thêm.',
  },
  needs_supplement: {
    label: 'Chờ bổ sung',
    meaning: 'Hồ sơ cần bổ sung giấy tờ; {ac} vui lòng nộp bổ sung đúng các giấy tờ ghi trong phiếu yêu cầu.',
  },
  suspended: {
    label: 'Tạm dừng',
    meaning: 'Hồ sơ đang tạm dừng xử lý; {ac} xem lý do bên dưới để biết cần làm gì.',
  },
  rejected: {
    label: 'Từ chối giải quyết',
    meaning: 'Hồ sơ không được giải quyết; lý do ghi bên dưới. {Ac} có thể nộp lại khi đủ điều kiện.',
  },
  result_ready: { label: 'Đã có kết quả', meaning: 'Kết quả đã sẵn sàng tại Trung tâm.' },
  returned: { label: 'Đã trả kết quả', meaning: 'Kết quả đã được trả cho người nộp.' },
};
