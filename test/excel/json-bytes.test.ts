import fc from "fast-check";
import { jsonBytes } from "../../src/excel/office-api";

/** The payload estimate counts what JSON.stringify would write, as UTF-8, without writing it. */
describe("jsonBytes", () => {
  const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");

  test("equals the UTF-8 length of JSON.stringify on 2,000 generated values (any text, lone surrogates, nesting, undefined members)", () => {
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string());
    const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(text, tie("node"))),
    })).node;
    fc.assert(fc.property(value, (v) => expect(jsonBytes(v)).toBe(utf8(v))), { numRuns: 2000 });
  });

  test("the cases by hand: escapes, a surrogate pair, values JSON leaves out or writes as null", () => {
    for (const v of ['"\\\n\t\u0001', "𝟏①あ", "\ud800x", [undefined, () => 0, NaN, Infinity], { a: undefined, b: 1 }, [[["取組"]]]]) expect(jsonBytes(v)).toBe(utf8(v));
  });

  test("a response longer than the longest string the engine can hold is counted, not refused", () => {
    const cell = "f".repeat(1 << 20);
    // V8's longest string is 2^29 - 24 characters: JSON.stringify of these 520 MiB throws "Invalid string length".
    const values = Array.from({ length: 520 }, () => [cell]);
    expect(520 * (1 << 20)).toBeGreaterThan(2 ** 29 - 24);
    expect(jsonBytes(values)).toBe(520 * ((1 << 20) + 2 + 2) + 519 + 2);
  });
});
