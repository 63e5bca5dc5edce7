import { checkWorkbook } from "../check";
import type { Phase } from "../model";
import { computeSummary } from "../summary/compute";
import { layoutSummary } from "../summary/layout";
import { freeSheetName, isGeneratedSheet, MARKER_CELL } from "../summary/sheet-writes";
import { a1 } from "../template/grid";
import { HostError, toHostError } from "./host-error";
import { assertSupported, OfficeApi, readGrids, supportsExcelApi } from "./read-workbook";
import { queueSheet } from "./write-sheet";

const LINKS_API = "1.7"; // range.hyperlink

export interface SummarizeResult {
  /** The 集計 sheet written (「集計 (2)」 when a user's own sheet is called 集計). */
  sheet: string;
  items: number;
}

/**
 * Writes 集計 and 検証結果 into the open workbook and shows 集計: the read of {@link readGrids}, then every write
 * in ONE more sync. Only hyoka's own sheets are replaced; a protected workbook is refused before any write.
 */
export async function summarizeOpenWorkbook(
  api: OfficeApi,
  options: { phase?: Phase; now?: Date } = {},
): Promise<SummarizeResult> {
  assertSupported(api);
  const links = supportsExcelApi(api, LINKS_API);
  try {
    return await api.Excel.run(async (context) => {
      const { grid, sheets, extra: workbookProtection } = await readGrids(api, context, {
        workbook: (workbook) => workbook.protection.load("protected"),
        sheet: (ws) => ({
          marker: ws.getRange(a1(MARKER_CELL.row, MARKER_CELL.col)).load("values"),
          protection: ws.protection.load("protected"),
        }),
      });
      if (workbookProtection.protected) {
        throw new HostError("ブックの構成が保護されているため、集計シートを追加できません。ブックの保護を解除してから、もう一度お試しください。ブックは変更していません。", "AccessDenied");
      }

      const report = checkWorkbook(grid, { phase: options.phase });
      const plans = layoutSummary(computeSummary(grid.name, report, options.now ?? new Date()));
      const ours = new Set(sheets.filter((s) => isGeneratedSheet(s.extra.marker.values[0][0])).map((s) => s.name));
      const locked = sheets.find((s) => ours.has(s.name) && s.extra.protection.protected);
      if (locked) {
        throw new HostError(`以前に作成した「${locked.name}」シートが保護されているため、置き換えられません。シートの保護を解除してから、もう一度お試しください。ブックは変更していません。`, "AccessDenied");
      }
      const taken = new Set(sheets.map((s) => s.name).filter((name) => !ours.has(name)));

      const names = plans.map((plan) => {
        const name = freeSheetName(plan.name, (n) => taken.has(n));
        if (ours.has(name)) context.workbook.worksheets.getItem(name).delete();
        queueSheet(context.workbook.worksheets.add(name), plan, { links });
        return name;
      });
      context.workbook.worksheets.getItem(names[0]).activate();
      await context.sync();
      return { sheet: names[0], items: report.items.length };
    });
  } catch (error) {
    throw toHostError(error);
  }
}
