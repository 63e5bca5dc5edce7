/** Fails the test file's tests when a promise rejection goes unhandled while they run (a pane must catch them all). */
export function failOnUnhandledRejections(): void {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => process.on("unhandledRejection", onRejection));
  afterAll(() => process.off("unhandledRejection", onRejection));
  afterEach(() => expect(rejections).toEqual([]));
}
