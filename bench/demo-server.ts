import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The reference server in a process of its own (as in production), on a free port, with the demo routes and no
 * background issuing; resolves with its base URL once it says where the demo page is.
 */
export function startDemoServer(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['.build/demo/server/main.js', '--demo', '--port=0', '--process-every=0', ...args],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /demo page:\s+(http:\/\/\S+)\//.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', code => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
