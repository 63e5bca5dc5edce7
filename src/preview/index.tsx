import * as React from "react";
import { createRoot } from "react-dom/client";
import { localeFromLanguage } from "../taskpane/i18n";
import { PreviewApp } from "./PreviewApp";

// The offline preview: no office.js, the in-memory Excel host instead. ?lang=en shows the English task pane.
const params = new URLSearchParams(window.location.search);
const locale = localeFromLanguage(params.get("lang") ?? "ja");
document.documentElement.lang = locale;

const mount = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
createRoot(mount).render(
  <React.StrictMode>
    <PreviewApp locale={locale} />
  </React.StrictMode>,
);
