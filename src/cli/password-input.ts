// A password for a CLI command: typed on a terminal without echo (asked twice), or the first line of
// stdin when piped (`printf '%s\n' "$PW" | motcua staff add lan --role editor`).
import readline from 'node:readline';

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    const finish = (err: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') {
          finish(null);
          return;
        }
        if (c === '\u0003' || c === '\u0004') {
          finish(new Error('cancelled'));
          return;
        }
        if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
        else typed += c;
      }
    };
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function firstStdinLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstStdinLine();
  const first = await readHidden('Password: ');
  const again = await readHidden('Repeat the password: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}
