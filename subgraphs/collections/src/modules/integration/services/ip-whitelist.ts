import { BlockList, isIP } from 'node:net';

/** One whitelist entry: an IPv4/IPv6 address or a CIDR block; null when it is neither. */
export function normalizeWhitelistEntry(entry: string): string | null {
  const [address, prefix, extra] = entry.trim().split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return null;
  if (prefix === undefined) return address;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
  return `${address}/${Number(prefix)}`;
}

/** Whether `address` (as the router resolved it) is allowed; an empty whitelist allows every address. */
export function whitelistAllows(whitelist: readonly string[], address: string | null | undefined): boolean {
  if (whitelist.length === 0) return true;
  if (!address) return false;
  const client = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(client);
  if (!family) return false;
  const list = new BlockList();
  for (const entry of whitelist) {
    const [net, prefix] = entry.split('/');
    const type = isIP(net) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(net, type);
    else list.addSubnet(net, Number(prefix), type);
  }
  return list.check(client, family === 4 ? 'ipv4' : 'ipv6');
}
