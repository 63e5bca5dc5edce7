import { promises as fs } from "fs";
import { readWorkbook } from "../src/template/reader";
import { validateItems, inferPhase } from "../src/rules";
import { resolveProfile } from "../src/template/profile";
import { SheetView } from "../src/template/sheet-view";
(async () => {
  const grid = JSON.parse(await fs.readFile(`/tmp/grid-${process.argv[2] ?? 1000}.json`, "utf8"));
  const profile = resolveProfile();
  for (let k = 0; k < 4; k++) {
    let t = process.hrtime.bigint();
    const views = grid.sheets.map((s: any) => new SheetView(s));
    const tv = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    const { items, form } = readWorkbook(grid, profile);
    const tr = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    validateItems(items, form, inferPhase(items), profile);
    const tval = Number(process.hrtime.bigint() - t) / 1e6;
    console.log({ view: tv.toFixed(1), read: tr.toFixed(1), validate: tval.toFixed(1), views: views.length });
  }
})();
