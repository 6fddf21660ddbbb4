import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next chat-completions call is answered. */
export type ModelAnswer =
  | { readonly kind: 'text'; readonly text: string; readonly delayMs?: number }
  | { readonly kind: 'json'; readonly value: unknown; readonly delayMs?: number }
  | { readonly kind: 'stream'; readonly chunks: readonly string[] }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'content-filter' }
  | { readonly kind: 'hang' };

export interface RecordedModelRequest {
  readonly deployment: string;
  readonly apiVersion: string;
  readonly apiKey: string | undefined;
  readonly body: {
    messages: Array<{ role: string; content: string }>;
    stream?: boolean;
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
    max_tokens?: number;
  };
  /** Time spent inside this server for the call (for latency benchmarks). */
  serverMs: number;
}

const filterOk = { hate: { filtered: false, severity: 'safe' }, self_harm: { filtered: false, severity: 'safe' }, sexual: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } };

/** A loopback server that speaks the Azure OpenAI chat-completions REST API, so the real AzureOpenAI client is exercised. */
export class LoopbackAzureOpenAi {
  readonly requests: RecordedModelRequest[] = [];
  private readonly queue: ModelAnswer[] = [];
  private fallback: ModelAnswer = { kind: 'text', text: 'OK' };
  private readonly hanging: ServerResponse[] = [];

  private constructor(private readonly server: Server, readonly endpoint: string) {}

  static async start(): Promise<LoopbackAzureOpenAi> {
    const holder: { model?: LoopbackAzureOpenAi } = {};
    const server = createServer((req, res) => void holder.model?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.model = new LoopbackAzureOpenAi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.model;
  }

  /** Answers the next calls in this order; after that, the default answer. */
  enqueue(...answers: ModelAnswer[]): void {
    this.queue.push(...answers);
  }

  setDefault(answer: ModelAnswer): void {
    this.fallback = answer;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging.splice(0)) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://loopback');
    const match = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
    if (!match || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'Resource not found' } }));
      return;
    }
    const apiKey = req.headers['api-key'] as string | undefined;
    if (!apiKey) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: '401', message: 'Access denied due to invalid subscription key.' } }));
      return;
    }
    const recorded: RecordedModelRequest = {
      deployment: decodeURIComponent(match[1] ?? ''),
      apiVersion: url.searchParams.get('api-version') ?? '',
      apiKey,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedModelRequest['body'],
      serverMs: 0,
    };
    this.requests.push(recorded);
    const answer = this.queue.shift() ?? this.fallback;
    if ('delayMs' in answer && answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    this.answer(answer, recorded, res);
    recorded.serverMs = performance.now() - started;
  }

  private answer(answer: ModelAnswer, request: RecordedModelRequest, res: ServerResponse): void {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      // Two statements: restify patches writeHead process-wide and its version does not return the response.
      res.writeHead(status, { 'content-type': 'application/json', 'apim-request-id': 'loopback', ...headers });
      res.end(JSON.stringify(body));
    };
    switch (answer.kind) {
      case 'text':
        return json(200, completion(request.deployment, answer.text));
      case 'json':
        return json(200, completion(request.deployment, JSON.stringify(answer.value)));
      case 'status':
        return json(
          answer.status,
          { error: { code: String(answer.status), message: answer.status === 429 ? 'Requests to the ChatCompletions_Create Operation have exceeded the rate limit.' : 'The server had an error.' } },
          answer.retryAfterSeconds ? { 'retry-after': String(answer.retryAfterSeconds) } : {},
        );
      case 'content-filter':
        return json(400, {
          error: {
            code: 'content_filter',
            status: 400,
            message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
            innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { ...filterOk, violence: { filtered: true, severity: 'high' } } },
          },
        });
      case 'stream':
        return this.stream(request.deployment, answer.chunks, res);
      case 'hang':
        this.hanging.push(res);
        return;
    }
  }

  private stream(deployment: string, pieces: readonly string[], res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (data: unknown): boolean => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send({ id: '', object: '', created: 0, model: '', choices: [], prompt_filter_results: [{ prompt_index: 0, content_filter_results: filterOk }] });
    for (const piece of pieces) {
      send({ id: 'chatcmpl-loopback', object: 'chat.completion.chunk', created: now(), model: deployment, choices: [{ index: 0, delta: { content: piece }, finish_reason: null, content_filter_results: filterOk }] });
    }
    send({ id: 'chatcmpl-loopback', object: 'chat.completion.chunk', created: now(), model: deployment, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    res.end('data: [DONE]\n\n');
  }
}

const now = (): number => Math.floor(Date.now() / 1000);

function completion(deployment: string, content: string): unknown {
  return {
    id: 'chatcmpl-loopback',
    object: 'chat.completion',
    created: now(),
    model: deployment,
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: filterOk }],
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content }, content_filter_results: filterOk }],
    usage: { prompt_tokens: 42, completion_tokens: Math.ceil(content.length / 4), total_tokens: 42 + Math.ceil(content.length / 4) },
  };
}

/** The environment that points the app at a loopback model (short time-out, so the timeout path is quick). */
export function azureOpenAiEnv(model: LoopbackAzureOpenAi, timeoutMs = 1000): Record<string, string> {
  return {
    AZURE_OPENAI_ENDPOINT: model.endpoint,
    AZURE_OPENAI_API_KEY: 'loopback-test-key',
    AZURE_OPENAI_DEPLOYMENT: 'gpt-loopback',
    AZURE_OPENAI_API_VERSION: '2024-10-21',
    AZURE_OPENAI_TIMEOUT_MS: String(timeoutMs),
  };
}
