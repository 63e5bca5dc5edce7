import type { HostOptions } from "../../src/excel-sim/host";
import type { FormItem, LayoutOptions } from "../../tools/form/builder";
import { formHost } from "../support/hosts";

/** The in-memory Excel host holding a form workbook built from `items`. */
export function hostOf(items: FormItem[], options: HostOptions = {}, layout?: LayoutOptions) {
  return formHost(items, layout, options);
}
