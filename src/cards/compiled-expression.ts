import { Constant, Expression, ExpressionType, FunctionUtils } from 'adaptive-expressions';
import { GlobalSettings } from 'adaptivecards-templating';
import { readPath, type PathStep } from './data-path';

/** What an expression reads while a card renders: `$root`, the current `$data` and `$index`. */
export interface Scope {
  readonly root: unknown;
  readonly data: unknown;
  readonly index: number | undefined;
}

/** An evaluation error, as adaptive-expressions reports it: a value, not an exception, so callers decide as the library does. */
export class EvalFailure {
  constructor(readonly message: string) {}
}

/** A pre-parsed expression turned into a closure: a render only evaluates. */
export type Evaluate = (scope: Scope) => unknown;

/** The expression uses something this compiler does not mirror; the template is then rendered by the library. */
export class UnsupportedExpression extends Error {}

const memoryKeys = ['_memory', '$root', '$data', '$index', '$host', '$_acTemplateVersion'];

/**
 * Compiles one adaptive-expressions tree with the library's semantics. `substitute` says whether a missing path yields
 * its `${path}` text (the templating's nullSubstitution), which the logic and comparison functions switch off for their children.
 */
export function compileExpression(expression: Expression, substitute: boolean): Evaluate {
  switch (expression.type) {
    case ExpressionType.Constant: {
      const value = (expression as Constant).value as unknown;
      return () => value;
    }
    case ExpressionType.Accessor:
      return compileAccessor(expression, substitute);
    case ExpressionType.Not: {
      const [child] = compileChildren(expression, false, 1) as [Evaluate];
      return (scope) => {
        const value = child(scope);
        return value instanceof EvalFailure ? true : !isLogicTrue(value);
      };
    }
    case ExpressionType.And:
      return compileAndOr(expression, true);
    case ExpressionType.Or:
      return compileAndOr(expression, false);
    case ExpressionType.Equal:
      return compileComparison(expression, false, (a, b) => FunctionUtils.commonEquals(a, b));
    case ExpressionType.NotEqual:
      return compileComparison(expression, false, (a, b) => !FunctionUtils.commonEquals(a, b));
    case ExpressionType.GreaterThan:
      return compileComparison(expression, true, greaterThan);
    case ExpressionType.Count:
      return compileCount(expression, substitute);
    default:
      throw new UnsupportedExpression(`${expression.toString()}: ${expression.type} is not compiled`);
  }
}

function compileChildren(expression: Expression, substitute: boolean, arity?: number): Evaluate[] {
  if (arity !== undefined && expression.children.length !== arity) throw new UnsupportedExpression(`${expression.toString()}: expected ${arity} argument(s)`);
  return expression.children.map((child) => compileExpression(child, substitute));
}

function isLogicTrue(value: unknown): boolean {
  return typeof value === 'boolean' ? value : value != null;
}

// As And/Or in adaptive-expressions: a child's error counts as false and is not passed on.
function compileAndOr(expression: Expression, isAnd: boolean): Evaluate {
  const children = compileChildren(expression, false);
  return (scope) => {
    for (const child of children) {
      const value = child(scope);
      const isTrue = !(value instanceof EvalFailure) && isLogicTrue(value);
      if (isAnd && !isTrue) return false;
      if (!isAnd && isTrue) return true;
    }
    return isAnd;
  };
}

// As ComparisonEvaluator: a child's error (or a null one, when verified) makes it false; a throwing comparison is an error.
function compileComparison(expression: Expression, verifyNotNull: boolean, compare: (a: unknown, b: unknown) => boolean): Evaluate {
  const [left, right] = compileChildren(expression, false, 2) as [Evaluate, Evaluate];
  return (scope) => {
    const a = left(scope);
    if (a instanceof EvalFailure || (verifyNotNull && a == null)) return false;
    const b = right(scope);
    if (b instanceof EvalFailure || (verifyNotNull && b == null)) return false;
    try {
      return compare(a, b);
    } catch (error) {
      return new EvalFailure((error as Error).message);
    }
  };
}

function greaterThan(a: unknown, b: unknown): boolean {
  if ((FunctionUtils.isNumber(a) && FunctionUtils.isNumber(b)) || (typeof a === 'string' && typeof b === 'string') || (a instanceof Date && b instanceof Date)) {
    return (a as number) > (b as number);
  }
  throw new Error(`${String(a)} and ${String(b)} must be comparable.`);
}

// As Count: verifyContainer on the argument, then length, size or the number of keys (which throws for null).
function compileCount(expression: Expression, substitute: boolean): Evaluate {
  const [child] = compileChildren(expression, substitute, 1) as [Evaluate];
  const argument = expression.children[0]!.toString();
  return (scope) => {
    const value = child(scope);
    if (value instanceof EvalFailure) return value;
    if (typeof value === 'string' || Array.isArray(value)) return value.length;
    if (value instanceof Map) return value.size;
    if (typeof value !== 'object') return new EvalFailure(`${argument} must be a string, list, map or object.`);
    try {
      return Object.keys(value as object).length;
    } catch (error) {
      return new EvalFailure((error as Error).message);
    }
  };
}

// A chain of plain accessors, read as SimpleObjectMemory reads the templating's memory ("$data." before a path without "$").
function compileAccessor(expression: Expression, substitute: boolean): Evaluate {
  const names: string[] = [];
  let node: Expression | undefined = expression;
  while (node) {
    const [name, parent]: (Expression | undefined)[] = node.children;
    if (node.type !== ExpressionType.Accessor || !(name instanceof Constant) || typeof name.value !== 'string') {
      throw new UnsupportedExpression(`${expression.toString()}: only plain property paths are compiled`);
    }
    names.unshift(name.value);
    node = parent;
  }
  const path = names.join('.');
  const parts = (path.startsWith('$') ? path : `$data.${path}`).split(/[.[\]]+/).filter((part) => part !== '').map(unquote);
  const first = (parts.shift() ?? '').toLowerCase();
  const memoryKey = memoryKeys.find((key) => key.toLowerCase() === first);
  if (memoryKey === '$host' || memoryKey === '$_acTemplateVersion' || memoryKey === '_memory') {
    throw new UnsupportedExpression(`${path}: ${memoryKey} is not compiled`);
  }
  const steps: PathStep[] = parts.map((part) => ({ name: part, lowerName: part.toLowerCase() }));
  const start = (scope: Scope): unknown => (memoryKey === '$root' ? scope.root : memoryKey === '$data' ? scope.data : memoryKey === '$index' ? scope.index : undefined);
  return (scope) => {
    const value = memoryKey === undefined ? undefined : readPath(start(scope), steps);
    if (value !== undefined || !substitute) return value;
    return GlobalSettings.getUndefinedFieldValueSubstitutionString?.(path) || `\${${path}}`;
  };
}

function unquote(part: string): string {
  return (part.startsWith('"') && part.endsWith('"')) || (part.startsWith("'") && part.endsWith("'")) ? part.substring(1, part.length - 1) : part;
}
