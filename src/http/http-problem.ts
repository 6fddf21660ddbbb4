/** An expected refusal: the status and the one short line an HTTP caller sees. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly publicMessage: string,
    /** The rest of the request may still be arriving: answer, then close the connection. */
    readonly closeConnection = false,
  ) {
    super(publicMessage);
    this.name = 'HttpProblem';
  }
}

/** The caller went away before its request arrived whole; there is nobody to answer. */
export class CallerWentAwayError extends Error {
  constructor() {
    super('the caller closed the connection before the body arrived');
    this.name = 'CallerWentAwayError';
  }
}
