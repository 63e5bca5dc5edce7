/**
 * 入力規則を設定: a dropdown list (data validation, ExcelApi 1.8) on every rating cell the reader found. Values
 * never change; a cell that already has another rule keeps it and is listed; a cell that has this very list is
 * left as it is, so a second run changes nothing. The read (2 syncs), the cells' current rules and the sheets'
 * protection (1), the writes (1) — more syncs only for thousands of items —, as one undo step where Excel can.
 */
import type { RatingField } from "../model";
import { ListRule, planRatingLists } from "../entry/rating-lists";
import { readWorkbook } from "../template/reader";
import { resolveProfile, TemplateProfile } from "../template/profile";
import { queueInSyncs } from "./batches";
import { requireFeature, runAction } from "./capabilities";
import { Note, toHostError } from "./host-error";
import type { OfficeApi } from "./office-api";
import { assertSupported, readGrids } from "./read-workbook";

export interface InputRulesResult {
  /** Cells that got the list now. */
  set: number;
  /** Cells that already had this list. */
  already: number;
  /** Cells left alone: they have a rule of their own. */
  ownRules: { sheet: string; cell: string; item: number; field: RatingField }[];
  /** Sheets whose rating cells got no list because the sheet is protected. */
  protectedSheets: string[];
  notes: Note[];
}

/** A cell's rule read costs about 400 bytes of request, a rule written about 1 KB (its texts included). */
const READS_PER_SYNC = 8_000;
const WRITES_PER_SYNC = 3_000;

/** The items of a list as Excel gives its source back ("①, ②" and "①,②" are the same list). */
function listItems(source: string): string[] {
  return source.split(",").map((item) => item.trim());
}

export async function setInputRules(api: OfficeApi, options: { profile?: TemplateProfile } = {}): Promise<InputRulesResult> {
  assertSupported(api);
  requireFeature(api, "inputRules");
  const profile = options.profile ?? resolveProfile();
  try {
    return await runAction(api, async (context) => {
      const { grid, notes } = await readGrids(api, context);
      const plan = planRatingLists(grid, readWorkbook(grid, profile).items, profile);

      const sheets = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
      const protection = [...new Set(plan.map((r) => r.sheet))].map((name) => ({ name, protection: sheet(name).protection.load("protected") }));
      const current = await queueInSyncs(context, plan, READS_PER_SYNC, (rule) => ({ rule, dv: sheet(rule.sheet).getRange(rule.cell).dataValidation.load("type,rule") }));

      const locked = new Set(protection.filter((p) => p.protection.protected).map((p) => p.name));
      const result: InputRulesResult = { set: 0, already: 0, ownRules: [], protectedSheets: [...locked], notes };
      const toSet: ListRule[] = [];
      for (const { rule, dv } of current) {
        if (dv.type === "None") {
          if (!locked.has(rule.sheet)) toSet.push(rule);
        } else if (dv.type === "List" && sameList(dv.rule?.list?.source, rule.source)) result.already++;
        else result.ownRules.push({ sheet: rule.sheet, cell: rule.cell, item: rule.item, field: rule.field });
      }
      await queueInSyncs(context, toSet, WRITES_PER_SYNC, (rule) => {
        const dv = sheet(rule.sheet).getRange(rule.cell).dataValidation;
        dv.rule = { list: { source: rule.source, inCellDropDown: true } };
        dv.prompt = { showPrompt: true, ...rule.prompt };
        dv.errorAlert = { showAlert: true, style: "Warning" as Excel.DataValidationAlertStyle, ...rule.errorAlert };
      });
      result.set = toSet.length;
      return result;
    });
  } catch (error) {
    throw toHostError(error);
  }
}

function sameList(source: unknown, ours: string): boolean {
  return typeof source === "string" && listItems(source).join(",") === listItems(ours).join(",");
}
