import { Expression, ExpressionType } from 'adaptive-expressions';
import { Template } from 'adaptivecards-templating';
import { compileExpression, EvalFailure, UnsupportedExpression, type Evaluate, type Scope } from './compiled-expression';

/** One node of a template, compiled: returns what the library's internalExpand returns for it (null for a dropped object). */
type Expand = (scope: Scope) => unknown;

const reservedFields = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

/**
 * A card template walked once at load into closures, with every `${...}` parsed once by the templating's own parser.
 * It mirrors adaptivecards-templating 2.3 (lib/template-engine.js) exactly, and throws UnsupportedExpression at load
 * for what it does not mirror, so such a template is left to the library instead of being rendered differently.
 */
export class CompiledTemplate {
  private readonly expandRoot: Expand;

  constructor(payload: unknown) {
    this.expandRoot = compileNode(payload);
  }

  /** Same result as `new Template(payload).expand({ $root: data })`. */
  expand(data: unknown): unknown {
    return this.expandRoot({ root: data, data, index: undefined });
  }
}

function compileNode(node: unknown): Expand {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>);
  return () => node;
}

function compileArray(node: readonly unknown[]): Expand {
  const items = node.map(compileNode);
  return (scope) => {
    let result: unknown[] = [];
    for (const item of items) {
      const expanded = item(scope);
      if (expanded === null) continue;
      // The library flattens an item that expands to an array (a repeated object, or an expression's array) into its parent.
      if (Array.isArray(expanded)) result = result.concat(expanded);
      else result.push(expanded);
    }
    return result;
  };
}

// A string with `${` is an expression; a failed evaluation throws, as the library does.
function compileString(text: string): Expand {
  const prepared = Template.parseInterpolatedString(text);
  if (typeof prepared === 'string') return () => prepared;
  const evaluate = compileValue(prepared, true);
  return (scope) => orThrow(evaluate(scope));
}

function orThrow(value: unknown): unknown {
  if (value instanceof EvalFailure) throw new Error(value.message);
  return value;
}

// As internalTryEvaluateExpression: an interpolated string (a concat) is joined here, each failed part kept as its own `${...}` text.
function compileValue(expression: Expression, allowSubstitutions: boolean): Evaluate {
  if (expression.type !== ExpressionType.Concat || !allowSubstitutions) return compileExpression(expression, allowSubstitutions);
  const parts = expression.children.map((child) => ({ evaluate: compileExpression(child, true), source: `\${${child.toString()}}` }));
  return (scope) => {
    let result = '';
    for (const part of parts) {
      let value: unknown;
      try {
        value = part.evaluate(scope);
      } catch (error) {
        value = new EvalFailure((error as Error).message);
      }
      // A null or undefined part throws here as it does in the library (it calls toString on the value).
      result += value instanceof EvalFailure ? part.source : (value as { toString(): string }).toString();
    }
    return result;
  };
}

function compileObject(node: Record<string, unknown>): Expand {
  const when = compileWhen(node.$when);
  const data = compileData(node);
  const fields = Object.keys(node).filter((key) => !reservedFields.has(key)).map((key) => ({ key, expand: compileNode(node[key]) }));
  const expandSingle = (scope: Scope): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const field of fields) {
      const value = field.expand(scope);
      // The library leaves out a field that expands to undefined (none of the compiled expressions yields one today).
      if (value !== undefined) result[field.key] = value;
    }
    return result;
  };
  if (!data && !when) return expandSingle;
  return (scope) => {
    let contexts: readonly unknown[] = [undefined];
    let isArray = false;
    if (data) {
      const value = orThrow(data(scope));
      isArray = Array.isArray(value);
      contexts = isArray ? (value as unknown[]) : [value];
    }
    const results: Record<string, unknown>[] = [];
    let current = scope;
    for (let i = 0; i < contexts.length; i++) {
      const context = contexts[i];
      // As the library: an undefined item keeps the previous $data; $index is set only when repeating over an array.
      if (isArray || context !== undefined) {
        current = { root: scope.root, data: context !== undefined ? context : current.data, index: isArray ? i : current.index };
      }
      if (when && !when(current)) continue;
      results.push(expandSingle(current));
    }
    return results.length === 0 ? null : results.length === 1 ? results[0] : results;
  };
}

// `$when` keeps the object only for a boolean true; a `$when` that is not an expression but is truthy drops it.
function compileWhen(raw: unknown): ((scope: Scope) => boolean) | undefined {
  if (raw === undefined) return undefined;
  const prepared = typeof raw === 'string' ? (Template.parseInterpolatedString(raw)) : raw;
  if (!(prepared instanceof Expression)) return prepared ? () => false : undefined;
  const evaluate = compileValue(prepared, false);
  return (scope) => evaluate(scope) === true;
}

function compileData(node: Record<string, unknown>): Evaluate | undefined {
  if (!('$data' in node) || node.$data === undefined) return undefined;
  const raw = node.$data;
  if (typeof raw === 'string') {
    const prepared = Template.parseInterpolatedString(raw);
    return typeof prepared === 'string' ? () => prepared : compileValue(prepared, true);
  }
  // A literal $data is the library's prepared copy, expressions unevaluated: mirrored only when it holds none.
  if (JSON.stringify(raw).includes('${')) throw new UnsupportedExpression('a literal $data with expressions is not compiled');
  return () => raw;
}
