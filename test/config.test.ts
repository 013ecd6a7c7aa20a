import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig, parseEnv } from "../src/config";

describe("configuration", () => {
  test("defaults: port 3000, ./data, Europe/London, minimum 10", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", TIMEZONE: "Europe/London", MIN_RESPONSES: 10 });
  });

  test.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ TIMEZONE: "Mars/Olympus" }, "TIMEZONE"],
    [{ MIN_RESPONSES: "0" }, "MIN_RESPONSES"],
    [{ QUIET_HOURS: "9pm-8am" }, "QUIET_HOURS"],
    [{ PUBLIC_BASE_URL: "not a url" }, "PUBLIC_BASE_URL"],
    [{ SQLITE_SYNCHRONOUS: "OFF" }, "SQLITE_SYNCHRONOUS"],
  ])("a wrong value stops start-up naming the variable: %o", (env, name) => {
    expect(() => parseEnv(env)).toThrow(ConfigError);
    expect(() => parseEnv(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`, "m"));
  });

  test("secrets not given are generated once and kept in the data folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.TOKEN_PEPPER).toHaveLength(43);
    expect(second.TOKEN_PEPPER).toBe(first.TOKEN_PEPPER);
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(readFileSync(join(dir, "token-pepper.secret"), "utf8").trim()).toBe(first.TOKEN_PEPPER);
  });

  test("given secrets win over stored ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const pepper = "p".repeat(40);
    expect(loadConfig({ DATA_DIR: dir, TOKEN_PEPPER: pepper }).TOKEN_PEPPER).toBe(pepper);
  });
});
