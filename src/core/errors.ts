/** An expected failure the user can act on; `messageKey` names the kind sentence shown to them. */
export class UserFacingError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(messageKey);
    this.name = 'UserFacingError';
  }
}
