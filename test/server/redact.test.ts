import { Writable } from 'node:stream';
import { createLogger } from '../../src/config/logger';
import { registerSecret, scrub, scrubText } from '../../src/config/redact';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(c, _e, cb) {
      lines.push(String(c));
      cb();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

describe('log redaction', () => {
  it('masks phone numbers, ID-card numbers, long ids and token-like strings in text', () => {
    const s = scrubText(
      'gọi 0912 345 678 hoặc +84912345678, CCCD 001099012345, CMND 123456789, id 7000111222333444555',
    );
    expect(s).not.toMatch(/\d{6,}/);
    expect(s).not.toContain('0912 345 678');
    expect(
      scrubText('https://graph.facebook.com/v26.0/me/messages?access_token=EAAGabc123&appsecret_proof=ff'),
    ).toBe('https://graph.facebook.com/v26.0/me/messages?access_token=[redacted]&appsecret_proof=[redacted]');
    expect(scrubText('header mac=0123456789abcdef0123456789abcdef')).not.toContain('0123456789abcdef');
    expect(scrubText('ok 2026-03-01T10:00:00.000Z')).toBe('ok 2026-03-01T10:00:00.000Z');
  });

  it('masks secret-named fields at any depth', () => {
    expect(
      scrub({
        a: { access_token: 'x', refreshToken: 'y', phone: '1', nested: [{ secret_key: 'z' }] },
        ok: 1,
      }),
    ).toEqual({
      a: {
        access_token: '[redacted]',
        refreshToken: '[redacted]',
        phone: '[redacted]',
        nested: [{ secret_key: '[redacted]' }],
      },
      ok: 1,
    });
  });

  it('never lets a registered secret through, in messages, fields, child bindings or errors', () => {
    registerSecret('s3cr3t-value');
    const { lines, logger } = capture();
    logger
      .child({ ctx: 'uses s3cr3t-value' })
      .info(
        { detail: 'has s3cr3t-value inside', err: new Error('failed with s3cr3t-value') },
        'message s3cr3t-value',
      );
    logger.warn('phone 0987654321 in the message');
    const out = lines.join('');
    expect(out).not.toContain('s3cr3t-value');
    expect(out).not.toContain('0987654321');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      service: 'motcua',
      msg: 'message [redacted]',
    });
  });
});
