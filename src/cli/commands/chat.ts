// `chat [--store live]`: an interactive terminal chat with the bot (the quickest way for staff to try
// it), on a scratch store unless --store live.
import readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import { info } from '../io';
import { cliServices, storeFlag } from '../services';
import { converseTurn } from './converse';

export async function chatCommand(args: string[]): Promise<number> {
  const flag = storeFlag(args);
  if ('problem' in flag) {
    info(flag.problem);
    return 2;
  }
  const store = flag.mode;
  const services = cliServices({ store, seedDemo: true });
  const assistant = await services.assistant();
  const run = randomUUID();
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'Bạn: ' });
  process.stdout.write('motcua chat — gõ câu hỏi, Ctrl+D để thoát. Chọn nhanh: gõ số thứ tự của lựa chọn.\n');
  let options: string[] = [];
  rl.prompt();
  for await (const line of rl) {
    const n = Number(line.trim());
    const text = (Number.isInteger(n) ? options[n - 1] : undefined) ?? line;
    if (text.trim()) {
      const out = await converseTurn(assistant, run, 'chat', text);
      for (const r of out.replies) process.stdout.write(`\nBot: ${r.text}\n`);
      options = out.replies.at(-1)?.options ?? [];
      if (options.length) process.stdout.write(`${options.map((o, i) => `  [${i + 1}] ${o}`).join('\n')}\n`);
      process.stdout.write(
        `  (${String(out.intent)}${out.procedure ? ` / ${out.procedure}` : ''}${out.aspect ? ` / ${out.aspect}` : ''}, ${String(out.confidence)})\n\n`,
      );
    }
    rl.prompt();
  }
  await services.close();
  return 0;
}
