import { z } from "zod";

/** The 計画 fields, the text the (目標) targets are read from. */
export const PLAN_FIELDS = ["plan.policy", "plan.thisYear"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** One (目標) phrase of a plan field, parsed where it is numeric. */
export const Target = z.object({
  field: z.enum(PLAN_FIELDS),
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(["eq", "gte", "lte", "decrease", "increase", "zero"]).nullable(),
  year: z.number().int().nullable(),
});
export type Target = z.infer<typeof Target>;
