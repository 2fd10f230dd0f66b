// Channel accounts of the communes: which OA / Page each commune has and whether its token pair is stored,
// and connecting a commune's OA through the platform's OAuth consent (Zalo OAuth v4 with PKCE). The state is
// bound to the admin's session; the platform's callback lands on the console page, which posts the code
// here with the session (the session cookie is SameSite=Strict, so it never rides on the platform's redirect).
// No token is ever sent back.
import { z } from 'zod';
import type { ChannelName } from '../../core/message';
import { accountOf } from '../../kb/commune-by-account';
import type { AccountConnector } from '../../pipeline/channel';
import type { TokenPair } from '../../store/ports';
import { recordChange } from '../audit/record';
import type { AdminDeps } from '../deps';
import { ApiError, notFound } from '../http/api-error';
import type { Endpoint } from '../http/endpoint';
import { parse } from '../http/parse';
import { codeChallenge, codeVerifier, newState, readState } from './oauth-state';

export const CONNECT_ACTION = 'channel.connect';

const connectBody = z.object({ commune: z.string().min(1).max(64) }).strict();
const callbackBody = z
  .object({
    code: z.string().min(1).max(2_048),
    state: z.string().min(1).max(2_048),
    // Which OA granted, when Zalo says (reference §3.1); it must be the commune's.
    oa_id: z.string().max(64).optional(),
  })
  .strict();

export function channelEndpoints(d: AdminDeps): Endpoint[] {
  const kb = () => d.assistant.knowledge.current();
  const connectors: ReadonlyMap<ChannelName, AccountConnector> = d.config.connectors ?? new Map();
  const key = d.config.secretKey ?? null;

  const connectorOf = (channel: string) => {
    const c = connectors.get(channel);
    if (!c)
      throw new ApiError(
        409,
        'connect_unavailable',
        `Accounts of ${channel} cannot be connected from the console here (for Zalo: set ZALO_OAUTH_REDIRECT_URI)`,
      );
    if (!key)
      throw new ApiError(
        503,
        'secret_key_missing',
        'Connecting an account needs MOTCUA_SECRET_KEY (it signs the consent and seals the stored tokens)',
      );
    return { connector: c, key };
  };
  const accountOfCommune = (communeId: string, channel: string) => {
    const commune = kb().communes.get(communeId);
    if (!commune) throw notFound(`The commune ${communeId}`);
    const account = accountOf(commune, channel);
    if (!account)
      throw new ApiError(
        400,
        'no_account',
        `The commune ${communeId} has no ${channel} account in its profile`,
      );
    return account;
  };

  return [
    {
      method: 'get',
      path: '/channels',
      role: 'admin',
      // Connecting a commune's OA is the province admin's.
      reach: 'province',
      handle: async () => ({
        connectable: [...connectors.keys()],
        secretKeySet: key !== null,
        communes: await Promise.all(
          [...kb().communes.values()].map(async (c) => ({
            id: c.id,
            name: c.commune_name,
            accounts: await Promise.all(
              d.config.messagingChannels.map(async (channel) => {
                const account = accountOf(c, channel);
                const tokenKey = account ? connectors.get(channel)?.tokenKey(account) : undefined;
                const pair = tokenKey ? await d.stores.tokens.get(tokenKey).catch(() => null) : null;
                return { channel, account, connected: pair !== null, expiresAt: pair?.expiresAt ?? null };
              }),
            ),
          })),
        ),
      }),
    },
    {
      method: 'post',
      path: '/channels/:channel/connect',
      role: 'admin',
      reach: 'province',
      handle: async (ctx) => {
        const channel = String(ctx.req.params['channel']);
        const { connector, key: k } = connectorOf(channel);
        const { commune } = parse(connectBody, ctx.req.body);
        accountOfCommune(commune, channel);
        const state = newState(k, ctx.staff.sessionId, { channel, commune }, ctx.now);
        return { url: connector.consentUrl({ state, codeChallenge: codeChallenge(codeVerifier(k, state)) }) };
      },
    },
    {
      method: 'post',
      path: '/channels/:channel/callback',
      role: 'admin',
      reach: 'province',
      handle: async (ctx) => {
        const channel = String(ctx.req.params['channel']);
        const { connector, key: k } = connectorOf(channel);
        const body = parse(callbackBody, ctx.req.body);
        const intent = readState(k, ctx.staff.sessionId, body.state, ctx.now);
        if (!intent || intent.channel !== channel)
          throw new ApiError(
            400,
            'bad_state',
            'This consent was not started in this session, or it expired; start connecting again',
          );
        const account = accountOfCommune(intent.commune, channel);
        if (body.oa_id && body.oa_id !== account)
          throw new ApiError(
            400,
            'wrong_account',
            `The account that consented (${body.oa_id}) is not the commune's (${account})`,
          );
        let pair: TokenPair;
        try {
          pair = await connector.exchange(body.code, codeVerifier(k, body.state));
        } catch (err) {
          throw new ApiError(
            502,
            'exchange_failed',
            `The platform refused the code: ${(err as Error).message}`,
          );
        }
        await d.stores.tokens.put(connector.tokenKey(account), pair);
        await recordChange(d.stores.audit, ctx, {
          action: CONNECT_ACTION,
          target: `${channel}:${account}`,
          before: null,
          after: { commune: intent.commune, expiresAt: pair.expiresAt.toISOString() },
        });
        d.logger.info({ channel, account, commune: intent.commune }, 'channel account connected');
        return { commune: intent.commune, channel, account, expiresAt: pair.expiresAt };
      },
    },
  ];
}
