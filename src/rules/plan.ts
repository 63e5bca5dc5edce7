import { hasTargetMarker } from "../template/targets";
import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

const PLAN_FIELDS = ["plan.policy", "plan.thisYear"] as const;

export const planFieldMissing: Rule = ({ items }) =>
  items.flatMap((item) =>
    PLAN_FIELDS.filter((field) => !planText(item, field) && !isUnreadable(item, field)).map((field) => itemFinding("PLAN_FIELD_MISSING", item, field)),
  );

export const targetMissing: Rule = ({ items, profile }) =>
  items.flatMap((item) =>
    PLAN_FIELDS.filter((field) => {
      const text = planText(item, field);
      return text !== null && !hasTargetMarker(text, profile.targetMarkers);
    }).map((field) => itemFinding("TARGET_MISSING", item, field)),
  );

function planText(item: Parameters<Rule>[0]["items"][number], field: (typeof PLAN_FIELDS)[number]): string | null {
  return field === "plan.policy" ? item.plan.policy : item.plan.thisYear;
}
