import * as React from "react";
import { createRoot } from "react-dom/client";
import { globalOfficeApi } from "../excel/office-api";
import { App } from "./App";
import { localeOf } from "./i18n";
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
  document.documentElement.lang = locale;
  createRoot(mountPoint()).render(
    <React.StrictMode>
      <App api={globalOfficeApi()} locale={locale} theme={themeOf(office)} />
    </React.StrictMode>,
  );
});
