// Demo dossiers for a fresh install and for trying the bot: two per status (one of them overdue), codes of
// the taxonomy's shape dated on their receipt day, invented names, a plausible status history. Most belong to
// xã Hòa An; a few to xã Suối Mây (the agency codes of knowledge/communes/*.yaml).
import type { Dossier, DossierStatus, DossierStore, StatusChange } from '../store/ports';
import { vnDayNumber } from '../core/vn-time';

const DAY = 86_400_000;
const HOA_AN = '000.00.15.H12';
const SUOI_MAY = '000.00.27.H12';

interface Seed {
  procedureId: string;
  name: string;
  phone?: string;
  status: DossierStatus;
  receivedDaysAgo: number;
  dueInDays: number;
  reason?: string;
  note?: string;
  /** The receiving agency (default xã Hòa An). */
  agency?: string;
}

const SEEDS: Seed[] = [
  {
    procedureId: 'khai-sinh',
    name: 'Nguyễn Văn An',
    phone: '0912000001',
    status: 'received',
    receivedDaysAgo: 0,
    dueInDays: 1,
  },
  {
    procedureId: 'chung-thuc-hop-dong',
    name: 'Trần Thị Bích',
    status: 'received',
    receivedDaysAgo: 1,
    dueInDays: 1,
  },
  {
    procedureId: 'ket-hon',
    name: 'Lê Minh Châu',
    phone: '0912000003',
    status: 'processing',
    receivedDaysAgo: 2,
    dueInDays: 3,
  },
  {
    procedureId: 'dat-dai',
    name: 'Phạm Quốc Dũng',
    status: 'processing',
    receivedDaysAgo: 20,
    dueInDays: -2,
    note: 'Hồ sơ đang chờ kết quả đo đạc.',
  },
  {
    procedureId: 'ho-kinh-doanh',
    name: 'Hoàng Thị Em',
    phone: '0912000005',
    status: 'needs_supplement',
    receivedDaysAgo: 3,
    dueInDays: 2,
    reason: 'Thiếu bản sao hợp đồng thuê mặt bằng.',
  },
  {
    procedureId: 'cai-chinh-ho-tich',
    name: 'Đinh Văn Giàu',
    status: 'needs_supplement',
    receivedDaysAgo: 4,
    dueInDays: 4,
    reason: 'Cần bổ sung bản sao giấy khai sinh có chứng thực.',
  },
  {
    procedureId: 'giay-phep-xay-dung',
    name: 'Vũ Văn Phúc',
    status: 'suspended',
    receivedDaysAgo: 10,
    dueInDays: 5,
    reason: 'Chờ nộp lệ phí theo thông báo.',
  },
  {
    procedureId: 'dat-dai',
    name: 'Mai Thị Hạnh',
    status: 'suspended',
    receivedDaysAgo: 15,
    dueInDays: 10,
    reason: 'Chờ thực hiện nghĩa vụ tài chính (nộp thuế).',
  },
  {
    procedureId: 'tro-cap-xa-hoi',
    name: 'Đặng Thị Giang',
    status: 'rejected',
    receivedDaysAgo: 12,
    dueInDays: -1,
    reason: 'Chưa đủ tuổi hưởng trợ cấp theo quy định.',
  },
  {
    procedureId: 'ho-ngheo',
    name: 'Lý Văn Kiên',
    status: 'rejected',
    receivedDaysAgo: 9,
    dueInDays: 1,
    reason: 'Thu nhập bình quân cao hơn chuẩn hộ nghèo.',
  },
  {
    procedureId: 'trich-luc-ho-tich',
    name: 'Bùi Văn Hải',
    phone: '0912000011',
    status: 'result_ready',
    receivedDaysAgo: 1,
    dueInDays: 0,
  },
  { procedureId: 'khai-tu', name: 'Đỗ Thị Hoa', status: 'result_ready', receivedDaysAgo: 2, dueInDays: -1 },
  {
    procedureId: 'xac-nhan-hon-nhan',
    name: 'Ngô Văn Khánh',
    status: 'returned',
    receivedDaysAgo: 5,
    dueInDays: -2,
  },
  {
    procedureId: 'chung-thuc-ban-sao',
    name: 'Tạ Thị Lan',
    status: 'returned',
    receivedDaysAgo: 3,
    dueInDays: -2,
  },
  {
    procedureId: 'khai-sinh',
    name: 'Hà Thị Mận',
    phone: '0912000021',
    status: 'processing',
    receivedDaysAgo: 1,
    dueInDays: 1,
    agency: SUOI_MAY,
  },
  {
    procedureId: 'giay-phep-xay-dung',
    name: 'Lò Văn Nam',
    status: 'needs_supplement',
    receivedDaysAgo: 6,
    dueInDays: 8,
    reason: 'Thiếu bản vẽ mặt bằng công trình.',
    agency: SUOI_MAY,
  },
  {
    procedureId: 'chung-thuc-ban-sao',
    name: 'Cầm Thị Oanh',
    status: 'result_ready',
    receivedDaysAgo: 0,
    dueInDays: 0,
    agency: SUOI_MAY,
  },
];

// The steps a dossier went through to reach its status.
const PATH: Record<DossierStatus, DossierStatus[]> = {
  received: ['received'],
  processing: ['received', 'processing'],
  needs_supplement: ['received', 'processing', 'needs_supplement'],
  suspended: ['received', 'processing', 'suspended'],
  rejected: ['received', 'processing', 'rejected'],
  result_ready: ['received', 'processing', 'result_ready'],
  returned: ['received', 'processing', 'result_ready', 'returned'],
};

/** yymmdd of the Vietnamese calendar day, as in receipt codes. */
function yymmdd(d: Date): string {
  return new Date(vnDayNumber(d) * DAY).toISOString().slice(2, 10).replace(/-/g, '');
}

export function demoDossiers(now: Date): Dossier[] {
  return SEEDS.map((s, i) => {
    const receivedAt = new Date(now.getTime() - s.receivedDaysAgo * DAY - 3_600_000);
    const steps = PATH[s.status];
    const stepMs = (now.getTime() - receivedAt.getTime()) / steps.length;
    const history: StatusChange[] = steps.map((status, k) => ({
      status,
      at: new Date(receivedAt.getTime() + Math.round(k * stepMs)),
      note: k === steps.length - 1 ? (s.reason ?? null) : null,
    }));
    const agency = s.agency ?? HOA_AN;
    // Each agency numbers its own dossiers.
    const number = SEEDS.slice(0, i + 1).filter((x) => (x.agency ?? HOA_AN) === agency).length;
    return {
      code: `${agency}-${yymmdd(receivedAt)}-${String(number).padStart(4, '0')}`,
      procedureId: s.procedureId,
      applicantName: s.name,
      phone: s.phone ?? null,
      receivedAt,
      dueAt: new Date(now.getTime() + s.dueInDays * DAY),
      status: s.status,
      reason: s.reason ?? null,
      note: s.note ?? null,
      history,
      updatedAt: history.at(-1)?.at ?? receivedAt,
    };
  });
}

/** Upsert the demo dossiers (idempotent for the same `now`); returns them so callers know the codes. */
export async function seedDemoDossiers(store: DossierStore, now: Date): Promise<Dossier[]> {
  const all = demoDossiers(now);
  for (const d of all) await store.upsert(d);
  return all;
}

/** The demo dossiers, only into a store that has no dossier at all; returns how many were added. */
export async function seedDemoWhenEmpty(store: DossierStore, now: Date): Promise<number> {
  if ((await store.count()) > 0) return 0;
  return (await seedDemoDossiers(store, now)).length;
}
