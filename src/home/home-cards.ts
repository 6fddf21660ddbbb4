import { cardTemplate } from '../cards/card-view';

/** A button that starts something; rendered as Action.Execute with { verb } as data. */
export interface MenuButton {
  readonly title: string;
  readonly verb: string;
}

export interface RoleSection {
  readonly heading: string;
  readonly text: string;
}

export interface WelcomeCardData {
  readonly title: string;
  readonly intro: string;
  readonly roles: readonly RoleSection[];
  readonly buttons: readonly MenuButton[];
  readonly footnote: string;
}

export interface CommandHelp {
  readonly command: string;
  readonly description: string;
}

export interface HelpCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly commandsHeading: string;
  readonly commands: readonly CommandHelp[];
  readonly buttons: readonly MenuButton[];
}

export const welcomeCard = cardTemplate<WelcomeCardData>('welcome');
export const helpCard = cardTemplate<HelpCardData>('help');
