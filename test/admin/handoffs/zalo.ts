// A Zalo OA on loopback for hand-off tests: signed citizen messages in, the fake OpenAPI out.
import { FakeZalo } from '../../support/fakes/fake-zalo';
import { zaloMac, zaloTextEvent } from '../../support/fakes/signing';
import type { Stores } from '../../../src/store/ports';

export const APP_ID = '1234567890123456789';
const OA_KEY = 'oa-secret-key-test';
const APP_SECRET = 'app-secret-test';

export async function startZalo(stores: Stores): Promise<{ zalo: FakeZalo; env: Record<string, string> }> {
  const zalo = new FakeZalo({ appId: APP_ID, appSecret: APP_SECRET, accessToken: 'AT', refreshToken: 'RT' });
  await zalo.start();
  await stores.tokens.put('zalo', {
    accessToken: 'AT',
    refreshToken: 'RT',
    expiresAt: new Date(Date.now() + 25 * 3_600_000),
  });
  return { zalo, env: zalo.serverEnv(OA_KEY) };
}

/** The citizen writes to the OA: a signed webhook event to the server. */
export async function citizenSays(serverUrl: string, userId: string, text: string): Promise<void> {
  const raw = zaloTextEvent({ appId: APP_ID, userId, text });
  const r = await fetch(`${serverUrl}/webhooks/zalo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-ZEvent-Signature': zaloMac(raw, APP_ID, OA_KEY) },
    body: raw,
  });
  if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
}
