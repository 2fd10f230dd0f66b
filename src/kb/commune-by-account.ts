// Which commune a platform account belongs to: a Zalo OA id or a Messenger Page id, as written in the
// commune's profile. The channel names are data: a channel without an account field has no commune.
import type { KnowledgeBase } from './knowledge-base';
import type { Commune } from './schema';

/** The profile field holding each channel's account id. */
export const ACCOUNT_FIELDS = {
  zalo: 'zalo_oa_id',
  messenger: 'messenger_page_id',
} as const satisfies Record<string, keyof Commune>;

/** The commune's account on that channel (its OA id, its Page id), or null when it has none there. */
export function accountOf(commune: Commune, channel: string): string | null {
  const field = Object.hasOwn(ACCOUNT_FIELDS, channel)
    ? ACCOUNT_FIELDS[channel as keyof typeof ACCOUNT_FIELDS]
    : undefined;
  return field ? commune[field] : null;
}

/** The id of the commune whose account on that channel is accountId, or null. */
export function communeByAccount(kb: KnowledgeBase, channel: string, accountId: string): string | null {
  for (const c of kb.communes.values()) if (accountOf(c, channel) === accountId) return c.id;
  return null;
}
