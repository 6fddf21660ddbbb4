/** Names a template in cards/ and the shape of the data it is bound to. */
export interface CardTemplate<TData> {
  readonly name: string;
  /** Never set: carries the data type so a view cannot bind the wrong data to a template. */
  readonly dataType?: TData;
}

/** A card the core wants shown: a template and its typed data. */
export interface CardView<TData = unknown> {
  readonly template: CardTemplate<TData>;
  readonly data: TData;
}

export function cardTemplate<TData>(name: string): CardTemplate<TData> {
  return { name };
}

export function cardView<TData>(template: CardTemplate<TData>, data: TData): CardView<TData> {
  return { template, data };
}
