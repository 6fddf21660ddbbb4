import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CardTemplate, CardView } from './card-view';
import { CompiledTemplate } from './compiled-template';
import { UnsupportedExpression } from './compiled-expression';

/** An expanded Adaptive Card, ready to attach to a message or an invoke response. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** A template ready to expand: compiled to closures, or the library's own Template when it uses what the compiler does not mirror. */
interface Expander {
  expand(data: unknown): unknown;
}

const maxCardVersion = 1.5;

/** Binds card views to the JSON templates in cards/, loaded, checked and compiled once at start. */
export class CardRenderer {
  private constructor(
    private readonly templates: ReadonlyMap<string, Expander>,
    private readonly libraryRendered: readonly string[],
    private readonly cardsDir: string,
  ) {}

  /** Loads every template; fails if one is missing, is not an Adaptive Card, or is newer than 1.5. */
  static load(cardsDir: string, required: readonly CardTemplate<unknown>[] = []): CardRenderer {
    const templates = new Map<string, Expander>();
    const libraryRendered: string[] = [];
    for (const file of readdirSync(cardsDir).filter((name) => name.endsWith('.json'))) {
      const name = path.basename(file, '.json');
      const json = JSON.parse(readFileSync(path.join(cardsDir, file), 'utf8')) as Record<string, unknown>;
      if (json.type !== 'AdaptiveCard' || Number(json.version) > maxCardVersion) {
        throw new Error(`card template ${file} must be an AdaptiveCard of version ${maxCardVersion} or lower`);
      }
      templates.set(name, expanderFor(json, () => libraryRendered.push(name)));
    }
    const renderer = new CardRenderer(templates, libraryRendered.sort(), cardsDir);
    renderer.requireTemplates(required);
    return renderer;
  }

  /** Fails at start, not in a turn, when a capability names a template that is not in cards/. */
  requireTemplates(required: readonly CardTemplate<unknown>[]): void {
    const missing = required.map((template) => template.name).filter((name) => !this.templates.has(name));
    if (missing.length > 0) throw new Error(`missing card templates in ${this.cardsDir}: ${missing.join(', ')}`);
  }

  templateNames(): string[] {
    return [...this.templates.keys()].sort();
  }

  /** The templates expanded by adaptivecards-templating itself, because they use an expression the compiler does not mirror. */
  templatesLeftToLibrary(): readonly string[] {
    return this.libraryRendered;
  }

  render<TData>(view: CardView<TData>): AdaptiveCardJson {
    const template = this.templates.get(view.template.name);
    if (!template) throw new Error(`unknown card template ${view.template.name}`);
    return template.expand(view.data) as AdaptiveCardJson;
  }
}

// The library's expand walks the payload and builds an expression memory per `${...}` on every render; the compiled form does not.
function expanderFor(json: Record<string, unknown>, leftToLibrary: () => void): Expander {
  try {
    return new CompiledTemplate(json);
  } catch (error) {
    if (!(error instanceof UnsupportedExpression)) throw error;
    leftToLibrary();
    const template = new ACData.Template(json);
    return { expand: (data) => template.expand({ $root: data }) as unknown };
  }
}
