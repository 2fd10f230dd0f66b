// A real assistant for tests: the repo's knowledge and training data, a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAssistant, type Assistant, type AssistantOptions } from '../../src/assistant';
import { openSqliteStores } from '../../src/store/sqlite';
import type { Stores } from '../../src/store/ports';

export const ROOT = path.resolve(__dirname, '..', '..');

export async function testAssistant(
  options: AssistantOptions = {},
): Promise<{ assistant: Assistant; stores: Stores; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  const stores = openSqliteStores(path.join(dir, 'motcua.sqlite'));
  const assistant = await loadAssistant({
    knowledgeDir: path.join(ROOT, 'knowledge'),
    intentsDir: path.join(ROOT, 'intents'),
    stores,
    ...options,
  });
  return { assistant, stores, dir };
}
