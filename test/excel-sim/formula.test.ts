import {
  evaluateFormula,
  FormulaContext,
  FormulaError,
  mapReferences,
  numberToText,
  parseFormula,
  referencesOf,
  shiftRows,
  textLiteralsOf,
} from "../../src/excel-sim/formula";
import type { CellValue } from "../../src/template/grid";
import { parseA1 } from "../../src/template/grid";

/** A context over a few sheets given as { "Sheet": { A1: value } }. */
function contextOf(sheets: Record<string, Record<string, CellValue>>, sheet = Object.keys(sheets)[0]): FormulaContext {
  return {
    sheet,
    cell(name, row, col) {
      const found = Object.keys(sheets).find((s) => s.toLowerCase() === name.toLowerCase());
      if (!found) return { error: "#REF!" };
      const entry = Object.entries(sheets[found]).find(([address]) => {
        const p = parseA1(address);
        return p.row === row && p.col === col;
      });
      return entry ? entry[1] : null;
    },
  };
}

const BOOK = contextOf({
  集計: { A1: "x", A2: "", B1: 1, B2: 2, B3: "3", C1: true },
  取組項目: { C6: "①", C7: null, C8: 1, C9: "=SUM(A1)", D1: "a", D2: "A", D3: { error: "#N/A" } },
  "Tom's 'list'": { A1: "quoted" },
  "a!b": { A1: "bang" },
});
const run = (formula: string, context = BOOK) => evaluateFormula(formula, context);

describe("references", () => {
  test.each([
    ["='取組項目'!C6", "①"],
    ["=取組項目!C6", "①"],
    ["='取組項目'!$C$6", "①"],
    ["='Tom''s ''list'''!A1", "quoted"],
    ["='a!b'!A1", "bang"],
    ["=B1", 1],
  ])("%s → %p", (formula, expected) => expect(run(formula)).toEqual(expected));

  test("an empty cell referenced on its own shows 0, as in Excel", () => {
    expect(run("='取組項目'!C7")).toBe(0);
  });

  test("a sheet that does not exist is #REF!", () => {
    expect(run("='消えたシート'!A1")).toEqual({ error: "#REF!" });
  });

  test("referencesOf lists sheet and cells; textLiteralsOf the constants", () => {
    expect(referencesOf("=IF(ISBLANK('a''b'!$C$6),\"\",'a''b'!C6:D7)")).toEqual([
      { kind: "ref", sheet: "a'b", top: 5, left: 2, bottom: 5, right: 2 },
      { kind: "ref", sheet: "a'b", top: 5, left: 2, bottom: 6, right: 3 },
    ]);
    expect(textLiteralsOf('=IF(A1="a""b",{"x","y"},"")')).toEqual(['a"b', "x", "y", ""]);
  });
});

describe("IF, ISBLANK, IFERROR (Excel's documented semantics)", () => {
  // ISBLANK: "Value refers to an empty cell." A formula returning "" is not an empty cell.
  test.each([
    ["=ISBLANK('取組項目'!C7)", true],
    ["=ISBLANK(A2)", false], // A2 holds "" (text of length 0): not blank
    ['=ISBLANK("")', false],
    ["=ISBLANK(B1)", false],
  ])("%s → %p", (formula, expected) => expect(run(formula)).toBe(expected));

  test('=IF(ISBLANK(x),"",x) keeps text text, a number a number, and blank empty (not 0)', () => {
    const link = (cell: string) => run(`=IF(ISBLANK('取組項目'!${cell}),"",'取組項目'!${cell})`);
    expect(link("C6")).toBe("①");
    expect(link("C8")).toBe(1);
    expect(link("C7")).toBe("");
    // A text that starts with "=" is a value, never run again as a formula.
    expect(link("C9")).toBe("=SUM(A1)");
  });

  test("IF evaluates only the branch it takes", () => {
    expect(run("=IF(TRUE,1,1/0)")).toBe(1);
    expect(run("=IF(FALSE,1)")).toBe(false);
    expect(run('=IF("abc",1,2)')).toEqual({ error: "#VALUE!" });
  });

  // IFERROR: "Returns a value you specify if a formula evaluates to an error; otherwise, returns the result."
  test("IFERROR catches every error value, ISERROR sees them", () => {
    expect(run('=IFERROR(1/0,"x")')).toBe("x");
    expect(run("=IFERROR('取組項目'!D3,2)")).toBe(2);
    expect(run("=IFERROR(B1,2)")).toBe(1);
    expect(run("=ISERROR('取組項目'!D3)")).toBe(true);
    expect(run("=ISERROR(#REF!)")).toBe(true);
  });
});

describe("comparison and arithmetic", () => {
  // "When you compare text … Excel ignores case": =, <> are not case-sensitive.
  test.each([
    ['="a"="A"', true],
    ["='取組項目'!D1='取組項目'!D2", true],
    ['="1"=1', false], // a text never equals a number
    ['=B3="3"', true],
    ['=A2=""', true],
    ['=\'取組項目\'!C7=""', true], // blank equals ""…
    ["='取組項目'!C7=0", true], // …and 0
    ['="a"<>"b"', true],
  ])("%s → %p", (formula, expected) => expect(run(formula)).toBe(expected));

  test.each([
    ["=1+2*3", 7],
    ["=-2*3", -6],
    ["=--TRUE", 1],
    ['="3"+1', 4], // a text that is a number is coerced
    ["=B3*2", 6],
    ["=TRUE*TRUE", 1],
    ["=10/4", 2.5],
  ])("%s → %p", (formula, expected) => expect(run(formula)).toBe(expected));

  test("errors: text in arithmetic is #VALUE!, division by zero #DIV/0!; errors propagate", () => {
    expect(run('="a"+1')).toEqual({ error: "#VALUE!" });
    expect(run("=1/0")).toEqual({ error: "#DIV/0!" });
    expect(run("='取組項目'!D3&\"x\"")).toEqual({ error: "#N/A" });
  });

  test("& joins texts; numbers and logicals become their text", () => {
    expect(run('="a"&1&TRUE&2.5')).toBe("a1TRUE2.5");
    expect(run('=0.1+0.2&""')).toBe("0.3");
  });

  test("numberToText: the General format's 15 significant digits", () => {
    expect([1, -2, 0.5, 123456789012, 1e20, 1.5e-12].map(numberToText)).toEqual(["1", "-2", "0.5", "123456789012", "1E+20", "1.5E-12"]);
  });
});

describe("text functions", () => {
  // SUBSTITUTE: "Substitutes new_text for old_text in a text string" and is case-sensitive.
  test.each([
    ['=SUBSTITUTE("a b　c"," ","")', "ab　c"],
    ['=SUBSTITUTE("Ａa","a","x")', "Ａx"],
    ['=SUBSTITUTE("aA","a","x")', "xA"],
    ['=SUBSTITUTE("abc","","x")', "abc"],
    ['=SUBSTITUTE(12,2,"")', "1"],
    ['=LOWER("N/A Ⅱ")', "n/a ⅱ"],
    ['=LEFT("取組項目1",4)', "取組項目"],
    ['=LEFT("ab",5)', "ab"],
    ['=MID("abc",2,5)', "bc"],
    ['=LEN("①ａ")', 2],
    ['=FIND("b","abc")', 2],
    ['=FIND("","abc")', 1],
    ['=CHAR(10)', "\n"],
  ])("%s → %p", (formula, expected) => expect(run(formula)).toEqual(expected));

  // FIND "is case sensitive and doesn't allow wildcard characters"; not found is #VALUE!.
  test("FIND knows no wildcards and no case folding", () => {
    expect(run('=FIND("*","abc")')).toEqual({ error: "#VALUE!" });
    expect(run('=FIND("B","abc")')).toEqual({ error: "#VALUE!" });
    expect(run('=FIND("*","a*c")')).toBe(2);
  });
});

describe("arrays: SUMPRODUCT, LOOKUP, CHOOSE", () => {
  const sheet = contextOf({
    S: { A1: "①", A2: "②", A3: "①", A4: null, B1: "x", B2: "y", B3: "x", B4: "x", D1: "1", D2: "(1)", D3: "*", E1: "①", E2: "①", E3: "?" },
  });
  test("SUMPRODUCT counts matches of a comparison, exactly (no wildcards)", () => {
    expect(run('=SUMPRODUCT(--(A1:A4="①"))', sheet)).toBe(2);
    expect(run('=SUMPRODUCT((A1:A4="①")*(B1:B4="x"))', sheet)).toBe(2);
    expect(run('=SUMPRODUCT(--(A1:A4=""))', sheet)).toBe(1); // the blank cell
    expect(run('=SUMPRODUCT(--(D1:D3="*"))', sheet)).toBe(1);
  });

  // SUMPRODUCT: "The array arguments must have the same dimensions. If they do not, SUMPRODUCT returns the #VALUE!
  // error value." "SUMPRODUCT treats non-numeric array entries as if they were zeros."
  test("SUMPRODUCT: mismatched dimensions are #VALUE!, texts count as zero", () => {
    expect(run("=SUMPRODUCT(A1:A4,B1:B3)", sheet)).toEqual({ error: "#VALUE!" });
    expect(run("=SUMPRODUCT(A1:B4)", sheet)).toBe(0);
  });

  test("LOOKUP(2,1/(keys=x),results): the exact, wildcard-free lookup that needs no array entry", () => {
    expect(run('=LOOKUP(2,1/(D1:D3="(1)"),E1:E3)', sheet)).toBe("①");
    expect(run('=LOOKUP(2,1/(D1:D3="*"),E1:E3)', sheet)).toBe("?");
    expect(run('=LOOKUP(2,1/(D1:D3="はい"),E1:E3)', sheet)).toEqual({ error: "#N/A" });
  });

  test("a row array against a column range broadcasts to a table", () => {
    expect(run('=SUMPRODUCT(--(LEFT(CHOOSE({1,2},"ab","cd"),LEN(D1:D2))=D1:D2))', sheet)).toBe(0);
    expect(run('=SUMPRODUCT(--(LEFT(CHOOSE({1,2},"1x","zz"),LEN(D1:D2))=D1:D2))', sheet)).toBe(1);
  });

  test("AND/OR over values", () => {
    expect(run("=AND(TRUE,1,B2=\"x\")", sheet)).toBe(false);
    expect(run("=AND(TRUE,1,B1=\"x\")", sheet)).toBe(true);
    expect(run("=OR(FALSE,0,1)", sheet)).toBe(true);
    expect(run("=NOT(0)", sheet)).toBe(true);
  });
});

describe("references moved as Excel moves them", () => {
  const link = `=IF(ISBLANK('取組項目'!$C$6),"",'取組項目'!$C$6)`;
  test("rows inserted above a referenced cell move it down; below, nothing changes; other sheets are not touched", () => {
    expect(shiftRows(link, "集計", "取組項目", 2, 3)).toBe(`=IF(ISBLANK('取組項目'!$C$9),"",'取組項目'!$C$9)`);
    expect(shiftRows(link, "集計", "取組項目", 6, 3)).toBe(link);
    expect(shiftRows(link, "集計", "別のシート", 0, 3)).toBe(link);
    expect(shiftRows("=SUM(A2:A5)+A1", "S", "s", 2, 1)).toBe("=SUM(A2:A6)+A1"); // a range across the rows grows; sheet names ignore case
  });

  test("rows deleted: references below move up, a deleted cell is #REF!, a range loses the rows", () => {
    expect(shiftRows(link, "集計", "取組項目", 5, -1)).toBe(`=IF(ISBLANK(#REF!),"",#REF!)`);
    expect(shiftRows(link, "集計", "取組項目", 0, -2)).toBe(`=IF(ISBLANK('取組項目'!$C$4),"",'取組項目'!$C$4)`);
    expect(shiftRows("=SUM(A2:A5)", "S", "S", 2, -2)).toBe("=SUM(A2:A3)");
    expect(evaluateFormula(shiftRows(link, "集計", "取組項目", 5, -1), BOOK)).toEqual({ error: "#REF!" });
  });

  test("text and quoted names are kept exactly; a renamed sheet is quoted", () => {
    const f = `='Tom''s ''list'''!A1&"A1 stays"&B2`;
    expect(shiftRows(f, "x", "Tom's 'list'", 0, 1)).toBe(`='Tom''s ''list'''!A2&"A1 stays"&B2`);
    expect(mapReferences(f, (r) => (r.sheet ? { ...r, sheet: "新しい名前" } : r))).toBe(`='新しい名前'!A1&"A1 stays"&B2`);
  });
});

describe("what it refuses", () => {
  test.each([
    ["=VLOOKUP(1,A1:B2,2,FALSE)", /Unsupported function VLOOKUP/],
    ["=LET(x,1,x)", /Unsupported function LET/],
    ["=A1:A3", /array/],
    ["=A:A", /Unsupported range/],
    ["=A1 B1", /intersection/],
    ["=A1>1", /only = and <>/],
    ["=myName", /defined names/],
    ["=CHAR(160)", /code page/],
    ["1+1", /starts with "="/],
    ['="abc', /Unterminated/],
    ["=IF(1)", /IF takes 2–3 arguments/],
    ["=SUM(1", /Expected "\)"/],
  ])("%s", (formula, message) => {
    expect(() => evaluateFormula(formula, BOOK)).toThrow(FormulaError);
    expect(() => evaluateFormula(formula, BOOK)).toThrow(message);
  });

  test("parse is separate from evaluation", () => {
    expect(parseFormula("=1")).toEqual({ kind: "number", value: 1 });
  });
});
