/**
 * hyoka's probe for a real Excel: what Microsoft's documentation leaves open, asked of the Excel at hand. Each
 * check says PASS when Excel behaves as hyoka's in-memory host assumes by default (src/excel-sim/host.ts), FAIL
 * otherwise, and names the host option that plays the other way. The add-in is written to be right either way;
 * the answers keep the in-memory host honest. Self-contained (no imports): make-snippet.ts puts this file into a
 * Script Lab snippet. It works on a scratch sheet that it adds and deletes, never on the user's sheets.
 */

export interface ProbeResult {
  id: string;
  pass: boolean;
  /** What PASS means, in Japanese and English. */
  ja: string;
  en: string;
  /** What this Excel did. */
  detail: string;
  /** The in-memory host's option that plays the FAIL way. */
  hostOption: string;
}

interface ExcelRun {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

const SCRATCH = "hyoka-probe";
const TEXTS = ["=1+1", "+1", "001", "1/2", "TRUE", "@x", "-", "1e3", "2019/10/1", "+81-6-6774-9625"];
/** A1:J1, one cell for each text. */
const TEXT_ROW = "A1:J1";

/** Runs every check; each on a fresh scratch sheet. */
export async function runProbe(excel: ExcelRun): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const check of CHECKS) {
    await resetScratch(excel);
    try {
      results.push(await check(excel));
    } catch (error) {
      results.push({ id: check.name, pass: false, ja: "検査を実行できませんでした", en: "The check could not run", detail: String((error as Error)?.message ?? error), hostOption: "" });
    }
  }
  await resetScratch(excel, false);
  return results;
}

async function resetScratch(excel: ExcelRun, again = true): Promise<void> {
  await excel.run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(SCRATCH);
    await context.sync();
    if (!old.isNullObject) old.delete();
    if (again) context.workbook.worksheets.add(SCRATCH);
    await context.sync();
  });
}

function scratch(context: Excel.RequestContext): Excel.Worksheet {
  return context.workbook.worksheets.getItem(SCRATCH);
}

async function nullWorksheetMethods(excel: ExcelRun): Promise<ProbeResult> {
  const base = {
    id: "null-worksheet-methods",
    ja: "1 回のバッチの中で、null のワークシートのメソッドが null オブジェクトを返す（バッチは失敗しない）",
    en: "Within one batch, methods of a null worksheet give null objects (the batch does not fail)",
    hostOption: "strictNullObjects: true",
  };
  try {
    return await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("hyoka-probe-does-not-exist");
      const next = missing.getNextOrNullObject(true).load("name");
      const used = missing.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      return { ...base, pass: next.isNullObject && used.isNullObject, detail: `next.isNullObject=${next.isNullObject}, used.isNullObject=${used.isNullObject}` };
    });
  } catch (error) {
    return { ...base, pass: false, detail: `the batch failed: ${describe(error)}` };
  }
}

async function textFormatInBatch(excel: ExcelRun): Promise<ProbeResult> {
  return excel.run(async (context) => {
    const range = scratch(context).getRange(TEXT_ROW);
    range.numberFormat = [TEXTS.map(() => "@")];
    range.values = [TEXTS];
    range.load("values");
    await context.sync();
    const [row] = range.values;
    const wrong = TEXTS.filter((text, i) => row[i] !== text);
    return {
      id: "text-format-in-batch",
      pass: wrong.length === 0,
      ja: "同じバッチで先に設定した文字列書式（@）が、後の values の書き込みに効く（=1+1、+1、001 などが文字列のまま）",
      en: "A text format (@) set earlier in the same batch holds for the values written after it (=1+1, +1, 001… stay text)",
      detail: wrong.length ? wrong.map((t) => `${JSON.stringify(t)} → ${JSON.stringify(row[TEXTS.indexOf(t)])}`).join(", ") : "all kept",
      hostOption: "textFormatInBatch: false",
    };
  });
}

async function apostropheInTextCell(excel: ExcelRun): Promise<ProbeResult> {
  const range = await excel.run(async (context) => {
    const cell = scratch(context).getRange("A1");
    cell.numberFormat = [["@"]];
    await context.sync();
    cell.values = [["'abc"]];
    cell.load("values");
    await context.sync();
    return cell.values[0][0];
  });
  return {
    id: "apostrophe-in-text-cell",
    pass: range === "'abc",
    ja: "文字列書式（@）のセルに書いた先頭のアポストロフィは、文字として残る",
    en: "A leading apostrophe written to a text-formatted (@) cell stays a character",
    detail: `'abc → ${JSON.stringify(range)}`,
    hostOption: 'apostropheInTextCells: "prefix"',
  };
}

async function generalCellsConvert(excel: ExcelRun): Promise<ProbeResult> {
  return excel.run(async (context) => {
    const range = scratch(context).getRange(TEXT_ROW);
    range.values = [TEXTS];
    range.load("values,formulas");
    await context.sync();
    const [values] = range.values;
    const [formulas] = range.formulas;
    const kept = TEXTS.filter((text, i) => text !== "-" && values[i] === text && formulas[i] === text);
    return {
      id: "general-cells-convert",
      pass: kept.length === 0,
      ja: "標準書式のセルでは、数値・日付・論理値に見える文字列は変換され、= + - @ で始まる文字列は数式になる（「-」だけは文字列）",
      en: "In General cells, strings that look like numbers, dates or Booleans are converted and = + - @ start formulas (a lone - stays text)",
      detail: TEXTS.map((t, i) => `${JSON.stringify(t)} → ${JSON.stringify(formulas[i])}`).join(", "),
      hostOption: "(none: src/excel-sim/entry.ts models the conversion)",
    };
  });
}

async function mergedAreasOver512(excel: ExcelRun): Promise<ProbeResult> {
  await excel.run(async (context) => {
    const sheet = scratch(context);
    for (let row = 1; row <= 600; row++) sheet.getRange(`A${row}:B${row}`).merge();
    await context.sync();
  });
  const base = {
    id: "merged-areas-over-512",
    ja: "getMergedAreasOrNullObject は結合範囲が 512 を超えると失敗する（リファレンスの記載どおり）",
    en: "getMergedAreasOrNullObject fails above 512 merged areas (as the reference says)",
    hostOption: "(none: the host always fails above 512)",
  };
  try {
    const count = await excel.run(async (context) => {
      const areas = scratch(context).getRange("A1:B600").getMergedAreasOrNullObject().load("areaCount");
      await context.sync();
      return areas.areaCount;
    });
    return { ...base, pass: false, detail: `returned ${count} areas` };
  } catch (error) {
    return { ...base, pass: true, detail: `failed: ${describe(error)}` };
  }
}

async function mergedAreasByTopLeft(excel: ExcelRun): Promise<ProbeResult> {
  return excel.run(async (context) => {
    const sheet = scratch(context);
    sheet.getRange("A1:B4").merge();
    const below = sheet.getRange("A3:B4").getMergedAreasOrNullObject().load("address");
    await context.sync();
    return {
      id: "merged-areas-by-top-left",
      pass: below.isNullObject,
      ja: "getMergedAreasOrNullObject は左上のセルが範囲内にある結合範囲だけを返す（office-js issue #3611）",
      en: "getMergedAreasOrNullObject returns only the merged areas whose top-left cell is in the range (office-js issue #3611)",
      detail: `A1:B4 merged; A3:B4 → ${below.isNullObject ? "null" : below.address}`,
      hostOption: 'mergedAreas: "intersecting"',
    };
  });
}

async function mergedAreasWhole(excel: ExcelRun): Promise<ProbeResult> {
  return excel.run(async (context) => {
    const sheet = scratch(context);
    sheet.getRange("A1:B4").merge();
    const top = sheet.getRange("A1:B2").getMergedAreasOrNullObject().load("address");
    await context.sync();
    return {
      id: "merged-areas-whole",
      pass: !top.isNullObject && /A1:B4$/.test(top.address),
      ja: "getMergedAreasOrNullObject は範囲の外にはみ出す結合範囲も、切り詰めずに全体を返す",
      en: "getMergedAreasOrNullObject returns a merged area whole, also where it reaches beyond the range",
      detail: `A1:B4 merged; A1:B2 → ${top.isNullObject ? "null" : top.address}`,
      hostOption: "(none: where this fails, hyoka reads a merged area that crosses a 512-cell tile's lower edge only down to that edge)",
    };
  });
}

async function failedBatchKeepsEarlier(excel: ExcelRun): Promise<ProbeResult> {
  let failed = "";
  try {
    await excel.run(async (context) => {
      scratch(context).getRange("A1").values = [["before the failure"]];
      context.workbook.worksheets.getItem("hyoka-probe-does-not-exist").getRange("A1").values = [["x"]];
      await context.sync();
    });
  } catch (error) {
    failed = describe(error);
  }
  const value = await excel.run(async (context) => {
    const cell = scratch(context).getRange("A1").load("values");
    await context.sync();
    return cell.values[0][0];
  });
  return {
    id: "failed-batch-keeps-earlier",
    pass: failed !== "" && value === "before the failure",
    ja: "失敗したバッチでも、失敗より前の操作は取り消されずに残る",
    en: "A failed batch keeps the operations before the failure (it is not undone)",
    detail: `batch ${failed ? `failed (${failed})` : "did not fail"}; A1 = ${JSON.stringify(value)}`,
    hostOption: "atomicBatches: true",
  };
}

const CHECKS = [nullWorksheetMethods, textFormatInBatch, apostropheInTextCell, generalCellsConvert, mergedAreasOver512, mergedAreasByTopLeft, mergedAreasWhole, failedBatchKeepsEarlier];

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e?.code ? `${e.code}: ${e.message ?? ""}` : String(e?.message ?? error);
}

/** The results as the lines an administrator copies into a report. */
export function probeReport(results: ProbeResult[]): string {
  return results.map((r) => `${r.pass ? "PASS" : "FAIL"}  ${r.id}\n      ${r.ja}\n      ${r.en}\n      → ${r.detail}${r.pass ? "" : `\n      (in-memory host: ${r.hostOption})`}`).join("\n");
}
