// The assistant: understand → decide → carry out (lookups, records) → compose in 3-biết style.
// It sees only the store ports and knows nothing of channels.
import type { AssistantPort } from '../core/assistant-port';
import { conversationIdOf, type InboundMessage, type Reply } from '../core/message';
import type { KnowledgeHolder } from '../kb/holder';
import type { Aspect } from '../core/labels';
import type { Procedure } from '../kb/schema';
import { NluModel } from '../nlu/model';
import type { Example, TrainingData } from '../nlu/training-data';
import type { Understanding } from '../nlu/understanding';
import type { RemoteLookup } from '../dossiers/remote-lookup';
import type { HandoffReason, Stores } from '../store/ports';
import {
  askProcedureFor,
  greetingReply,
  goodbyeReply,
  inviteQuestion,
  officeInfo,
  procedureMenu,
  thanksReply,
} from '../dialogue/answers/centre';
import {
  didYouMean,
  notUnderstood,
  outOfScope,
  systemTrouble,
  whichProcedure,
} from '../dialogue/answers/fallback';
import { elsewhereAnswer } from '../dialogue/answers/elsewhere';
import { complaintReceived, handoff, handoffLimited } from '../dialogue/answers/people';
import { procedureAnswer } from '../dialogue/answers/procedure';
import { answerProcedure } from '../dialogue/answers/compose';
import { unitAnswer } from '../dialogue/answers/unit';
import { reachUnit } from '../dialogue/reach-unit';
import { UnitFinder } from '../dialogue/units';
import type { KnowledgeBase } from '../kb/knowledge-base';
import { localDay } from '../kb/validity';
import { compileLexicon, type Lexicon } from '../nlu/lexicon';
import {
  askCode,
  badCode,
  codeNotFound,
  dossierStatus,
  lookupUnavailable,
  notifyWithoutCode,
  subscribed,
  tooManyLookups,
} from '../dialogue/answers/status';
import { decide, DEFAULT_THRESHOLDS, type Decision, type Known, type Thresholds } from '../dialogue/decide';
import type { Draft } from '../dialogue/draft';
import { addressOf, finish } from '../dialogue/finish';
import { reviveState, withProcedure, type DialogueState } from '../dialogue/state';
import { compileCues, readCues, type CueIndex } from '../nlu/aspect-cues';
import { isFollowUp, Taught } from '../nlu/taught';
import { nonTextReply } from '../dialogue/answers/non-text';
import {
  allowed,
  DEFAULT_HANDOFF_LIMITS,
  DEFAULT_LOOKUP_LIMITS,
  handoffRules,
  lookupRules,
  type HandoffLimits,
  type LookupLimits,
} from './limits';

export type AssistantStores = Pick<
  Stores,
  | 'dossiers'
  | 'conversations'
  | 'complaints'
  | 'subscriptions'
  | 'unanswered'
  | 'analytics'
  | 'handoffs'
  | 'counters'
>;

export interface AssistantOptions {
  thresholds?: Thresholds;
  /** Receipt-code lookups allowed per conversation, client address and overall (anti-enumeration). */
  lookupLimits?: Partial<LookupLimits>;
  /** Requests for a person allowed per conversation and client address (a flood must not bury citizens). */
  handoffLimits?: Partial<HandoffLimits>;
  /** A pause after which the bot greets again. */
  greetAgainAfterMs?: number;
  clock?: () => Date;
  /** A staff member holding a conversation this long without acting hands it back to the bot. */
  handoffIdleMs?: number;
  /** Told about failures the citizen is spared (e.g. statistics that could not be recorded). */
  onError?: (err: unknown, where: string) => void;
  /** Optional remote lookup for codes not found locally (DOSSIER_API_URL). */
  remoteLookup?: RemoteLookup;
}

export interface Turn {
  understanding: Understanding | null;
  decision: Decision | null;
  replies: Reply[];
}

const MINUTE = 60_000;
/** Grouping key length kept for the unanswered-questions inbox. */
const MAX_NORMALIZED = 2000;

export class Assistant implements AssistantPort {
  readonly thresholds: Thresholds;
  private readonly lookupLimits: LookupLimits;
  private readonly handoffLimits: HandoffLimits;
  private readonly greetAgainAfterMs: number;
  private readonly clock: () => Date;
  /** The unit finder's words are normalised with the training lexicon (abbreviations), not the classifier. */
  private readonly lexicon: Lexicon;
  private finder: UnitFinder | null = null;
  /** Aspect cue words: the files' and the follow-ups staff taught. */
  private cues: CueIndex;
  private taught = Taught.none;

  constructor(
    private model: NluModel,
    /** The training data from intents/, to retrain with examples staff add. */
    private readonly baseTraining: TrainingData,
    readonly knowledge: KnowledgeHolder,
    private readonly stores: AssistantStores,
    private readonly options: AssistantOptions = {},
  ) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.lookupLimits = { ...DEFAULT_LOOKUP_LIMITS, ...options.lookupLimits };
    this.handoffLimits = { ...DEFAULT_HANDOFF_LIMITS, ...options.handoffLimits };
    this.greetAgainAfterMs = options.greetAgainAfterMs ?? 4 * 60 * MINUTE;
    this.clock = options.clock ?? (() => new Date());
    this.lexicon = compileLexicon(baseTraining.lexicon);
    this.cues = compileCues(baseTraining.aspectCues, this.lexicon);
  }

  /** The unit finder for this version of the knowledge (rebuilt when staff publish or files change). */
  private units(kb: KnowledgeBase): UnitFinder {
    if (!this.finder?.isFor(kb)) this.finder = UnitFinder.build(kb, this.lexicon);
    return this.finder;
  }

  private today(now: Date): string {
    return localDay(now, this.knowledge.current().commune.timezone);
  }

  /** Understanding only (no state, no replies). */
  understand(text: string): Understanding {
    return this.taught.apply(this.model.understand(text));
  }

  /**
   * The bot's own reading of a sentence on its own, to pre-fill the inbox's form: a sentence that names an
   * aspect and no procedure is a follow-up (procedure null: whatever procedure is in context).
   */
  guess(text: string): Pick<Understanding, 'intent' | 'procedure' | 'aspect'> {
    const u = this.understand(text);
    if (
      !u.namesProcedure &&
      u.namesAspect &&
      !(u.intent === 'procedure' && u.confidence >= this.thresholds.sure)
    ) {
      return {
        intent: 'procedure',
        procedure: null,
        aspect: readCues(u.normalized.split(' '), this.cues).aspect ?? u.aspect ?? 'general',
      };
    }
    return { intent: u.intent, procedure: u.procedure, aspect: u.aspect };
  }

  /**
   * Retrain without a restart: the files' examples plus those staff taught (from the unanswered inbox).
   * A follow-up taught for "whatever procedure is in context" joins the aspect cues, not the examples.
   */
  retrain(extra: readonly Example[]): void {
    const base = this.baseTraining;
    const aspectCues = { ...base.aspectCues };
    for (const e of extra.filter(isFollowUp))
      if (e.aspect) aspectCues[e.aspect] = [...(aspectCues[e.aspect] ?? []), e.text];
    const examples = [...base.examples, ...extra.filter((e) => !isFollowUp(e))];
    // Nothing taught: the files' model (trained or cached already); else one fit at the same calibration.
    this.model = extra.length
      ? NluModel.train({ ...base, examples, aspectCues }, this.model.keepingCalibration())
      : NluModel.train(base);
    this.cues = compileCues(aspectCues, this.lexicon);
    this.taught = Taught.of(extra, (t) => this.model.understand(t).normalized);
  }

  /** Exactly what the bot would answer about a (possibly edited, unpublished) procedure. */
  preview(p: Procedure, aspect: Aspect): Reply[] {
    const who = { address: addressOf(null), centreName: this.knowledge.current().commune.centre_name };
    return finish(procedureAnswer(p, aspect, this.today(this.clock())), who, false);
  }

  /** What the bot would answer with each unit valid today (id → replies). */
  previewUnits(p: Procedure): Record<string, Reply[]> {
    const who = { address: addressOf(null), centreName: this.knowledge.current().commune.centre_name };
    const day = this.today(this.clock());
    return Object.fromEntries(p.units.map((u) => [u.id, finish(unitAnswer(p, u, day), who, false)]));
  }

  async respond(msg: InboundMessage): Promise<Reply[]> {
    return (await this.turn(msg)).replies;
  }

  private procedureNames(): Map<string, string> {
    return new Map([...this.knowledge.current().procedures].map(([id, p]) => [id, p.name]));
  }

  private known(): Known {
    return {
      procedures: this.procedureNames(),
      cues: (normalized) => readCues(normalized.split(' '), this.cues),
    };
  }

  async turn(msg: InboundMessage): Promise<Turn> {
    const now = this.clock();
    const convId = conversationIdOf(msg);
    const kb = this.knowledge.current();
    const who = { address: addressOf(msg.displayName), centreName: kb.commune.centre_name };
    const state = reviveState(await this.stores.conversations.load(convId));
    const greet = !state.lastAt || now.getTime() - Date.parse(state.lastAt) > this.greetAgainAfterMs;
    if (await this.heldByStaff(msg, now)) {
      await this.stores.conversations.save(convId, { ...state, lastAt: now.toISOString() });
      return { understanding: null, decision: null, replies: [] };
    }
    if (msg.kind !== 'text' || !msg.text.trim()) {
      await this.stores.conversations.save(convId, { ...state, lastAt: now.toISOString() });
      return { understanding: null, decision: null, replies: finish(nonTextReply(kb.commune), who, greet) };
    }
    const u = this.understand(msg.text);
    const d = reachUnit(
      decide(u, state, this.known(), this.thresholds),
      u,
      state,
      this.units(kb),
      this.today(now),
    );
    let draft: Draft;
    let next: DialogueState;
    try {
      ({ draft, next } = await this.carryOut(d, state, msg, now));
    } catch {
      draft = systemTrouble(kb.commune);
      next = state;
    }
    next = { ...next, lastAt: now.toISOString() };
    if (next.failures >= 2 && state.failures < 2) {
      // Queued for a person in the background of the answer: a store hiccup here must not cost the reply.
      await this.openHandoff(msg, 'failures', now).catch((err: unknown) =>
        this.options.onError?.(err, 'handoff'),
      );
    }
    // Thanks once per conversation (a new greeting starts a new one).
    const thankedBefore = !greet && state.thanked;
    const replies = finish(draft, who, greet, { thank: !thankedBefore });
    next = { ...next, thanked: thankedBefore || replies.some((r) => /cảm ơn/iu.test(r.text)) };
    await this.stores.conversations.save(convId, next);
    // Statistics are secondary: a failure to record them must not cost the citizen the answer.
    await this.record(msg, u, d, now).catch((err: unknown) => this.options.onError?.(err, 'record'));
    return { understanding: u, decision: d, replies };
  }

  private async carryOut(
    d: Decision,
    s: DialogueState,
    msg: InboundMessage,
    now: Date,
  ): Promise<{ draft: Draft; next: DialogueState }> {
    const kb = this.knowledge.current();
    const c = kb.commune;
    const names = this.procedureNames();
    const plan = d.plan;
    const base: DialogueState = { ...s, awaitingCode: false, offered: [] };
    const failed = (draft: Draft) => ({ draft, next: { ...base, failures: s.failures + 1 } });
    switch (plan.kind) {
      case 'procedure': {
        const p = kb.procedures.get(plan.procedure);
        if (!p) return failed(notUnderstood(c, s.failures > 0));
        return {
          draft: answerProcedure(p, plan, this.today(now)),
          next: { ...base, ...withProcedure(s, p.id), aspect: plan.aspect, failures: 0 },
        };
      }
      case 'which': {
        const offered = plan.procedures.filter((id) => names.has(id));
        return {
          draft: whichProcedure(offered.map((id) => names.get(id) as string)),
          next: { ...base, offered, aspect: plan.aspect },
        };
      }
      case 'did_you_mean':
        return {
          draft: didYouMean(names.get(plan.procedure) ?? plan.procedure),
          next: { ...base, offered: [plan.procedure], aspect: plan.aspect },
        };
      case 'ask_procedure':
        return {
          draft: askProcedureFor(
            plan.aspect,
            plan.procedures.map((id) => names.get(id) ?? id),
          ),
          next: { ...base, aspect: plan.aspect },
        };
      case 'invite':
        return { draft: inviteQuestion(), next: base };
      case 'menu':
        return { draft: procedureMenu([...names.values()]), next: { ...base, aspect: d.aspect ?? s.aspect } };
      case 'ask_code':
        return { draft: askCode(), next: { ...base, awaitingCode: true } };
      case 'bad_code':
        return failed(badCode(plan.raw));
      case 'lookup':
        return this.lookup(plan.code, base, msg, now);
      case 'notify': {
        if (!s.lastCode) return { draft: notifyWithoutCode(), next: { ...base, awaitingCode: true } };
        await this.stores.subscriptions.add(
          { code: s.lastCode, channel: msg.channel, userId: msg.userId },
          now,
        );
        return { draft: subscribed(s.lastCode), next: base };
      }
      case 'greeting':
        return { draft: greetingReply(s.lastAt !== null), next: base };
      case 'thanks':
        return { draft: thanksReply(), next: { ...base, failures: 0 } };
      case 'goodbye':
        return {
          draft: goodbyeReply(c),
          next: { ...base, procedure: null, aspect: null, history: [], failures: 0 },
        };
      case 'office':
        return { draft: officeInfo(c), next: { ...base, failures: 0 } };
      case 'handoff':
        if (!(await this.openHandoff(msg, 'asked', now))) return { draft: handoffLimited(c), next: base };
        return { draft: handoff(c, now), next: { ...base, handoff: true } };
      case 'complaint': {
        const ticket = await this.stores.complaints.add({
          channel: msg.channel,
          userId: msg.userId,
          text: msg.text,
          at: now,
        });
        return { draft: complaintReceived(c, ticket), next: base };
      }
      case 'out_of_scope':
        return failed(outOfScope(c));
      case 'elsewhere': {
        const entry = kb.elsewhere.get(plan.redirect);
        // A redirect the catalogue no longer has (kb validate reports it): the generic apology, never a dead end.
        if (!entry) return failed(outOfScope(c));
        // The conversation leaves the procedure it was about: a follow-up now concerns the other office.
        return {
          draft: elsewhereAnswer(entry),
          next: { ...base, procedure: null, aspect: null, failures: 0 },
        };
      }
      case 'not_understood':
        return failed(notUnderstood(c, s.failures > 0));
    }
  }

  /** A person holds the conversation: the bot stays silent, unless they went idle (then it resumes). */
  private async heldByStaff(msg: InboundMessage, now: Date): Promise<boolean> {
    const h = await this.stores.handoffs.active(msg.channel, msg.userId);
    if (h?.state !== 'taken') return false;
    if (now.getTime() - (h.lastStaffAt ?? h.openedAt).getTime() < (this.options.handoffIdleMs ?? 30 * MINUTE))
      return true;
    await this.stores.handoffs.close(h.id, 'idle', now);
    return false;
  }

  /** False when the limits refuse a new request (asking again while one is open costs nothing). */
  private async openHandoff(msg: InboundMessage, reason: HandoffReason, now: Date): Promise<boolean> {
    if (await this.stores.handoffs.active(msg.channel, msg.userId)) return true;
    if (
      !(await allowed(
        this.stores.counters,
        handoffRules(this.handoffLimits, conversationIdOf(msg), msg.clientAddress),
        now,
      ))
    )
      return false;
    await this.stores.handoffs.open(
      { channel: msg.channel, userId: msg.userId, displayName: msg.displayName ?? null, reason },
      now,
    );
    return true;
  }

  private async lookup(
    code: string,
    s: DialogueState,
    msg: InboundMessage,
    now: Date,
  ): Promise<{ draft: Draft; next: DialogueState }> {
    const c = this.knowledge.current().commune;
    if (
      !(await allowed(
        this.stores.counters,
        lookupRules(this.lookupLimits, conversationIdOf(msg), msg.clientAddress),
        now,
      ))
    ) {
      return { draft: tooManyLookups(c), next: s };
    }
    const next = { ...s, lastCode: code };
    const dossier =
      (await this.stores.dossiers.get(code)) ?? (await this.options.remoteLookup?.(code)) ?? null;
    // The remote is down: an apology and the way to a person, not a "not found" the citizen would believe.
    if (dossier === 'unavailable') return { draft: lookupUnavailable(c), next };
    if (!dossier) return { draft: codeNotFound(code, c), next: { ...next, failures: s.failures + 1 } };
    const name = this.knowledge.current().procedures.get(dossier.procedureId)?.name ?? null;
    return { draft: dossierStatus(dossier, name, now, c), next: { ...next, failures: 0 } };
  }

  private async record(msg: InboundMessage, u: Understanding, d: Decision, now: Date): Promise<void> {
    const notUnderstood =
      d.plan.kind === 'not_understood' ||
      d.plan.kind === 'out_of_scope' ||
      d.plan.kind === 'did_you_mean' ||
      d.plan.kind === 'which';
    const type =
      d.plan.kind === 'lookup'
        ? 'lookup'
        : d.plan.kind === 'handoff'
          ? 'handoff'
          : d.plan.kind === 'complaint'
            ? 'complaint'
            : notUnderstood
              ? 'not_understood'
              : 'answer';
    await this.stores.analytics.record({
      type,
      channel: msg.channel,
      intent: d.intent,
      procedure: d.procedure,
      aspect: d.aspect,
      at: now,
    });
    if (notUnderstood) {
      await this.stores.unanswered.add({
        text: msg.text,
        normalized: (u.normalized || msg.text.trim()).slice(0, MAX_NORMALIZED),
        intent: u.intent,
        procedure: u.procedure,
        aspect: u.aspect,
        confidence: u.confidence,
        channel: msg.channel,
        at: now,
      });
    }
  }
}
