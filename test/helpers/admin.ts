/** The reference server's admin API as the browser tests call it (web-test-runner.config.mjs sets this token). */
export const ADMIN_TOKEN = 'browser-test-admin-token';

export const admin = (path: string, body?: unknown, method = 'POST') =>
  fetch(`/__admin${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
