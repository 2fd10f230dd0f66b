// TRUST_PROXY: which reverse proxies may tell us the client address (X-Forwarded-For). Default: none, so
// a client cannot pick its own address and slip past per-address limits. "true" (trust anyone) is refused.
import net from 'node:net';
import { ConfigError } from './parse-env';

export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  const [ip = '', prefix, extra] = entry.split('/');
  if (extra !== undefined || !net.isIP(ip)) return false;
  if (prefix === undefined) return true;
  const max = net.isIPv4(ip) ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

/** "" / "false" / "0": none; a number: that many proxy hops; else a comma list of addresses, subnets or names. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true')
    throw new ConfigError(
      'TRUST_PROXY',
      'must name the proxy (addresses, subnets, loopback/linklocal/uniquelocal) or a hop count; "true" would let any client choose its address',
    );
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', 'a hop count must be at most 10');
    return hops;
  }
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !NAMED.has(e) && !isAddressOrSubnet(e));
  if (bad !== undefined)
    throw new ConfigError(
      'TRUST_PROXY',
      `"${bad}" is not an IP address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
    );
  return entries;
}
