import * as React from "react";
import { createRoot } from "react-dom/client";
import { globalOfficeApi } from "../excel/office-api";
import { App } from "./App";
import { localeOf } from "./i18n";
import { rollUpRunner } from "./roll-up";
import { themeOf } from "./theme";

/** The element the task pane renders into: #container from taskpane.html, or one made here. */
function mountPoint(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const div = document.createElement("div");
  div.id = "container";
  document.body.appendChild(div);
  return div;
}

Office.onReady(() => {
  const office = globalThis.Office;
  const locale = localeOf(office);
  const api = globalOfficeApi();
  document.documentElement.lang = locale;
  // The ribbon's 「複数のブックを集計」 opens taskpane.html?view=rollup: the pane starts with the roll-up panel.
  const rollUpView = new URLSearchParams(window.location.search).get("view") === "rollup";
  createRoot(mountPoint()).render(
    <React.StrictMode>
      <App api={api} locale={locale} theme={themeOf(office)} rollUp={rollUpRunner(api)} startWithRollUp={rollUpView} />
    </React.StrictMode>,
  );
});
