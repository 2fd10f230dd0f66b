// A channel account's access tokens: single-flight refresh (in this process, and across instances by a lease
// in the store), the new pair persisted BEFORE it is used, proactive refresh before expiry, refresh-once after
// the platform rejects a token, no refresh loops.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChannelName } from '../core/message';
import type { TokenPair, TokenStore } from '../store/ports';
import { SendError } from './errors';
import { errText } from './err-text';

export interface TokenRefresher {
  /**
   * Exchange a (single-use) refresh token for a new pair; rejects when the platform refuses. An error
   * with `transient: true` (platform unreachable, 5xx) is retried later; any other needs a human.
   */
  refresh(refreshToken: string): Promise<TokenPair>;
}

/** Where an account's pair is kept: the channel's name for its default account, else `<channel>:<account>`. */
export function tokenKey(channel: ChannelName, account?: string | null): string {
  return account ? `${channel}:${account}` : channel;
}

export interface TokenManagerOptions {
  channel: ChannelName;
  /** The account (e.g. a Zalo OA id) when the channel has several; absent for its default account. */
  account?: string | null;
  store: TokenStore;
  refresher: TokenRefresher;
  logger: Logger;
  /** Refresh when less than this remains (default 3 h; a platform's tokens may live only a day). */
  refreshBeforeMs?: number;
  /** After a failed refresh, do not try again for this long (a human must look; default 5 min). */
  failureCooldownMs?: number;
  /** How long a refresh may hold the account's lease (longer than the refresh call's timeout; default 2 min). */
  leaseMs?: number;
  /** How often a process waiting for another instance's refresh looks at the store (default 200 ms). */
  leasePollMs?: number;
  now?: () => Date;
}

export class TokenManager {
  private inFlight: Promise<TokenPair> | null = null;
  private lastFailure: { at: number; error: SendError } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly refreshBeforeMs: number;
  private readonly cooldownMs: number;
  private readonly leaseMs: number;
  private readonly leasePollMs: number;
  /** This manager's name on a lease; a manager is one process's view of one account. */
  private readonly holder = randomUUID();
  readonly key: string;

  constructor(private readonly o: TokenManagerOptions) {
    this.refreshBeforeMs = o.refreshBeforeMs ?? 3 * 3_600_000;
    this.cooldownMs = o.failureCooldownMs ?? 5 * 60_000;
    this.leaseMs = o.leaseMs ?? 2 * 60_000;
    this.leasePollMs = o.leasePollMs ?? 200;
    this.key = tokenKey(o.channel, o.account);
  }

  private now(): number {
    return (this.o.now ? this.o.now() : new Date()).getTime();
  }

  /** Store the operator's first pair (from the environment) unless the store already holds one. */
  async seed(accessToken: string | undefined, refreshToken: string): Promise<'seeded' | 'kept'> {
    const cur = await this.o.store.get(this.key);
    if (cur) return 'kept';
    // The expiry of an env token is unknown: treat it as expiring now, so the first use refreshes it.
    await this.o.store.put(this.key, {
      accessToken: accessToken ?? '',
      refreshToken,
      expiresAt: new Date(this.now()),
    });
    return 'seeded';
  }

  /** A usable access token; refreshes first when it is missing or about to expire. */
  async getAccessToken(): Promise<string> {
    const cur = await this.o.store.get(this.key);
    if (!cur) throw new SendError('config', `no ${this.key} token pair stored; connect the account first`);
    const remaining = cur.expiresAt.getTime() - this.now();
    if (remaining > this.refreshBeforeMs && cur.accessToken) return cur.accessToken;
    try {
      return (await this.refreshSingleFlight(cur.accessToken)).accessToken;
    } catch (err) {
      // Proactive refresh failed: a token that has not expired yet is still worth trying.
      if (remaining > 0 && cur.accessToken) return cur.accessToken;
      throw err;
    }
  }

  /**
   * The platform rejected `rejected` (-216/-220): if the store already holds another token (someone
   * refreshed meanwhile), use that; otherwise refresh once. The caller retries its call once.
   */
  async refreshAfterRejection(rejected: string): Promise<string> {
    const cur = await this.o.store.get(this.key);
    if (cur && cur.accessToken && cur.accessToken !== rejected) return cur.accessToken;
    return (await this.refreshSingleFlight(rejected)).accessToken;
  }

  /** Check periodically and refresh before expiry, even when nothing is being sent. */
  startProactive(intervalMs = 10 * 60_000): void {
    this.stopProactive();
    const tick = (): void => {
      void this.getAccessToken().catch(() => undefined);
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  stopProactive(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Wait for a refresh in progress (used at shutdown so a new pair is never lost half-way). */
  async settle(): Promise<void> {
    if (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private refreshSingleFlight(usedAccessToken: string): Promise<TokenPair> {
    if (this.inFlight) return this.inFlight;
    const p = this.doRefresh(usedAccessToken).finally(() => {
      this.inFlight = null;
    });
    this.inFlight = p;
    return p;
  }

  /** Whether `cur` is a pair someone else refreshed after the caller used `usedAccessToken`. */
  private refreshedMeanwhile(cur: TokenPair, usedAccessToken: string): boolean {
    return (
      cur.accessToken !== '' &&
      cur.accessToken !== usedAccessToken &&
      cur.expiresAt.getTime() - this.now() > this.refreshBeforeMs
    );
  }

  private async doRefresh(usedAccessToken: string): Promise<TokenPair> {
    if (this.lastFailure && this.now() - this.lastFailure.at < this.cooldownMs) throw this.lastFailure.error;
    // Another instance holding the lease is refreshing: wait for its pair, or take over when its lease runs out.
    const giveUpAt = Date.now() + 2 * this.leaseMs;
    for (;;) {
      const cur = await this.o.store.get(this.key);
      if (!cur) throw new SendError('config', `no ${this.key} token pair stored`);
      if (this.refreshedMeanwhile(cur, usedAccessToken)) return cur;
      const now = this.now();
      if (await this.o.store.lease(this.key, this.holder, new Date(now), new Date(now + this.leaseMs))) {
        try {
          return await this.refreshHoldingLease(usedAccessToken);
        } finally {
          await this.o.store.release(this.key, this.holder);
        }
      }
      if (Date.now() > giveUpAt)
        throw new SendError('retryable', `${this.key} token refresh is held by another instance`);
      await new Promise((r) => setTimeout(r, this.leasePollMs));
    }
  }

  private async refreshHoldingLease(usedAccessToken: string): Promise<TokenPair> {
    // Re-read under the lease: another refresh may have completed since the caller looked.
    const cur = await this.o.store.get(this.key);
    if (!cur) throw new SendError('config', `no ${this.key} token pair stored`);
    if (this.refreshedMeanwhile(cur, usedAccessToken)) return cur;
    let pair: TokenPair;
    try {
      pair = await this.o.refresher.refresh(cur.refreshToken);
    } catch (err) {
      if ((err as { transient?: unknown }).transient === true) {
        this.o.logger.warn(
          { account: this.key, error: errText(err) },
          'token refresh failed for now; will retry',
        );
        throw new SendError(
          'retryable',
          `${this.o.channel} token refresh failed for now: ${errText(err)}`,
          'token_refresh_unreachable',
        );
      }
      const error = new SendError(
        'config',
        `${this.o.channel} token refresh failed (reconnect the account): ${errText(err)}`,
        'token_refresh',
      );
      this.lastFailure = { at: this.now(), error };
      this.o.logger.error(
        { account: this.key, error: error.message },
        'token refresh failed; operator action needed',
      );
      throw error;
    }
    // Persist before use: the old refresh token is already spent.
    await this.o.store.put(this.key, pair);
    this.lastFailure = null;
    this.o.logger.info(
      { account: this.key, expiresAt: pair.expiresAt.toISOString() },
      'access token refreshed',
    );
    return pair;
  }
}
