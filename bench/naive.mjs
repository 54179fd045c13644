// What the official SDK's sample does, in a loop: one PUT at a time, awaited, no pacing and no
// retry. Usage: node bench/naive.mjs BASE_URL PAYLOADS.jsonl  (credentials from the environment)
import { readFileSync } from 'node:fs';

const [base, payloads] = process.argv.slice(2);
const tokenRes = await fetch(`${base}/open-apis/auth/v3/tenant_access_token/internal`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ app_id: process.env.FEISHU_APP_ID, app_secret: process.env.FEISHU_APP_SECRET }),
});
const { tenant_access_token: token } = await tokenRes.json();
const items = readFileSync(payloads, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
let ok = 0;
let rateLimited = 0;
let failed = 0;
const started = Date.now();
for (const { external_interview_id: id, body } of items) {
  const res = await fetch(`${base}/open-apis/hire/v1/external_interviews/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json();
  if (answer.code === 0) ok++;
  else if (res.status === 429 || answer.code === 99991400) rateLimited++;
  else failed++;
}
console.log(JSON.stringify({ sent: items.length, ok, rateLimited, failed, seconds: (Date.now() - started) / 1000 }));
