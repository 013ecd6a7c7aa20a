import type { Clock } from "../clock";

/** Where a command writes; process.stdout in real use, a collector in tests. */
export type Output = { write(chunk: string): unknown; isTTY?: boolean };

export type CliIo = {
  env: NodeJS.ProcessEnv;
  stdout: Output;
  stderr: Output;
  /** Defaults to the system clock; tests pass a fixed one. */
  clock?: Clock;
};

export type Command = {
  /** How to call it, shown by `help` and on a usage error. */
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<void> | void;
};

/** Bad arguments: the message and the command's usage are printed, and the exit code is 2. */
export class UsageError extends Error {}

export const line = (out: Output, text = "") => out.write(`${text}\n`);
