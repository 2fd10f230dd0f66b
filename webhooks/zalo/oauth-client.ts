// Zalo OAuth v4 for the OA (reference §3): header `secret_key: <app secret>`, form fields app_id and either
// grant_type=refresh_token + refresh_token, or grant_type=authorization_code + code + code_verifier (PKCE,
// when an OA is connected from the console). Tokens come back at the top level.
import axios, { type AxiosInstance } from 'axios';
import type { TokenPair, TokenRefresher } from '../../src/pipeline/public';

/** A refresh that failed; `transient` when Zalo could not be reached or answered 5xx (worth retrying). */
export class ZaloRefreshError extends Error {
  override readonly name = 'ZaloRefreshError';
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export interface ZaloOAuthClientOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
  now?: () => Date;
}

export class ZaloOAuthClient implements TokenRefresher {
  private readonly http: AxiosInstance;

  constructor(private readonly o: ZaloOAuthClientOptions) {
    this.http = axios.create({
      baseURL: o.baseUrl.replace(/\/+$/, ''),
      timeout: o.timeoutMs ?? 15_000,
      validateStatus: () => true,
    });
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.tokenCall('refresh', { refresh_token: refreshToken, grant_type: 'refresh_token' });
  }

  /** The consent callback's code for the OA's first pair (the code is single-use and lives 10 minutes). */
  exchangeCode(code: string, codeVerifier: string): Promise<TokenPair> {
    return this.tokenCall('code exchange', {
      code,
      code_verifier: codeVerifier,
      grant_type: 'authorization_code',
    });
  }

  private async tokenCall(what: string, fields: Record<string, string>): Promise<TokenPair> {
    const form = new URLSearchParams({ ...fields, app_id: this.o.appId });
    let res;
    try {
      res = await this.http.post('/v4/oa/access_token', form.toString(), {
        headers: { secret_key: this.o.appSecret, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    } catch (err) {
      throw new ZaloRefreshError(
        `Zalo OAuth unreachable (${(axios.isAxiosError(err) && err.code) || 'network'})`,
        true,
      );
    }
    const data: unknown = res.data;
    const b = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const access = b['access_token'];
    const refresh = b['refresh_token'];
    if (typeof access !== 'string' || !access || typeof refresh !== 'string' || !refresh) {
      // Keep the platform's error fields (never tokens) for support.
      const why = ['error', 'error_name', 'error_reason', 'error_description', 'message']
        .filter((k) => b[k] !== undefined)
        .map((k) => `${k}=${String(b[k])}`)
        .join(' ');
      throw new ZaloRefreshError(
        `Zalo OAuth refused the ${what} (HTTP ${res.status}${why ? `, ${why}` : ''})`,
        res.status >= 500 || res.status === 429,
      );
    }
    const seconds = Number(b['expires_in'] ?? 90_000);
    const now = (this.o.now ? this.o.now() : new Date()).getTime();
    return {
      accessToken: access,
      refreshToken: refresh,
      expiresAt: new Date(now + (Number.isFinite(seconds) ? seconds : 90_000) * 1000),
    };
  }
}
