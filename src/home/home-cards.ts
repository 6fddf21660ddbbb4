import { cardTemplate } from '../cards/card-view';
import type { CardButton } from '../cards/card-parts';

export interface RoleSection {
  readonly heading: string;
  readonly text: string;
}

export interface WelcomeCardData {
  readonly title: string;
  readonly intro: string;
  readonly roles: readonly RoleSection[];
  readonly buttons: readonly CardButton[];
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
  readonly buttons: readonly CardButton[];
}

export const welcomeCard = cardTemplate<WelcomeCardData>('welcome');
export const helpCard = cardTemplate<HelpCardData>('help');
