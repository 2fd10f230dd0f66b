// Loopback fake of the Zalo OA OpenAPI (POST /v3.0/oa/message/cs), ZNS (POST /message/template) and OAuth v4
// (POST /v4/oa/access_token) following ../shared/reference/channels.md §2–§3: bare `access_token`
// header, `{ error, message, data }` envelopes with HTTP 200 on errors, -216/-220 token errors,
// -230 outside the 7-day window, single-use rotating refresh tokens with the `secret_key` header; and the
// conversation read back (GET /v2.0/oa/conversation, §6a): the OA's and the follower's messages, newest first.
import { createHash, randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import { LoopbackFake } from './loopback-fake';
import { queryText } from './query-text';

export type ZaloFailure =
  { kind: 'http'; status: number } | { kind: 'error'; code: number; message?: string } | { kind: 'drop' };

export interface ZaloSent {
  userId: string;
  text: string;
  buttons: unknown;
  accessToken: string;
  messageId: string;
  at: number;
}

export interface FakeZaloOptions {
  appId: string;
  appSecret: string;
  accessToken: string;
  refreshToken: string;
}

const DAY = 86_400_000;

export class FakeZalo extends LoopbackFake {
  readonly sent: ZaloSent[] = [];
  /** Every send request, answered or not. */
  readonly attempts: Array<{ userId: string; text: string; accessToken: string; answer: string }> = [];
  readonly refreshCalls: Array<{ refreshToken: string; ok: boolean }> = [];
  /** ZNS template messages accepted. */
  readonly znsSent: Array<{
    phone: string;
    templateId: string;
    data: Record<string, string>;
    trackingId: string;
    messageId: string;
  }> = [];
  /** Failures consumed one per send request, before any other check. */
  readonly script: ZaloFailure[] = [];
  /** Last interaction per citizen; when set for a citizen the 7-day window is enforced. */
  readonly lastInteraction = new Map<string, number>();
  accessToken: string;
  refreshToken: string;
  /** When true the current access token is reported as expired (-220). */
  accessExpired = false;
  refreshDelayMs = 0;
  /** The OA whose admin consents on the permission page (reference §3.1), and the codes it handed out. */
  consentOaId = '3000999888777666555';
  private readonly codes = new Map<string, { challenge: string; used: boolean }>();
  readonly codeExchanges: Array<{ code: string; ok: boolean }> = [];
  /**
   * While true, a send is delivered to the citizen (it shows in the conversation) but its answer is held
   * back: a sender that dies now cannot know it went out.
   */
  deliverThenHold = false;
  /** While true, the conversation API answers HTTP 500 (the check cannot be made). */
  historyDown = false;
  readonly historyCalls: string[] = [];
  /** While true, send requests are held unanswered (a send in flight); released by `release()`. */
  holdSends = false;
  private held: Array<() => void> = [];
  private seq = 0;

  constructor(private readonly o: FakeZaloOptions) {
    super();
    this.accessToken = o.accessToken;
    this.refreshToken = o.refreshToken;
  }

  /** Let held send requests through. */
  release(): void {
    this.holdSends = false;
    const h = this.held;
    this.held = [];
    for (const r of h) r();
  }

  /**
   * The server's Zalo settings for this fake, once started: its app, the token pair it was created with, both
   * APIs at its URL. The OA secret key signs webhook events, which this fake never sees, so the test names it.
   */
  serverEnv(oaSecretKey: string): Record<string, string> {
    return {
      ZALO_APP_ID: this.o.appId,
      ZALO_OA_SECRET_KEY: oaSecretKey,
      ZALO_APP_SECRET: this.o.appSecret,
      ZALO_OA_ACCESS_TOKEN: this.o.accessToken,
      ZALO_OA_REFRESH_TOKEN: this.o.refreshToken,
      ZALO_API_BASE: this.url,
      ZALO_OAUTH_BASE: this.url,
    };
  }

  failNext(...f: ZaloFailure[]): void {
    this.script.push(...f);
  }

  protected routes(): Express {
    const app = express();
    app.post('/v3.0/oa/message/cs', express.json(), async (req, res) => {
      const token = req.get('access_token') ?? '';
      const b = req.body ?? {};
      const userId = String(b?.recipient?.user_id ?? '');
      const text = String(b?.message?.text ?? '');
      const record = (answer: string) => this.attempts.push({ userId, text, accessToken: token, answer });
      if (this.holdSends) {
        record('held');
        await new Promise<void>((resolve) => {
          this.held.push(resolve);
          res.on('close', () => resolve());
        });
        // The caller went away (killed) before we answered: the message was not delivered.
        if (res.writableEnded || req.socket.destroyed) {
          record('abandoned');
          return;
        }
      }
      const f = this.script.shift();
      if (f?.kind === 'drop') {
        record('drop');
        req.socket.destroy();
        return;
      }
      if (f?.kind === 'http') {
        record(`http ${f.status}`);
        res.status(f.status).send('<html>upstream error</html>');
        return;
      }
      if (f?.kind === 'error') {
        record(`error ${f.code}`);
        res.status(200).json({ error: f.code, message: f.message ?? `fake error ${f.code}` });
        return;
      }
      if (token !== this.accessToken) {
        record('error -216');
        res.status(200).json({ error: -216, message: 'Access token is invalid' });
        return;
      }
      if (this.accessExpired) {
        record('error -220');
        res.status(200).json({ error: -220, message: 'The access_token is expired or removed' });
        return;
      }
      const last = this.lastInteraction.get(userId);
      if (last !== undefined && Date.now() - last > 7 * DAY) {
        record('error -230');
        res
          .status(200)
          .json({ error: -230, message: 'User has not interacted with the OA in the past 7 days' });
        return;
      }
      if (!userId || !text) {
        record('error -201');
        res.status(200).json({ error: -201, message: 'message is invalid' });
        return;
      }
      const messageId = randomBytes(10).toString('hex');
      record('ok');
      this.sent.push({
        userId,
        text,
        buttons: b?.message?.attachment?.payload?.buttons ?? null,
        accessToken: token,
        messageId,
        at: Date.now(),
      });
      if (this.deliverThenHold) {
        record('delivered, answer held');
        await new Promise<void>((resolve) => {
          this.held.push(resolve);
          res.on('close', () => resolve());
        });
        if (res.writableEnded || req.socket.destroyed) return;
      }
      res.set('X-RateLimit-Limit', '4000').set('X-RateLimit-Remain', '3999');
      res.status(200).json({
        error: 0,
        message: 'Success',
        data: { message_id: messageId, user_id: userId, sent_time: String(Date.now()) },
      });
    });

    app.get('/v2.0/oa/conversation', (req, res) => {
      const token = req.get('access_token') ?? '';
      let q: { user_id?: string | number; offset?: unknown; count?: unknown } = {};
      try {
        q = JSON.parse(queryText(req.query['data']) || '{}');
      } catch {
        /* answered below as invalid */
      }
      const userId = String(q.user_id ?? '');
      this.historyCalls.push(userId);
      if (this.historyDown) {
        res.status(500).send('<html>upstream error</html>');
        return;
      }
      if (token !== this.accessToken) {
        res.status(200).json({ error: -216, message: 'Access token is invalid' });
        return;
      }
      const offset = Math.max(0, Number(q.offset ?? 0));
      const count = Math.min(10, Math.max(1, Number(q.count ?? 10)));
      const mine = this.sent.filter((s) => s.userId === userId).reverse();
      const data = mine.slice(offset, offset + count).map((s) => ({
        src: 0,
        time: s.at,
        type: 'text',
        message: s.text,
        message_id: s.messageId,
        from_id: '4321000000000000000',
        to_id: userId,
      }));
      res.status(200).json({ error: 0, message: 'Success', data });
    });

    // ZNS: an approved template to a phone number (84…), the same envelope and token errors as the OpenAPI.
    app.post('/message/template', express.json(), (req, res) => {
      const token = req.get('access_token') ?? '';
      const b = req.body ?? {};
      const f = this.script.shift();
      if (f?.kind === 'error') {
        res.status(200).json({ error: f.code, message: f.message ?? `fake error ${f.code}` });
        return;
      }
      if (token !== this.accessToken) {
        res.status(200).json({ error: -216, message: 'Access token is invalid' });
        return;
      }
      if (this.accessExpired) {
        res.status(200).json({ error: -220, message: 'The access_token is expired or removed' });
        return;
      }
      if (
        !/^84\d{9,10}$/.test(String(b.phone ?? '')) ||
        typeof b.template_id !== 'string' ||
        typeof b.template_data !== 'object'
      ) {
        res.status(200).json({ error: -108, message: `Phone number ${String(b.phone ?? '')} is invalid` });
        return;
      }
      const messageId = randomBytes(10).toString('hex');
      this.znsSent.push({
        phone: b.phone,
        templateId: b.template_id,
        data: b.template_data,
        trackingId: String(b.tracking_id ?? ''),
        messageId,
      });
      res.status(200).json({
        error: 0,
        message: 'Success',
        data: {
          msg_id: messageId,
          sent_time: String(Date.now()),
          quota: { dailyQuota: '500', remainingQuota: '499' },
        },
      });
    });

    // The OA admin consents at once: back to the redirect URI with a code (single use), the state and the OA.
    app.get('/v4/oa/permission', (req, res) => {
      const redirect = queryText(req.query['redirect_uri']);
      if (queryText(req.query['app_id']) !== this.o.appId || !redirect) {
        res.status(400).send('invalid app or redirect uri');
        return;
      }
      const code = `code-${randomBytes(8).toString('hex')}`;
      this.codes.set(code, { challenge: queryText(req.query['code_challenge']), used: false });
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('oa_id', this.consentOaId);
      back.searchParams.set('state', queryText(req.query['state']));
      res.redirect(302, back.toString());
    });

    app.post('/v4/oa/access_token', express.urlencoded({ extended: false }), async (req, res) => {
      if (this.refreshDelayMs) await new Promise((r) => setTimeout(r, this.refreshDelayMs));
      const f = req.body ?? {};
      if (f.grant_type === 'authorization_code') {
        const issued = this.codes.get(String(f.code ?? ''));
        const verifier = String(f.code_verifier ?? '');
        const ok =
          req.get('secret_key') === this.o.appSecret &&
          f.app_id === this.o.appId &&
          issued !== undefined &&
          !issued.used &&
          createHash('sha256').update(verifier).digest('base64url') === issued.challenge;
        this.codeExchanges.push({ code: String(f.code ?? ''), ok });
        if (!ok) {
          res
            .status(200)
            .json({ error: -14019, error_name: 'Invalid code', error_reason: 'code or verifier is invalid' });
          return;
        }
        issued.used = true;
        this.seq++;
        this.accessToken = `AT-${this.seq}-${randomBytes(8).toString('hex')}`;
        this.refreshToken = `RT-${this.seq}-${randomBytes(8).toString('hex')}`;
        res
          .status(200)
          .json({ access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000' });
        return;
      }
      const ok =
        req.get('secret_key') === this.o.appSecret &&
        f.app_id === this.o.appId &&
        f.grant_type === 'refresh_token' &&
        f.refresh_token === this.refreshToken;
      this.refreshCalls.push({ refreshToken: String(f.refresh_token ?? ''), ok });
      if (!ok) {
        res.status(200).json({
          error: -14014,
          error_name: 'Invalid refresh token',
          error_reason: 'refresh token is invalid or used',
        });
        return;
      }
      // Single use: a new pair, the old refresh token and access token are dead at once.
      this.seq++;
      this.accessToken = `AT-${this.seq}-${randomBytes(8).toString('hex')}`;
      this.refreshToken = `RT-${this.seq}-${randomBytes(8).toString('hex')}`;
      this.accessExpired = false;
      res
        .status(200)
        .json({ access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000' });
    });

    return app;
  }
}
