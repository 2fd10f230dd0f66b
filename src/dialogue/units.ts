// Finds the answerable unit a question asks for, within the procedure the bot understood. Each unit's
// questions (and its keywords) are documents of one TF-IDF index over the whole knowledge base; so are the
// ways citizens ask for a whole section ("cần giấy tờ gì", "mất bao lâu"). The words of the procedure's
// name are left out on both sides: every question about it may say them, so they tell nothing about which
// fact is asked. A unit answers when it scores above the threshold and above every section of its
// procedure: "khai sinh mất bao lâu" is the time section, "sinh con bao lâu thì phải đi khai sinh" the
// deadline unit.
import type { Aspect } from '../core/labels';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { Unit, UnitKind } from '../kb/schema';
import { appliesOn } from '../kb/validity';
import type { Lexicon } from '../nlu/lexicon';
import { phrasePairs, retrievalFeatures, retrievalTokens, TfIdfIndex, type Scored } from '../nlu/retrieval';

/** How citizens ask for a whole section, without a particular fact in mind. */
export const SECTION_QUERIES: Record<Aspect, readonly string[]> = {
  documents: [
    'cần giấy tờ gì',
    'cần gì',
    'cần những gì',
    'hồ sơ gồm những gì',
    'hồ sơ cần gì',
    'mang theo những gì',
    'cần mang gì',
    'chuẩn bị giấy tờ gì',
    'làm cần giấy gì',
    'nộp những giấy gì',
    'thành phần hồ sơ',
    'giấy tờ cần thiết',
  ],
  fee: [
    'lệ phí bao nhiêu',
    'mất bao nhiêu tiền',
    'có mất phí không',
    'tốn bao nhiêu tiền',
    'phí thế nào',
    'lệ phí là bao nhiêu',
    'có mất tiền không',
    'hết bao nhiêu tiền',
    'phải đóng tiền không',
    'phí bao nhiêu',
    'có thu phí không',
  ],
  time: [
    'mất bao lâu',
    'bao lâu thì có kết quả',
    'mấy ngày thì xong',
    'làm trong bao lâu',
    'bao giờ có',
    'mấy ngày có kết quả',
    'bao lâu thì xong',
    'có lấy ngay được không',
    'thời gian giải quyết',
    'bao lâu thì lấy được',
    'làm mất mấy ngày',
  ],
  where: [
    'nộp ở đâu',
    'làm ở đâu',
    'đến đâu để làm',
    'nộp online được không',
    'nộp trực tuyến thế nào',
    'xin ở đâu',
    'đi đâu làm',
    'đăng ký ở đâu',
    'nộp hồ sơ chỗ nào',
    'làm ở xã nào',
    'làm qua mạng được không',
  ],
  form: [
    'mẫu tờ khai',
    'lấy mẫu đơn ở đâu',
    'tờ khai điền thế nào',
    'mẫu đơn nào',
    'mẫu tờ khai mới nhất',
    'có mẫu không',
    'xin mẫu ở đâu',
    'cách điền tờ khai',
    'tải mẫu ở đâu',
  ],
  general: [
    'thủ tục thế nào',
    'làm như thế nào',
    'các bước làm',
    'hướng dẫn làm',
    'điều kiện là gì',
    'muốn làm thì sao',
    'làm thủ tục gì',
    'cách làm',
    'quy trình ra sao',
    'làm sao',
  ],
};

/** A unit answers only from this similarity on (cosine of TF-IDF vectors; tuned on the knowledge files). */
export const UNIT_THRESHOLD = 0.3;
/**
 * A word (or word pair) found in the questions of this share of a procedure's units, and of at least
 * TOPICAL_MIN of them, is its topic ("làm giấy … cho bé"), not a fact: it is left out like the name.
 */
export const TOPICAL_SHARE = 0.35;
const TOPICAL_MIN = 3;
/**
 * A unit gets this much extra when the aspect the classifier heard is its related section, or the aspect
 * its kind is asked with: a deadline or a validity period with "bao lâu", an amount with "bao nhiêu tiền".
 */
export const ASPECT_BONUS = 0.05;
const KIND_ASPECT: Partial<Record<UnitKind, Aspect>> = { deadline: 'time', validity: 'time', amount: 'fee' };

interface DocKey {
  procedure: string;
  /** null: a way of asking for the whole `aspect` section. */
  unit: string | null;
  aspect: Aspect;
  /** The aspect a unit's kind is asked with, if any. */
  asked?: Aspect;
}

export interface UnitMatch {
  unit: Unit;
  score: number;
}

export class UnitFinder {
  private constructor(
    private readonly index: TfIdfIndex<DocKey>,
    private readonly kb: KnowledgeBase,
    private readonly lexicon: Lexicon,
    /** The word pairs of each procedure's name, left out of its questions. */
    private readonly nameTokens: ReadonlyMap<string, ReadonlySet<string>>,
    /** Each procedure's topical features (see TOPICAL_SHARE). */
    private readonly topical: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  static build(kb: KnowledgeBase, lexicon: Lexicon): UnitFinder {
    const docs: Array<{ key: DocKey; features: string[] }> = [];
    const names = new Map<string, Set<string>>();
    const topics = new Map<string, Set<string>>();
    for (const p of kb.procedures.values()) {
      const name = phrasePairs(retrievalTokens(p.name, lexicon));
      names.set(p.id, name);
      const topic = UnitFinder.topicalOf(
        p.units.map((u) =>
          [...u.questions, ...(u.keywords ?? [])].flatMap((q) =>
            retrievalFeatures(retrievalTokens(q, lexicon), name),
          ),
        ),
      );
      topics.set(p.id, topic);
      const features = (text: string) =>
        retrievalFeatures(retrievalTokens(text, lexicon), name).filter((f) => !topic.has(f));
      for (const u of p.units) {
        const key = { procedure: p.id, unit: u.id, aspect: u.aspect, asked: KIND_ASPECT[u.kind] };
        for (const q of u.questions) docs.push({ key, features: features(q) });
        if (u.keywords?.length) docs.push({ key, features: features(u.keywords.join(' . ')) });
      }
      for (const [aspect, queries] of Object.entries(SECTION_QUERIES) as Array<[Aspect, readonly string[]]>) {
        for (const q of queries)
          docs.push({ key: { procedure: p.id, unit: null, aspect }, features: features(q) });
      }
    }
    return new UnitFinder(new TfIdfIndex(docs), kb, lexicon, names, topics);
  }

  private static topicalOf(unitFeatures: readonly string[][]): Set<string> {
    const df = new Map<string, number>();
    for (const fs of unitFeatures) for (const f of new Set(fs)) df.set(f, (df.get(f) ?? 0) + 1);
    const min = Math.max(TOPICAL_MIN, TOPICAL_SHARE * unitFeatures.length);
    return new Set([...df].filter(([, n]) => n >= min).map(([f]) => f));
  }

  /** Built for this version of the knowledge? */
  isFor(kb: KnowledgeBase): boolean {
    return kb === this.kb;
  }

  /** Units and sections of one procedure, best first (units valid on `day` only), with the aspect bonus. */
  rank(procedureId: string, text: string, aspect: Aspect | null, day: string): Array<Scored<DocKey>> {
    const p = this.kb.procedures.get(procedureId);
    if (!p) return [];
    const valid = new Set(p.units.filter((u) => appliesOn(u, day)).map((u) => u.id));
    const topic = this.topical.get(procedureId);
    const query = retrievalFeatures(
      retrievalTokens(text, this.lexicon),
      this.nameTokens.get(procedureId),
    ).filter((f) => !topic?.has(f));
    const hits = this.index.search(
      query,
      (k) => k.procedure === procedureId && (k.unit === null || valid.has(k.unit)),
    );
    const best = new Map<string, Scored<DocKey>>();
    for (const h of hits) {
      const agrees = aspect !== null && (h.key.aspect === aspect || h.key.asked === aspect);
      const score = h.key.unit && agrees ? h.score + ASPECT_BONUS : h.score;
      const id = h.key.unit ?? `section:${h.key.aspect}`;
      if ((best.get(id)?.score ?? -1) < score) best.set(id, { key: h.key, score });
    }
    // On a tie the unit wins: it was written for this procedure, the section queries for all of them.
    return [...best.values()].sort(
      (a, b) => b.score - a.score || Number(b.key.unit !== null) - Number(a.key.unit !== null),
    );
  }

  /** How well the procedure's best unit or section matches the question (0 when nothing does). */
  bestScore(procedureId: string, text: string, aspect: Aspect | null, day: string): number {
    return this.rank(procedureId, text, aspect, day)[0]?.score ?? 0;
  }

  /** The unit that answers the question, or null when no unit does (then the aspect's section answers). */
  find(
    procedureId: string,
    text: string,
    aspect: Aspect | null,
    day: string,
    threshold = UNIT_THRESHOLD,
  ): UnitMatch | null {
    const [top] = this.rank(procedureId, text, aspect, day);
    if (!top?.key.unit || top.score < threshold) return null;
    const unit = this.kb.procedures.get(procedureId)?.units.find((u) => u.id === top.key.unit);
    return unit ? { unit, score: top.score } : null;
  }
}
