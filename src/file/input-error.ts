/** Input that cannot be used at all (missing file, not an .xlsx, broken): reported in one line, exit code 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}
