import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { messageActivity } from '../support/activities';
import { startTestApp, type TestApp } from '../support/test-app';

/** A raw connection that records what the server answered and when it closed. */
interface RawCall {
  readonly socket: Socket;
  readonly answered: () => string;
  readonly closed: Promise<number>;
}

const openSockets = new Set<Socket>();

async function rawCall(port: number, firstBytes: string): Promise<RawCall> {
  const socket = connect(port, '127.0.0.1');
  openSockets.add(socket);
  await once(socket, 'connect');
  const started = Date.now();
  let answer = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close').then(() => Date.now() - started);
  socket.write(firstBytes);
  return { socket, answered: () => answer, closed };
}

/** Resolves with how long `closed` took, or with Infinity if it was still open after `limitMs`. */
const closedWithin = (call: RawCall, limitMs: number): Promise<number> =>
  Promise.race([call.closed, new Promise<number>((resolve) => setTimeout(() => resolve(Number.POSITIVE_INFINITY), limitMs))]);

describe('slow and aborted requests', function () {
  this.timeout(20_000);
  let harness: TestApp;
  let logsBefore = 0;
  const timeouts = { headersMs: 400, bodyMs: 400 };

  before(async () => {
    harness = await startTestApp({}, { requestTimeouts: timeouts });
  });
  after(async () => harness.stop());
  beforeEach(() => {
    logsBefore = harness.logs.length;
  });
  // A failing test must not leave connections that keep the server from closing.
  afterEach(() => {
    for (const socket of openSockets) socket.destroy();
    openSockets.clear();
  });

  const halfABody = (): string => {
    const body = JSON.stringify(messageActivity({ serviceUrl: harness.connector.serviceUrl }, 'help'));
    return `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, body.length / 2)}`;
  };

  it('when the headers never finish, then the connection is closed after the header time-out', async () => {
    const call = await rawCall(harness.app.port, 'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl');
    const took = await closedWithin(call, 5_000);
    assert.ok(took >= timeouts.headersMs - 50 && took < timeouts.headersMs + 1_500, `closed after ${took} ms`);
  });

  it('when 40 bodies stop halfway, then each gets 408 and its connection closes after the body time-out', async () => {
    const calls = await Promise.all(Array.from({ length: 40 }, () => rawCall(harness.app.port, halfABody())));
    const took = await Promise.all(calls.map((call) => closedWithin(call, 5_000)));
    assert.ok(Math.max(...took) < timeouts.bodyMs + 2_000, `slowest closed after ${Math.max(...took)} ms`);
    for (const call of calls) assert.match(call.answered(), /^HTTP\/1\.1 408 /);
    assert.equal(harness.connector.calls.length, 0, 'no half-read activity ran');
    assert.deepEqual(harness.logs.slice(logsBefore).filter((line) => (line.level as number) >= 50), []);
  });

  it('when the caller hangs up halfway through the body, then it is logged at info without a stack', async () => {
    const call = await rawCall(harness.app.port, halfABody());
    await new Promise((resolve) => setTimeout(resolve, 100));
    call.socket.destroy();
    const deadline = Date.now() + 3_000;
    const wentAway = (): Record<string, unknown> | undefined =>
      harness.logs.slice(logsBefore).find((line) => line.msg === 'the caller went away before the request arrived');
    while (!wentAway() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(wentAway()?.level, 30);
    const newLogs = harness.logs.slice(logsBefore);
    assert.deepEqual(newLogs.filter((line) => (line.level as number) >= 50), []);
    assert.ok(newLogs.every((line) => line.err === undefined), 'no stack in the log');
  });

  it('when a whole request arrives in time after slow ones, then it is served', async () => {
    const answer = await harness.post(messageActivity({ serviceUrl: harness.connector.serviceUrl }, 'help'));
    assert.equal(answer.status, 200);
  });
});
