import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { staff } from "../../db/schema";
import type { Language } from "../../domain/languages";
import { GoneError, NotFoundError } from "../../errors";
import { signatureStrip, type SignatureStrip } from "../../mail/templates/signature";

/** The signature strip of one staff member (API and CLI); retired staff have none. */
export async function signatureForStaff(
  ctx: Ctx,
  staffCode: string,
  lang: Language = "en",
): Promise<SignatureStrip & { staff: { code: string; name: string } }> {
  const [person] = await ctx.db.read.select({ code: staff.code, name: staff.name, retiredAt: staff.retiredAt }).from(staff).where(eq(staff.code, staffCode));
  if (!person) throw new NotFoundError(`No staff member with code '${staffCode}'.`);
  if (person.retiredAt !== null) throw new GoneError(`The staff member '${staffCode}' is retired.`);
  return { ...signatureStrip({ lang, baseUrl: ctx.config.PUBLIC_BASE_URL, staffCode: person.code }), staff: { code: person.code, name: person.name } };
}
