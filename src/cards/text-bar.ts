/** Cells in every text bar, so bars on different cards line up. */
export const textBarCells = 10;

/**
 * A bar such as "██████░░░░" for `value` out of `max`: cards have no charts, and text bars read the same on every
 * Teams client. `showAnyValue` gives any value above zero at least one cell (a single practice still shows).
 */
export function textBar(value: number, max: number, options: { readonly showAnyValue?: boolean } = {}): string {
  const share = max > 0 && value > 0 ? Math.min(1, value / max) : 0;
  const rounded = Math.round(share * textBarCells);
  const filled = options.showAnyValue && share > 0 ? Math.max(1, rounded) : rounded;
  return '█'.repeat(filled) + '░'.repeat(textBarCells - filled);
}
