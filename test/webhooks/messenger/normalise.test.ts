import {
  newestEntryTime,
  normaliseMessenger,
  type MessengerEvent,
} from '../../../webhooks/messenger/normalise';
import { payloadFiles } from '../../support/fakes/tmp-sqlite';

type Want =
  | { type: 'message'; kind: string; userId: string; messageId: string; text?: string }
  | { type: 'ignore'; reason: string };

// Every recorded body in test/fixtures/payloads/messenger, item by item.
const EXPECTED: Record<string, Want[]> = {
  'batch_sticker_and_text.clikhome.json': [
    {
      type: 'message',
      kind: 'sticker',
      userId: '1595878670725308',
      messageId: 'mid.1463910455008:68160c45703c925412',
    },
    {
      type: 'message',
      kind: 'text',
      userId: '1595878670725308',
      messageId: 'mid.1463910479218:dcf4367d3dcbd4ac22',
      text: 'cảm ơn ad',
    },
  ],
  'delivery.botman.json': [{ type: 'ignore', reason: 'delivery' }],
  'delivery.messenger-go-sdk.json': [{ type: 'ignore', reason: 'delivery' }],
  'message_echo.botman.json': [{ type: 'ignore', reason: 'echo' }],
  'message_echo.messenger-go-sdk.json': [{ type: 'ignore', reason: 'echo' }],
  'message_nlp.botman.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '1433960459967306',
      messageId: 'mid.$cAABlxfDuVgpkzP8I5Fem7nAgTm_7',
      text: 'thôi em chào, mai 4h em qua',
    },
  ],
  'message_quick_reply.botman.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '1433960459967306',
      messageId: 'mid.1480279487147:4388d3b344',
      text: 'MY_PAYLOAD',
    },
  ],
  'message_text.botman.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '1433960459967306',
      messageId: 'mid.1480279487147:4388d3b344',
      text: 'Alo xa',
    },
  ],
  'message_text.messenger-go-sdk.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '982337261802700',
      messageId: 'mid.1460923697625:5c96e8279b55505308',
      text: 'Xin chào ạ',
    },
  ],
  'message_text_nlp.tock.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '1696785613739982',
      messageId: 'm_bWelEDyH_VUB2asdGYWNskansOeR_J9rheTeWjyz7SOKVtTieg4N7cKiLIioB-p1jMGHO81pvH3M7g5zBOzppQ',
      text: 'Chào ad',
    },
  ],
  'postback.botman.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '1433960459967306',
      messageId: 'postback:1433960459967306:1480279487147',
      text: 'MY_PAYLOAD',
    },
  ],
  'postback.messenger-go-sdk.json': [
    {
      type: 'message',
      kind: 'text',
      userId: '1066835436691078',
      messageId: 'postback:1066835436691078:1468152897212',
      text: 'test',
    },
  ],
  'read.botman.json': [{ type: 'ignore', reason: 'read' }],
  'read.messenger-go-sdk.json': [{ type: 'ignore', reason: 'read' }],
  'referral.botman.json': [{ type: 'ignore', reason: 'referral' }],
  'standby_empty_postback.tock.json': [{ type: 'ignore', reason: 'standby' }],
};

function check(got: MessengerEvent, want: Want): void {
  expect(got.type).toBe(want.type);
  if (got.type === 'message' && want.type === 'message') {
    expect(got.message).toMatchObject({
      channel: 'messenger',
      kind: want.kind,
      userId: want.userId,
      messageId: want.messageId,
    });
    if (want.text !== undefined) expect(got.message.text).toBe(want.text);
  } else if (got.type === 'ignore' && want.type === 'ignore') {
    expect(got.reason).toBe(want.reason);
  }
}

describe('normaliseMessenger on every recorded body', () => {
  const files = payloadFiles('messenger');
  it('has an expectation for every recorded file', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(files.map((f) => [f.name, f.raw] as const))('%s', (name, raw) => {
    const got = normaliseMessenger(JSON.parse(raw.toString('utf8')));
    const want = EXPECTED[name]!;
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => check(g, want[i]!));
    expect(newestEntryTime(JSON.parse(raw.toString('utf8')))).toBeGreaterThan(0);
  });
});

describe('normaliseMessenger details', () => {
  const item = (psid: string, mid: string, text: string, ts = 1767225600321) => ({
    sender: { id: psid },
    recipient: { id: 'PAGE' },
    timestamp: ts,
    message: { mid, text },
  });

  it('names the Page written to: the recipient, or the entry id when an item has none', () => {
    const { recipient: _, ...bare } = item('u2', 'm2', 'hai');
    const got = normaliseMessenger({
      object: 'page',
      entry: [
        { id: 'PAGE', time: 1, messaging: [item('u1', 'm1', 'một')] },
        { id: 'PAGE2', time: 2, messaging: [bare] },
      ],
    });
    expect(got.map((g) => (g.type === 'message' ? g.message.account : g.reason))).toEqual(['PAGE', 'PAGE2']);
  });

  it('loops over several entries and several messaging items per entry', () => {
    const body = {
      object: 'page',
      entry: [
        { id: 'PAGE', time: 1, messaging: [item('u1', 'm1', 'một'), item('u2', 'm2', 'hai')] },
        {
          id: 'PAGE',
          time: 2,
          messaging: [
            item('u1', 'm3', 'ba'),
            {
              sender: { id: 'u3' },
              recipient: { id: 'PAGE' },
              timestamp: 3,
              delivery: { mids: ['x'], watermark: 1 },
            },
          ],
        },
        { id: 'PAGE', time: 3 },
      ],
    };
    const got = normaliseMessenger(body);
    expect(got.map((g) => (g.type === 'message' ? g.message.messageId : g.reason))).toEqual([
      'm1',
      'm2',
      'm3',
      'delivery',
    ]);
  });

  it('maps attachments: image, audio, file, location, new sticker type; tolerates nulls and numeric ids', () => {
    const att = (type: string) => ({
      sender: { id: 77 },
      recipient: { id: 'P' },
      timestamp: 5,
      message: { mid: `m-${type}`, attachments: [{ type, payload: { url: null } }] },
    });
    const got = normaliseMessenger({
      object: 'page',
      entry: [
        { id: 'P', time: 5, messaging: ['image', 'audio', 'file', 'location', 'sticker', 'weird'].map(att) },
      ],
    });
    expect(got.map((g) => g.type === 'message' && g.message.kind)).toEqual([
      'image',
      'audio',
      'file',
      'location',
      'sticker',
      'other',
    ]);
    expect(got[0]!.type === 'message' && got[0]!.message.userId).toBe('77');
  });

  it('a postback with a title but no payload uses the title; an empty postback is ignored', () => {
    const pb = (postback: object) =>
      normaliseMessenger({
        object: 'page',
        entry: [
          {
            id: 'P',
            time: 1,
            messaging: [{ sender: { id: 'u' }, recipient: { id: 'P' }, timestamp: 9, postback }],
          },
        ],
      })[0];
    expect(pb({ title: 'Khai sinh', mid: 'pm' })).toMatchObject({
      type: 'message',
      message: { text: 'Khai sinh', messageId: 'pm' },
    });
    expect(pb({})).toMatchObject({ type: 'ignore', reason: 'empty_postback' });
  });

  it('survives garbage', () => {
    expect(normaliseMessenger(null)).toEqual([{ type: 'ignore', reason: 'malformed' }]);
    expect(normaliseMessenger({ object: 'page', entry: 'x' })).toEqual([]);
    expect(normaliseMessenger({ object: 'page', entry: [null, { messaging: [null, 5] }] })).toHaveLength(2);
  });
});
