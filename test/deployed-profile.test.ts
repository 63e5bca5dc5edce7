import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "./support/cli";
import { SAMPLE } from "./support/workbooks";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-profile-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The build's configuration as `HYOKA_PROFILE=file npm run build` makes it (npm run build compiles lib/ first, as here). */
async function configWith(file: string) {
  const before = process.env.HYOKA_PROFILE;
  process.env.HYOKA_PROFILE = file;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return await require("../webpack.config.js")({}, { mode: "production" });
  } finally {
    if (before === undefined) delete process.env.HYOKA_PROFILE;
    else process.env.HYOKA_PROFILE = before;
  }
}

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

describe("HYOKA_PROFILE=path npm run build", () => {
  test("copies the profile into dist/ as profile.json, where the pane and the ribbon fetch it", async () => {
    const file = await write("kita.json", JSON.stringify({ name: "北区版", itemLabels: ["取組"] }));
    const config = await configWith(file);
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    expect(copy.patterns).toContainEqual({ from: path.resolve(file), to: "profile.json" });
  });

  test("without it, nothing is copied: the pane uses the built-in profile", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = await require("../webpack.config.js")({}, { mode: "production" });
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    expect(copy.patterns.some((p: { to: string }) => p.to === "profile.json")).toBe(false);
  });

  test.each([
    ["not JSON", "{ name: 北区版 }"],
    ["an empty item label list", '{ "itemLabels": [] }'],
    ["a placement that is no direction", '{ "fields": { "final.achievement": { "placement": ["sideways"] } } }'],
  ])("a broken profile (%s) stops the build with the message hyoka --profile prints for it", async (_name, text) => {
    const file = await write("broken.json", text);
    const { code, stderr } = await cli("validate", SAMPLE, "--profile", file);
    expect(code).toBe(2);
    const message = stderr.replace(/^hyoka: /, "").trim();
    expect(message).toMatch(/^プロファイルが正しくありません（.+）: /);
    await expect(configWith(file)).rejects.toThrow(`HYOKA_PROFILE: ${message}`);
  });

  test("a missing file stops the build too", async () => {
    await expect(configWith(path.join(dir, "nope.json"))).rejects.toThrow(`HYOKA_PROFILE: プロファイルを読み込めません: ${path.join(dir, "nope.json")}`);
  });
});
