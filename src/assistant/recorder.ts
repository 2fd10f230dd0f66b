// The turn observer of the service: a statistics event per turn, and the messages the bot could not answer
// into the inbox where staff teach it.
import type { Plan } from '../dialogue/decide';
import type { AnalyticsEvent, AnalyticsStore, UnansweredStore } from '../store/ports';
import type { TurnObserver } from './turn-observer';

/** Grouping key length kept for the unanswered-questions inbox. */
const MAX_NORMALIZED = 2000;

/** Plans that mean the bot did not know the answer (a guess to confirm counts as one). */
const UNANSWERED: ReadonlySet<Plan['kind']> = new Set([
  'not_understood',
  'out_of_scope',
  'did_you_mean',
  'which',
]);

function eventType(kind: Plan['kind']): AnalyticsEvent['type'] {
  if (kind === 'lookup' || kind === 'handoff' || kind === 'complaint') return kind;
  return UNANSWERED.has(kind) ? 'not_understood' : 'answer';
}

/** What the recorder writes to: it only adds. */
export interface RecorderStores {
  analytics: Pick<AnalyticsStore, 'record'>;
  unanswered: Pick<UnansweredStore, 'add'>;
}

export function recorder(stores: RecorderStores): TurnObserver {
  return {
    async observe({ msg, understanding: u, decision: d, now }) {
      await stores.analytics.record({
        type: eventType(d.plan.kind),
        channel: msg.channel,
        intent: d.intent,
        procedure: d.procedure,
        aspect: d.aspect,
        at: now,
        commune: msg.commune ?? null,
      });
      if (!UNANSWERED.has(d.plan.kind)) return;
      await stores.unanswered.add({
        text: msg.text,
        normalized: (u.normalized || msg.text.trim()).slice(0, MAX_NORMALIZED),
        intent: u.intent,
        procedure: u.procedure,
        aspect: u.aspect,
        confidence: u.confidence,
        channel: msg.channel,
        at: now,
        commune: msg.commune ?? null,
      });
    },
  };
}
