import { executeActivity, messageActivity, type ActivityOptions } from '../tests/support/activities';
import { azureOpenAiEnv, LoopbackAzureOpenAi } from '../tests/support/loopback-azure-openai';
import { startTestApp } from '../tests/support/test-app';

// The bot's own added latency per customer reply: HTTP turn time minus the time spent inside the model server.
const learners = 12;
const turnsPerLearner = 15;
const warmUpTurns = 10;
const targetMs = 50;
const lines = [
  'What happened this morning, and since when?',
  'Which of your customers are waiting for quotes, and by when?',
  "I can't move every technician, but what I can do instead is get the template back within the hour.",
  "So if I understand you: twelve sellers are stopped. I'll call you every hour.",
  'I see. Tell me more about the sellers?',
];

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main(): Promise<void> {
  const model = await LoopbackAzureOpenAi.start();
  model.setDefault({ kind: 'stream', chunks: ['Mm. ', 'The builders ', 'need quotes ', 'by Friday, ', 'that is what matters.'] });
  const harness = await startTestApp({ ...azureOpenAiEnv(model, 5000), LOG_LEVEL: 'warn' });
  const added: number[] = [];
  const modelMs: number[] = [];
  try {
    for (let index = 0; index < learners; index += 1) {
      const learner: ActivityOptions = { serviceUrl: harness.connector.serviceUrl, aadObjectId: `aad-bench-${index}` };
      await harness.post(executeActivity(learner, 'roleplay.start', { storylineId: 'sales-blocked-service-desk', meeting: 1 }));
      for (let turn = 0; turn < turnsPerLearner; turn += 1) {
        const before = model.requests.length;
        const started = performance.now();
        const answer = await harness.post(messageActivity(learner, lines[turn % lines.length] ?? 'Go on.'));
        const total = performance.now() - started;
        if (answer.status !== 200) throw new Error(`turn failed with ${answer.status}`);
        const calls = model.requests.slice(before);
        if (calls.length !== 1) throw new Error(`expected one model call per turn, got ${calls.length}`);
        const inModel = calls.reduce((sum, call) => sum + call.serverMs, 0);
        if (index * turnsPerLearner + turn < warmUpTurns) continue;
        added.push(total - inModel);
        modelMs.push(inModel);
      }
    }
  } finally {
    await harness.stop();
    await model.stop();
  }
  const sorted = [...added].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const format = (ms: number): string => `${ms.toFixed(1)} ms`;
  console.log(`role-play customer replies measured: ${sorted.length} (after ${warmUpTurns} warm-up turns), model: loopback Azure OpenAI (streamed), store: SQLite file`);
  console.log(`bot's added latency per reply (HTTP turn − model server time): p50 ${format(p50)}, p95 ${format(p95)}, max ${format(sorted.at(-1) ?? Number.NaN)}`);
  console.log(`time inside the model server per reply: p50 ${format(percentile([...modelMs].sort((a, b) => a - b), 50))}`);
  console.log(p95 <= targetMs ? `ok: p95 is within the ${targetMs} ms target` : `over target: p95 exceeds ${targetMs} ms`);
  process.exitCode = p95 <= targetMs ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
