// npm start: build, run the bot in local mode and, unless PLAYGROUND=0, the Microsoft 365 Agents Playground next to it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT || 56150);
const HEALTH_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

// The bot reads .env itself (process env wins); we need the same PORT to find /healthz.
const dotEnv = existsSync(path.join(root, '.env')) ? dotenv.parse(readFileSync(path.join(root, '.env'))) : {};
const setting = (key) => process.env[key] ?? dotEnv[key] ?? '';
const botPort = Number(setting('PORT') || 3978);
const wantPlayground = process.env.PLAYGROUND !== '0';

const children = new Map();
let stopping = false;

function run(name, command, args, options) {
  const child = spawn(command, args, { cwd: root, ...options });
  children.set(name, child);
  child.on('error', (error) => {
    console.error(`start: could not run the ${name}: ${error.message}`);
    void shutdown(1);
  });
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    const exitCode = code ?? 128 + (os.constants.signals[signal] ?? 0);
    console.error(`start: the ${name} exited (${code ?? signal}); stopping.`);
    void shutdown(exitCode);
  });
  return child;
}

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (children.size > 0 && Date.now() < deadline) await delay(100);
  for (const child of children.values()) child.kill('SIGKILL');
  process.exit(exitCode);
}

async function waitForHealth(url) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!stopping && Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  return false;
}

function build() {
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('start: the build failed.');
    process.exit(result.status ?? 1);
  }
}

function startPlayground() {
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const logDir = path.join(root, '.playground');
  mkdirSync(logDir, { recursive: true });
  const endpoint = `http://127.0.0.1:${botPort}/api/messages`;
  const playground = run('Playground', process.execPath, [cli, '-e', endpoint, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--dt'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'm365agentsplayground.log'),
    },
  });
  let announced = false;
  let pending = '';
  playground.stdout.setEncoding('utf8').on('data', (chunk) => {
    process.stdout.write(chunk);
    if (announced) return;
    pending += chunk;
    const match = /Listening on (\d+)/.exec(pending);
    if (match) {
      announced = true;
      console.log(`\n  Open http://localhost:${match[1]} in your browser (Microsoft 365 Agents Playground, as ${playgroundUser()}).\n  Ctrl-C stops the bot and the Playground.\n`);
    }
  });
}

function playgroundUser() {
  const config = path.join(root, '.m365agentsplayground.yml');
  const name = existsSync(config) ? YAML.parse(readFileSync(config, 'utf8'))?.currentUser?.name : undefined;
  return name ?? 'the Playground default user';
}

process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));

build();
run('bot', process.execPath, [path.join('dist', 'src', 'index.js')], { stdio: 'inherit' });
if (wantPlayground) {
  if (setting('MicrosoftAppId')) {
    console.warn('start: MicrosoftAppId is set, so the bot checks tokens the Playground does not send; clear it for local mode.');
  }
  const healthy = await waitForHealth(`http://127.0.0.1:${botPort}/healthz`);
  if (!healthy && !stopping) {
    console.error(`start: the bot did not answer http://127.0.0.1:${botPort}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s.`);
    await shutdown(1);
  }
  if (!stopping) startPlayground();
}
