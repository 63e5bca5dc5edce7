import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { formsWorkbookBytes, FINAL_LAYOUTS, formWorkbookBytes, LayoutOptions, FormItem, TWO_RATINGS_FINAL } from "../../tools/form/builder";
import { inspectionText } from "../../src/cli/inspect";
import { cli } from "../support/cli";
import { formItem, SAMPLE } from "../support/workbooks";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-inspect-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function book(name: string, items: FormItem[], options?: LayoutOptions): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await formWorkbookBytes(items, options));
  return file;
}

describe("hyoka inspect", () => {
  test("the sample: the form, then every item's fields with the cell each was read from", async () => {
    const { code, stdout, stderr } = await cli("inspect", SAMPLE);
    expect([code, stderr]).toEqual([0, ""]);
    const lines = stdout.split("\n");
    expect(lines[1]).toBe("様式「天王寺区」（シート: 取組項目）市政改革プラン2.0　2019年度　取組項目 19 件　欄: 計画・中間振り返り・自己評価");
    const first = lines.slice(lines.indexOf("  取組項目 1【歳出の削減】　取組項目!A3") + 1, lines.indexOf("  取組項目 2【未収金対策の強化】　取組項目!A13"));
    expect(first).toEqual([
      "    タイトル                            A4    歳出の削減",
      "    取組の方針・目標内容                B6    (趣旨・目的) 効率的な行財政運営により、…",
      "    当年度の取組内容                    E6    (取組の内容) ・備品・消耗品等 一括購入…",
      "    取組内容の実施見込み                C7    (i)",
      "    目標の達成見込み                    C8    ①",
      "    課題と改善策（中間振り返り）        E8    （空欄）",
      "    当年度の取組実績及び目標の達成状況  B10   （空欄）",
      "    自己評価                            D10   （空欄）",
      "    課題と改善策（自己評価）            E10   （空欄）",
    ]);
    expect(lines.filter((l) => l.startsWith("  取組項目 "))).toHaveLength(19);
  });

  test("JSON: forms, their items, and per field the sheet, cell, value and status", async () => {
    const { code, stdout } = await cli("inspect", SAMPLE, "--format", "json");
    expect(code).toBe(0);
    const { file, forms } = JSON.parse(stdout);
    expect(file).toBe(SAMPLE);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ name: "天王寺区", sheets: ["取組項目"], itemCount: 19, sections: ["plan", "midyear", "final"] });
    expect(forms[0].items[18].fields.find((f: { field: string }) => f.field === "midyear.achievement")).toEqual({
      field: "midyear.achievement",
      sheet: "取組項目",
      cell: "C192",
      value: "②",
      status: "value",
    });
  });

  test("ambiguous, invalid and error cells are marked, and say which cells", async () => {
    const file = await book("marks.xlsx", [formItem(1, { midyear: { implementation: "(iii)", achievement: { error: "#REF!" } }, final: { result: "実施" } })], {
      sections: { final: TWO_RATINGS_FINAL },
    });
    const { code, stdout } = await cli("inspect", file);
    expect(code).toBe(0);
    expect(stdout).toContain("    取組内容の実施見込み                C7     (iii)　※選択肢にない値\n");
    expect(stdout).toContain("    目標の達成見込み                    C8     #REF!　※エラー値\n");
    expect(stdout).toContain("    自己評価                            D10？  ？ どのセルか判断できません: D10・C11 のどれにも評価があります\n");
    const json = JSON.parse((await cli("inspect", file, "--format", "json")).stdout);
    expect(json.forms[0].items[0].fields.find((f: { field: string }) => f.field === "final.achievement")).toEqual({
      field: "final.achievement",
      sheet: "取組項目",
      cell: "D10",
      value: "",
      status: "ambiguous",
      ambiguous: { reason: "several", cells: ["D10", "C11"] },
    });
  });

  test("a profile for another layout: the administrator's loop (inspect, adjust placement, inspect again)", async () => {
    const file = await book("right.xlsx", [formItem(1, { final: { result: "実施", achievement: "②", remark: "次年度" } })], {
      sections: { final: FINAL_LAYOUTS["right of the legend"] },
    });
    expect((await cli("inspect", file)).stdout).toMatch(/自己評価 +D11 +②/);
    const profile = path.join(dir, "below.json");
    await fs.writeFile(profile, JSON.stringify({ fields: { "final.achievement": { placement: ["below"] } } }));
    expect((await cli("inspect", file, "--profile", profile)).stdout).toMatch(/自己評価 +B11？ +？ 値のセルが見つかりません\n/);
    await fs.writeFile(profile, JSON.stringify({ fields: { "final.achievement": { placement: "above" } } }));
    expect((await cli("inspect", file, "--profile", profile)).stdout).toMatch(/自己評価 +B10？ +？ 値のセルが見つかりません（確認したセル: B10）/);
  });

  test("several forms in one book: a 様式 line each; a form without 中間振り返り shows none of its fields", async () => {
    const file = path.join(dir, "wards.xlsx");
    const heading = (ward: string) => ({ plan: "「市政改革プラン3.0」に基づく取組等", fiscalYear: `令和6年度 ${ward}` });
    await fs.writeFile(
      file,
      await formsWorkbookBytes([
        { sheet: "北区", heading: heading("北区"), items: [formItem(1), formItem(2)] },
        { sheet: "都島区", heading: heading("都島区"), items: [formItem(1, { midyear: undefined })], sections: { midyear: null } },
      ]),
    );
    const { stdout } = await cli("inspect", file);
    expect(stdout.split("\n").filter((l) => l.startsWith("様式"))).toEqual([
      "様式「北区」（シート: 北区）市政改革プラン3.0　2024年度　取組項目 2 件　欄: 計画・中間振り返り・自己評価",
      "様式「都島区」（シート: 都島区）市政改革プラン3.0　2024年度　取組項目 1 件　欄: 計画・自己評価",
    ]);
    const tsushima = stdout.slice(stdout.indexOf("様式「都島区」"));
    expect(tsushima).not.toContain("実施見込み");
    expect(tsushima).toContain("自己評価");
  });

  test("control characters in cell text reach the terminal escaped", () => {
    const field = (value: string) => ({ field: "plan.policy" as const, sheet: "S\u001b]0;x\u0007", cell: "B6", value, status: "value" as const });
    const text = inspectionText("a\u001b[2J.xlsx", [
      {
        name: "北区\u202e",
        sheets: ["S\u001b]0;x\u0007"],
        plan: null,
        fiscalYear: null,
        itemCount: 1,
        sections: ["plan"],
        items: [{ no: 1, title: "歳出\u001b[31m削減", sheet: "取組項目", cell: "A3", fields: [field("(目標)\u0007 1件")] }],
      },
    ]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(text).toContain("■ a\\x1B[2J.xlsx");
    expect(text).toContain("様式「北区\\u202E」（シート: S\\x1B]0;x\\x07）");
    expect(text).toContain("【歳出\\x1B[31m削減】");
    expect(text).toContain("S\\x1B]0;x\\x07!B6  (目標)\\x07 1件");
  });

  test("an unusable file: exit 2, one line on stderr; the others are still shown", async () => {
    const { code, stdout, stderr } = await cli("inspect", SAMPLE, path.join(dir, "nope.xlsx"));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/見つかりません/);
    expect(stdout).toContain("様式「天王寺区」");
  });
});
