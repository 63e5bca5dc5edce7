import { isUnreadable, itemFinding } from "./finding";
import type { Rule } from "./context";

export const resultMissing: Rule = ({ items }) =>
  items.filter((item) => !item.final.result && !isUnreadable(item, "final.result")).map((item) => itemFinding("RESULT_MISSING", item, "final.result"));
