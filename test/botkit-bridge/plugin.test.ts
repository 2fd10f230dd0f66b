// The Botkit bridge, exercised with Botkit's own BotkitTestClient.
import fs from 'node:fs';
import path from 'node:path';
import { Botkit, BotkitTestClient } from 'botkit';
import { TestAdapter } from 'botbuilder-core';
import { motcuaBotkitPlugin } from '../../src/botkit-bridge';
import { toBotkitMessage, toInbound } from '../../src/botkit-bridge/mapping';
import type { AssistantPort } from '../../src/core/assistant-port';
import type { InboundMessage } from '../../src/core/message';

class Recorder implements AssistantPort {
  seen: InboundMessage[] = [];
  async respond(msg: InboundMessage) {
    this.seen.push(msg);
    if (msg.kind !== 'text')
      return [{ text: 'Dạ, em chỉ đọc được tin nhắn bằng chữ ạ.', options: ['gặp cán bộ'] }];
    return [
      { text: `Dạ, về "${msg.text}":`, options: [] },
      { text: 'Hồ sơ gồm: 1. Tờ khai 2. Giấy chứng sinh', options: ['Lệ phí', 'Gặp cán bộ'] },
    ];
  }
}

function controller(assistant: AssistantPort): Botkit {
  const c = new Botkit({ disable_webserver: true, disable_console: true });
  c.usePlugin(motcuaBotkitPlugin({ assistant }));
  return c;
}

describe('Botkit bridge', () => {
  it('answers through BotkitTestClient with every reply bubble, in order, with quick replies', async () => {
    const assistant = new Recorder();
    const bot = controller(assistant);
    const client = new BotkitTestClient('test', bot, 'motcua');
    const first = await client.sendActivity({
      type: 'message',
      text: 'làm giấy khai sinh cần gì',
      from: { id: 'user-1', name: 'Lan' },
    });
    expect(first.text).toBe('Dạ, về "làm giấy khai sinh cần gì":');
    const second = client.getNextReply();
    expect(second.text).toBe('Hồ sơ gồm: 1. Tờ khai 2. Giấy chứng sinh');
    expect(second.suggestedActions!.actions.map((a) => a.title)).toEqual(['Lệ phí', 'Gặp cán bộ']);
    expect(assistant.seen[0]).toMatchObject({
      channel: 'botkit',
      userId: 'user-1',
      displayName: 'Lan',
      kind: 'text',
    });

    // The dialog stays active: the next message of the conversation is answered too.
    const next = await client.sendActivity('lệ phí bao nhiêu');
    expect(next.text).toBe('Dạ, về "lệ phí bao nhiêu":');
    expect(assistant.seen).toHaveLength(2);
  });

  it('a message without text (an attachment) goes to the assistant as non-text', async () => {
    const assistant = new Recorder();
    const client = new BotkitTestClient('test', controller(assistant), 'motcua');
    const reply = await client.sendActivity({
      type: 'message',
      text: '',
      attachments: [{ contentType: 'image/png', contentUrl: 'x' }],
      from: { id: 'u2', name: '' },
    });
    expect(reply.text).toMatch(/chỉ đọc được tin nhắn bằng chữ/);
    expect(assistant.seen[0]!.kind).toBe('other');
  });

  it('the plugin answers messages no hears() took, on a running controller', async () => {
    const assistant = new Recorder();
    const c = controller(assistant);
    c.hears('ping', 'message', async (bot, message) => {
      await bot.reply(message, 'pong');
    });
    await new Promise<void>((resolve) => c.ready(() => resolve()));
    const adapter = new TestAdapter(async (ctx) => {
      await c.handleTurn(ctx);
    });
    await adapter
      .send('giờ làm việc')
      .assertReply('Dạ, về "giờ làm việc":')
      .assertReply('Hồ sơ gồm: 1. Tờ khai 2. Giấy chứng sinh')
      .send('ping')
      .assertReply('pong');
    expect(assistant.seen.map((m) => m.text)).toEqual(['giờ làm việc']);
  });

  it('maps replies without options to plain text', () => {
    expect(toBotkitMessage({ text: 'Dạ', options: [] })).toEqual({ type: 'message', text: 'Dạ' });
    expect(toInbound({ text: 'a', user: 'u', id: 'm1' })).toMatchObject({
      userId: 'u',
      messageId: 'm1',
      channel: 'botkit',
    });
  });

  it('the core never imports Botkit: only src/botkit-bridge refers to it', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (p !== path.join(root, 'src/botkit-bridge')) walk(p);
        } else if (
          /\.ts$/.test(e.name) &&
          /from ['"](botkit|botbuilder[^'"]*)['"]|require\(['"](botkit|botbuilder)/.test(
            fs.readFileSync(p, 'utf8'),
          )
        ) {
          offenders.push(path.relative(root, p));
        }
      }
    };
    for (const d of ['src', 'webhooks']) walk(path.join(root, d));
    expect(offenders).toEqual([]);
  });
});
