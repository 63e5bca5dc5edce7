/**
 * 強調表示 / 強調表示を解除: marks the cells of the current findings with conditional formats of their own
 * (entry/marks.ts) and removes exactly those, found by their formula on every sheet — in this session or after
 * the workbook was saved and reopened —, never touching a cell's own format or another conditional format. What
 * was marked, for which phase and when, is kept in the workbook's settings. Each action is one undo step where
 * Excel can (ExcelApi 1.20). Syncs: the sheets (1), their conditional formats (1), the formulas of the custom
 * ones (1, only when there are any), the writes (1).
 */
import { HIGHLIGHT_SETTING, HighlightRecord, isMarkFormula, Mark, MARK_LOOKS, markFormula, marksOf } from "../entry/marks";
import type { Finding, Phase } from "../model";
import { queueInSyncs } from "./batches";
import { requireFeature, runAction } from "./capabilities";
import { Note, toHostError } from "./host-error";
import type { OfficeApi } from "./office-api";

/** More marks than this slow Excel down more than they help: the first ones are marked and a note says so. */
export const MAX_MARKS = 2_000;
/** A mark is about a dozen commands (≈ 1.3 KB of request). */
const MARKS_PER_SYNC = 2_000;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

export interface HighlightResult {
  /** What is now kept in the workbook's settings. */
  record: HighlightRecord;
  errors: number;
  warnings: number;
  /** Marks of an earlier 強調表示 taken away first. */
  removed: number;
  /** Sheets whose cells could not be marked or unmarked: they are protected. */
  protectedSheets: string[];
  notes: Note[];
}

interface Found {
  /** Our marks on sheets that are not protected (they can be taken away). */
  ours: Excel.ConditionalFormat[];
  /** Sheets that are protected, and those of them that hold marks of ours. */
  protectedSheets: Set<string>;
  lockedMarks: Set<string>;
  sheets: Map<string, Excel.Worksheet>;
  setting: Excel.Setting;
}

/** Our marks on every sheet (3 syncs at most), and the record of the last 強調表示. */
async function findMarks(context: Excel.RequestContext): Promise<Found> {
  const listing = context.workbook.worksheets.load("items/name");
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  await context.sync();
  const perSheet = listing.items.map((ws) => ({
    ws,
    protection: ws.protection.load("protected"),
    formats: ws.getRange().conditionalFormats.load("items/type"),
  }));
  await context.sync();
  const custom = perSheet.flatMap(({ ws, protection, formats }) =>
    formats.items.filter((f) => f.type === "Custom").map((format) => ({ ws, protection, format, rule: format.custom.rule.load("formula") })),
  );
  if (custom.length) await context.sync();
  const marks = custom.filter((c) => isMarkFormula(c.rule.formula));
  return {
    ours: marks.filter((c) => !c.protection.protected).map((c) => c.format),
    protectedSheets: new Set(perSheet.filter((s) => s.protection.protected).map((s) => s.ws.name)),
    lockedMarks: new Set(marks.filter((c) => c.protection.protected).map((c) => c.ws.name)),
    sheets: new Map(listing.items.map((ws) => [ws.name, ws])),
    setting,
  };
}

/** Marks the cells of `findings` (an earlier 強調表示 is taken away first) and records it in the workbook. */
export async function highlightFindings(api: OfficeApi, result: { phase: Phase; findings: readonly Finding[] }, now = new Date()): Promise<HighlightResult> {
  requireFeature(api, "highlight");
  const all = marksOf(result.findings);
  const marks = all.slice(0, MAX_MARKS);
  try {
    return await runAction(api, async (context) => {
      const found = await findMarks(context);
      for (const format of found.ours) format.delete();
      const writable = marks.filter((m) => found.sheets.has(m.sheet) && !found.protectedSheets.has(m.sheet));
      const errors = writable.filter((m) => m.kind === "error").length;
      const record: HighlightRecord = { at: now.toISOString(), phase: result.phase, errors, warnings: writable.length - errors };
      context.workbook.settings.add(HIGHLIGHT_SETTING, record);
      await queueInSyncs(context, writable, MARKS_PER_SYNC, (mark) => addMark(found.sheets.get(mark.sheet)!, mark));
      if (!writable.length) await context.sync();
      const skipped = new Set([...marks.filter((m) => found.protectedSheets.has(m.sheet)).map((m) => m.sheet), ...found.lockedMarks]);
      return {
        record,
        errors,
        warnings: record.warnings,
        removed: found.ours.length,
        protectedSheets: [...skipped],
        notes: all.length > MAX_MARKS ? [tooMany(all.length)] : [],
      };
    });
  } catch (error) {
    throw toHostError(error);
  }
}

/** Takes away every mark of the add-in, and its record. */
export async function clearHighlight(api: OfficeApi): Promise<{ removed: number; protectedSheets: string[] }> {
  requireFeature(api, "highlight");
  try {
    return await runAction(api, async (context) => {
      const found = await findMarks(context);
      for (const format of found.ours) format.delete();
      if (!found.setting.isNullObject) found.setting.delete();
      if (found.ours.length || !found.setting.isNullObject) await context.sync();
      return { removed: found.ours.length, protectedSheets: [...found.lockedMarks] };
    });
  } catch (error) {
    throw toHostError(error);
  }
}

function addMark(ws: Excel.Worksheet, mark: Mark): void {
  const look = MARK_LOOKS[mark.kind];
  const format = ws.getRange(mark.cell).conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom;
  format.rule.formula = markFormula(mark.kind);
  format.format.fill.color = look.fill;
  format.format.font.color = look.font;
  for (const edge of EDGES) {
    const border = format.format.borders.getItem(edge);
    border.style = look.border.style;
    border.color = look.border.color;
  }
}

function tooMany(count: number): Note {
  return {
    ja: `指摘のあるセルが ${count.toLocaleString("ja-JP")} か所あるため、最初の ${MAX_MARKS.toLocaleString("ja-JP")} か所だけを強調表示しました。`,
    en: `${count.toLocaleString("en-US")} cells have findings; only the first ${MAX_MARKS.toLocaleString("en-US")} were highlighted.`,
  };
}
