import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { prepareOutput } from "../../src/file/write-xlsx";

// The temp file is on disk as soon as open(2) returns, before its promise settles in JavaScript. A SIGINT in
// between once left it behind and killed the CLI without its exit code (a CI run saw status null, not 130).
test("the interrupt handlers are in place before the temp file is opened, and gone after commit", async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-write-"));
  const out = path.join(base, "out.xlsx");
  const listening = () => [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
  const before = listening();
  const open = fs.open.bind(fs);
  const spy = jest.spyOn(fs, "open").mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    expect(listening()).toEqual(before.map((n) => n + 1));
    return open(...args);
  });
  try {
    const output = await prepareOutput(out, []);
    expect(spy).toHaveBeenCalledTimes(1);
    await output.commit(new Uint8Array([1, 2, 3]));
  } finally {
    spy.mockRestore();
  }
  expect(listening()).toEqual(before);
  expect(await fs.readdir(base)).toEqual(["out.xlsx"]);
});
