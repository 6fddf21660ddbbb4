import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';

/**
 * Run in a child process (node --import=tsx close-after-open.ts <file>): opens a store, writes once and closes at
 * once, with nothing else keeping the process alive, then prints "closed".
 */
async function main(file: string): Promise<void> {
  const store = await openSqliteStore(file);
  await store.put({ collection: 'c', id: 'a', body: { kept: true } });
  await store.close();
  process.stdout.write('closed');
}

void main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 1;
});
