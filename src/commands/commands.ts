import { globalOfficeApi } from "../excel/office-api";
import { toHostError } from "../excel/host-error";
import { summarizeOpenWorkbook } from "../excel/summarize";
import { lacking } from "../excel/capabilities";
import { setInputRules as setRules } from "../excel/input-rules";
import { localeOf } from "../taskpane/i18n";
import { SHEET_STRINGS } from "../taskpane/sheet-strings";
import { loadDeployedProfile } from "../deployed-profile";

/** The dialog page that says why a ribbon command failed (webpack builds message.html beside this file). */
const MESSAGE_PAGE = "message.html";

/**
 * Ribbon command 「集計」: writes the 集計 sheet and shows it, without opening the task pane. A ribbon command has no
 * pane of its own, so a small dialog says why it failed (and, after a failed write, what the workbook now holds),
 * or what it could not do in full (the notes: a value far from the form left unread, links this Excel lacks).
 */
export async function summarize(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The deployment's profile, as the task pane uses it; a broken one is said first (the built-in one is used).
    const { profile, error } = await loadDeployedProfile();
    const { notes } = await summarizeOpenWorkbook(globalOfficeApi(), { profile });
    const lines = [...(error ? [error] : []), ...notes.map((note) => note.ja)];
    if (lines.length) await showMessage(lines.join("\n"));
  } catch (error) {
    await showMessage(toHostError(error).message);
  } finally {
    event.completed();
  }
}

/**
 * Ribbon command 「入力規則を設定」: a choice list on every rating cell (see input-rules.ts). Nothing in the sheet shows
 * it until a rating cell is selected, so a small dialog always says what was done, what was left alone and why,
 * or what this Excel lacks (before anything is written).
 */
export async function setInputRules(event: Office.AddinCommands.Event): Promise<void> {
  const api = globalOfficeApi();
  const locale = localeOf(Office);
  const s = SHEET_STRINGS[locale];
  try {
    const missing = lacking(api, "inputRules");
    if (missing) {
      await showMessage(missing[locale]);
      return;
    }
    const result = await setRules(api, { profile: (await loadDeployedProfile()).profile });
    const lines = [
      s.rulesSet(result.set, result.already),
      ...(result.ownRules.length ? [s.ownRules(result.ownRules)] : []),
      ...(result.protectedSheets.length ? [s.protectedSheets(result.protectedSheets)] : []),
      ...result.notes.map((note) => note[locale]),
    ];
    await showMessage(lines.join("\n"));
  } catch (error) {
    await showMessage(toHostError(error).message);
  } finally {
    event.completed();
  }
}

/** Opens the message dialog and resolves once the user closed it (or it could not be opened). */
function showMessage(text: string): Promise<void> {
  const url = new URL(MESSAGE_PAGE, window.location.href);
  url.searchParams.set("text", text);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error(`hyoka: ${text}`);
        resolve();
        return;
      }
      const dialog = result.value;
      const close = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      // DialogEventReceived: the user closed the dialog with its own X.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

Office.onReady(() => {
  Office.actions.associate("summarize", summarize);
  Office.actions.associate("setInputRules", setInputRules);
});
