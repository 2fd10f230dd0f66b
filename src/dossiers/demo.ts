// Demo dossiers for a fresh install: a few per status, codes of the taxonomy's shape, invented names.
import type { Dossier, DossierStatus, DossierStore } from '../store/ports';

const DAY = 86_400_000;

interface Seed {
  seq: number;
  procedureId: string;
  name: string;
  status: DossierStatus;
  receivedDaysAgo: number;
  dueInDays: number;
  reason?: string;
  note?: string;
}

const SEEDS: Seed[] = [
  { seq: 1, procedureId: 'khai-sinh', name: 'Nguyễn Văn An', status: 'received', receivedDaysAgo: 0, dueInDays: 1 },
  { seq: 2, procedureId: 'chung-thuc-hop-dong', name: 'Trần Thị Bích', status: 'received', receivedDaysAgo: 1, dueInDays: 1 },
  { seq: 3, procedureId: 'ket-hon', name: 'Lê Minh Châu', status: 'processing', receivedDaysAgo: 2, dueInDays: 3 },
  { seq: 4, procedureId: 'dat-dai', name: 'Phạm Quốc Dũng', status: 'processing', receivedDaysAgo: 20, dueInDays: -2, note: 'Hồ sơ đang chờ kết quả đo đạc.' },
  { seq: 5, procedureId: 'ho-kinh-doanh', name: 'Hoàng Thị Em', status: 'needs_supplement', receivedDaysAgo: 3, dueInDays: 2, reason: 'Thiếu bản sao hợp đồng thuê mặt bằng.' },
  { seq: 6, procedureId: 'giay-phep-xay-dung', name: 'Vũ Văn Phúc', status: 'suspended', receivedDaysAgo: 10, dueInDays: 5, reason: 'Chờ nộp lệ phí theo thông báo.' },
  { seq: 7, procedureId: 'tro-cap-xa-hoi', name: 'Đặng Thị Giang', status: 'rejected', receivedDaysAgo: 12, dueInDays: -1, reason: 'Chưa đủ tuổi hưởng trợ cấp theo quy định.' },
  { seq: 8, procedureId: 'trich-luc-ho-tich', name: 'Bùi Văn Hải', status: 'result_ready', receivedDaysAgo: 1, dueInDays: 0 },
  { seq: 9, procedureId: 'khai-tu', name: 'Đỗ Thị Hoa', status: 'result_ready', receivedDaysAgo: 2, dueInDays: -1 },
  { seq: 10, procedureId: 'xac-nhan-hon-nhan', name: 'Ngô Văn Khánh', status: 'returned', receivedDaysAgo: 5, dueInDays: -2 },
];

function yymmdd(d: Date): string {
  return d.toISOString().slice(2, 10).replace(/-/g, '');
}

export function demoDossiers(now: Date): Dossier[] {
  return SEEDS.map((s) => {
    const receivedAt = new Date(now.getTime() - s.receivedDaysAgo * DAY);
    const dueAt = new Date(now.getTime() + s.dueInDays * DAY);
    return {
      code: `000.00.15.H12-${yymmdd(receivedAt)}-${String(s.seq).padStart(4, '0')}`,
      procedureId: s.procedureId,
      applicantName: s.name,
      phone: null,
      receivedAt,
      dueAt,
      status: s.status,
      reason: s.reason ?? null,
      note: s.note ?? null,
      history: [{ status: s.status, at: receivedAt, note: null }],
      updatedAt: receivedAt,
    };
  });
}

export async function seedDemoDossiers(store: DossierStore, now: Date): Promise<Dossier[]> {
  const all = demoDossiers(now);
  for (const d of all) await store.upsert(d);
  return all;
}
