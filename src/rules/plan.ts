import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

const PLAN_FIELDS = ["plan.policy", "plan.thisYear"] as const;

export const planFieldMissing: Rule = ({ items }) =>
  items.flatMap((item) =>
    PLAN_FIELDS.filter((field) => !planText(item, field) && !isUnreadable(item, field)).map((field) => itemFinding("PLAN_FIELD_MISSING", item, field)),
  );

/** No (目標) marker, or nothing after it: the reader found no target phrase in the field. */
export const targetMissing: Rule = ({ items }) =>
  items.flatMap((item) =>
    PLAN_FIELDS.filter((field) => planText(item, field) !== null && !item.targets.some((t) => t.field === field)).map((field) =>
      itemFinding("TARGET_MISSING", item, field),
    ),
  );

function planText(item: Parameters<Rule>[0]["items"][number], field: (typeof PLAN_FIELDS)[number]): string | null {
  return field === "plan.policy" ? item.plan.policy : item.plan.thisYear;
}
