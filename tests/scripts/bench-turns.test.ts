import assert from 'node:assert/strict';
import { quickPlan } from '../../scripts/bench-turns/measure';
import { runBench } from '../../scripts/bench-turns/run';
import { resultTable } from '../../scripts/bench-turns/table';
import { turnKinds } from '../../scripts/bench-turns/turn-kinds';

// Not a timed test: it checks that the harness drives both bots through every turn kind and prints a whole table.
describe('bench:turns harness (quick mode, no assertions on speed)', function () {
  this.timeout(240_000);

  it('when the bench runs in quick mode, then it prints one row per turn kind with figures for both bots, the ratios and their spread over rounds, CPU per turn and no failed turns', async () => {
    const results = await runBench({ plan: quickPlan, runner: 'tsx', kinds: turnKinds, log: () => undefined });
    const [header, rule, ...rows] = resultTable(results, quickPlan);
    assert.match(header ?? '', /^\| kind +\| project turns\/s +\| echo turns\/s +\| ratio \(>= 0\.8\) +\| round ratios min–max \(n\) +\| pooled ratio +\| project p50\/p99 ms @100\/s/);
    assert.match(header ?? '', /\| failures \| project CPU µs\/turn \| echo CPU µs\/turn \| CPU ratio \|$/);
    assert.match(rule ?? '', /^\|-+(\|-+){13}\|$/);
    assert.deepEqual(rows.map((row) => row.split('|')[1]?.trim()), [...turnKinds]);
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map((cell) => cell.trim());
      assert.equal(cells.length, 14, row);
      const [, project, echo, ratio, roundRatios, pooledRatio, projectLatency, echoLatency, p99Ratio, roundP99Ratios, failures, projectCpu, echoCpu, cpuRatio] = cells;
      for (const figure of [project, echo]) assert.ok(Number(figure) > 0, `a throughput in ${row}`);
      for (const pair of [ratio, p99Ratio]) assert.match(pair ?? '', /^\d+\.\d\d (ok|MISS)$/, row);
      assert.match(roundRatios ?? '', /^\d+\.\d\d–\d+\.\d\d \(1\)$/, row);
      assert.match(pooledRatio ?? '', /^\d+\.\d\d$/, row);
      assert.match(roundP99Ratios ?? '', /^\d+\.\d\d, \d+\.\d\d–\d+\.\d\d \(1\)$/, row);
      for (const latency of [projectLatency, echoLatency]) assert.match(latency ?? '', /^\d+\.\d \/ \d+\.\d$/, row);
      assert.equal(failures, '0', row);
      for (const figure of [projectCpu, echoCpu]) assert.ok(Number(figure) > 0, `CPU per turn in ${row}`);
      assert.match(cpuRatio ?? '', /^\d+\.\d\d$/, row);
    }
  });
});
