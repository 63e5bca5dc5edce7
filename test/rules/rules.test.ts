import type { Finding, Item, Phase } from "../../src/model";
import { inferPhase, validateItems } from "../../src/rules";
import { defaultProfile } from "../../src/template/profile";
import { NO_FORM, makeItem, source } from "../support/items";

const check = (items: Item[], phase: Phase = "final") => validateItems(items, NO_FORM, phase, defaultProfile);
const codes = (findings: Finding[]) => findings.map((f) => f.code);
const only = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);

describe("a complete item", () => {
  test("has no findings at any phase", () => {
    for (const phase of ["plan", "midyear", "final"] as Phase[]) expect(check([makeItem()], phase)).toEqual([]);
  });
});

describe("TEMPLATE_NOT_RECOGNIZED", () => {
  test("fires, fatal, when no item was found", () => {
    const [f] = check([], "plan");
    expect(f).toMatchObject({ code: "TEMPLATE_NOT_RECOGNIZED", severity: "fatal", item: null, sheet: null });
    expect(f.message).toMatch(/取組項目が見つかりません/);
  });
  test("does not fire with items", () => expect(codes(check([makeItem()]))).not.toContain("TEMPLATE_NOT_RECOGNIZED"));
});

describe("ITEM_NUMBER_DUPLICATE and ITEM_NUMBER_GAP", () => {
  test("a repeated number is an error at the second heading", () => {
    const items = [makeItem({ no: 1 }), makeItem({ no: 2, cell: "A10" }), makeItem({ no: 2, cell: "A20" })];
    const [dup] = only(check(items), "ITEM_NUMBER_DUPLICATE");
    expect(dup).toMatchObject({ severity: "error", item: 2, cell: "A20", field: null });
    expect(dup.message).toContain("取組項目!A10");
    expect(only(check(items), "ITEM_NUMBER_GAP")).toEqual([]);
  });
  test("1, 2, 4 is a warning at 4; 1, 5 names 2～4", () => {
    const gap = only(check([1, 2, 4].map((no) => makeItem({ no }))), "ITEM_NUMBER_GAP");
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ severity: "warning", item: 4, params: { missing: "3" } });
    expect(only(check([1, 5].map((no) => makeItem({ no }))), "ITEM_NUMBER_GAP")[0].params.missing).toBe("2～4");
  });
  test("numbers starting above 1 are a gap; 1..n in any sheet order are not", () => {
    expect(codes(check([makeItem({ no: 2 })]))).toContain("ITEM_NUMBER_GAP");
    expect(codes(check([3, 1, 2].map((no) => makeItem({ no }))))).not.toContain("ITEM_NUMBER_GAP");
  });
});

describe("TITLE_MISSING", () => {
  test("fires when there is no 【title】", () => {
    const [f] = only(check([makeItem({ title: null, sources: { title: undefined } })], "plan"), "TITLE_MISSING");
    expect(f).toMatchObject({ severity: "error", item: 1, cell: "A1" });
  });
  test("does not fire with a title", () => expect(codes(check([makeItem()], "plan"))).not.toContain("TITLE_MISSING"));
});

describe("PLAN_FIELD_MISSING and TARGET_MISSING", () => {
  test("an empty plan field is an error at its cell", () => {
    const f = only(check([makeItem({ plan: { policy: null } })], "plan"), "PLAN_FIELD_MISSING");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ field: "plan.policy", cell: "B4", severity: "error" });
    expect(f[0].message).toContain("取組の方針・目標内容");
  });
  test("a plan field without (目標) is a warning; full-width （目標） counts", () => {
    const f = only(check([makeItem({ plan: { thisYear: "(取組の内容) 実施する" } })], "plan"), "TARGET_MISSING");
    expect(f).toEqual([expect.objectContaining({ field: "plan.thisYear", severity: "warning" })]);
    expect(codes(check([makeItem({ plan: { thisYear: "（目標） 年1回" } })], "plan"))).not.toContain("TARGET_MISSING");
  });
  test("a (目標) with nothing after it is a missing target too", () => {
    const f = only(check([makeItem({ plan: { policy: "(取組の内容) 実施する (目標) ―" } })], "plan"), "TARGET_MISSING");
    expect(f).toEqual([expect.objectContaining({ field: "plan.policy" })]);
  });
  test("a field no item of the form prints (no item has its label) is not asked for; one item without it among others is", () => {
    const unprinted = (no: number) => makeItem({ no, plan: { thisYear: null }, sources: { "plan.thisYear": undefined } });
    expect(codes(check([unprinted(1), unprinted(2)], "plan"))).not.toContain("PLAN_FIELD_MISSING");
    const f = only(check([unprinted(1), makeItem({ no: 2 })], "plan"), "PLAN_FIELD_MISSING");
    expect(f).toEqual([expect.objectContaining({ item: 1, field: "plan.thisYear" })]);
  });
  test("an empty field is missing, not also without target", () => {
    expect(codes(check([makeItem({ plan: { thisYear: null } })], "plan"))).toEqual(["PLAN_FIELD_MISSING"]);
  });
});

describe("RATING_INVALID", () => {
  test.each(["plan", "midyear", "final"] as Phase[])("fires at phase %s for ③ and names the choices", (phase) => {
    const item = makeItem({ midyear: { achievement: null }, sources: { "midyear.achievement": source("③", { invalid: true }) } });
    const [f] = only(check([item], phase), "RATING_INVALID");
    expect(f).toMatchObject({ field: "midyear.achievement", cell: "C6", params: { value: "③" } });
    expect(f.message).toContain("①・②");
  });
  test("an invalid rating is not also reported missing", () => {
    const item = makeItem({ final: { achievement: null }, sources: { "final.achievement": source("はい", { invalid: true }) } });
    expect(codes(check([item], "final"))).toEqual(["RATING_INVALID"]);
  });
  test("does not fire for valid ratings", () => expect(codes(check([makeItem()]))).not.toContain("RATING_INVALID"));
});

describe("RATING_MISSING", () => {
  const blank = makeItem({ midyear: { implementation: null, achievement: null }, final: { achievement: null } });
  test("is not checked at phase plan", () => expect(codes(check([blank], "plan"))).not.toContain("RATING_MISSING"));
  test("midyear: both mid-year ratings, not the self-evaluation", () => {
    expect(only(check([blank], "midyear"), "RATING_MISSING").map((f) => f.field)).toEqual([
      "midyear.implementation",
      "midyear.achievement",
    ]);
  });
  test("final: also the self-evaluation", () => {
    expect(only(check([blank], "final"), "RATING_MISSING").map((f) => f.field)).toEqual([
      "midyear.implementation",
      "midyear.achievement",
      "final.achievement",
    ]);
  });
  test("対象外 (na) is a rating, not missing", () => {
    const na = makeItem({ midyear: { implementation: "na", achievement: "na" } });
    expect(codes(check([na], "midyear"))).not.toContain("RATING_MISSING");
  });
});

describe("REMARK_REQUIRED", () => {
  test("mid-year ② without remark is an error at the remark cell", () => {
    const [f] = only(check([makeItem({ midyear: { achievement: 2 } })], "midyear"), "REMARK_REQUIRED");
    expect(f).toMatchObject({ field: "midyear.remark", cell: "E6", severity: "error" });
    expect(f.message).toContain("課題と改善策");
  });
  test("self-evaluation ② without remark fires at phase final only", () => {
    const item = makeItem({ final: { achievement: 2 } });
    expect(only(check([item], "final"), "REMARK_REQUIRED")[0].field).toBe("final.remark");
    expect(codes(check([item], "midyear"))).not.toContain("REMARK_REQUIRED");
  });
  test("② with a remark, or ① without, is fine", () => {
    expect(codes(check([makeItem({ midyear: { achievement: 2, remark: "改善する" } })]))).not.toContain("REMARK_REQUIRED");
    expect(codes(check([makeItem({ midyear: { achievement: 1, remark: null } })]))).not.toContain("REMARK_REQUIRED");
  });
});

describe("REMARK_RECOMMENDED and OUTLOOK_INCONSISTENT", () => {
  test("(ii) without a remark is a warning", () => {
    const f = only(check([makeItem({ midyear: { implementation: "ii", achievement: 2, remark: null } })], "midyear"), "REMARK_RECOMMENDED");
    expect(f).toEqual([expect.objectContaining({ severity: "warning", field: "midyear.remark" })]);
  });
  test("(ii) with a remark is fine", () => {
    expect(codes(check([makeItem({ midyear: { implementation: "ii", achievement: 2, remark: "遅れ" } })]))).toEqual([]);
  });
  test("(ii) with ① is inconsistent; (i) with ① is not", () => {
    const item = makeItem({ midyear: { implementation: "ii", achievement: 1, remark: "遅れ" } });
    expect(only(check([item], "midyear"), "OUTLOOK_INCONSISTENT")).toEqual([
      expect.objectContaining({ severity: "warning", field: "midyear.achievement" }),
    ]);
    expect(codes(check([makeItem()], "midyear"))).not.toContain("OUTLOOK_INCONSISTENT");
  });
  test("are not checked at phase plan", () => {
    expect(check([makeItem({ midyear: { implementation: "ii", achievement: 1 } })], "plan")).toEqual([]);
  });
});

describe("RESULT_MISSING", () => {
  test("fires at phase final only", () => {
    const item = makeItem({ final: { result: null } });
    expect(only(check([item], "final"), "RESULT_MISSING")).toEqual([expect.objectContaining({ field: "final.result", cell: "B8" })]);
    expect(codes(check([item], "midyear"))).toEqual([]);
  });
});

describe("CELL_ERROR", () => {
  test("an error value in a mapped cell is an error at any phase, and not also 'missing'", () => {
    const item = makeItem({ plan: { policy: null }, sources: { "plan.policy": source("#REF!", { error: "#REF!", cell: "B4" }) } });
    const findings = check([item], "plan");
    expect(codes(findings)).toEqual(["CELL_ERROR"]);
    expect(findings[0]).toMatchObject({ cell: "B4", params: { value: "#REF!" } });
  });
});

describe("every finding", () => {
  test("says what, where and how in Japanese", () => {
    const item = makeItem({ no: 3, title: null, midyear: { achievement: 2 }, final: { result: null, achievement: null } });
    for (const f of check([item], "final")) {
      expect(f.sheet).toBe("取組項目");
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      expect(f.item).toBe(3);
      expect(f.message).toMatch(/取組項目3/);
      expect(f.message).toMatch(/(ください|確認)/);
    }
  });
  test("findings are sorted by item and field", () => {
    const findings = check([makeItem({ no: 2, final: { result: null } }), makeItem({ no: 1, plan: { policy: null } })]);
    expect(findings.map((f) => [f.item, f.field])).toEqual([
      [1, "plan.policy"],
      [2, "final.result"],
    ]);
  });
});

describe("inferPhase", () => {
  const none = { midyear: { implementation: null, achievement: null }, final: { achievement: null } };
  test("plan when nothing is rated", () => expect(inferPhase([makeItem(none)])).toBe("plan"));
  test("midyear when a mid-year rating is filled", () => {
    expect(inferPhase([makeItem(none), makeItem({ ...none, midyear: { implementation: "i", achievement: null } })])).toBe("midyear");
  });
  test("final when any self-evaluation is filled, even invalid", () => {
    expect(inferPhase([makeItem({ final: { achievement: 2 } })])).toBe("final");
    const invalid = makeItem({ ...none, sources: { "final.achievement": source("③", { invalid: true }) } });
    expect(inferPhase([invalid])).toBe("final");
  });
});
