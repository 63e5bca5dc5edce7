/** @jest-environment jsdom */
import { cellKey, newSheet, snapshot } from "../../src/excel-sim/workbook";
import { tennojiR1 } from "../../tools/form/tennoji-r1";
import { formHost, sampleHost } from "../support/hosts";

type Host = Awaited<ReturnType<typeof sampleHost>> | Awaited<ReturnType<typeof formHost>>;
type DialogHandler = () => void;

/** Office.js as a ribbon command sees it: the in-memory host, plus a dialog API that records what it shows. */
function installOffice(host: Host) {
  const dialogs: { url: string; handlers: Map<string, DialogHandler>; closed: boolean }[] = [];
  const office = {
    ...host.Office,
    onReady: (callback?: () => void) => callback?.(),
    actions: { associate: jest.fn() },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      ...host.Office.context,
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
          const record = { url, handlers: new Map<string, DialogHandler>(), closed: false };
          dialogs.push(record);
          const dialog = {
            addEventHandler: (type: string, handler: DialogHandler) => record.handlers.set(type, handler),
            close: () => (record.closed = true),
          };
          callback({ status: "succeeded", value: dialog });
        },
      },
    },
  };
  Object.assign(globalThis, { Office: office, Excel: host.Excel });
  return { dialogs, office };
}

async function loadCommands() {
  // A fresh module each time: it registers its command with Office.onReady when loaded.
  let commands!: typeof import("../../src/commands/commands");
  await jest.isolateModulesAsync(async () => {
    commands = await import("../../src/commands/commands");
  });
  return commands;
}

const event = () => ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & { completed: jest.Mock };

test("registers 集計 with the ribbon", async () => {
  const { office } = installOffice(await sampleHost());
  const { summarize } = await loadCommands();
  expect(office.actions.associate).toHaveBeenCalledWith("summarize", summarize);
});

test("集計 writes the summary sheets, shows 集計 and completes, with no dialog", async () => {
  const host = await sampleHost();
  const { dialogs } = installOffice(host);
  const { summarize } = await loadCommands();
  const done = event();
  await summarize(done);
  expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
  expect(host.activeSheet()).toBe("集計");
  expect(done.completed).toHaveBeenCalledTimes(1);
  expect(dialogs).toEqual([]);
});

test("a protected workbook: nothing changes, the reason is shown in a dialog, completed once it is closed", async () => {
  const host = await sampleHost();
  host.workbook.protected = true;
  const before = snapshot(host.workbook);
  const { dialogs } = installOffice(host);
  const { summarize } = await loadCommands();
  const done = event();
  const running = summarize(done);
  await dialogOpened(dialogs);

  expect(snapshot(host.workbook)).toEqual(before);
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0].url);
  expect(url.pathname).toMatch(/\/message\.html$/);
  expect(url.searchParams.get("text")).toMatch(/ブックの構成が保護されている/);
  expect(done.completed).not.toHaveBeenCalled();

  dialogs[0].handlers.get("dialogMessageReceived")!();
  await running;
  expect(dialogs[0].closed).toBe(true);
  expect(done.completed).toHaveBeenCalledTimes(1);
});

/** Waits (up to 10 s, the host's syncs take their time) until the command opened its dialog. */
async function dialogOpened(dialogs: unknown[]): Promise<void> {
  for (let waited = 0; dialogs.length === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("within Excel's limits", () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => ({ ...tennojiR1[i % 19], no: i + 1 }));

  test("60 items on one sheet (more than 512 merged areas): 集計 is written, no dialog", async () => {
    const host = await formHost(many(60));
    const { dialogs } = installOffice(host);
    const { summarize } = await loadCommands();
    const done = event();
    await summarize(done);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect(dialogs).toEqual([]);
    expect(done.completed).toHaveBeenCalledTimes(1);
  });

  test("ExcelApi 1.4: 集計 is written, and a dialog says the links were left out", async () => {
    const host = await formHost(many(3), undefined, { apiSets: { ExcelApi: "1.4" } });
    const { dialogs } = installOffice(host);
    const { summarize } = await loadCommands();
    const done = event();
    const running = summarize(done);
    await dialogOpened(dialogs);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect(new URL(dialogs[0].url).searchParams.get("text")).toMatch(/リンクは付けていません/);
    dialogs[0].handlers.get("dialogMessageReceived")!();
    await running;
    expect(done.completed).toHaveBeenCalledTimes(1);
  });

  test("a stray value at XFD1048576 and a hidden sheet of 1,000,000 cells: 集計 is written; the dialog names the stray value", async () => {
    const host = await formHost(many(3));
    host.workbook.sheets[0].cells.set(cellKey(1_048_575, 16_383), { value: "x" });
    const data = newSheet("データ");
    data.visibility = "Hidden";
    const one = { value: 1 };
    for (let r = 0; r < 1000; r++) for (let c = 0; c < 1000; c++) data.cells.set(cellKey(r, c), one);
    host.workbook.sheets.push(data);
    const { dialogs } = installOffice(host);
    const { summarize } = await loadCommands();
    const running = summarize(event());
    await dialogOpened(dialogs);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "データ", "集計", "検証結果"]);
    expect(new URL(dialogs[0].url).searchParams.get("text")).toMatch(/XFD1048576/);
    dialogs[0].handlers.get("dialogMessageReceived")!();
    await running;
  });
});

describe("入力規則を設定 (#13)", () => {
  test("is registered; sets the lists and says so in a dialog, then completes once it is closed", async () => {
    const host = await sampleHost();
    const { dialogs, office } = installOffice(host);
    const { setInputRules } = await loadCommands();
    expect(office.actions.associate).toHaveBeenCalledWith("setInputRules", setInputRules);
    const done = event();
    const running = setInputRules(done);
    await dialogOpened(dialogs);
    expect(new URL(dialogs[0].url).searchParams.get("text")).toBe("評価のセル 57 か所に選択肢（入力規則）を設定しました。");
    expect(host.workbook.sheets[0].validations?.size).toBe(57);
    expect(done.completed).not.toHaveBeenCalled();
    dialogs[0].handlers.get("dialogMessageReceived")!();
    await running;
    expect(done.completed).toHaveBeenCalledTimes(1);
  });

  test("an Excel before ExcelApi 1.8: the dialog says what it lacks, and nothing is read or written", async () => {
    const host = await sampleHost({ apiSets: { ExcelApi: "1.7" } });
    const { dialogs } = installOffice(host);
    const { setInputRules } = await loadCommands();
    const running = setInputRules(event());
    await dialogOpened(dialogs);
    expect(new URL(dialogs[0].url).searchParams.get("text")).toMatch(/ExcelApi 1\.8 より前.*入力規則の設定に対応していない/);
    dialogs[0].handlers.get("dialogMessageReceived")!();
    await running;
    expect(host.stats.syncs).toBe(0);
  });
});

describe("the deployment's profile (dist/profile.json beside the command page)", () => {
  const ship = (body: string) =>
    Object.assign(globalThis, { fetch: jest.fn(async (url: string) => ({ ok: true, status: 200, url, text: async () => body })) });
  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  test("集計 reads with it: items headed 「取組 N」 are found", async () => {
    ship(JSON.stringify({ itemLabels: ["取組"] }));
    const host = await formHost(tennojiR1.slice(0, 2).map((item) => ({ ...item, no: `取組 ${item.no}` })));
    const { dialogs } = installOffice(host);
    const { summarize } = await loadCommands();
    await summarize(event());
    expect(globalThis.fetch).toHaveBeenCalledWith("profile.json", { cache: "no-cache" });
    expect(dialogs).toEqual([]);
    const summary = host.workbook.sheets.find((s) => s.name === "集計")!;
    const counted = [...summary.cells.values()].map((c) => c.value);
    expect(counted.filter((v) => typeof v === "string" && /^取組項目\d+へ$/.test(v))).toEqual(["取組項目1へ", "取組項目2へ"]);
  });

  test("a broken one: 集計 is still written with the built-in profile, and the dialog gives the CLI's message", async () => {
    ship('{ "itemLabels": [] }');
    const host = await sampleHost();
    const { dialogs } = installOffice(host);
    const { summarize } = await loadCommands();
    const running = summarize(event());
    for (let waited = 0; dialogs.length === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["取組項目", "集計", "検証結果"]);
    expect(new URL(dialogs[0].url).searchParams.get("text")).toMatch(/^プロファイルが正しくありません（itemLabels: .*）: profile\.json$/);
    dialogs[0].handlers.get("dialogMessageReceived")!();
    await running;
  });
});
