import { loadConfig, type Config } from '../../src/services/config';
import { ConfigError } from '../../src/config/parse-env';
import { CHANNELS } from '../../webhooks/channels';

const zalo = {
  ZALO_APP_ID: '123',
  ZALO_OA_SECRET_KEY: 'k',
  ZALO_APP_SECRET: 's',
  ZALO_OA_ACCESS_TOKEN: 'a',
  ZALO_OA_REFRESH_TOKEN: 'r',
};
const fb = { MESSENGER_VERIFY_TOKEN: 'v', MESSENGER_APP_SECRET: 's', MESSENGER_PAGE_ACCESS_TOKEN: 't' };

/** A channel's settings as its plugin parsed them (undefined when the channel is off). */
const settingsOf = (c: Config, name: string) => c.channels.find((ch) => ch.name === name)?.settings;

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env, CHANNELS, '/srv/motcua');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts with no credentials at all: both channels off, defaults applied', () => {
    const c = loadConfig({}, CHANNELS, '/srv/motcua');
    expect(c).toMatchObject({
      port: 3000,
      channels: [],
      knowledgeDir: '/srv/motcua/knowledge',
      intentsDir: '/srv/motcua/intents',
    });
    expect(c.store).toEqual({
      engine: 'sqlite',
      sqlitePath: '/srv/motcua/data/motcua.sqlite',
      mongoUri: undefined,
    });
    expect(loadConfig({ MONGODB_URI: 'mongodb://db/motcua' }, CHANNELS, '/r').store.engine).toBe('mongodb');
  });

  it('turns a channel on with its credentials and the documented defaults', () => {
    const c = loadConfig({ ...zalo, ...fb, PORT: '8080', MESSENGER_API_VERSION: '25.0' }, CHANNELS, '/r');
    expect(c.port).toBe(8080);
    expect(settingsOf(c, 'zalo')).toMatchObject({
      appId: '123',
      apiBase: 'https://openapi.zalo.me',
      oauthBase: 'https://oauth.zaloapp.com',
    });
    expect(settingsOf(c, 'messenger')).toMatchObject({
      apiBase: 'https://graph.facebook.com',
      apiVersion: 'v25.0',
    });
    expect(settingsOf(loadConfig(fb, CHANNELS, '/r'), 'messenger')).toMatchObject({
      apiVersion: /^v\d+\.\d+$/,
    });
  });

  it('refuses a half-configured channel with one line naming the variable', () => {
    expect(errorOf({ ZALO_OA_ACCESS_TOKEN: 'a' })).toBe(
      'ZALO_APP_ID: is required when ZALO_OA_ACCESS_TOKEN is set',
    );
    expect(errorOf({ ...zalo, ZALO_OA_SECRET_KEY: '' })).toBe(
      'ZALO_OA_SECRET_KEY: is required when ZALO_APP_ID is set',
    );
    expect(errorOf({ MESSENGER_PAGE_ACCESS_TOKEN: 't' })).toBe(
      'MESSENGER_VERIFY_TOKEN: is required when MESSENGER_PAGE_ACCESS_TOKEN is set',
    );
    expect(errorOf({ MESSENGER_VERIFY_TOKEN: 'v', MESSENGER_PAGE_ACCESS_TOKEN: 't' })).toBe(
      'MESSENGER_APP_SECRET: is required when MESSENGER_VERIFY_TOKEN is set',
    );
  });

  it('dossier options: the live lookup URL, and ZNS only with the Zalo channel', () => {
    expect(loadConfig({}, CHANNELS, '/r')).toMatchObject({ channels: [], dossierApiUrl: undefined });
    const c = loadConfig(
      { ...zalo, ZALO_ZNS_TEMPLATE_ID: '224466', DOSSIER_API_URL: 'https://motcua.example.gov.vn/api/' },
      CHANNELS,
      '/r',
    );
    expect(settingsOf(c, 'zalo')).toMatchObject({
      zns: { templateId: '224466', apiBase: 'https://business.openapi.zalo.me' },
    });
    expect(c.dossierApiUrl).toBe('https://motcua.example.gov.vn/api');
    expect(errorOf({ ZALO_ZNS_TEMPLATE_ID: '224466' })).toBe(
      'ZALO_ZNS_TEMPLATE_ID: needs the Zalo channel (ZALO_APP_ID and the other ZALO_ credentials)',
    );
    expect(errorOf({ DOSSIER_API_URL: 'motcua.example.gov.vn' })).toBe(
      'DOSSIER_API_URL: must be an http(s) URL',
    );
  });

  it('names the variable on a bad value', () => {
    expect(errorOf({ PORT: 'eighty' })).toMatch(/^PORT: /);
    expect(errorOf({ ZALO_API_BASE: 'openapi.zalo.me' })).toBe('ZALO_API_BASE: must be an http(s) URL');
    expect(errorOf({ ...fb, MESSENGER_API_VERSION: 'latest' })).toBe(
      'MESSENGER_API_VERSION: must look like v26.0',
    );
    expect(errorOf({ ...zalo, ZALO_APP_ID: 'abc' })).toBe('ZALO_APP_ID: must be the numeric App ID');
    expect(errorOf({ LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL: /);
  });

  it('TRUST_PROXY: none by default; hops, addresses, subnets and names; "true" and junk refused', () => {
    expect(loadConfig({}, CHANNELS, '/r').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }, CHANNELS, '/r').trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, CHANNELS, '/r').trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }, CHANNELS, '/r').trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    expect(errorOf({ TRUST_PROXY: 'true' })).toMatch(/^TRUST_PROXY: must name the proxy/);
    expect(errorOf({ TRUST_PROXY: 'my-proxy' })).toBe(
      'TRUST_PROXY: "my-proxy" is not an IP address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal',
    );
    expect(errorOf({ TRUST_PROXY: '10.0.0.0/40' })).toMatch(/^TRUST_PROXY: "10.0.0.0\/40"/);
  });

  it('retention per kind and import limits: defaults, overrides, loud refusals', () => {
    const c = loadConfig({ RETENTION_MESSAGES_DAYS: '30', IMPORT_MAX_ROWS: '5000' }, CHANNELS, '/r');
    expect(c.retention).toEqual({
      messages: 30,
      conversations: 90,
      unanswered: 180,
      complaints: 365,
      audit: 730,
    });
    expect(c.sheetLimits).toMatchObject({
      maxRows: 5_000,
      maxUnzippedBytes: 100 * 1024 * 1024,
      maxCellChars: 2_000,
    });
    expect(errorOf({ RETENTION_AUDIT_DAYS: '0' })).toMatch(/^RETENTION_AUDIT_DAYS: /);
    expect(errorOf({ RETENTION_COMPLAINTS_DAYS: 'forever' })).toMatch(/^RETENTION_COMPLAINTS_DAYS: /);
    expect(errorOf({ IMPORT_MAX_UNZIPPED_MB: '-1' })).toMatch(/^IMPORT_MAX_UNZIPPED_MB: /);
  });
});
