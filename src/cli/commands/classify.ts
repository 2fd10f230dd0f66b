// `classify`: one message per stdin line → one JSON line {text, intent, procedure, aspect, code, confidence}.
import { loadModel } from '../../nlu/load-model';
import type { Understanding } from '../../nlu/understanding';
import { stdinLines, writeJsonLine } from '../io';
import { cliServices } from '../services';

export function contractOf(u: Understanding) {
  return {
    text: u.text,
    intent: u.intent,
    procedure: u.procedure,
    aspect: u.aspect,
    code: u.code,
    confidence: Math.round(u.confidence * 1000) / 1000,
  };
}

export async function classifyCommand(): Promise<number> {
  const model = loadModel(cliServices().config.intentsDir);
  for await (const line of stdinLines()) {
    if (!line.trim()) continue;
    writeJsonLine(contractOf(model.understand(line)));
  }
  return 0;
}
