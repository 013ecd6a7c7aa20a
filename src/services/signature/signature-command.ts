import { z } from "zod";
import { parseCommandArgs } from "../../cli/args";
import { withContext } from "../../cli/context";
import { line, type Command } from "../../cli/io";
import { Code, Language } from "../../schemas/common";
import { signatureForStaff } from "./signature-for-staff";

/**
 * `npm run cli -- signature <staff code> [--lang cy] [--text]`: the strip's HTML on stdout
 * (so `> alice.html` gives a file to open and copy into Outlook or Gmail), the plain-text
 * line on stderr; with --text, only the plain-text line, on stdout.
 */
export const signatureCommand: Command = {
  usage: "signature <staff code> [--lang en|cy|pl|pt|ar] [--text]",
  summary: "Print a staff member's 'Rate our service' signature strip (HTML; --text for the plain-text line)",
  async run(args, io) {
    const { staff, lang, text } = parseCommandArgs(
      args,
      { lang: { type: "string" }, text: { type: "boolean" } },
      z.object({ staff: Code, lang: Language.default("en"), text: z.boolean().default(false) }),
      ["staff"],
    );
    const strip = await withContext(io, (ctx) => signatureForStaff(ctx, staff, lang));
    if (text) return void line(io.stdout, strip.text);
    line(io.stdout, strip.html);
    line(io.stderr, `\nSignature strip for ${strip.staff.name}. Open the HTML in a browser, select it and paste it into the signature editor.`);
    line(io.stderr, `Plain-text signature line: ${strip.text}`);
  },
};
