// The measuring scripts' shared start: the page at --url, or dist/ served
// with `vite preview` on a spare port until `stop()` is called.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** The address to measure, and how to stop the server this started (a no-op for a given --url); `extraArgs` go to `vite preview`. */
export async function previewPage(url, port, extraArgs = []) {
  if (url) return { url, stop: () => {} };
  const address = `http://127.0.0.1:${port}`;
  if (await answers(address)) throw new Error(`Something already answers at ${address}: pick another port with --port.`);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...extraArgs], { stdio: 'ignore', detached: true });
  // With --strictPort a busy port makes vite exit: then whatever else answers there must not be measured.
  let exited = false;
  server.on('exit', () => (exited = true));
  const stop = () => {
    if (!exited) process.kill(-server.pid);
  };
  try {
    await waitFor(address, () => exited);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: address, stop };
}

async function answers(address) {
  try {
    await fetch(address);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(address, hasExited) {
  for (let i = 0; i < 100; i++) {
    if (hasExited()) throw new Error(`vite preview stopped at once: is port ${new URL(address).port} in use? Pick another with --port.`);
    try {
      if ((await fetch(address)).ok) return;
    } catch {}
    await sleep(200);
  }
  throw new Error(`Nothing answered at ${address}; run \`npm run build\` first.`);
}
