import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteDeliveryQueue } from '../../src/delivery/queue/sqlite-delivery-queue';
import { describeQueueContract } from './queue-contract';

const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-queue-'));
after(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
describeQueueContract('SQLite file', (now) => openSqliteDeliveryQueue(path.join(folder, `queue-${(files += 1)}.db`), now));
