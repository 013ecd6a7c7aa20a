import type { Db } from "../../database";
import { actionCategoryLabels } from "../../schema";
import { categoryLabels, type CategoryLabels } from "../../../domain/actions";

/** The organisation's wording of the four categories, defaults where it has none. */
export async function readCategoryLabels(db: Db): Promise<CategoryLabels> {
  return categoryLabels(await db.select().from(actionCategoryLabels));
}
