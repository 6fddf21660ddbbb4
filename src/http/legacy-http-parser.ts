import http from 'node:http';

/**
 * restify 11 loads spdy, whose http-deceiver reads `process.binding('http_parser')` at load time; Node 22+ removed
 * that binding, so restify would not even load, and Node 20 warns (DEP0111) each time it is read. We never serve
 * HTTP/2, so the parser spdy asks for is only looked up, never used: on every Node version, hand it Node's own
 * parser (the very class the old binding held) and method list, and pass every other name through.
 */
type Binding = (name: string) => unknown;
const withBinding = process as unknown as { binding: Binding };
const binding: Binding = withBinding.binding.bind(process);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without types or an ES export
const { HTTPParser } = require('node:_http_common') as { HTTPParser: unknown };
withBinding.binding = (name: string): unknown => (name === 'http_parser' ? { HTTPParser, methods: http.METHODS } : binding(name));
