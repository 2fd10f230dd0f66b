// The service's turn observer: a statistics event per turn, the unanswered ones into the staff inbox.
import fs from 'node:fs';
import { recorder } from '../../src/assistant/recorder';
import type { Decision, Plan } from '../../src/dialogue/decide';
import type { Understanding } from '../../src/nlu/understanding';
import type { NewAnalyticsEvent, NewUnansweredQuestion } from '../../src/store/ports';
import { testAssistant } from '../support/assistant';

const NOW = new Date('2026-12-03T03:00:00Z');
const understanding: Understanding = {
  text: 'abc',
  intent: 'procedure',
  procedure: 'khai-sinh',
  aspect: 'fee',
  code: null,
  redirect: null,
  confidence: 0.3,
  malformedCode: null,
  procedureCandidates: [],
  namesProcedure: true,
  namesAspect: true,
  normalized: 'abc',
};

async function observed(plan: Plan, commune?: string) {
  const events: NewAnalyticsEvent[] = [];
  const inbox: NewUnansweredQuestion[] = [];
  const r = recorder({
    analytics: { record: async (e) => void events.push(e) },
    unanswered: { add: async (q) => void inbox.push(q) },
  });
  const decision: Decision = { plan, intent: 'procedure', procedure: 'khai-sinh', aspect: 'fee', code: null };
  const msg = {
    channel: 'web',
    userId: 'u',
    messageId: 'm',
    kind: 'text',
    text: ' abc ',
    sentAt: NOW,
    ...(commune === undefined ? {} : { commune }),
  } as const;
  await r.observe({ msg, understanding, decision, now: NOW });
  return { events, inbox };
}

it('records an answer as such and keeps it out of the inbox', async () => {
  const { events, inbox } = await observed({ kind: 'procedure', procedure: 'khai-sinh', aspect: 'fee' });
  expect(events).toEqual([
    {
      type: 'answer',
      channel: 'web',
      intent: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'fee',
      at: NOW,
      commune: null,
    },
  ]);
  expect(inbox).toEqual([]);
});

it('a guess to confirm is unanswered: counted and put in the inbox', async () => {
  const { events, inbox } = await observed({ kind: 'did_you_mean', procedure: 'khai-sinh', aspect: 'fee' });
  expect(events.map((e) => e.type)).toEqual(['not_understood']);
  expect(inbox).toMatchObject([{ text: ' abc ', normalized: 'abc', confidence: 0.3, channel: 'web' }]);
});

it('the event and the inbox question belong to the commune the citizen wrote to', async () => {
  const { events, inbox } = await observed({ kind: 'not_understood' }, 'xa-a');
  expect(events.map((e) => e.commune)).toEqual(['xa-a']);
  expect(inbox.map((q) => q.commune)).toEqual(['xa-a']);
});

it('lookups, hand-offs and complaints are counted by their kind', async () => {
  for (const plan of [{ kind: 'lookup', code: 'x' }, { kind: 'handoff' }, { kind: 'complaint' }] as const)
    expect((await observed(plan)).events.map((e) => e.type)).toEqual([plan.kind]);
});

it('an observer that fails costs the citizen nothing but is reported', async () => {
  const errors: string[] = [];
  const { assistant, stores, dir } = await testAssistant({
    observer: { observe: async () => Promise.reject(new Error('down')) },
    onError: (_err, where) => errors.push(where),
  });
  const turn = await assistant.turn({
    channel: 'web',
    userId: 'u',
    messageId: 'm',
    kind: 'text',
    text: 'giờ làm việc',
    sentAt: NOW,
  });
  expect(turn.replies.length).toBeGreaterThan(0);
  expect(errors).toEqual(['observer']);
  await stores.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
