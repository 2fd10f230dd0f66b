// The assistant: understand → decide → carry out (a handler per plan kind) → compose in 3-biết style,
// then tell the observer. It sees only the store ports and knows nothing of channels.
import type { AssistantPort } from '../core/assistant-port';
import { conversationIdOf, type InboundMessage, type Reply } from '../core/message';
import type { KnowledgeHolder } from '../kb/holder';
import type { Aspect } from '../core/labels';
import type { Procedure } from '../kb/schema';
import { NluModel } from '../nlu/model';
import type { Example, TrainingData } from '../nlu/training-data';
import type { Understanding } from '../nlu/understanding';
import type { RemoteLookup } from './remote-lookup';
import type { HandoffReason, Stores } from '../store/ports';
import { systemTrouble } from '../dialogue/answers/fallback';
import { procedureAnswer } from '../dialogue/answers/procedure';
import { unitAnswer } from '../dialogue/answers/unit';
import { reachUnit } from '../dialogue/reach-unit';
import { UnitFinder } from '../dialogue/units';
import type { KnowledgeBase } from '../kb/knowledge-base';
import { forCommune } from '../kb/for-commune';
import { localDay } from '../kb/validity';
import { compileLexicon, type Lexicon } from '../nlu/lexicon';
import { decide, DEFAULT_THRESHOLDS, type Decision, type Known, type Thresholds } from '../dialogue/decide';
import { addressOf, finish } from '../dialogue/finish';
import { reviveState, type DialogueState } from '../dialogue/state';
import { carryOut, type Outcome, type TurnPorts } from './handlers';
import type { TurnObserver } from './turn-observer';
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
  'dossiers' | 'conversations' | 'complaints' | 'subscriptions' | 'handoffs' | 'counters'
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
  /** Told about failures the citizen is spared (e.g. an observer that could not record a turn). */
  onError?: (err: unknown, where: string) => void;
  /** Told about each understood turn once its reply is settled. */
  observer?: TurnObserver;
  /** Optional remote lookup for codes not found locally (DOSSIER_API_URL). */
  remoteLookup?: RemoteLookup;
}

export interface Turn {
  understanding: Understanding | null;
  decision: Decision | null;
  replies: Reply[];
}

const MINUTE = 60_000;

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

  /**
   * The unit finder for this version of the knowledge (rebuilt when staff publish or files change). Built
   * from the whole knowledge, not a commune's view: it only ranks units; answers come from the view.
   */
  private units(kb: KnowledgeBase): UnitFinder {
    if (!this.finder?.isFor(kb)) this.finder = UnitFinder.build(kb, this.lexicon);
    return this.finder;
  }

  private today(now: Date, kb: KnowledgeBase = this.knowledge.current()): string {
    return localDay(now, kb.commune.timezone);
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

  private procedureNames(kb: KnowledgeBase): Map<string, string> {
    return new Map([...kb.procedures].map(([id, p]) => [id, p.name]));
  }

  private known(kb: KnowledgeBase): Known {
    return {
      procedures: this.procedureNames(kb),
      cues: (normalized) => readCues(normalized.split(' '), this.cues),
    };
  }

  async turn(msg: InboundMessage): Promise<Turn> {
    const now = this.clock();
    const convId = conversationIdOf(msg);
    const whole = this.knowledge.current();
    // The commune the citizen wrote to: its profile, and the procedures with its fees and overrides.
    const kb = forCommune(whole, msg.commune);
    const today = this.today(now, kb);
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
      decide(u, state, this.known(kb), this.thresholds),
      u,
      state,
      this.units(whole),
      today,
    );
    let outcome: Outcome;
    try {
      outcome = await carryOut(d.plan, {
        decision: d,
        state,
        // What the bot offered is answered now or forgotten.
        base: { ...state, offered: [] },
        kb,
        names: this.procedureNames(kb),
        msg,
        now,
        today,
        ports: this.ports(msg, now),
      });
    } catch {
      outcome = { draft: systemTrouble(kb.commune), next: state };
    }
    const { draft } = outcome;
    let next: DialogueState = { ...outcome.next, lastAt: now.toISOString() };
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
    // Observers are secondary: a failure of theirs must not cost the citizen the answer.
    await this.options.observer
      ?.observe({ msg, understanding: u, decision: d, now })
      .catch((err: unknown) => this.options.onError?.(err, 'observer'));
    return { understanding: u, decision: d, replies };
  }

  /** The side effects of one citizen's turn, for the plan handlers. */
  private ports(msg: InboundMessage, now: Date): TurnPorts {
    const conversation = conversationIdOf(msg);
    return {
      lookupAllowed: () =>
        allowed(this.stores.counters, lookupRules(this.lookupLimits, conversation, msg.clientAddress), now),
      findDossier: async (code) =>
        (await this.stores.dossiers.get(code)) ?? (await this.options.remoteLookup?.(code)) ?? null,
      subscribe: (code) =>
        this.stores.subscriptions.add(
          { code, channel: msg.channel, userId: msg.userId, commune: msg.commune ?? null },
          now,
        ),
      fileComplaint: (text) =>
        this.stores.complaints.add({
          channel: msg.channel,
          userId: msg.userId,
          text,
          at: now,
          commune: msg.commune ?? null,
        }),
      openHandoff: (reason) => this.openHandoff(msg, reason, now),
    };
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
      {
        channel: msg.channel,
        userId: msg.userId,
        displayName: msg.displayName ?? null,
        reason,
        commune: msg.commune ?? null,
      },
      now,
    );
    return true;
  }
}
