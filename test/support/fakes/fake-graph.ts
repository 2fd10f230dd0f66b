// Loopback fake of the Messenger Send API (POST /{version}/me/messages) following
// ../shared/reference/channels.md §5.4–§5.6: page token in the query, Graph error bodies
// { error: { message, type, code, error_subcode, fbtrace_id } }, 10/2018278 outside the 24-hour window; and the
// Conversations API read back (§6a): GET /{version}/me/conversations, then /{version}/{conversation id}?fields=messages{…}.
import { createHmac, randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import { LoopbackFake } from './loopback-fake';
import { queryText } from './query-text';

export type GraphFailure =
  | { kind: 'http'; status: number }
  | { kind: 'graph'; status?: number; code: number; subcode?: number; message?: string };

export interface GraphSent {
  psid: string;
  text: string;
  quickReplies: unknown;
  messagingType: string;
  messageId: string;
  at: number;
}

const HOUR = 3_600_000;

export class FakeGraph extends LoopbackFake {
  readonly sent: GraphSent[] = [];
  readonly attempts: Array<{ psid: string; text: string; answer: string }> = [];
  readonly script: GraphFailure[] = [];
  readonly lastInteraction = new Map<string, number>();
  static readonly PAGE_ID = '1357924680';

  constructor(private readonly o: { pageAccessToken: string; appSecret: string; version?: string }) {
    super();
  }

  failNext(...f: GraphFailure[]): void {
    this.script.push(...f);
  }

  private error(
    res: express.Response,
    status: number,
    code: number,
    message: string,
    subcode?: number,
  ): void {
    const e: Record<string, unknown> = {
      message,
      type: 'OAuthException',
      code,
      fbtrace_id: `A${randomBytes(6).toString('hex')}`,
    };
    if (subcode !== undefined) e['error_subcode'] = subcode;
    res.status(status).json({ error: e });
  }

  protected routes(): Express {
    const app = express();
    app.get('/:version/me/conversations', (req, res) => {
      const psid = queryText(req.query['user_id']);
      res.status(200).json({
        data: this.sent.some((s) => s.psid === psid)
          ? [{ id: `t_${psid}`, updated_time: graphTime(Date.now()) }]
          : [],
      });
    });
    app.get('/:version/:conversation', (req, res) => {
      const psid = req.params['conversation'].replace(/^t_/, '');
      const data = this.sent
        .filter((s) => s.psid === psid)
        .reverse()
        .map((s) => ({
          id: s.messageId,
          message: s.text,
          from: { id: FakeGraph.PAGE_ID, name: 'UBND xã' },
          created_time: graphTime(s.at),
        }));
      res.status(200).json({ messages: { data }, id: req.params['conversation'] });
    });
    app.post('/:version/me/messages', express.json(), (req, res) => {
      const b = req.body ?? {};
      const psid = String(b?.recipient?.id ?? '');
      const text = String(b?.message?.text ?? '');
      const record = (answer: string) => this.attempts.push({ psid, text, answer });
      const f = this.script.shift();
      if (f?.kind === 'http') {
        record(`http ${f.status}`);
        res.status(f.status).send('Service Unavailable');
        return;
      }
      if (f?.kind === 'graph') {
        record(`graph ${f.code}/${f.subcode ?? ''}`);
        this.error(res, f.status ?? 400, f.code, f.message ?? `(#${f.code}) fake error`, f.subcode);
        return;
      }
      if (this.o.version && req.params['version'] !== this.o.version) {
        record('bad version');
        this.error(res, 400, 2635, 'Unsupported version');
        return;
      }
      const token = queryText(req.query['access_token']);
      const proof = queryText(req.query['appsecret_proof']);
      const want = createHmac('sha256', this.o.appSecret).update(this.o.pageAccessToken).digest('hex');
      if (token !== this.o.pageAccessToken || proof !== want) {
        record('graph 190');
        this.error(res, 400, 190, 'Invalid OAuth access token.');
        return;
      }
      const last = this.lastInteraction.get(psid);
      if (last !== undefined && Date.now() - last > 24 * HOUR) {
        record('graph 10/2018278');
        this.error(res, 400, 10, '(#10) This message is sent outside of allowed window.', 2018278);
        return;
      }
      const messageId = `m_${randomBytes(12).toString('hex')}`;
      record('ok');
      this.sent.push({
        psid,
        text,
        quickReplies: b?.message?.quick_replies ?? null,
        messagingType: String(b?.messaging_type ?? ''),
        messageId,
        at: Date.now(),
      });
      res.status(200).json({ recipient_id: psid, message_id: messageId });
    });
    return app;
  }
}

/** Graph's time format: "2026-12-03T10:00:00+0000". */
function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
