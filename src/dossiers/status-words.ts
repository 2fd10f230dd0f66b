// Status words as provincial one-stop systems write them (procedures-khac.md §A; names vary by vendor),
// matched without case or diacritics so "Đang xử lý", "dang xu ly" and "ĐANG XỬ LÝ" agree.
import { foldKey } from '../nlu/fold';
import type { DossierStatus } from '../store/ports';

const WORDS: Record<DossierStatus, string[]> = {
  received: ['mới tiếp nhận', 'đã tiếp nhận', 'tiếp nhận', 'mới đăng ký', 'chờ tiếp nhận'],
  processing: ['đang xử lý', 'đang giải quyết', 'đang thẩm định', 'đang chuyển liên thông', 'chờ ký số'],
  needs_supplement: ['chờ bổ sung', 'yêu cầu bổ sung', 'bổ sung hồ sơ', 'chờ bổ sung hồ sơ'],
  suspended: [
    'tạm dừng',
    'dừng xử lý tạm thời',
    'tạm dừng xử lý',
    'chờ thực hiện nghĩa vụ tài chính',
    'chờ thanh toán',
  ],
  rejected: [
    'từ chối',
    'từ chối giải quyết',
    'không đủ điều kiện giải quyết',
    'trả lại hồ sơ',
    'không giải quyết',
  ],
  result_ready: ['đã có kết quả', 'chờ trả kết quả', 'có kết quả'],
  returned: ['đã trả kết quả', 'hoàn thành', 'đã hoàn thành', 'đã trả'],
};

const BY_KEY = new Map<string, DossierStatus>(
  (Object.entries(WORDS) as Array<[DossierStatus, string[]]>).flatMap(([status, words]) =>
    words.map((w): [string, DossierStatus] => [foldKey(w), status]),
  ),
);

/** The status a Vietnamese status word names, or null when it is not one we know. */
export function parseStatusWord(text: string): DossierStatus | null {
  return BY_KEY.get(foldKey(text)) ?? null;
}
