import { ConfigError } from "../config";
import { DatabaseStartError } from "../db/client";
import { DomainError } from "../errors";
import { apiKeyCreate, apiKeyList, apiKeyRevoke } from "./commands/api-key";
import { demo } from "./commands/demo";
import { importCommand } from "./commands/import";
import { migrate } from "./commands/migrate";
import { rollupRebuild } from "./commands/rollup";
import { userAdd, userResetPassword } from "./commands/user";
import { backup } from "./commands/backup";
import { erase, retention } from "./commands/privacy";
import { qaCheck, qaDraw } from "./commands/qa";
import { signatureCommand } from "../services/signature/signature-command";
import { line, UsageError, type CliIo, type Command } from "./io";

/**
 * Every command, by the words that name it. Add one here (e.g. `signature <staff code>`)
 * and `help` lists it.
 */
export const COMMANDS: Record<string, Command> = {
  "user add": userAdd,
  "user reset-password": userResetPassword,
  "api-key create": apiKeyCreate,
  "api-key list": apiKeyList,
  "api-key revoke": apiKeyRevoke,
  migrate,
  demo,
  import: importCommand,
  "rollup rebuild": rollupRebuild,
  "qa draw": qaDraw,
  "qa check": qaCheck,
  signature: signatureCommand,
  retention,
  erase,
  backup,
};

function help(io: CliIo): void {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  line(io.stdout, "Usage: npm run cli -- <command> [options]");
  line(io.stdout, "Uses the same environment as the server (DATABASE_URL or DATA_DIR, TIMEZONE, …).\n");
  line(io.stdout, "Commands:");
  for (const c of Object.values(COMMANDS)) line(io.stdout, `  ${c.usage.padEnd(width)}  ${c.summary}`);
  line(io.stdout, `  ${"help".padEnd(width)}  Show this list`);
}

/** Finds the command named by the first two words, or the first word; the rest are its arguments. */
function resolve(argv: string[]): { command: Command; args: string[] } | undefined {
  const two = argv.slice(0, 2).join(" ");
  if (argv.length >= 2 && COMMANDS[two]) return { command: COMMANDS[two]!, args: argv.slice(2) };
  const one = argv[0];
  if (one !== undefined && Object.hasOwn(COMMANDS, one)) return { command: COMMANDS[one]!, args: argv.slice(1) };
  return undefined;
}

/**
 * Runs one command and returns the exit code: 0 done, 1 refused (a conflict, an unknown code,
 * a bad environment, a database that cannot be reached), 2 bad arguments. Callable from tests without a subprocess.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0]!)) {
    help(io);
    return argv.length === 0 ? 2 : 0;
  }
  const found = resolve(argv);
  if (!found) {
    line(io.stderr, `Unknown command '${argv.slice(0, 2).join(" ")}'. Run 'npm run cli -- help' for the list.`);
    return 2;
  }
  try {
    await found.command.run(found.args, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      line(io.stderr, err.message);
      line(io.stderr, `Usage: npm run cli -- ${found.command.usage}`);
      return 2;
    }
    if (err instanceof DomainError || err instanceof ConfigError || err instanceof DatabaseStartError) {
      line(io.stderr, err.message);
      return 1;
    }
    throw err;
  }
}
