// Structured JSON logs (pino), every line scrubbed by ./redact.
import pino, { type DestinationStream, type Logger } from 'pino';
import { scrub, scrubText } from './redact';

export type { Logger } from 'pino';

export function createLogger(level: pino.LevelWithSilent = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'motcua' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (b) => scrub(b) as Record<string, unknown>,
      log: (o) => scrub(o) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const clean = args.map((a) => (typeof a === 'string' ? scrubText(a) : a));
        method.apply(this, clean as Parameters<typeof method>);
      },
    },
  };
  return scrubChildren(destination ? pino(options, destination) : pino(options));
}

/** Child bindings are serialised once at creation, outside the formatters: scrub them there. */
function scrubChildren(l: Logger): Logger {
  const child = l.child.bind(l);
  l.child = ((bindings: pino.Bindings, opts?: pino.ChildLoggerOptions) =>
    scrubChildren(child(scrub(bindings) as pino.Bindings, opts))) as unknown as Logger['child'];
  return l;
}
