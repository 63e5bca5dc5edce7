import { z } from "zod";
import { PHASES } from "../../src/model";
import { defineRule, FIELD_PARAMS, ITEM_PARAMS } from "../../src/rules/define";
import { makeItem, NO_FORM } from "../support/items";
import { defaultProfile } from "../../src/template/profile";

const ctx = (items = [makeItem()]) => ({ items, form: NO_FORM, phase: "final" as const, profile: defaultProfile });

describe("defineRule", () => {
  const rule = defineRule({
    code: "EXAMPLE_RULE",
    severity: "warning",
    phases: PHASES,
    params: { ...FIELD_PARAMS, value: z.string() },
    messages: { ja: (p) => `取組項目${p.no}の「${p.label}」: ${p.value}`, en: (p) => `Item ${p.no}, ${p.labelEn}: ${p.value}` },
    description: "an example",
    check({ items }, report) {
      for (const item of items) report.item(item, "final.result", { value: "x" });
    },
  });

  test("a finding at a field is placed at the field's cell and given no, label and labelEn", () => {
    expect(rule.run(ctx())).toEqual([
      {
        code: "EXAMPLE_RULE",
        severity: "warning",
        item: 1,
        field: "final.result",
        sheet: "取組項目",
        cell: "B8",
        message: "取組項目1の「当年度の取組実績及び目標の達成状況」: x",
        params: { no: 1, label: "当年度の取組実績及び目標の達成状況", labelEn: "results for the year", value: "x" },
      },
    ]);
    expect(rule.format({ no: 1, label: "l", labelEn: "results", value: "x" }, "en")).toBe("Item 1, results: x");
  });

  test("a field the item has no cell for places the finding at the item's heading", () => {
    const item = makeItem({ sources: { "final.result": undefined } });
    expect(rule.run(ctx([item]))[0]).toMatchObject({ field: "final.result", sheet: "取組項目", cell: "A1" });
  });

  test("a workbook finding has no item or field, and a cell only when given one", () => {
    const whole = defineRule({
      code: "WHOLE",
      severity: "fatal",
      phases: ["plan"],
      params: { note: z.string() },
      messages: { ja: (p) => p.note, en: (p) => p.note },
      description: "whole",
      check(_ctx, report) {
        report.workbook({ note: "a" });
        report.workbook({ note: "b" }, { sheet: "S", cell: "C3" });
      },
    });
    expect(whole.run(ctx()).map((f) => [f.item, f.field, f.sheet, f.cell, f.message])).toEqual([
      [null, null, null, null, "a"],
      [null, null, "S", "C3", "b"],
    ]);
  });
});

// Type tests: `npm run typecheck` fails when a @ts-expect-error below stops being an error.
describe("typed parameters", () => {
  test("a message may read only the parameters its rule declares", () => {
    defineRule({
      code: "READS_UNDECLARED",
      severity: "error",
      phases: PHASES,
      params: ITEM_PARAMS,
      messages: {
        // @ts-expect-error `value` is not a parameter of this rule
        ja: (p) => `取組項目${p.no}: ${p.value}`,
        en: (p) => `Item ${p.no}`,
      },
      description: "reads a parameter it does not declare",
      check: () => undefined,
    });
  });

  test("a report must give every declared parameter, and no other", () => {
    defineRule({
      code: "FORGETS_ONE",
      severity: "error",
      phases: PHASES,
      params: { ...FIELD_PARAMS, value: z.string(), count: z.number() },
      messages: { ja: (p) => `${p.value}${p.count}`, en: (p) => `${p.value}${p.count}` },
      description: "forgets a parameter",
      check({ items }, report) {
        // @ts-expect-error `count` is missing
        report.item(items[0], "title", { value: "x" });
        // @ts-expect-error `count` must be a number
        report.item(items[0], "title", { value: "x", count: "1" });
        // @ts-expect-error `other` is not a parameter of this rule
        report.item(items[0], "title", { value: "x", count: 1, other: 1 });
        // Without a field, `label` and `labelEn` are not given: the rule must give them.
        // @ts-expect-error `label` and `labelEn` are missing
        report.item(items[0], null, { value: "x", count: 1 });
        report.item(items[0], null, { value: "x", count: 1, label: "l", labelEn: "l" });
        report.item(items[0], "title", { value: "x", count: 1 });
        // @ts-expect-error a workbook finding is not given `no`
        report.workbook({ value: "x", count: 1, label: "l", labelEn: "l" });
      },
    });
  });
});
