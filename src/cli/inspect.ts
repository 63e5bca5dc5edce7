import { inspectReport, InspectedField, InspectedForm } from "../inspection";
import { FIELD_LABELS, PHASE_LABELS } from "../model";
import { checkFile, FileOutcome, loadProfile } from "./inputs";
import { eachWithProgress, EXIT, Io, printable, warn } from "./io";

export interface InspectOptions {
  format: "text" | "json";
  profile?: string;
}

/**
 * `hyoka inspect`: how each workbook was understood — its forms, their items, and for every field the cell it was
 * read from and the value — for an administrator adapting a profile to a ward's variant of the form.
 * Exit 0, or 2 when an input is unusable.
 */
export async function inspectCommand(files: string[], opts: InspectOptions, io: Io): Promise<number> {
  const profile = await loadProfile(opts.profile);
  const outcomes = await eachWithProgress(io, "読み取り中", files, (file) => checkFile(file, undefined, profile));
  for (const { error } of outcomes) if (error) warn(io, error);
  if (opts.format === "json") {
    const objects = outcomes.map(({ file, report, error }) => (report && !error ? { file, forms: inspectReport(report) } : { file, error }));
    io.stdout(`${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`);
  } else {
    const parts = outcomes.flatMap(({ file, report, error }) => (report && !error ? [inspectionText(file, inspectReport(report))] : []));
    if (parts.length) io.stdout(`${parts.join("\n\n")}\n`);
  }
  return outcomes.some(unusable) ? EXIT.unusable : EXIT.ok;
}

function unusable({ report, error }: FileOutcome): boolean {
  return Boolean(error || !report);
}

/** The compact Japanese table: a line per form, then one table of its items' fields (項目, セル, 値), item by item. */
export function inspectionText(file: string, forms: InspectedForm[]): string {
  const lines = [`■ ${printable(file)}`];
  for (const form of forms) {
    const facts = [
      form.plan,
      form.fiscalYear ? `${form.fiscalYear}年度` : null,
      `取組項目 ${form.itemCount} 件`,
      `欄: ${form.sections.map((s) => PHASE_LABELS[s].ja).join("・")}`,
    ].filter(Boolean);
    lines.push(`様式「${printable(form.name)}」（シート: ${form.sheets.map(printable).join("、")}）${facts.join("　")}`);
    const headings: string[] = [];
    const rows: string[][] = [["項目", "セル", "値"]];
    for (const item of form.items) {
      headings[rows.length] = `  取組項目 ${item.no}${item.title ? `【${shorten(item.title, 40)}】` : ""}　${printable(item.sheet)}!${item.cell}`;
      rows.push(...item.fields.map((field) => [FIELD_LABELS[field.field].ja, place(field, item.sheet), shown(field)]));
    }
    table(rows).forEach((line, i) => lines.push(...(headings[i] ? [headings[i]] : []), `    ${line}`));
  }
  return lines.join("\n");
}

function place(field: InspectedField, itemSheet: string): string {
  if (!field.cell) return "—";
  const cell = field.sheet === itemSheet ? field.cell : `${printable(field.sheet ?? "")}!${field.cell}`;
  return field.status === "ambiguous" ? `${cell}？` : cell;
}

function shown(field: InspectedField): string {
  switch (field.status) {
    case "value":
      return shorten(field.value, 40);
    case "blank":
      return "（空欄）";
    case "invalid":
      return `${shorten(field.value, 24)}　※選択肢にない値`;
    case "error":
      return `${field.value}　※エラー値`;
    case "absent":
      return "（ラベル・凡例が見つかりません）";
    case "ambiguous": {
      const cells = field.ambiguous?.cells.join("・") ?? "";
      if (field.ambiguous?.reason === "several") return `？ どのセルか判断できません: ${cells} のどれにも評価があります`;
      return `？ 値のセルが見つかりません${cells ? `（確認したセル: ${cells}）` : ""}`;
    }
  }
}

/** One line, at most `width` columns wide (a full-width character is two), control characters escaped. */
function shorten(text: string, width: number): string {
  const line = printable(text.replace(/\s+/g, " ").trim());
  let out = "";
  let used = 0;
  for (const ch of line) {
    const w = columns(ch);
    if (used + w > width - 1) return `${out}…`;
    out += ch;
    used += w;
  }
  return out;
}

/** Rows padded so that each column starts at the same place on a terminal (full-width characters count two). */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => width(row[c]))));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell + " ".repeat(widths[c] - width(cell) + 2))).join("").trimEnd());
}

function width(text: string): number {
  let n = 0;
  for (const ch of text) n += columns(ch);
  return n;
}

/** East Asian wide and full-width characters take two columns on a terminal. */
function columns(ch: string): number {
  return /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch)
    ? 2
    : 1;
}
