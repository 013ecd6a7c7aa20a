import { BlockList, isIP } from "node:net";

/*
 * Address blocks written as CIDR ("10.0.0.0/8", "2001:db8::/32"), and whether an address falls
 * in one of them. Pure: node's BlockList only does the arithmetic.
 */

export type Cidr = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** One CIDR block, or null when it is not one; a bare address is a block of one. */
export function parseCidr(text: string): Cidr | null {
  const [address = "", prefixText, ...rest] = text.trim().split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** A comma-separated list of blocks; the entries that are not blocks, for the error message. */
export function parseCidrList(text: string): { blocks: Cidr[]; invalid: string[] } {
  const entries = text
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  const blocks: Cidr[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const block = parseCidr(entry);
    if (block) blocks.push(block);
    else invalid.push(entry);
  }
  return { blocks, invalid };
}

/**
 * A test of whether an address is in any of the blocks. An IPv4 address seen as IPv6
 * (::ffff:10.1.2.3, as a dual-stack socket reports it) is tested as the IPv4 address it is.
 */
export function networkMatcher(blocks: readonly Cidr[]): (address: string) => boolean {
  if (blocks.length === 0) return () => false;
  const list = new BlockList();
  for (const b of blocks) list.addSubnet(b.address, b.prefix, b.family);
  return (address) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const plain = mapped ?? address;
    const version = isIP(plain);
    if (version === 0) return false;
    return list.check(plain, version === 4 ? "ipv4" : "ipv6");
  };
}
