// Connecting a commune's OA from the console (reference §3.1): the OA admin consents on Zalo's permission
// page (with the PKCE challenge and the console's state), Zalo comes back to ZALO_OAUTH_REDIRECT_URI with a
// code, and the code with its verifier buys the OA's first token pair.
import type { AccountConnector } from '../../src/pipeline/public';
import type { ZaloConfig } from './config';
import { ZaloOAuthClient } from './oauth-client';
import { zaloTokenKey } from './tokens';

export function zaloConnector(c: ZaloConfig, o: { timeoutMs: number }): AccountConnector | null {
  const redirectUri = c.oauthRedirectUri;
  if (!redirectUri) return null;
  const client = new ZaloOAuthClient({
    baseUrl: c.oauthBase,
    appId: c.appId,
    appSecret: c.appSecret,
    timeoutMs: o.timeoutMs,
  });
  return {
    consentUrl: ({ state, codeChallenge }) => {
      const q = new URLSearchParams({
        app_id: c.appId,
        redirect_uri: redirectUri,
        code_challenge: codeChallenge,
        state,
      });
      return `${c.oauthBase}/v4/oa/permission?${q.toString()}`;
    },
    exchange: (code, verifier) => client.exchangeCode(code, verifier),
    tokenKey: (account) => zaloTokenKey(c, account),
  };
}
