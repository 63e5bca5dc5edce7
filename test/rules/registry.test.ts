import { readFileSync } from "fs";
import type { Item, Phase } from "../../src/model";
import { CATALOG, FINDING_CODES, messageIn, RULES, RuleFinding, validateItems } from "../../src/rules";
import { defaultProfile } from "../../src/template/profile";
import {
  codeOfFile,
  exportOfFile,
  README_FILE,
  REGISTRY_FILE,
  renderCodeTable,
  renderRegistry,
  ruleFiles,
  withCodeTable,
} from "../../tools/rule-codes";
import { makeItem, NO_FORM, source } from "../support/items";

describe("the rule files are the one home of each code", () => {
  test("each file in src/rules/checks declares the code it is named after and exports it in camelCase", () => {
    for (const file of ruleFiles()) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(`../../src/rules/checks/${file}`) as Record<string, { code?: string }>;
      expect(Object.keys(exported)).toEqual([exportOfFile(file)]);
      expect(exported[exportOfFile(file)].code).toBe(codeOfFile(file));
    }
  });
  test("the registry lists every rule file once (`npm run docs:codes` writes it)", () => {
    const present = readFileSync(REGISTRY_FILE, "utf8");
    expect(renderRegistry(ruleFiles(), present)).toBe(present);
    expect(RULES.map((rule) => rule.code).sort()).toEqual(ruleFiles().map(codeOfFile).sort());
    expect(new Set(FINDING_CODES).size).toBe(RULES.length);
  });
  test("the README's table of codes is the one the rules give (`npm run docs:codes` writes it)", () => {
    const readme = readFileSync(README_FILE, "utf8");
    expect(withCodeTable(readme, renderCodeTable(RULES))).toBe(readme);
  });
  test("every rule runs in at least one phase, and says when it fires", () => {
    for (const rule of RULES) {
      expect(rule.phases.length).toBeGreaterThan(0);
      expect(rule.description.trim()).not.toBe("");
    }
  });
});

describe("the registry generator", () => {
  test("keeps the present order and adds a new file at the end", () => {
    const present = renderRegistry(["b-rule", "a-rule"].sort().reverse());
    expect(present).toContain('import { bRule } from "./checks/b-rule";\nimport { aRule } from "./checks/a-rule";');
    const next = renderRegistry(["a-rule", "b-rule", "c-rule"], present);
    expect(next).toMatch(/bRule,\n {2}aRule,\n {2}cRule,/);
    expect(renderRegistry(["a-rule"], next)).not.toContain("bRule");
  });
  test("README without the markers is refused, not rewritten", () => {
    expect(withCodeTable("# README\n", "| table |")).toBeNull();
  });
});

/** Items that make every code fire, at some phase. */
function everyCode(): { items: Item[]; phase: Phase }[] {
  const invalid = source("③", { invalid: true });
  return [
    { items: [], phase: "plan" },
    {
      phase: "final",
      items: [
        makeItem({ no: 1, title: null }),
        makeItem({ no: 1, plan: { policy: null, thisYear: "(取組の内容) 実施" } }),
        makeItem({ no: 4, midyear: { implementation: "ii", achievement: 1, remark: null }, final: { result: null, achievement: 2 } }),
        makeItem({ no: 5, midyear: { achievement: null }, final: { achievement: null }, sources: { "midyear.achievement": invalid } }),
        makeItem({ no: 6, plan: { policy: null }, sources: { "plan.policy": source("#REF!", { error: "#REF!" }) } }),
        makeItem({ no: 7, plan: { policy: "(目標) 区民の割合 63%", thisYear: "(目標) 区民の割合 63%" }, final: { result: "区民の割合は58%" } }),
        makeItem({ no: 8, final: { achievement: null }, sources: { "final.achievement": source("", { ambiguous: { reason: "several", cells: ["D10", "C11"] } }) } }),
        makeItem({
          no: 9,
          midyear: { implementation: null, achievement: null, remark: null },
          sources: { "midyear.implementation": undefined, "midyear.achievement": undefined, "midyear.remark": undefined },
        }),
      ],
    },
  ];
}

describe("every finding", () => {
  const findings = everyCode().flatMap(({ items, phase }) =>
    validateItems(items, { ...NO_FORM, noteMismatch: { note: "※左記が「③」の場合は必須", sheet: "S", cell: "A1" } }, phase, defaultProfile),
  );
  test("the cases cover every code but the ones only the reader can cause", () => {
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(FINDING_CODES));
  });
  test.each(findings.map((f) => [f.code, f] as const))("%s carries its rule's parameters and severity", (code, finding) => {
    expect(() => RuleFinding.parse(finding)).not.toThrow();
    expect(() => CATALOG[code].params.parse(finding.params)).not.toThrow();
    expect(finding.severity).toBe(CATALOG[code].severity);
    expect(messageIn(finding, "en")).not.toMatch(/undefined|NaN|\[object/);
    expect(finding.message).not.toMatch(/undefined|NaN|\[object/);
  });
});

describe("messages in each language", () => {
  test("the catalog gives each code's message for its typed parameters", () => {
    expect(CATALOG.ITEM_NUMBER_DUPLICATE.format({ no: 2, other: "S!A1" }, "en")).toBe("Item number 2 is used twice (also at S!A1). Renumber the items.");
    expect(CATALOG.ITEM_NUMBER_DUPLICATE.format({ no: 2, other: "S!A1" }, "ja")).toMatch(/^取組項目2が重複/);
  });
  test("a finding's message in English is its rule's, from its params; in Japanese its own", () => {
    const [finding] = validateItems([makeItem({ no: 1 }), makeItem({ no: 1, cell: "A20" })], NO_FORM, "plan", defaultProfile);
    expect(finding.code).toBe("ITEM_NUMBER_DUPLICATE");
    expect(messageIn(finding, "en")).toBe("Item number 1 is used twice (also at 取組項目!A1). Renumber the items.");
    expect(messageIn(finding, "ja")).toBe(finding.message);
  });
  test("a finding of a code no rule declares keeps its own message", () => {
    const foreign = { code: "SOMETHING_NEW", severity: "warning", item: null, field: null, sheet: null, cell: null, message: "別の版", params: {} } as const;
    expect(messageIn(foreign, "en")).toBe("別の版");
    expect(() => RuleFinding.parse(foreign)).toThrow();
  });
});
