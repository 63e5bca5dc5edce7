import fc from "fast-check";
import { checkWorkbook } from "../../src/check";
import { Finding, Item } from "../../src/model";
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../src/template/grid";
import { defaultProfile } from "../../src/template/profile";
import { parseRating } from "../../src/template/ratings";
import { readWorkbook } from "../../src/template/reader";
import { gridFromExcelJs } from "../support/exceljs-grid";
import { buildFormWorkbook, LayoutOptions } from "../../tools/form/builder";
import { tennojiR1 } from "../../tools/form/tennoji-r1";

/** Text that looks like the form as often as not, so that generated grids reach deep into the reader. */
const formWords = fc.constantFrom(
  "取組項目1", "取組項目 2", "取組項目３", "取組項目 1 1", "【歳出の削減】★", "【", "】", "★", "計画", "中間振り返り", "中間 振り返り",
  "自己評価", "取組の方針・目標内容", "当年度の取組内容", "取組内容の実施見込み", "目標の達成見込み", "課題と改善策 ※左記が「②」の場合は必須",
  "課題と改善策 ※左記が「③」の場合は必須", "当年度の取組実績及び目標の達成状況", "①:達成見込み ②:達成できない見込み", "①:目標達成 ②:目標未達成",
  "(i)実施見込み (ii)実施できない見込み", "①", "②", "③", "(i)", "(ii)", "ⅱ", "対象外", "—", "(目標) 5件", "はい", "",
);
const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constant("x".repeat(40000)),
  fc.constantFrom("\u0000", "\uFEFF", "𠮷野家", "\u202E右から左", "e\u0301", "\n\n\t", "=SUM(A1)", "@cmd"),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: formWords },
  { weight: 2, arbitrary: oddText },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("#REF!", "#N/A", "#VALUE!", "#DIV/0!").map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 4, arbitrary: fc.constant(null) },
);

const merge = (rows: number, cols: number): fc.Arbitrary<CellRange> =>
  fc
    .record({ top: fc.nat(rows), left: fc.nat(cols), height: fc.nat(3), width: fc.nat(3) })
    .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));

const sheet: fc.Arbitrary<SheetGrid> = fc
  .record({ rows: fc.integer({ min: 0, max: 30 }), cols: fc.integer({ min: 0, max: 9 }), top: fc.nat(5), left: fc.nat(3) })
  .chain(({ rows, cols, top, left }) =>
    fc.record({
      name: fc.oneof(fc.constantFrom("取組項目", "様式1", "集計", "表紙"), fc.string({ maxLength: 31 })),
      top: fc.constant(top),
      left: fc.constant(left),
      values: fc.array(fc.array(cellValue, { maxLength: cols }), { maxLength: rows }),
      merges: fc.array(merge(rows + top, cols + left), { maxLength: 6 }),
    }),
  );

const workbook: fc.Arbitrary<WorkbookGrid> = fc.record({
  name: fc.string(),
  sheets: fc.array(sheet, { maxLength: 4 }),
});

describe("the reader and rules never throw", () => {
  test("on 1,000 generated workbooks they return items and findings of the model's shape", () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom(undefined, "plan", "midyear", "final" as const), (grid, phase) => {
        const report = checkWorkbook(grid, { phase });
        for (const item of report.items) Item.parse(item);
        for (const finding of report.findings) Finding.parse(finding);
        if (report.items.length === 0) expect(report.findings.map((f) => f.code)).toContain("TEMPLATE_NOT_RECOGNIZED");
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  test("on 1,000 generated cell values the rating parser answers empty, value or invalid", () => {
    fc.assert(
      fc.property(fc.oneof(formWords, oddText), (text) => {
        for (const scale of Object.values(defaultProfile.scales)) {
          expect(["empty", "value", "invalid"]).toContain(parseRating(text, scale, defaultProfile).kind);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** The 19 items of the sample as a grid, laid out by the builder (the same path as the sample workbook). */
const sampleGridIn = (options: LayoutOptions): WorkbookGrid => gridFromExcelJs(buildFormWorkbook(tennojiR1, options), "sample.xlsx");

/** What an item says, without where it says it. */
const contentOf = ({ no, title, subtitle, starred, plan, midyear, final, targets }: Item) =>
  ({ no, title, subtitle, starred, plan, midyear, final, targets });

const layout: fc.Arbitrary<LayoutOptions> = fc.record(
  {
    sheets: fc.oneof(fc.constantFrom("one" as const, "per-item" as const), fc.integer({ min: 1, max: 8 })),
    origin: fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 12 }) }),
    gapRows: fc.nat(6),
    blankColumnAfterLabels: fc.boolean(),
    numberStyle: fc.constantFrom("plain" as const, "spaced" as const, "fullwidth" as const, "space" as const),
    labelBreaks: fc.boolean(),
    titleInAnchorCell: fc.boolean(),
    noMerges: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("the sample's 19 items, moved and laid out otherwise", () => {
  const expected = readWorkbook(sampleGridIn({})).items.map(contentOf);

  test("on 100 generated layouts (sheets, origin, gaps, spacer column, numbering, merges) the same items are read", () => {
    fc.assert(
      fc.property(layout, (options) => {
        expect(readWorkbook(sampleGridIn(options)).items.map(contentOf)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

/** Damage done to a real form: a cell blanked (a label lost) or overwritten, rows moved elsewhere, a merge laid over. */
type Damage =
  | { kind: "blank"; row: number; col: number }
  | { kind: "write"; row: number; col: number; value: CellValue }
  | { kind: "move"; from: number; count: number; to: number }
  | { kind: "merge"; area: CellRange };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("blank" as const), row: fc.nat(400), col: fc.nat(8) }),
  fc.record({ kind: fc.constant("write" as const), row: fc.nat(400), col: fc.nat(8), value: cellValue }),
  fc.record({ kind: fc.constant("move" as const), from: fc.nat(400), count: fc.integer({ min: 1, max: 30 }), to: fc.nat(400) }),
  merge(400, 8).map((area) => ({ kind: "merge" as const, area })),
);

function damaged(sheet: SheetGrid, harms: Damage[]): SheetGrid {
  const values = sheet.values.map((line) => [...line]);
  const merges = [...sheet.merges];
  for (const harm of harms) {
    const at = (row: number) => row % Math.max(1, values.length);
    if (harm.kind === "blank" || harm.kind === "write") {
      const line = values[at(harm.row)];
      if (line) line[harm.col] = harm.kind === "blank" ? null : harm.value;
    } else if (harm.kind === "move") {
      const rows = values.splice(at(harm.from), harm.count);
      values.splice(at(harm.to), 0, ...rows);
    } else merges.push(harm.area);
  }
  return { ...sheet, values, merges };
}

describe("a damaged copy of the sample", () => {
  const sample = sampleGridIn({});

  test("on 1,000 damaged copies (labels lost, cells overwritten, rows moved, merges laid over) reader and rules return items and findings", () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 25 }), fc.constantFrom("plan", "midyear", "final" as const), (harms, phase) => {
        const grid = { ...sample, sheets: sample.sheets.map((sheet) => damaged(sheet, harms)) };
        const report = checkWorkbook(grid, { phase });
        for (const item of report.items) Item.parse(item);
        for (const finding of report.findings) Finding.parse(finding);
      }),
      { numRuns: 1000 },
    );
  });
});
