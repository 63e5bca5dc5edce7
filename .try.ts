import { readFileSync } from "fs";
import { parseTargets } from "./src/template/targets";
const lines = readFileSync("/work/shared/seed/tennoji-r1-shisei-kaikaku-2.0.txt", "utf8").split("\n").filter((l) => l.includes("(目標)"));
for (const l of lines) for (const f of l.split("\t").filter((c) => c.includes("(目標)"))) {
  console.log("---");
  for (const x of parseTargets("plan.policy", f)) console.log(`  [${x.value} ${x.unit} ${x.comparator} ${x.year}] ${x.text.replace(/\n/g, "⏎").slice(0, 100)}`);
}
