import { addressKey } from '../../src/core/address-key';

test('IPv4 as it is (also IPv4-mapped IPv6); IPv6 by its /64; anything else is one bucket', () => {
  expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
  expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:0db8::1')).toBe('2001:db8:0:0::/64');
  expect(addressKey(undefined)).toBe('unknown');
  expect(addressKey('not an address')).toBe('unknown');
});
