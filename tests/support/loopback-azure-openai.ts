import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next chat-completions call is answered. */
export type ModelAnswer =
  | { readonly kind: 'text'; readonly text: string; readonly delayMs?: number }
  | { readonly kind: 'json'; readonly value: unknown; readonly delayMs?: number }
  | { readonly kind: 'stream'; readonly chunks: readonly string[]; readonly delayMs?: number }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'content-filter' }
  | { readonly kind: 'hang' };

export interface RecordedModelRequest {
  /** Azure's /openai/deployments/{name}/chat/completions, or OpenAI's /v1/chat/completions. */
  readonly api: 'azure' | 'openai';
  /** The Azure deployment in the path, or the model named in an OpenAI body. */
  readonly deployment: string;
  readonly apiVersion: string;
  /** Azure's api-key header, or the bearer token of an OpenAI-compatible call. */
  readonly apiKey: string | undefined;
  /** A bearer token (Entra ID on Azure, the key on OpenAI). */
  readonly bearer: string | undefined;
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

/** The bearer token the loopback managed-identity endpoint hands out. */
export const loopbackEntraToken = 'loopback-entra-token';

/**
 * A loopback server that speaks the Azure OpenAI and the OpenAI chat-completions REST APIs, so the real clients are
 * exercised; it also plays the App Service / Container Apps managed-identity token endpoint (GET /msi/token).
 */
export class LoopbackAzureOpenAi {
  readonly requests: RecordedModelRequest[] = [];
  /** Query strings of the token requests made to the managed-identity endpoint. */
  readonly tokenRequests: URLSearchParams[] = [];
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
    if (url.pathname === '/msi/token' && req.method === 'GET') return this.token(req, url, res);
    const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
    const openAi = url.pathname === '/v1/chat/completions';
    if ((!azure && !openAi) || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'Resource not found' } }));
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const apiKey = azure ? (req.headers['api-key'] as string | undefined) : bearer;
    if (!apiKey && !bearer) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: '401', message: 'Access denied due to invalid subscription key.' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedModelRequest['body'] & { model?: string };
    const recorded: RecordedModelRequest = {
      api: azure ? 'azure' : 'openai',
      deployment: azure ? decodeURIComponent(azure[1] ?? '') : (body.model ?? ''),
      apiVersion: url.searchParams.get('api-version') ?? '',
      apiKey,
      bearer,
      body,
      serverMs: 0,
    };
    this.requests.push(recorded);
    const answer = this.queue.shift() ?? this.fallback;
    if ('delayMs' in answer && answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    this.answer(answer, recorded, res);
    recorded.serverMs = performance.now() - started;
  }

  // The App Service / Container Apps protocol: the secret header proves the caller runs inside the host.
  private token(req: IncomingMessage, url: URL, res: ServerResponse): void {
    this.tokenRequests.push(url.searchParams);
    const allowed = req.headers['x-identity-header'] === loopbackIdentityHeader;
    res.writeHead(allowed ? 200 : 401, { 'content-type': 'application/json' });
    const expiresOn = now() + 3600;
    res.end(JSON.stringify(allowed ? { access_token: loopbackEntraToken, expires_on: String(expiresOn), resource: url.searchParams.get('resource'), token_type: 'Bearer' } : { error: 'unauthorized' }));
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

const loopbackIdentityHeader = 'loopback-identity-header';

/** The variables a managed-identity host (App Service, Container Apps) sets, pointing at this server's token endpoint. */
export function managedIdentityHostEnv(model: LoopbackAzureOpenAi): Record<'IDENTITY_ENDPOINT' | 'IDENTITY_HEADER', string> {
  return { IDENTITY_ENDPOINT: `${model.endpoint}/msi/token`, IDENTITY_HEADER: loopbackIdentityHeader };
}

/** The environment for an OpenAI-compatible endpoint served by this loopback server. */
export function openAiEnv(model: LoopbackAzureOpenAi, timeoutMs = 1000): Record<string, string> {
  return { OPENAI_BASE_URL: `${model.endpoint}/v1`, OPENAI_API_KEY: 'loopback-openai-key', OPENAI_MODEL: 'loopback-model', OPENAI_TIMEOUT_MS: String(timeoutMs) };
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
