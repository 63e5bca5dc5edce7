/**
 * How the host reads a string written through Range.values. Reference (Excel.Range.values): "If the returned value
 * starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula." office-js
 * issue #229: `a1.values = '2018-12-31'` leaves the number format m/d/yyyy (a date). The rest is how the Excel grid
 * reads what is typed; tools/excel-probe lets an administrator confirm it in a real Excel.
 */
import { readEntry } from "../../src/excel-sim/entry";

const options = { apostropheInTextCells: "literal" as const, today: new Date(2026, 0, 15) };
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("a General cell", () => {
  test.each<[string, unknown]>([
    ["001", { kind: "value", value: 1 }],
    ["1e3", { kind: "value", value: 1000 }],
    ["1,000", { kind: "value", value: 1000 }],
    [" 12 ", { kind: "value", value: 12 }],
    ["-5", { kind: "value", value: -5 }],
    ["(5)", { kind: "value", value: -5 }],
    ["50%", { kind: "value", value: 0.5, numberFormat: "0%" }],
    ["¥1,000", { kind: "value", value: 1000, numberFormat: "¥#,##0" }],
    ["1 1/2", { kind: "value", value: 1.5, numberFormat: "# ?/?" }],
    ["TRUE", { kind: "value", value: true }],
    ["false", { kind: "value", value: false }],
    ["#N/A", { kind: "error", error: "#N/A" }],
    ["=SUM(A1)", { kind: "formula", formula: "=SUM(A1)" }],
    ["+81-6-6774-9625", { kind: "formula", formula: "=+81-6-6774-9625" }],
    ["-x", { kind: "formula", formula: "=-x" }],
    ["@x", { kind: "formula", formula: "=x" }],
    ["@SUM(A1)", { kind: "formula", formula: "=SUM(A1)" }],
    ["1/2", { kind: "value", value: serial(2026, 1, 2), numberFormat: "yyyy/m/d" }],
    ["2019/10/1", { kind: "value", value: serial(2019, 10, 1), numberFormat: "yyyy/m/d" }],
    ["2018-12-31", { kind: "value", value: serial(2018, 12, 31), numberFormat: "yyyy/m/d" }],
    ["2019年10月1日", { kind: "value", value: serial(2019, 10, 1), numberFormat: "yyyy/m/d" }],
    ["令和元年5月1日", { kind: "value", value: serial(2019, 5, 1), numberFormat: "yyyy/m/d" }],
    ["R1.5.1", { kind: "value", value: serial(2019, 5, 1), numberFormat: "yyyy/m/d" }],
    ["1-Jan", { kind: "value", value: serial(2026, 1, 1), numberFormat: "yyyy/m/d" }],
    ["10:30", { kind: "value", value: 0.4375, numberFormat: "h:mm" }],
    ["'001", { kind: "value", value: "001", quotePrefix: true }],
    ["-", { kind: "value", value: "-" }],
    ["2/30", { kind: "value", value: "2/30" }],
    ["取組1", { kind: "value", value: "取組1" }],
    ["(目標) 10件", { kind: "value", value: "(目標) 10件" }],
    ["", { kind: "empty" }],
  ])("%j", (text, entry) => {
    expect(readEntry(text, undefined, options)).toEqual(entry);
  });

  test("numbers and Booleans are kept", () => {
    expect(readEntry(3, "General", options)).toEqual({ kind: "value", value: 3 });
    expect(readEntry(false, "General", options)).toEqual({ kind: "value", value: false });
  });
});

describe("a text-formatted cell (number format @) keeps the string", () => {
  test.each(["001", "=SUM(A1)", "+1", "@x", "TRUE", "1/2", "#N/A", "'001"])("%j", (text) => {
    expect(readEntry(text, "@", options)).toEqual({ kind: "value", value: text });
  });

  test("unless the host plays a leading apostrophe as the quote prefix there too", () => {
    expect(readEntry("'001", "@", { ...options, apostropheInTextCells: "prefix" })).toEqual({ kind: "value", value: "001", quotePrefix: true });
  });
});
