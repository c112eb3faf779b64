import type { WorkingDayCalendar } from "./calendar";
import type { IsoDate } from "./iso-date";
import { addWorkingDays, type DeadlineComputation } from "./working-days";

/** Art. 26 of the Regulations (国务院令第711号). */
export const proactiveDisclosureWorkingDays = 20;

/** Art. 26: information must be disclosed within 20 working days of being formed or changed. */
export function computeProactiveDisclosureDeadline(calendar: WorkingDayCalendar, formedAt: IsoDate): DeadlineComputation {
  return addWorkingDays(calendar, formedAt, proactiveDisclosureWorkingDays);
}
