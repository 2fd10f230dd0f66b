// `citizen export <channel> <userId>` (JSON on stdout) and `citizen erase <channel> <userId> --yes`:
// a citizen's request about their personal data, in the configured store, audited as "cli".
import { CITIZEN_CHANNELS, eraseCitizen, exportCitizen } from '../../retention/citizen';
import type { ChannelName } from '../../core/message';
import { loadConfig } from '../../server/config';
import { openConfiguredStores } from '../../server/stores';
import { info } from '../io';

const USAGE = `usage: motcua citizen export <${CITIZEN_CHANNELS.join('|')}> <userId>
       motcua citizen erase <${CITIZEN_CHANNELS.join('|')}> <userId> --yes`;

function who(args: string[]): { channel: ChannelName; userId: string } | null {
  const [channel, userId] = args.filter((a) => !a.startsWith('--'));
  if (!channel || !userId || !(CITIZEN_CHANNELS as readonly string[]).includes(channel)) return null;
  return { channel: channel as ChannelName, userId };
}

async function withStores<T>(
  run: (s: Awaited<ReturnType<typeof openConfiguredStores>>) => Promise<T>,
): Promise<T> {
  const stores = await openConfiguredStores(loadConfig(process.env).store);
  try {
    return await run(stores);
  } finally {
    await stores.close();
  }
}

export async function citizenExportCommand(args: string[]): Promise<number> {
  const c = who(args);
  if (!c) {
    info(USAGE);
    return 2;
  }
  const data = await withStores((s) => exportCitizen(s, c.channel, c.userId, 'cli', new Date()));
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  return 0;
}

export async function citizenEraseCommand(args: string[]): Promise<number> {
  const c = who(args);
  if (!c || !args.includes('--yes')) {
    info(`${USAGE}\n(erasing cannot be undone: add --yes)`);
    return 2;
  }
  const removed = await withStores((s) => eraseCitizen(s, c.channel, c.userId, 'cli', new Date()));
  info(`citizen erase: ${removed} record(s) of ${c.channel}:${c.userId} removed`);
  return 0;
}
