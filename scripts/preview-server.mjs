// The measuring scripts' shared start: the page at --url, or dist/ served
// with `vite preview` on a spare port until `stop()` is called.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** The address to measure, and how to stop the server this started (a no-op for a given --url). */
export async function previewPage(url, port) {
  if (url) return { url, stop: () => {} };
  const address = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stop = () => process.kill(-server.pid);
  try {
    await waitFor(address);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: address, stop };
}

async function waitFor(address) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {}
    await sleep(200);
  }
  throw new Error(`Nothing answered at ${address}; run \`npm run build\` first.`);
}
