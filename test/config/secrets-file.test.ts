// App secrets and Page tokens from MOTCUA_SECRETS_FILE (JSON or YAML), the environment winning over the file;
// every value read is one of the channel's secrets (scrubbed from logs), and no error repeats a value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/config/parse-env';
import { loadConfig } from '../../src/services/config';
import { CHANNELS } from '../../webhooks/channels';

describe('MOTCUA_SECRETS_FILE', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-secrets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('fills the channels settings from a YAML file: app secret, verify token and one token per Page', () => {
    const file = write(
      'secrets.yaml',
      [
        'MESSENGER_APP_SECRET: meta-app-secret',
        'MESSENGER_VERIFY_TOKEN: from-file',
        'MESSENGER_PAGE_TOKEN_104857602214573: EAAG-hoa-an',
        'MESSENGER_PAGE_TOKEN_118204937705126: EAAG-suoi-may',
      ].join('\n'),
    );
    const config = loadConfig(
      { MOTCUA_SECRETS_FILE: file, MESSENGER_VERIFY_TOKEN: 'from-env', LOG_LEVEL: 'silent' },
      CHANNELS,
    );
    const messenger = config.channels.find((c) => c.name === 'messenger');
    expect(messenger?.settings).toMatchObject({
      appSecret: 'meta-app-secret',
      verifyToken: 'from-env',
      pageTokens: new Map([
        ['104857602214573', 'EAAG-hoa-an'],
        ['118204937705126', 'EAAG-suoi-may'],
      ]),
    });
    expect(messenger?.secrets).toEqual(
      expect.arrayContaining(['meta-app-secret', 'EAAG-hoa-an', 'EAAG-suoi-may']),
    );
  });

  it('reads JSON too', () => {
    const file = write(
      'secrets.json',
      JSON.stringify({ ZALO_APP_SECRET: 's', ZALO_OA_SECRET_KEY: 'k', ZALO_APP_ID: 42 }),
    );
    const zalo = loadConfig({ MOTCUA_SECRETS_FILE: file }, CHANNELS).channels.find((c) => c.name === 'zalo');
    expect(zalo?.settings).toMatchObject({ appId: '42', appSecret: 's', oaSecretKey: 'k' });
  });

  it('fails loudly, naming the file and the key but never a value', () => {
    const missing = path.join(dir, 'nope.yaml');
    expect(() => loadConfig({ MOTCUA_SECRETS_FILE: missing }, CHANNELS)).toThrow(
      new ConfigError('MOTCUA_SECRETS_FILE', `cannot read ${missing} (ENOENT)`),
    );
    const list = write('list.yaml', '- a\n- b\n');
    expect(() => loadConfig({ MOTCUA_SECRETS_FILE: list }, CHANNELS)).toThrow(
      /must map variable names to values/,
    );
    const nested = write('nested.yaml', 'MESSENGER_APP_SECRET:\n  value: top-secret-value\n');
    let message = '';
    try {
      loadConfig({ MOTCUA_SECRETS_FILE: nested }, CHANNELS);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/MESSENGER_APP_SECRET must be a text value/);
    expect(message).not.toContain('top-secret-value');
    const badName = write('bad.yaml', 'messenger app secret: x\n');
    expect(() => loadConfig({ MOTCUA_SECRETS_FILE: badName }, CHANNELS)).toThrow(/is not a variable name/);
  });
});
