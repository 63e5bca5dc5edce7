import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Relative luminance of "#rrggbb" / "rrggbb" / "#rgb", or null when it is not a colour. */
function luminance(color: string | undefined | null): number | null {
  if (typeof color !== "string") return null;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** webDarkTheme when Office's body background is dark, else webLightTheme. */
function themeFromBackground(bodyBackgroundColor: string | undefined | null): Theme {
  const l = luminance(bodyBackgroundColor);
  return l !== null && l < 0.2 ? webDarkTheme : webLightTheme;
}

/** The Fluent theme matching an Office host object's `context.officeTheme`. */
export function themeOf(office: unknown): Theme {
  try {
    const context = (office as { context?: { officeTheme?: { bodyBackgroundColor?: string } } } | undefined)?.context;
    return themeFromBackground(context?.officeTheme?.bodyBackgroundColor);
  } catch {
    return webLightTheme;
  }
}
