import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What `npm start` runs (after its build step): the server with its embedded store, the demo page, data that survives a restart.
const dir = mkdtempSync(join(tmpdir(), 'fapiao-kit-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn('node', ['.build/demo/server/main.js', '--port=0', `--data=${dir}`, '--process-every=0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${output.join('')}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /demo page:\s+(http:\/\/\S+)\//.exec(output.join(''))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', code => reject(new Error(`exited with ${code}: ${output.join('')}`)));
  });
}
const stop = (child: ChildProcess) =>
  new Promise(resolve => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

describe('the demo server (npm start)', () => {
  it('serves the demo page and the API, and keeps data across a restart', async () => {
    const first = await start();
    assert.match(first.output.join(''), /Seeded the store/);
    const page = await fetch(`${first.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const auth = { authorization: 'Bearer demo-token-contoso', 'content-type': 'application/json' };
    const profile = await fetch(`${first.url}/api/v1/buyer-profiles`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ buyerKind: 'individual', title: '重启测试' }),
    });
    assert.equal(profile.status, 201);
    await stop(first.child);

    const second = await start();
    assert.match(second.output.join(''), /Using the store/);
    const profiles = (await (await fetch(`${second.url}/api/v1/buyer-profiles`, { headers: auth })).json()) as {
      items: { title: string }[];
    };
    assert.deepEqual(
      profiles.items.map(p => p.title),
      ['重启测试'],
    );
    const traversal = await fetch(`${second.url}/..%2Fpackage.json`);
    assert.equal(traversal.status, 404);
    await stop(second.child);
  });
});
