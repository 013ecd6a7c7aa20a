import type { Config } from "../../config";
import { localDate } from "../../domain/periods";
import { caseDueDates } from "../../domain/working-days";

/** A case's due dates under the configured calendar, from the instant it opened (or became urgent). */
export function dueDatesFrom(config: Config, at: number, urgent: boolean): { acknowledgeBy: string; respondBy: string } {
  return caseDueDates(localDate(at, config.TIMEZONE), urgent, {
    calendar: config.WORKING_DAYS_CALENDAR,
    acknowledgeDays: config.ACKNOWLEDGE_WORKING_DAYS,
    respondDays: config.RESPOND_WORKING_DAYS,
  });
}
