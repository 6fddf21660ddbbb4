// restify 11 cannot load on Node 22+ without this (see the file); the project's server imports it the same way.
import '../../src/http/legacy-http-parser';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';

/**
 * The baseline of bench:turns: the SDK's echo sample and nothing else (CloudAdapter + ActivityHandler on restify).
 * Same auth as the project's local mode: no app id, so the SDK takes requests unauthenticated and sends without a token.
 * A message is echoed to the Bot Connector; an Action.Execute is answered in the invoke response, as a card update is.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(_context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `Echo: ${invokeValue.action?.verb ?? ''}` as unknown as Record<string, unknown> };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.get('/healthz', (_req, res, next) => {
  res.json(200, { status: 'alive' });
  next();
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ msg: 'echo bot listening', url: `http://127.0.0.1:${port}` })}\n`);
});
process.once('SIGTERM', () => {
  server.close(() => {
    process.exit(0);
  });
});
