import { createHash } from 'node:crypto';
import { zaloSignature, zaloSignatureOk } from '../../../webhooks/zalo/signature';
import { zaloTimestampField } from '../../../webhooks/zalo/normalise';
import { payloadFiles } from '../../support/fakes/tmp-sqlite';
import { zaloMac } from '../../support/fakes/signing';

const APP = '1163843031413526746';
const KEY = 'oa-secret-key-for-tests';

describe('Zalo X-ZEvent-Signature', () => {
  it.each(payloadFiles('zalo').map((p) => [p.name, p.raw] as const))(
    'verifies a correctly signed recorded body: %s',
    (_name, raw) => {
      const body = JSON.parse(raw.toString('utf8'));
      const header = zaloMac(raw, APP, KEY);
      expect(zaloSignatureOk(raw, header, APP, zaloTimestampField(body), KEY)).toBe(true);
      // The header prefix is case-insensitive and the hex may be upper case.
      expect(
        zaloSignatureOk(
          raw,
          header.replace('mac=', 'MAC=').toUpperCase().replace('MAC=', 'mac='),
          APP,
          zaloTimestampField(body),
          KEY,
        ),
      ).toBe(true);
    },
  );

  it('is plain SHA-256 of app_id + raw body + timestamp + OA secret key', () => {
    const raw = Buffer.from('{"timestamp":"1"}');
    expect(zaloSignature(raw, 'A', '1', 'K')).toBe(
      createHash('sha256').update('A{"timestamp":"1"}1K').digest('hex'),
    );
  });

  it('refuses a missing, wrong, truncated or re-serialised signature', () => {
    const raw = payloadFiles('zalo').find((p) => p.name.startsWith('user_send_text.lio-web-live'))!.raw;
    const ts = zaloTimestampField(JSON.parse(raw.toString()));
    const good = zaloMac(raw, APP, KEY);
    expect(zaloSignatureOk(raw, undefined, APP, ts, KEY)).toBe(false);
    expect(zaloSignatureOk(raw, '', APP, ts, KEY)).toBe(false);
    expect(zaloSignatureOk(raw, zaloMac(raw, APP, 'other-key'), APP, ts, KEY)).toBe(false);
    expect(zaloSignatureOk(raw, good.slice(0, -2), APP, ts, KEY)).toBe(false);
    // Signed with the app secret instead of the OA secret key, or over a re-serialised body: refused.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(zaloSignatureOk(reserialised, good, APP, ts, KEY)).toBe(false);
    expect(zaloSignatureOk(raw, good, '999', ts, KEY)).toBe(false);
  });
});
