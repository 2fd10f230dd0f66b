import { normaliseZalo, type ZaloEvent } from '../../../webhooks/zalo/normalise';
import { payloadFiles } from '../../support/fakes/tmp-sqlite';

type Expect =
  | { type: 'message'; kind: string; userId: string; messageId: string; text?: string }
  | { type: 'interaction'; userId: string }
  | { type: 'ignore'; reason: string };

// Every recorded body in test/fixtures/payloads/zalo, with what it must become.
const EXPECTED: Record<string, Expect> = {
  'follow.clevertap-docs.json': { type: 'interaction', userId: '24684588352919792' },
  'follow.vtt-zalo-app.json': { type: 'interaction', userId: '8958041078911298472' },
  'follow.zaloprofile.json': { type: 'interaction', userId: '8890635404729405962' },
  'oa_send_file.cloudpro-console-test.json': { type: 'ignore', reason: 'echo' },
  'oa_send_gif.cloudpro-console-test.json': { type: 'ignore', reason: 'echo' },
  'oa_send_image.cloudpro-console-test.json': { type: 'ignore', reason: 'echo' },
  'oa_send_list.cloudpro-console-test.json': { type: 'ignore', reason: 'echo' },
  'oa_send_text.cloudpro-console-test.json': { type: 'ignore', reason: 'echo' },
  'user_seen_message.oazalo-conek.json': { type: 'ignore', reason: 'receipt' },
  'user_send_audio.cloudpro-console-test.json': {
    type: 'message',
    kind: 'audio',
    userId: '4339761418830368433',
    messageId: 'This is message id',
  },
  'user_send_file.cloudpro-console-test.json': {
    type: 'message',
    kind: 'file',
    userId: '4339761418830368433',
    messageId: 'This is message id',
    text: '',
  },
  'user_send_gif.cloudpro-console-test.json': {
    type: 'message',
    kind: 'image',
    userId: '4339761418830368433',
    messageId: 'This is message id',
  },
  'user_send_image.cloudpro-console-test.json': {
    type: 'message',
    kind: 'image',
    userId: '4339761418830368433',
    messageId: 'This is message id',
    text: 'Cho em hoi thu tuc khai sinh',
  },
  'user_send_link.cloudpro-console-test.json': {
    type: 'message',
    kind: 'link',
    userId: '4339761418830368433',
    messageId: 'This is message id',
  },
  'user_send_sticker.cloudpro-console-test.json': {
    type: 'message',
    kind: 'sticker',
    userId: '4339761418830368433',
    messageId: 'This is message id',
  },
  'user_send_text.cloudpro-console-test.json': {
    type: 'message',
    kind: 'text',
    userId: '4339761418830368433',
    messageId: 'This is message id',
    text: 'Cho em hoi thu tuc khai sinh',
  },
  'user_send_text.lio-web-console-test.json': {
    type: 'message',
    kind: 'text',
    userId: '7283505279911446385',
    messageId: 'This is message id',
    text: 'Cho em hoi thu tuc khai sinh',
  },
  'user_send_text.lio-web-live.json': {
    type: 'message',
    kind: 'text',
    userId: '2651040744560330253',
    messageId: '1d19cfb48434f168a827',
    text: 'ok ad',
  },
  'user_send_text.zalo-docs-example.json': {
    type: 'message',
    kind: 'text',
    userId: '246845883529197922',
    messageId: '96d3cdf3af150460909',
    text: 'lam cccd o dau',
  },
  'user_send_video.cloudpro-console-test.json': {
    type: 'message',
    kind: 'video',
    userId: '4339761418830368433',
    messageId: 'This is message id',
  },
};

function check(ev: ZaloEvent, want: Expect): void {
  expect(ev.type).toBe(want.type);
  if (ev.type === 'message' && want.type === 'message') {
    expect(ev.message.channel).toBe('zalo');
    expect(ev.message.kind).toBe(want.kind);
    expect(ev.message.userId).toBe(want.userId);
    expect(ev.message.messageId).toBe(want.messageId);
    if (want.text !== undefined) expect(ev.message.text).toBe(want.text);
    expect(Number.isNaN(ev.message.sentAt.getTime())).toBe(false);
  } else if (ev.type === 'interaction' && want.type === 'interaction') {
    expect(ev.userId).toBe(want.userId);
  } else if (ev.type === 'ignore' && want.type === 'ignore') {
    expect(ev.reason).toBe(want.reason);
  }
}

describe('normaliseZalo on every recorded body', () => {
  const files = payloadFiles('zalo');
  it('has an expectation for every recorded file', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(files.map((f) => [f.name, f.raw] as const))('%s', (name, raw) => {
    check(normaliseZalo(JSON.parse(raw.toString('utf8'))), EXPECTED[name]!);
  });
});

describe('normaliseZalo details', () => {
  const base = {
    app_id: '1',
    timestamp: '1767225600123',
    sender: { id: '7000111222333444555' },
    recipient: { id: '3000999888777666555' },
  };

  it('keeps ids as strings beyond 2^53 and reads 12- and 13-digit timestamps', () => {
    const ev = normaliseZalo({
      ...base,
      event_name: 'user_send_text',
      message: { msg_id: 'a1', text: 'Xin chào' },
    });
    expect(ev.type === 'message' && ev.message.userId).toBe('7000111222333444555');
    expect(ev.type === 'message' && ev.message.sentAt.getTime()).toBe(1767225600123);
  });

  it('NFC-normalises text', () => {
    const nfd = 'khai sinh'.normalize('NFD') + ' ' + 'Đăng ký'.normalize('NFD');
    const ev = normaliseZalo({ ...base, event_name: 'user_send_text', message: { msg_id: 'x', text: nfd } });
    expect(ev.type === 'message' && ev.message.text).toBe(nfd.normalize('NFC'));
  });

  it('uses event + user + timestamp when there is no msg_id, and maps location / business card', () => {
    const ev = normaliseZalo({
      ...base,
      event_name: 'user_send_location',
      message: {
        attachments: [{ type: 'location', payload: { coordinates: { latitude: '21', longitude: '105' } } }],
      },
    });
    expect(ev.type === 'message' && ev.message.messageId).toBe(
      'user_send_location:7000111222333444555:1767225600123',
    );
    expect(ev.type === 'message' && ev.message.kind).toBe('location');
    const card = normaliseZalo({ ...base, event_name: 'user_send_business_card', message: { msg_id: 'bc' } });
    expect(card.type === 'message' && card.message.kind).toBe('other');
  });

  it('treats an empty text event as non-text', () => {
    const ev = normaliseZalo({ ...base, event_name: 'user_send_text', message: { msg_id: 'e', text: '  ' } });
    expect(ev.type === 'message' && ev.message.kind).toBe('other');
  });

  it('orients by our OA id and ignores events for another OA', () => {
    const ours = normaliseZalo(
      { ...base, event_name: 'user_send_text', message: { msg_id: 'o', text: 'hi' } },
      { oaId: '3000999888777666555' },
    );
    expect(ours.type === 'message' && ours.message.userId).toBe('7000111222333444555');
    const other = normaliseZalo(
      { ...base, event_name: 'user_send_text', message: { msg_id: 'o', text: 'hi' } },
      { oaId: '42' },
    );
    expect(other).toMatchObject({ type: 'ignore', reason: 'other_oa' });
  });

  it('ignores unknown, anonymous, unfollow and malformed events with a reason', () => {
    expect(normaliseZalo({ ...base, event_name: 'shop_has_order' })).toMatchObject({
      type: 'ignore',
      reason: 'unknown',
    });
    expect(normaliseZalo({ ...base, event_name: 'anonymous_send_text' })).toMatchObject({
      type: 'ignore',
      reason: 'anonymous',
    });
    expect(normaliseZalo({ ...base, event_name: 'unfollow', follower: { id: '1' } })).toMatchObject({
      type: 'ignore',
      reason: 'unfollow',
    });
    expect(normaliseZalo({ ...base, event_name: 'user_received_message' })).toMatchObject({
      type: 'ignore',
      reason: 'receipt',
    });
    expect(normaliseZalo(null)).toMatchObject({ type: 'ignore', reason: 'malformed' });
    expect(normaliseZalo([1, 2])).toMatchObject({ type: 'ignore', reason: 'malformed' });
    expect(normaliseZalo({ event_name: 'user_send_text', message: { text: 'x' } })).toMatchObject({
      type: 'ignore',
      reason: 'malformed',
    });
  });

  it('records a form answer as an interaction, not a message', () => {
    expect(normaliseZalo({ ...base, event_name: 'user_submit_info', info: { name: 'A' } })).toMatchObject({
      type: 'interaction',
      userId: '7000111222333444555',
    });
  });

  it('names the OA written to (the recipient), so the message is routed to the commune that has it', () => {
    const ev = (body: object, oaId?: string) => {
      const e = normaliseZalo(
        { ...base, event_name: 'user_send_text', message: { msg_id: 'm', text: 'x' }, ...body },
        { oaId },
      );
      return e.type === 'message' ? e.message.account : e;
    };
    expect(ev({})).toBe('3000999888777666555');
    // A receipt-like orientation (the OA as sender) still names our OA, and the citizen as the other side.
    expect(
      ev(
        { sender: { id: '3000999888777666555' }, recipient: { id: '7000111222333444555' } },
        '3000999888777666555',
      ),
    ).toBe('3000999888777666555');
    const live = normaliseZalo(
      JSON.parse(
        payloadFiles('zalo')
          .find((f) => f.name === 'user_send_text.lio-web-live.json')!
          .raw.toString(),
      ),
    );
    expect(live).toMatchObject({
      type: 'message',
      message: { account: '1945001651380238465', userId: '2651040744560330253' },
    });
  });
});
