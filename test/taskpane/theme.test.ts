import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeOf } from "../../src/taskpane/theme";

const office = (bodyBackgroundColor?: string) => ({ context: { officeTheme: { bodyBackgroundColor } } });

test.each([
  ["#262626", webDarkTheme], // Office "Black"
  ["#000", webDarkTheme],
  ["#FFFFFF", webLightTheme], // "White" and "Colorful"
  ["#e6e6e6", webLightTheme], // "Dark Gray" keeps a light body
])("Office body background %s → the matching Fluent theme", (color, theme) => {
  expect(themeOf(office(color))).toBe(theme);
});

test("no theme information, or a value that is not a colour: light", () => {
  expect(themeOf(undefined)).toBe(webLightTheme);
  expect(themeOf({})).toBe(webLightTheme);
  expect(themeOf(office("transparent"))).toBe(webLightTheme);
});
