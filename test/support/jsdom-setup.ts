// jsdom has no ResizeObserver; Fluent UI's MessageBar observes its own size to decide how to wrap.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver });
}

// jsdom has no TextDecoder/TextEncoder (browsers do); the .xlsx package reader uses them.
if (typeof window !== "undefined" && !("TextDecoder" in globalThis)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("util") as typeof import("util");
  Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder });
}
