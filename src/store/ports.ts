// Ports: everything the service keeps. The assistant and the channels see only these interfaces;
// each engine (SQLite default, MongoDB via mongoose) implements all of them and passes one contract suite.
// The records themselves are defined once, as schemas, in entities/.
import type { ChannelName } from '../core/message';
import type { AnalyticsEvent, NewAnalyticsEvent } from './entities/analytics';
import type { AuditEntry } from './entities/audit';
import type { Complaint, NewComplaint } from './entities/complaint';
import type { Contact } from './entities/contact';
import type { Dossier, DossierStatus } from './entities/dossier';
import type { Handoff, HandoffState, NewHandoff } from './entities/handoff';
import type { ImportJob } from './entities/import-job';
import type { InboundRecord, NewInbound } from './entities/inbound';
import type { KnowledgeVersion } from './entities/knowledge';
import type { NewOutboxItem, OutboxItem, OutboxState } from './entities/outbox';
import type { StaffSession } from './entities/session';
import type { NewStaffAccount, StaffAccount } from './entities/staff';
import type { NewSubscription, Subscription } from './entities/subscription';
import type { TokenPair } from './entities/token';
import type { NewUnansweredQuestion } from './entities/unanswered';
import type { WriteHealth } from './write-health';

export type { AnalyticsEvent, NewAnalyticsEvent } from './entities/analytics';
export type { AuditEntry } from './entities/audit';
export { DOSSIER_STATUSES, type Dossier, type DossierStatus, type StatusChange } from './entities/dossier';
export {
  HANDOFF_REASONS,
  HANDOFF_STATES,
  type Handoff,
  type HandoffReason,
  type HandoffState,
  type NewHandoff,
} from './entities/handoff';
export {
  IMPORT_JOB_STATES,
  type ImportCounts,
  type ImportJob,
  type ImportJobState,
} from './entities/import-job';
export type { InboundRecord, InboundState, NewInbound } from './entities/inbound';
export type { KnowledgeVersion } from './entities/knowledge';
export type { NewOutboxItem, OutboxItem, OutboxState } from './entities/outbox';
export type { StaffSession } from './entities/session';
export { STAFF_ROLES, type NewStaffAccount, type StaffAccount, type StaffRole } from './entities/staff';
export type { NewSubscription, Subscription } from './entities/subscription';
export type { TokenPair } from './entities/token';
export type { NewUnansweredQuestion, UnansweredQuestion } from './entities/unanswered';

/**
 * Which communes' records a query wants (null in it: the rows naming no commune, the default commune's);
 * null = every commune. The staff console passes the caller's communes.
 */
export type CommuneFilter = ReadonlyArray<string | null> | null;

// ---- dossiers -------------------------------------------------------------------------------
export interface DossierStore {
  get(code: string): Promise<Dossier | null>;
  /** The stored dossiers among these codes, in any order (one query: imports read a batch at a time). */
  getMany(codes: string[]): Promise<Dossier[]>;
  /** Insert or replace by code; returns whether it was created. */
  upsert(d: Dossier): Promise<{ created: boolean }>;
  /** Insert or replace several, all or none where the engine has transactions (one import batch). */
  upsertMany(ds: Dossier[]): Promise<void>;
  /**
   * Change status and append to history; null when the code is unknown. For statuses that carry a reason
   * (needs_supplement, suspended, rejected) the note also becomes `reason`; otherwise `reason` is cleared.
   */
  setStatus(code: string, status: DossierStatus, note: string | null, at: Date): Promise<Dossier | null>;
  count(): Promise<number>;
  /**
   * Dossiers in one of these statuses with an appointment before `dueBefore`, counted per agency code (the
   * receipt code before its first "-"; the province dashboard's overdue dossiers per commune).
   */
  countByAgency(filter: { statuses: DossierStatus[]; dueBefore: Date }): Promise<AgencyCount[]>;
}
export interface AgencyCount {
  agency: string;
  count: number;
}

// ---- conversation state ----------------------------------------------------------------------
export interface ConversationStore {
  /** Opaque JSON-serialisable dialogue state per conversation id. */
  load(conversationId: string): Promise<unknown>;
  save(conversationId: string, state: unknown): Promise<void>;
}

// ---- inbound messages (dedupe + crash recovery) ----------------------------------------------
export interface InboundStore {
  /** Persist once per (channel, messageId); returns null when it was already there (a redelivery). */
  insertIfNew(r: NewInbound): Promise<InboundRecord | null>;
  /**
   * Atomically claim the oldest pending message (or one stuck in processing longer than staleMs) whose
   * citizen has no earlier unfinished message: one message per citizen at a time across all instances,
   * so answers (and conversation state) follow the order the citizen wrote in.
   */
  claimNext(owner: string, staleMs: number): Promise<InboundRecord | null>;
  markDone(id: string): Promise<void>;
  /** Messages not yet done (pending or being processed). */
  countPending(): Promise<number>;
  /** One citizen's latest `limit` messages, oldest first (conversation history for staff). */
  recent(channel: ChannelName, userId: string, limit: number): Promise<InboundRecord[]>;
  /** The owners holding messages in 'processing' (start-up recovery finds the dead ones among them). */
  claimOwners(): Promise<string[]>;
  /** Messages these (dead) owners held go back to pending at once; returns how many. */
  release(owners: string[]): Promise<number>;
}

// ---- outbox ----------------------------------------------------------------------------------
export interface OutboxStore {
  /**
   * Enqueue several parts in order (atomically where the engine has transactions). A part whose source
   * is already in the outbox is not queued again: the stored item is returned in its place.
   */
  enqueue(items: NewOutboxItem[], now: Date): Promise<OutboxItem[]>;
  /**
   * Atomically claim the next due item whose user has no earlier unfinished item (per-user order).
   * Items stuck in 'sending' longer than staleMs are claimable again.
   */
  claimNext(owner: string, now: Date, staleMs: number): Promise<OutboxItem | null>;
  markSent(id: string, now: Date, messageId: string | null): Promise<void>;
  /**
   * Back to pending for a later attempt. `uncertainSince` is set when this attempt may have reached the
   * platform (it timed out or the connection broke after sending): the next attempt checks first.
   */
  retryLater(id: string, error: string, nextAttemptAt: Date, uncertainSince: Date | null): Promise<void>;
  /** Final: failed (permanent platform error) or dead (attempts exhausted). */
  markFinal(id: string, state: 'failed' | 'dead', error: string): Promise<void>;
  /** Items not yet finished (pending or sending). */
  depth(): Promise<number>;
  /** One item; null when unknown. */
  get(id: string): Promise<OutboxItem | null>;
  /** How many items are in each state (dead letters for /readyz and the console). */
  countByState(communes?: CommuneFilter): Promise<Record<OutboxState, number>>;
  /**
   * Staff "send again": a failed or dead item goes back to pending, due now, with a fresh attempt count;
   * null when it is unknown or not failed/dead.
   */
  requeue(id: string, now: Date): Promise<OutboxItem | null>;
  /** The owners holding items in 'sending'. */
  claimOwners(): Promise<string[]>;
  /**
   * Items these (dead) owners held go back to pending, due now, marked uncertain since their claim (the
   * send may have gone out); returns how many.
   */
  release(owners: string[], now: Date): Promise<number>;
  /** Oldest first. */
  list(
    filter: { userId?: string; state?: OutboxState; communes?: CommuneFilter },
    limit: number,
  ): Promise<OutboxItem[]>;
  /** One citizen's latest `limit` items, oldest first (conversation history for staff). */
  recent(channel: ChannelName, userId: string, limit: number): Promise<OutboxItem[]>;
}

// ---- channel tokens --------------------------------------------------------------------------
/**
 * OAuth token pairs by key: the channel's name for its one (default) account, `<channel>:<account id>` for one
 * account of several (see tokenKey in src/pipeline/token-manager.ts).
 */
export interface TokenStore {
  get(key: string): Promise<TokenPair | null>;
  put(key: string, pair: TokenPair): Promise<void>;
  /**
   * Take the refresh lease of a stored pair until `until`, unless another holder's lease is still running at
   * `now`: one refresh per account across every instance, since a refresh token is single-use. False when
   * another holder has it or no pair is stored; the holder may take it again (to extend it).
   */
  lease(key: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Give a lease back; only the holder's own lease is released. */
  release(key: string, holder: string): Promise<void>;
}

// ---- consultation windows --------------------------------------------------------------------
export interface ContactStore {
  /**
   * Record the time of the citizen's latest message (opens the channel's window) and the commune it was
   * written to (absent: the default commune).
   */
  touch(
    channel: ChannelName,
    userId: string,
    at: Date,
    displayName: string | null,
    commune?: string | null,
  ): Promise<void>;
  lastInboundAt(channel: ChannelName, userId: string): Promise<Date | null>;
}

// ---- unanswered questions & analytics --------------------------------------------------------
export interface UnansweredStore {
  add(q: NewUnansweredQuestion): Promise<void>;
  /** Grouped per commune by normalised text with a count, most frequent first. */
  grouped(limit: number, communes?: CommuneFilter): Promise<UnansweredGroup[]>;
  /**
   * Staff dealt with a group: it leaves the inbox (a later question starts a new group), in each of these
   * communes that has it. False when none had it.
   */
  resolve(normalized: string, communes?: CommuneFilter): Promise<boolean>;
}

export interface UnansweredGroup {
  normalized: string;
  /** Null: the default commune. */
  commune: string | null;
  example: string;
  count: number;
  lastAt: Date;
}

export interface AnalyticsStore {
  record(e: NewAnalyticsEvent): Promise<void>;
  /** Events with from <= at < to, oldest first, of these communes (null: all). */
  between(from: Date, to: Date, communes?: CommuneFilter): Promise<AnalyticsEvent[]>;
}

// ---- status subscriptions --------------------------------------------------------------------
export interface SubscriptionStore {
  /** Idempotent: subscribing twice keeps the first subscription. */
  add(s: NewSubscription, at: Date): Promise<void>;
  forCode(code: string): Promise<Subscription[]>;
  /** One citizen's subscriptions (to tell them about changes that waited for their window). */
  forUser(channel: ChannelName, userId: string): Promise<Subscription[]>;
  markNotified(code: string, channel: ChannelName, userId: string, status: DossierStatus): Promise<void>;
}

// ---- complaints ------------------------------------------------------------------------------
export interface ComplaintStore {
  add(c: NewComplaint): Promise<string>;
}

// ---- staff accounts, sessions, audit log (staff console) -------------------------------------
export interface StaffStore {
  /** False when the username is taken. */
  create(a: NewStaffAccount, at: Date): Promise<boolean>;
  get(username: string): Promise<StaffAccount | null>;
  list(): Promise<StaffAccount[]>;
  /** Null when the username is unknown. */
  update(
    username: string,
    patch: Partial<Pick<StaffAccount, 'role' | 'communes' | 'passwordHash' | 'disabled'>>,
    at: Date,
  ): Promise<StaffAccount | null>;
}

export interface SessionStore {
  create(s: StaffSession): Promise<void>;
  get(id: string): Promise<StaffSession | null>;
  touch(id: string, at: Date): Promise<void>;
  delete(id: string): Promise<void>;
  /** Log a user out everywhere (password change, account disabled); returns how many were removed. */
  deleteForUser(username: string): Promise<number>;
  /** Purge sessions idle since before `before`; returns how many were removed. */
  deleteIdle(before: Date): Promise<number>;
}

export interface AuditStore {
  append(e: Omit<AuditEntry, 'id'>): Promise<string>;
  /** Newest first. */
  list(
    filter: { actor?: string; target?: string; from?: Date; to?: Date },
    limit: number,
  ): Promise<AuditEntry[]>;
}

// ---- knowledge versions (published edits) ----------------------------------------------------
export interface KnowledgeStore {
  /** Append the next version of `key`; concurrent publishers each get their own number. */
  publish(v: Omit<KnowledgeVersion, 'version'>): Promise<KnowledgeVersion>;
  /** Latest version of every key: what the bot answers from. */
  current(): Promise<KnowledgeVersion[]>;
  get(key: string, version: number): Promise<KnowledgeVersion | null>;
  /** Newest first. Restoring = publishing an old version's content again. */
  history(key: string, limit: number): Promise<KnowledgeVersion[]>;
  /** Grows with every publish (any key); instances poll it to reload without a restart. */
  revision(): Promise<number>;
}

/** What an engine builds; watchWrites() adds the write health. */
export type EngineStores = Omit<Stores, 'writes'>;

/** All ports of one engine. */
export interface Stores {
  dossiers: DossierStore;
  conversations: ConversationStore;
  inbound: InboundStore;
  outbox: OutboxStore;
  tokens: TokenStore;
  contacts: ContactStore;
  unanswered: UnansweredStore;
  analytics: AnalyticsStore;
  subscriptions: SubscriptionStore;
  complaints: ComplaintStore;
  staff: StaffStore;
  sessions: SessionStore;
  audit: AuditStore;
  knowledge: KnowledgeStore;
  handoffs: HandoffStore;
  counters: CounterStore;
  personalData: PersonalDataStore;
  imports: ImportJobStore;
  /** Reachability for /readyz. */
  ping(): Promise<void>;
  /** A small real write (this instance's heartbeat) for /readyz: a full or read-only disk fails it. */
  probeWrite(owner: string, at: Date): Promise<void>;
  /** Whether writes are succeeding (see write-health.ts). */
  writes: WriteHealth;
  close(): Promise<void>;
}

// ---- hand-off to a person (staff console) ----------------------------------------------------
export interface HandoffFilter {
  state?: HandoffState;
  from?: Date;
  to?: Date;
  channels?: ChannelName[];
  communes?: CommuneFilter;
}
export interface HandoffStore {
  /** Opens a request unless the conversation already has an open one (waiting or taken); returns the open one. */
  open(r: NewHandoff, at: Date): Promise<{ handoff: Handoff; created: boolean }>;
  /** The conversation's open request (waiting or taken), or null. */
  active(channel: ChannelName, userId: string): Promise<Handoff | null>;
  get(id: string): Promise<Handoff | null>;
  /**
   * Oldest first; from/to filter the opening time (from <= openedAt < to), channels the channel; `offset`
   * skips that many (paging).
   */
  list(filter: HandoffFilter, limit: number, offset?: number): Promise<Handoff[]>;
  count(filter: HandoffFilter): Promise<number>;
  /** Atomic: a waiting request becomes taken by `by`; null when it is not waiting (someone was first, or it closed). */
  take(id: string, by: string, at: Date): Promise<Handoff | null>;
  /** The holder acted (e.g. replied): postpones the idle hand-back. Only for taken requests. */
  touch(id: string, at: Date): Promise<void>;
  /** Closes an open request; null when it is unknown or already closed. */
  close(id: string, by: string, at: Date): Promise<Handoff | null>;
}

// ---- counters (rate limits shared by every instance) -----------------------------------------
export interface CounterStore {
  /**
   * Adds one to `key` (starting from 0 when it is missing or expired at `now`) and keeps it until
   * `expiresAt`; returns the new count. Atomic across instances, so a limit holds behind a load balancer.
   */
  increment(key: string, now: Date, expiresAt: Date): Promise<number>;
  /** The count and the time of the last increment; null when missing or expired at `now`. */
  peek(key: string, now: Date): Promise<{ count: number; lastAt: Date } | null>;
  delete(key: string): Promise<void>;
  /** Removes counters expired before `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

// ---- personal data: retention and a citizen's rights (export, erasure) ----------------------
export const RETENTION_KINDS = ['messages', 'conversations', 'unanswered', 'complaints', 'audit'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Everything kept about one citizen of one channel (what an export hands over, what erasure removes). */
export interface CitizenData {
  channel: ChannelName;
  userId: string;
  inbound: InboundRecord[];
  outbox: OutboxItem[];
  conversationState: unknown;
  contact: Pick<Contact, 'lastInboundAt' | 'displayName' | 'commune'> | null;
  complaints: Array<Pick<Complaint, 'id' | 'text' | 'at' | 'commune'>>;
  subscriptions: Subscription[];
  handoffs: Handoff[];
}

export interface PersonalDataStore {
  /**
   * Deletes records of `kind` older than `before`; returns how many. Messages: inbound messages done and
   * outbox items finished (sent, failed, dead); conversations: dialogue state, contacts and closed
   * hand-offs; unanswered: questions and their groups; complaints; audit: the staff audit log.
   */
  purge(kind: RetentionKind, before: Date): Promise<number>;
  export(channel: ChannelName, userId: string): Promise<CitizenData>;
  /** Deletes everything `export` returns; returns how many records were removed. */
  erase(channel: ChannelName, userId: string): Promise<number>;
}

// ---- dossier import jobs (progress, and a trace of an import cut short) ----------------------
export interface ImportJobStore {
  create(j: Omit<ImportJob, 'id' | 'updatedAt'>, at: Date): Promise<ImportJob>;
  /** Null when the id is unknown. */
  update(
    id: string,
    patch: Partial<Pick<ImportJob, 'state' | 'counts' | 'inFlight' | 'error'>>,
    at: Date,
  ): Promise<ImportJob | null>;
  get(id: string): Promise<ImportJob | null>;
  /** Newest first. */
  list(limit: number): Promise<ImportJob[]>;
  /** Running jobs not updated since `before` (their process died): marked interrupted and returned. */
  interruptStale(before: Date, at: Date): Promise<ImportJob[]>;
}
