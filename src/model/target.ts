import { z } from "zod";

/** One (目標) phrase of a plan field, parsed where it is numeric. */
export const Target = z.object({
  field: z.enum(["plan.policy", "plan.thisYear"]),
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(["eq", "gte", "lte", "decrease", "increase", "zero"]).nullable(),
  year: z.number().int().nullable(),
});
export type Target = z.infer<typeof Target>;
