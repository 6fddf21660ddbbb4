/** A choice in an Input.ChoiceSet. */
export interface CardChoice {
  readonly title: string;
  readonly value: string;
}

/** One row of a FactSet. */
export interface CardFact {
  readonly title: string;
  readonly value: string;
}

/** A button rendered as Action.Execute with { verb } as its data. */
export interface CardButton {
  readonly title: string;
  readonly verb: string;
}
