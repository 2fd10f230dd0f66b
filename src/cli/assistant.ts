// The assistant as the CLI commands use it: the embedded SQLite store (SQLITE_PATH or data/),
// demo dossiers when the store has none, knowledge and training data from the repo.
import path from 'node:path';
import { loadAssistant, type Assistant } from '../assistant';
import { seedDemoWhenEmpty } from '../dossiers/demo';
import { openSqliteStores } from '../store/sqlite';
import { INTENTS_DIR, KNOWLEDGE_DIR, ROOT } from './paths';

export async function openCliAssistant(): Promise<{ assistant: Assistant; close: () => Promise<void> }> {
  const stores = openSqliteStores(process.env.SQLITE_PATH ?? path.join(ROOT, 'data', 'motcua.sqlite'));
  await seedDemoWhenEmpty(stores.dossiers, new Date());
  const assistant = await loadAssistant({ knowledgeDir: KNOWLEDGE_DIR, intentsDir: INTENTS_DIR, stores });
  return { assistant, close: () => stores.close() };
}
