import { existsSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/** Where the folder transport writes the emails when no SMTP_URL is configured. */
export function mailFolder(dataDir: string): string {
  return join(dataDir, "outbox-mail");
}

const ADDRESS = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g;
const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

/**
 * Deletes the .eml files the folder transport wrote that name one of these addresses (in any
 * header or the body, compared as the outbox compares them, in lower case) or that are one of
 * these messages (by Message-ID, so an email whose address is no longer known is found by the
 * outbox row that sent it). Returns how many went. A folder that does not exist holds none.
 */
export function deleteMailFiles(folder: string, match: { addresses: string[]; messageIds: string[] }): number {
  if (!existsSync(folder)) return 0;
  const addresses = new Set(match.addresses.map((a) => a.trim().toLowerCase()));
  const messageIds = new Set(match.messageIds);
  if (addresses.size === 0 && messageIds.size === 0) return 0;
  let deleted = 0;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(".eml")) continue;
    const file = join(folder, name);
    const text = readFileSync(file, "utf8");
    const id = MESSAGE_ID.exec(text)?.[1];
    const named = (id !== undefined && messageIds.has(id)) || [...text.matchAll(ADDRESS)].some((m) => addresses.has(m[0].toLowerCase()));
    if (!named) continue;
    unlinkSync(file);
    deleted++;
  }
  return deleted;
}
