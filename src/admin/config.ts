// Staff console settings from the environment (all optional; defaults suit one commune centre).
// Bad values stop start-up with one English line naming the variable, like the server's own config.
import { z } from 'zod';
import type { Windows } from '../pipeline/windows';
import type { ChannelName } from '../core/message';
import type { AccountConnector } from '../pipeline/channel';
import { int, parseEnv } from '../config/parse-env';

export interface AdminConfig {
  /** A staff session unused this long is logged out. */
  sessionIdleMs: number;
  /** Failed sign-ins per (account, address) before each further attempt waits (1 s, 2 s, 4 s … up to loginMaxDelayMs). */
  loginFreeFailures: number;
  loginMaxDelayMs: number;
  /** Failed sign-ins allowed per client address (any account) within loginWindowMs. */
  loginMaxPerIp: number;
  loginWindowMs: number;
  /** A staff member holding a hand-off this long without acting hands the conversation back to the bot. */
  handoffIdleMs: number;
  /** How often every instance checks for knowledge published elsewhere (and edits on disk). */
  knowledgePollMs: number;
  knowledgeDir: string;
  intentsDir: string;
  /** Channels with a configured sender: staff replies and status notices can reach their citizens. */
  channelsOn: readonly ChannelName[];
  /** Each channel's consultation window: staff replies and resends are checked against it. */
  windows: Windows;
  /** Every messaging channel of the build, on or off (a citizen's data or hand-off may predate a switch-off). */
  messagingChannels: readonly ChannelName[];
  /** Channels whose accounts an admin can connect from the console (Zalo OAuth), by channel. */
  connectors?: ReadonlyMap<ChannelName, AccountConnector>;
  /** MOTCUA_SECRET_KEY: signs the connect state; without it nothing is connected from the console. */
  secretKey?: Buffer | null;
}

const MINUTE = 60_000;

const schema = z.object({
  ADMIN_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  ADMIN_LOGIN_MAX_FAILURES: int(1, 1_000).default(5),
  ADMIN_LOGIN_MAX_FAILURES_PER_IP: int(1, 10_000).default(20),
  ADMIN_LOGIN_MAX_DELAY_MINUTES: int(1, 24 * 60).default(15),
  ADMIN_LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  HANDOFF_IDLE_MINUTES: int(1, 7 * 24 * 60).default(30),
  KNOWLEDGE_POLL_SECONDS: int(1, 3_600).default(5),
});

export function loadAdminConfig(
  env: Record<string, string | undefined>,
  where: Pick<
    AdminConfig,
    | 'knowledgeDir'
    | 'intentsDir'
    | 'channelsOn'
    | 'windows'
    | 'messagingChannels'
    | 'connectors'
    | 'secretKey'
  >,
): AdminConfig {
  const e = parseEnv(schema, env);
  return {
    sessionIdleMs: e.ADMIN_SESSION_IDLE_MINUTES * MINUTE,
    loginFreeFailures: e.ADMIN_LOGIN_MAX_FAILURES,
    loginMaxDelayMs: e.ADMIN_LOGIN_MAX_DELAY_MINUTES * MINUTE,
    loginMaxPerIp: e.ADMIN_LOGIN_MAX_FAILURES_PER_IP,
    loginWindowMs: e.ADMIN_LOGIN_WINDOW_MINUTES * MINUTE,
    handoffIdleMs: e.HANDOFF_IDLE_MINUTES * MINUTE,
    knowledgePollMs: e.KNOWLEDGE_POLL_SECONDS * 1_000,
    ...where,
  };
}
