#!/usr/bin/env node
// motcua command line: `npm run -s motcua -- <command>`.
import { chatCommand } from './commands/chat';
import { citizenEraseCommand, citizenExportCommand } from './commands/citizen';
import { classifyCommand } from './commands/classify';
import { communesListCommand } from './commands/communes';
import { converseCommand } from './commands/converse';
import { dossiersImportCommand } from './commands/dossiers-import';
import { evalCommand } from './commands/eval';
import { intentsLintCommand } from './commands/intents-lint';
import { kbValidateCommand } from './commands/kb-validate';
import { staffAddCommand } from './commands/staff-add';
import { trainingDataCommand } from './commands/training-data';
import { info } from './io';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  classify: () => classifyCommand(),
  converse: converseCommand,
  chat: chatCommand,
  eval: evalCommand,
  'training-data': () => trainingDataCommand(),
  'kb validate': kbValidateCommand,
  'communes list': () => communesListCommand(),
  'intents lint': () => intentsLintCommand(),
  'dossiers import': dossiersImportCommand,
  'staff add': staffAddCommand,
  'citizen export': citizenExportCommand,
  'citizen erase': citizenEraseCommand,
};

const HELP = `usage: motcua <command>
  classify                 stdin lines → JSON lines {text,intent,procedure,aspect,code,confidence}
  converse [--store live]  stdin JSON lines {conversation,text} → JSON lines with the replies
  chat [--store live]      interactive chat in the terminal
                           (both talk on a scratch store with the demo dossiers; --store live uses the
                           configured one, so staff see the conversations: hand-offs, inbox, dashboard)
  eval [file.jsonl ...]    accuracy report per file (messages, dialogues, facts; default: dev set + eval/*.jsonl; --cv [k] cross-validates, --errors lists the misses)
  training-data            the training examples as JSON lines
  intents lint             check intents/ for duplicates, conflicting labels, unknown ids
  kb validate              check knowledge/ against the schema (file: field: reason)
  communes list            the communes served, one JSON line each {id,name,hotline,...}
  dossiers import <file>   import a CSV/XLSX export of the provincial one-stop system (--dry-run: report only)
  staff add <user> --role admin|editor|viewer   create a staff console account (password prompted or from stdin)
  citizen export <channel> <userId>         everything kept about one citizen, as JSON (their request)
  citizen erase <channel> <userId> --yes    delete everything kept about one citizen (their request)`;

export function registerCommand(name: string, cmd: Command): void {
  COMMANDS[name] = cmd;
}

async function main(argv: string[]): Promise<number> {
  const [name = '', ...rest] = argv;
  const sub = rest[0] && !rest[0].startsWith('-') ? `${name} ${rest[0]}` : undefined;
  const cmd = (sub && COMMANDS[sub]) || (name && COMMANDS[name]);
  if (!cmd) {
    info(HELP);
    return name ? 2 : 0;
  }
  return cmd(sub && COMMANDS[sub] ? rest.slice(1) : rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    info(`motcua: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
