import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What `npm start` runs (after its build step): the server with its embedded store, the demo page, data that survives a restart.
const dir = mkdtempSync(join(tmpdir(), 'fapiao-kit-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(
    process.execPath,
    ['.build/demo/server/main.js', '--demo', '--port=0', `--data=${dir}`, '--process-every=0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
    after(() => first.child.kill('SIGKILL'));
    assert.match(first.output.join(''), /Seeded the store/);
    const page = await fetch(`${first.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    // The page gets the admin token that this start made; its script is a file (the CSP allows no inline script).
    const html = await page.text();
    assert.match(html, /<meta name="fapiao-admin-token" content="[\w-]{32}"/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self';/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.equal((await fetch(`${first.url}/demo/demo.js`)).status, 200);

    // A second server on the same data directory refuses to start, and says why.
    const twin = spawn(process.execPath, ['.build/demo/server/main.js', '--demo', '--port=0', `--data=${dir}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    twin.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise(resolve => twin.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(said, /in use by process \d+/);
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
    for (const path of [
      '/..%2Fpackage.json',
      '/demo/data/postmaster.pid',
      '/demo/server/main.ts',
      '/package.json',
      '/src/core/index.ts',
    ]) {
      assert.equal((await fetch(`${second.url}${path}`)).status, 404, path);
    }
    await stop(second.child);
  });

  it('refuses a flag it cannot take, before it opens the store, and says what it takes', async () => {
    for (const [flag, said] of [
      ['--special-buyer-details=maybe', /--special-buyer-details: use required or optional/],
      ['--delivery=drone', /--delivery: use one or more of electronic, paper, pickup/],
    ] as const) {
      const child = spawn(process.execPath, ['.build/demo/server/main.js', '--port=0', `--data=${dir}-flags`, flag], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      assert.equal(await new Promise(resolve => child.once('exit', resolve)), 2, flag);
      assert.match(output, said);
    }
    assert.equal(existsSync(`${dir}-flags`), false, 'no store was made');
  });
});
