import { distinctFileNames, FileStatus, summarizeWorkbooks, WorkbookSource } from "../../src/summary/files";
import { formItem, gridOf } from "../support/workbooks";

const NOW = new Date(2026, 10, 25, 9, 30);

describe("summarizeWorkbooks", () => {
  const sources = async (): Promise<WorkbookSource[]> => {
    const ward = await gridOf([formItem(1), formItem(2, { midyear: { implementation: "(ii)", achievement: "②" } })]);
    const cover = await gridOf([], { extraSheets: [{ name: "表紙", rows: [["令和元年度 運営方針"]] }] });
    return [
      { name: "北区.xlsx", read: async () => ward },
      { name: "壊れた.xlsx", read: async () => Promise.reject(new Error(".xlsx ファイルではありません（Excel ブックとして読めない内容です）")) },
      { name: "表紙だけ.xlsx", read: async () => cover },
    ];
  };

  test("each workbook in turn, with its status; unreadable ones and ones without 取組項目 are listed with the reason", async () => {
    const progress: [number, FileStatus][] = [];
    const files = await summarizeWorkbooks(await sources(), { now: NOW, onProgress: (i, s) => progress.push([i, s]) });
    expect(files.map((f) => [f.file, f.summary?.items ?? null, f.error ?? null])).toEqual([
      ["北区.xlsx", 2, null],
      ["壊れた.xlsx", null, ".xlsx ファイルではありません（Excel ブックとして読めない内容です）"],
      ["表紙だけ.xlsx", null, expect.stringMatching(/取組項目/)],
    ]);
    expect(progress.map(([i, s]) => `${i}:${s.state}`)).toEqual(["0:reading", "0:done", "1:reading", "1:failed", "2:reading", "2:failed"]);
    expect(files[0].summary!.live).toBe(false); // several files: values only, never links to other workbooks
  });

  test("cancelled: stops before the next workbook and rejects", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = summarizeWorkbooks(await sources(), {
      now: NOW,
      signal: controller.signal,
      onProgress: (i, s) => {
        seen.push(i);
        if (s.state === "done") controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(Math.max(...seen)).toBe(0);
  });

  test("names given twice are told apart", () => {
    expect(distinctFileNames(["a.xlsx", "b.xlsx", "a.xlsx", "a.xlsx"])).toEqual(["a.xlsx", "b.xlsx", "a.xlsx (2)", "a.xlsx (3)"]);
  });
});
