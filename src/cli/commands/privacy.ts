import { z } from "zod";
import { erasePerson } from "../../services/privacy/erase";
import { applyRetention } from "../../services/privacy/retention";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, UsageError, type Command } from "../io";

export const retention: Command = {
  usage: "retention",
  summary: "Delete comments, contact details and recordings older than RETENTION_DAYS; scores stay",
  async run(args, io) {
    parseCommandArgs(args, {}, z.object({}));
    const r = await withContext(io, (ctx) => applyRetention(ctx));
    line(
      io.stdout,
      `Deleted ${r.comments} comments, ${r.contacts} contact details, ${r.subjects} contact hashes, ${r.recordings} recordings and ${r.callSteps} phone survey steps.`,
    );
  },
};

export const erase: Command = {
  usage: "erase --email E | --phone P | --key K",
  summary: "Delete everything that identifies a person (contact details, comments, recordings, emails in DATA_DIR/outbox-mail); anonymous scores stay",
  async run(args, io) {
    const input = parseCommandArgs(
      args,
      { email: { type: "string" }, phone: { type: "string" }, key: { type: "string" } },
      z.object({
        email: z.email().optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9 ()-]{7,20}$/, "expected a telephone number")
          .optional(),
        // The CRM's customer id given at registration (customer.key).
        key: z.string().min(1).max(200).optional(),
      }),
    );
    if (!input.email && !input.phone && !input.key) throw new UsageError("Give --email, --phone or --key.");
    const r = await withContext(io, (ctx) => erasePerson(ctx, input));
    line(
      io.stdout,
      `Erased ${r.contacts} contact details and ${r.comments} comments across ${r.interactions} interactions; deleted ${r.mailFiles} email files; queued ${r.recordings} recordings and transcriptions for deletion at Twilio.`,
    );
  },
};
