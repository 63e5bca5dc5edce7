import { globalOfficeApi } from "../excel/read-workbook";
import { toHostError } from "../excel/host-error";
import { summarizeOpenWorkbook } from "../excel/summarize";

/**
 * Ribbon command 「集計」: writes the 集計 sheet without opening the task pane. A failure changes nothing in the
 * workbook (summarizeOpenWorkbook writes in one final sync); it is logged, and the task pane shows the same
 * error in words when run from there.
 */
export async function summarize(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await summarizeOpenWorkbook(globalOfficeApi(), {});
  } catch (error) {
    const hostError = toHostError(error);
    console.error(`hyoka 集計: ${hostError.message} (${hostError.code})`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("summarize", summarize);
});
