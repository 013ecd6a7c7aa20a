import { describe, expect, test } from "vitest";
import { networkMatcher, parseCidr, parseCidrList } from "../../src/domain/networks";

describe("parseCidr", () => {
  test.each([
    ["10.0.0.0/8", { address: "10.0.0.0", prefix: 8, family: "ipv4" }],
    [" 192.168.1.0/24 ", { address: "192.168.1.0", prefix: 24, family: "ipv4" }],
    ["203.0.113.7", { address: "203.0.113.7", prefix: 32, family: "ipv4" }],
    ["0.0.0.0/0", { address: "0.0.0.0", prefix: 0, family: "ipv4" }],
    ["2001:db8::/32", { address: "2001:db8::", prefix: 32, family: "ipv6" }],
    ["::1", { address: "::1", prefix: 128, family: "ipv6" }],
    ["10.0.0.0/33", null],
    ["2001:db8::/129", null],
    ["10.0.0.0/", null],
    ["10.0.0.0/8/8", null],
    ["10.0.0/8", null],
    ["office", null],
    ["", null],
    ["10.0.0.0/-1", null],
  ])("%s → %o", (text, block) => {
    expect(parseCidr(text)).toEqual(block);
  });

  test("a list keeps the blocks and names the rest", () => {
    expect(parseCidrList(" 10.0.0.0/8 ,, nonsense, ::1 ")).toEqual({
      blocks: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ],
      invalid: ["nonsense"],
    });
  });
});

describe("networkMatcher", () => {
  const inside = networkMatcher(parseCidrList("10.0.0.0/8, 192.168.1.0/24, 2001:db8::/32").blocks);
  test.each([
    ["10.0.0.1", true],
    ["10.255.255.255", true],
    ["11.0.0.1", false],
    ["192.168.1.200", true],
    ["192.168.2.1", false],
    ["::ffff:10.1.2.3", true],
    ["::ffff:11.1.2.3", false],
    ["2001:db8:1::5", true],
    ["2001:db9::5", false],
    ["unknown", false],
    ["", false],
  ])("%s inside: %s", (address, expected) => {
    expect(inside(address)).toBe(expected);
  });

  test("no blocks: nothing is inside", () => {
    expect(networkMatcher([])("10.0.0.1")).toBe(false);
  });
});
