// The manifest for deployment: every origin of the development server (https://localhost:3000 in AppDomain,
// icons, the task pane and command pages, help) becomes ADDIN_PUBLIC_URL, with or without its trailing slash.
"use strict";

const LOCAL = /https:\/\/localhost:\d+/g;

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** manifest.xml as served from `publicUrl` ("https://example.jp/hyoka" or "https://example.jp/hyoka/"). */
function publicManifest(xml, publicUrl) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins over https only): ${publicUrl}`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`ADDIN_PUBLIC_URL must be a plain folder URL: ${publicUrl}`);
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  const rewritten = xml
    .replace(new RegExp(`${LOCAL.source}/`, "g"), escapeXml(base))
    .replace(LOCAL, escapeXml(url.origin));
  if (/localhost/.test(rewritten)) throw new Error("manifest.xml still names localhost after the rewrite");
  return rewritten;
}

module.exports = { publicManifest };
