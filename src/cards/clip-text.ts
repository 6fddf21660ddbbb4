/** The text cut to at most `max` characters, an ellipsis marking the cut, so long answers keep a card under Teams' size. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
