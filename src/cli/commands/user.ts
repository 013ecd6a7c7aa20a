import { z } from "zod";
import { Code } from "../../schemas/common";
import { resetPassword } from "../../services/auth/reset-password";
import { createUser, refineRoleTeam, ROLES } from "../../services/users";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, type CliIo, type Command } from "../io";

/** A password the command made up is printed once, alone on the last line; a given one never. */
function printGeneratedPassword(io: CliIo, password: string | undefined): void {
  if (password === undefined) return;
  line(io.stdout, "Password (shown once, keep it safe):");
  line(io.stdout, password);
}

const UserAddArgs = z
  .object({
    email: z.email().max(254),
    role: z.enum(ROLES),
    team: Code.optional(),
    department: Code.optional(),
    password: z.string().min(12, "at least 12 characters").max(200).optional(),
  })
  .superRefine(refineRoleTeam);

export const userAdd: Command = {
  usage: "user add --email E --role admin|director|manager [--team CODE] [--department CODE] [--password P]",
  summary: "Create a dashboard user (a password is generated and shown once when none is given)",
  async run(args, io) {
    const input = parseCommandArgs(
      args,
      { email: { type: "string" }, role: { type: "string" }, team: { type: "string" }, department: { type: "string" }, password: { type: "string" } },
      UserAddArgs,
    );
    const created = await withContext(io, (ctx) => createUser(ctx, input));
    line(io.stdout, `Created ${input.role} ${input.email.toLowerCase()} (id ${created.id}).`);
    printGeneratedPassword(io, created.generatedPassword);
  },
};

const UserResetArgs = z.object({
  email: z.email().max(254),
  password: z.string().min(12, "at least 12 characters").max(200).optional(),
});

export const userResetPassword: Command = {
  usage: "user reset-password --email E [--password P]",
  summary: "Give a user a new password (generated and shown once when none is given); lifts a lock-out and signs them out",
  async run(args, io) {
    const input = parseCommandArgs(args, { email: { type: "string" }, password: { type: "string" } }, UserResetArgs);
    const reset = await withContext(io, (ctx) => resetPassword(ctx, { email: input.email }, input.password));
    line(io.stdout, `New password set for ${reset.email} (id ${reset.id}); their sessions are ended.`);
    printGeneratedPassword(io, reset.generatedPassword);
  },
};
