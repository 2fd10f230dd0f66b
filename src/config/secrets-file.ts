// Secrets kept out of the environment: MOTCUA_SECRETS_FILE names a JSON or YAML file mapping variable names
// to values (app secrets, MESSENGER_PAGE_TOKEN_<page id> per Page, …). A variable set in the environment
// wins over the file. Errors name the file and the key, never a value.
import fs from 'node:fs';
import YAML from 'yaml';
import { ConfigError } from './parse-env';

export const SECRETS_FILE_ENV = 'MOTCUA_SECRETS_FILE';

type Env = Record<string, string | undefined>;

const NAME = /^[A-Z][A-Z0-9_]*$/;

/** The environment with the secrets file's values for the variables it leaves unset. */
export function withSecretsFile(env: Env): Env {
  const file = env[SECRETS_FILE_ENV]?.trim();
  if (!file) return env;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(
      SECRETS_FILE_ENV,
      `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let data: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    data = YAML.parse(text);
  } catch {
    throw new ConfigError(SECRETS_FILE_ENV, `${file} is neither JSON nor YAML`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(SECRETS_FILE_ENV, `${file} must map variable names to values`);
  const merged: Env = { ...env };
  for (const [name, value] of Object.entries(data)) {
    if (!NAME.test(name)) throw new ConfigError(SECRETS_FILE_ENV, `${file}: ${name} is not a variable name`);
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new ConfigError(SECRETS_FILE_ENV, `${file}: ${name} must be a text value`);
    if (!merged[name]?.trim()) merged[name] = String(value);
  }
  return merged;
}
