// `npm run bench`: prints the figures the issues ask for. Figures are medians or ratios: machines are noisy.
import path from 'node:path';
import { runChecksBench } from './checks';
import { runClassifyBench } from './classify';
import { runStoresBench } from './stores';
import { runWebhookBench } from './webhook';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  for (const line of await runClassifyBench(root)) console.log(line);
  await runWebhookBench({ root });
  for (const line of await runChecksBench()) console.log(line);
  await runStoresBench(root);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
