// Pushes with the npm prom-client Pushgateway, as the tutorial's TypeScript jobs would.
// Usage: node push.js <gateway URL> <pushAdd|push|delete> <job>
// Exits 0 when the gateway answered 2xx, 1 otherwise (the answer is printed).
'use strict';
const client = require('prom-client');

async function main() {
  const [url, action, job] = process.argv.slice(2);
  const registry = new client.Registry();
  const groupings = { instance: 'n1', tier: 'front end' };

  if (action === 'pushAdd') {
    const jobs = new client.Counter({
      name: 'node_jobs_total', help: 'Jobs run.', labelNames: ['kind'], registers: [registry],
    });
    jobs.inc({ kind: 'batch' }, 2);
    const last = new client.Gauge({ name: 'node_last_success', help: 'Last success.', registers: [registry] });
    last.set(1700000000.5);
  } else if (action === 'push') {
    const duration = new client.Histogram({
      name: 'node_duration_seconds', help: 'Durations.', buckets: [0.1, 1], registers: [registry],
    });
    duration.observe(0.05);
    duration.observe(0.5);
    duration.observe(5);
  }

  const gateway = new client.Pushgateway(url, { timeout: 10000 }, registry);
  const { resp, body } = await gateway[action]({ jobName: job, groupings });
  console.log(`${action} ${resp.statusCode} ${JSON.stringify(body)}`);
  process.exitCode = resp.statusCode >= 200 && resp.statusCode < 300 ? 0 : 1;
}

main().catch((err) => {
  console.log(`error ${err.message}`);
  process.exitCode = 1;
});
