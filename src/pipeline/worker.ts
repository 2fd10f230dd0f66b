// Background worker: claims stored inbound messages, asks the assistant, and puts the replies in the
// durable outbox. Per-citizen order is kept: the store hands out a citizen's next message only once the
// previous one is done, on every instance (and tasks are chained per citizen here as well).
import type { Logger } from 'pino';
import type { AssistantPort } from '../core/assistant-port';
import type { ChannelName, InboundMessage, Reply } from '../core/message';
import type { ContactStore, InboundRecord, InboundStore, OutboxStore } from '../store/ports';
import { interactionTime } from './ingest';
import { KeyedSerial } from '../core/keyed-serial';
import { TECHNICAL_PROBLEM_REPLY, TEXT_ONLY_REPLY } from '../dialogue/channel-texts';
import { userRef } from './user-ref';
import { ClaimLoop, type Claims } from './claim-loop';
import { errText } from './err-text';

export interface InboundWorkerOptions {
  inbound: InboundStore;
  outbox: OutboxStore;
  /** The citizen's message opens (renews) the consultation window. */
  contacts: ContactStore;
  assistant: AssistantPort;
  logger: Logger;
  /** Unique per process; recorded on claims. */
  owner: string;
  /** Messages answered at the same time (across citizens). */
  concurrency?: number;
  /** A claim older than this is considered abandoned and is taken again. */
  staleMs?: number;
  pollMs?: number;
  /**
   * Called once the citizen's message is answered: their consultation window is open again, so news that
   * waited for it (dossier status changes) can be queued behind the answer.
   */
  onAnswered?: (channel: ChannelName, userId: string) => Promise<void>;
  now?: () => Date;
}

export class InboundWorker extends ClaimLoop<InboundRecord> {
  private readonly serial = new KeyedSerial();

  /** start(): messages a dead process held go back at once (answered in order), then the loop. */
  constructor(private readonly o: InboundWorkerOptions) {
    super({
      name: 'inbound',
      logger: o.logger,
      owner: o.owner,
      concurrency: o.concurrency ?? 8,
      staleMs: o.staleMs ?? 120_000,
      pollMs: o.pollMs ?? 1_000,
    });
  }

  protected claims(): Claims {
    return this.o.inbound;
  }

  protected claim(staleMs: number): Promise<InboundRecord | null> {
    return this.o.inbound.claimNext(this.o.owner, staleMs);
  }

  /** Chained per citizen, so one citizen's messages are answered in order even inside this process. */
  protected process(rec: InboundRecord): Promise<void> {
    return this.serial.run(`${rec.channel}:${rec.userId}`, () => this.handle(rec));
  }

  private async handle(rec: InboundRecord): Promise<void> {
    const log = this.o.logger.child({
      channel: rec.channel,
      user: userRef(rec.channel, rec.userId),
      inbound: rec.id,
    });
    try {
      await this.o.contacts.touch(
        rec.channel,
        rec.userId,
        interactionTime(rec.sentAt, rec.receivedAt),
        rec.displayName,
        rec.commune,
      );
    } catch (err) {
      log.error({ err: errText(err) }, 'could not record the interaction; will retry');
      return;
    }
    // The assistant answers every kind (for image, sticker, voice… it says it reads text only);
    // if it fails, the pipeline's own polite texts stand in.
    let replies: Reply[];
    try {
      replies = await this.o.assistant.respond(toMessage(rec));
    } catch (err) {
      log.error({ err: errText(err) }, 'assistant failed; apologising to the citizen');
      replies = [rec.kind === 'text' ? TECHNICAL_PROBLEM_REPLY : TEXT_ONLY_REPLY];
    }
    try {
      if (replies.length > 0) {
        const now = this.o.now ? this.o.now() : new Date();
        // Enqueueing and marking done are two writes: a crash between them re-processes the message, and
        // the source keys make that re-run find the parts already queued instead of sending them twice.
        await this.o.outbox.enqueue(
          replies.map((reply, i) => ({
            channel: rec.channel,
            userId: rec.userId,
            reply,
            inboundReceivedAt: rec.receivedAt,
            source: replySource(rec.id, i),
            commune: rec.commune,
          })),
          now,
        );
      }
      await this.o.inbound.markDone(rec.id);
      log.debug({ parts: replies.length }, 'replies queued');
    } catch (err) {
      // Left in 'processing': claimed again once stale.
      log.error({ err: errText(err) }, 'could not queue replies; will retry');
      return;
    }
    try {
      await this.o.onAnswered?.(rec.channel, rec.userId);
    } catch (err) {
      // The news keeps waiting and is tried again after the citizen's next message.
      log.error({ err: errText(err) }, 'could not queue waiting notifications');
    }
  }
}

/** The outbox source of part `index` of the answer to inbound record `id`. */
function replySource(id: string, index: number): string {
  return `inbound:${id}:${index}`;
}

function toMessage(r: InboundRecord): InboundMessage {
  const m: InboundMessage = {
    channel: r.channel,
    userId: r.userId,
    messageId: r.messageId,
    kind: r.kind,
    text: r.text,
    sentAt: r.sentAt,
  };
  if (r.displayName) m.displayName = r.displayName;
  if (r.commune !== null) m.commune = r.commune;
  return m;
}
