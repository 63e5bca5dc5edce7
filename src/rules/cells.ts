import { FIELDS } from "../model";
import { itemFinding } from "./finding";
import type { Rule } from "./context";

export const cellError: Rule = ({ items }) =>
  items.flatMap((item) =>
    FIELDS.filter((field) => item.sources[field]?.error).map((field) =>
      itemFinding("CELL_ERROR", item, field, { value: item.sources[field]!.error! }),
    ),
  );
