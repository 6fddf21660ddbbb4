import http from 'node:http';

/**
 * restify 11 loads spdy, whose http-deceiver reads `process.binding('http_parser')` at load time; Node 22+ removed
 * that binding, so restify would not even load. We never serve HTTP/2, so the parser spdy asks for is only looked
 * up, never used: hand it Node's own parser and method list. Node 20 still has the binding and is left untouched.
 */
type Binding = (name: string) => unknown;
const withBinding = process as unknown as { binding: Binding };
const binding: Binding = withBinding.binding.bind(process);
const hasHttpParserBinding = (): boolean => {
  try {
    binding('http_parser');
    return true;
  } catch {
    return false;
  }
};

if (!hasHttpParserBinding()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without types or an ES export
  const { HTTPParser } = require('node:_http_common') as { HTTPParser: unknown };
  withBinding.binding = (name: string): unknown =>
    name === 'http_parser' ? { HTTPParser, methods: http.METHODS } : binding(name);
}
