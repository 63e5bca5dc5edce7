import type { OfficeApi } from "./office-api";
import { toHostError } from "./host-error";

/** Shows a finding's cell: activates its sheet and selects the cell, in one sync. */
export async function selectCell(api: OfficeApi, sheet: string, cell: string): Promise<void> {
  try {
    await api.Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    throw toHostError(error);
  }
}
