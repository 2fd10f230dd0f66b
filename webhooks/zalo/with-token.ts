// Every OpenAPI call with the OA access token follows one rule (reference §2.6): on a token error
// (-216/-220) refresh once and retry once; a token refused again means the account needs a human.
import { SendError, type TokenManager } from '../../src/pipeline/public';

export async function withOaToken<T>(
  tokens: TokenManager,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const token = await tokens.getAccessToken();
  try {
    return await call(token);
  } catch (e) {
    if (!(e instanceof SendError) || e.kind !== 'token') throw e;
  }
  const fresh = await tokens.refreshAfterRejection(token);
  try {
    return await call(fresh);
  } catch (e) {
    if (e instanceof SendError && e.kind === 'token') {
      throw new SendError('config', `token rejected again after refresh: ${e.message}`, e.platformCode);
    }
    throw e;
  }
}
