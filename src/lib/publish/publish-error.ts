// The one error `npm run publish` reports as it is: what went wrong and, when there is one, what to do.
export class PublishError extends Error {
  /** What the person publishing can do about it (printed after “→”). */
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'PublishError';
    this.hint = hint;
  }
}
