// `citizen export <channel> <userId>` (JSON on stdout) and `citizen erase <channel> <userId> --yes`:
// a citizen's request about their personal data, in the configured store, audited as "cli".
import { CHANNELS } from '../../../webhooks/channels';
import { citizenChannels, eraseCitizen, exportCitizen } from '../../retention/citizen';
import type { ChannelName } from '../../core/message';
import { info } from '../io';
import { cliServices, withServices } from '../services';

const CITIZEN_CHANNELS = citizenChannels(CHANNELS.map((c) => c.name));
const USAGE = `usage: motcua citizen export <${CITIZEN_CHANNELS.join('|')}> <userId>
       motcua citizen erase <${CITIZEN_CHANNELS.join('|')}> <userId> --yes`;

function who(args: string[]): { channel: ChannelName; userId: string } | null {
  const [channel, userId] = args.filter((a) => !a.startsWith('--'));
  if (!channel || !userId || !CITIZEN_CHANNELS.includes(channel)) return null;
  return { channel, userId };
}

export async function citizenExportCommand(args: string[]): Promise<number> {
  const c = who(args);
  if (!c) {
    info(USAGE);
    return 2;
  }
  const data = await withServices(cliServices(), async (s) =>
    exportCitizen(await s.stores(), c.channel, c.userId, 'cli', new Date()),
  );
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  return 0;
}

export async function citizenEraseCommand(args: string[]): Promise<number> {
  const c = who(args);
  if (!c || !args.includes('--yes')) {
    info(`${USAGE}\n(erasing cannot be undone: add --yes)`);
    return 2;
  }
  const removed = await withServices(cliServices(), async (s) =>
    eraseCitizen(await s.stores(), c.channel, c.userId, 'cli', new Date()),
  );
  info(`citizen erase: ${removed} record(s) of ${c.channel}:${c.userId} removed`);
  return 0;
}
