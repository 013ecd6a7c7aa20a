import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/api-keys";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { dateTime, table } from "../format";
import { line, type Command } from "../io";

export const apiKeyCreate: Command = {
  usage: "api-key create --name NAME",
  summary: "Create an API key for an integrating system; the key is printed once, alone on its line",
  async run(args, io) {
    const { name } = parseCommandArgs(args, { name: { type: "string" } }, z.object({ name: z.string().trim().min(1).max(100) }));
    const created = await withContext(io, (ctx) => createApiKey(ctx, name));
    // Explanations go to stderr so `KEY=$(… api-key create …)` captures the key and nothing else.
    line(io.stderr, `Created API key ${created.id} '${name}' (prefix ${created.prefix}). It is shown once; only a hash is kept:`);
    line(io.stdout, created.key);
  },
};

export const apiKeyList: Command = {
  usage: "api-key list",
  summary: "List API keys (prefix, name, when created, last used, revoked)",
  async run(args, io) {
    parseCommandArgs(args, {}, z.object({}));
    await withContext(io, async (ctx) => {
      const keys = await listApiKeys(ctx);
      if (keys.length === 0) return line(io.stdout, "No API keys yet. Create one with: npm run cli -- api-key create --name NAME");
      const tz = ctx.config.TIMEZONE;
      line(
        io.stdout,
        table(
          ["id", "prefix", "name", "created", "last used", "revoked"],
          keys.map((k) => [String(k.id), k.prefix, k.name, dateTime(k.createdAt, tz), dateTime(k.lastUsedAt, tz), dateTime(k.revokedAt, tz)]),
        ),
      );
    });
  },
};

export const apiKeyRevoke: Command = {
  usage: "api-key revoke <id|prefix>",
  summary: "Revoke an API key; requests with it are refused with 403 from then on",
  async run(args, io) {
    const { key } = parseCommandArgs(args, {}, z.object({ key: z.string({ error: "give the key's id or prefix" }).min(1) }), ["key"]);
    await withContext(io, (ctx) => revokeApiKey(ctx, key));
    line(io.stdout, `Revoked API key ${key}.`);
  },
};
