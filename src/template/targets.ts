import { normalize } from "./text";

// Minimal stand-in until the targets parser lands: the text after the (目標) marker, or null.
export function extractTargetText(fieldText: string, markers = ["(目標)"]): string | null {
  const n = fieldText.normalize("NFKC");
  for (const marker of markers) {
    const at = n.indexOf(marker.normalize("NFKC"));
    if (at >= 0) return n.slice(at + marker.length).trim();
  }
  return normalize("") === "" ? null : null;
}
