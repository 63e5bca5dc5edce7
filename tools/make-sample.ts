// Writes the sample workbook from the transcription: npm run sample
import * as path from "path";
import { writeFormWorkbook } from "./form/builder";
import { tennojiHeading, tennojiR1 } from "./form/tennoji-r1";

const out = path.resolve(__dirname, "../assets/sample/tennoji-r1-shisei-kaikaku-2.0.xlsx");

writeFormWorkbook(out, tennojiR1, { heading: { plan: tennojiHeading.plan, fiscalYear: `${tennojiHeading.fiscalYear} ${tennojiHeading.ward}` } }).then(
  () => console.log(`wrote ${path.relative(process.cwd(), out)}`),
);
