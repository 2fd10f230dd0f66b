import { createHmac } from 'node:crypto';
import { metaSignature, metaSignatureOk } from '../../../webhooks/messenger/signature';
import { payloadFiles } from '../../support/fakes/tmp-sqlite';

const SECRET = 'app-secret-for-tests';

describe('Messenger X-Hub-Signature-256', () => {
  it.each(payloadFiles('messenger').map((p) => [p.name, p.raw] as const))(
    'verifies the raw bytes of %s',
    (_n, raw) => {
      expect(metaSignatureOk(raw, metaSignature(raw, SECRET), SECRET)).toBe(true);
    },
  );

  it('hashes the bytes as received (\\u escapes and escaped slashes), never a re-serialisation', () => {
    const raw = payloadFiles('messenger').find((p) => p.name === 'batch_sticker_and_text.clikhome.json')!.raw;
    expect(raw.toString()).toContain('\\/');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(metaSignatureOk(reserialised, metaSignature(raw, SECRET), SECRET)).toBe(false);
  });

  it('refuses missing, legacy SHA-1 only, malformed and wrong signatures', () => {
    const raw = Buffer.from('{"object":"page","entry":[]}');
    expect(metaSignatureOk(raw, undefined, SECRET)).toBe(false);
    expect(metaSignatureOk(raw, `sha1=${createHmac('sha1', SECRET).update(raw).digest('hex')}`, SECRET)).toBe(
      false,
    );
    expect(metaSignatureOk(raw, 'sha256=zz', SECRET)).toBe(false);
    expect(metaSignatureOk(raw, metaSignature(raw, 'other'), SECRET)).toBe(false);
  });
});
