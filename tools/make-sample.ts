// Writes the sample workbook from the transcription: npm run sample (the same bytes every time).
import * as path from "path";
import { writeFormWorkbook } from "./form/builder";
import { tennojiLayout, tennojiR1 } from "./form/tennoji-r1";

const out = path.resolve(__dirname, "../assets/sample/tennoji-r1-shisei-kaikaku-2.0.xlsx");

writeFormWorkbook(out, tennojiR1, tennojiLayout).then(
  () => console.log(`wrote ${path.relative(process.cwd(), out)}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
