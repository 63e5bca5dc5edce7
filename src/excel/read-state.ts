/**
 * The read the task pane makes: the workbook's grids (read-workbook.ts) and, in the same first sync, what the
 * add-in keeps in the workbook's settings — what 集計 was made for, what 強調表示 marked.
 */
import { HIGHLIGHT_SETTING, HighlightRecord } from "../entry/marks";
import { parseStamp, SUMMARY_SETTING, SummaryStamp } from "../entry/stamp";
import { toHostError } from "./host-error";
import type { OfficeApi } from "./office-api";
import { assertSupported, readGrids, WorkbookRead } from "./read-workbook";

export interface WorkbookState extends WorkbookRead {
  summary: SummaryStamp | null;
  highlight: HighlightRecord | null;
}

export async function readWorkbookState(api: OfficeApi): Promise<WorkbookState> {
  assertSupported(api);
  try {
    return await api.Excel.run(async (context) => {
      const { grid, notes, extra } = await readGrids(api, context, {
        workbook: (workbook) => ({
          summary: workbook.settings.getItemOrNullObject(SUMMARY_SETTING).load("value"),
          highlight: workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING).load("value"),
        }),
      });
      const highlight = extra.highlight.isNullObject ? null : HighlightRecord.safeParse(extra.highlight.value);
      return {
        ...grid,
        notes,
        summary: extra.summary.isNullObject ? null : parseStamp(extra.summary.value),
        highlight: highlight?.success ? highlight.data : null,
      };
    });
  } catch (error) {
    throw toHostError(error);
  }
}
