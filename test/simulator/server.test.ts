import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/server.js';
import { validateInterviewBody } from '../../src/simulator/schema.js';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function token(s: RunningSimulator): Promise<string> {
  const res = await fetch(`${s.url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    body: JSON.stringify({ app_id: 'cli_simulator', app_secret: 'simulator-secret' }),
  });
  const body = (await res.json()) as { code: number; tenant_access_token: string; expire: number };
  expect(body.code).toBe(0);
  expect(body.expire).toBeGreaterThan(7190);
  return body.tenant_access_token;
}

const put = (s: RunningSimulator, t: string, id: string, body: unknown) =>
  fetch(`${s.url}/open-apis/hire/v1/external_interviews/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${t}` },
    body: JSON.stringify(body),
  });

describe('simulator', () => {
  it('returns the same token while it has 30 minutes or more left', async () => {
    sim = await startSimulator();
    expect(await token(sim)).toBe(await token(sim));
    expect(sim.stats.tokensIssued).toBe(1);
  });

  it("answers Feishu's envelope with x-tt-logid, and 99991663 for an unknown token", async () => {
    sim = await startSimulator();
    const res = await put(sim, 't-nope', '7000000000000000001', { external_application_id: '1' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-tt-logid')).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ code: 99991663 });
  });

  it('rate-limits PUTs with 429, 99991400 and x-ogw-ratelimit-reset', async () => {
    sim = await startSimulator({ rateLimit: 3, createOnPut: true });
    const t = await token(sim);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await put(sim, t, `70000000000000000${10 + i}`, { external_application_id: '1' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await put(sim, t, '7000000000000000020', { external_application_id: '1' });
    expect(res.headers.get('x-ogw-ratelimit-reset')).toBe('1');
    expect(res.headers.get('x-ogw-ratelimit-limit')).toBe('3');
    expect(await res.json()).toEqual({ code: 99991400, msg: 'request trigger frequency limit' });
  });

  it('pages batch_query with page_size and page_token', async () => {
    const seed = Array.from(
      { length: 7 },
      (_, i) =>
        [`700000000000000000${i}`, { external_application_id: String(i) }] as [
          string,
          { external_application_id: string },
        ],
    );
    sim = await startSimulator({ seed });
    const t = await token(sim);
    const ids = seed.map(([id]) => id);
    const page = async (q: string) =>
      (await (
        await fetch(`${sim!.url}/open-apis/hire/v1/external_interviews/batch_query?${q}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t}` },
          body: JSON.stringify({ external_interview_id_list: ids }),
        })
      ).json()) as {
        data: { items: { id: string }[]; has_more: boolean; page_token?: string };
      };
    const first = await page('page_size=5');
    expect(first.data.items.map((i) => i.id)).toEqual(ids.slice(0, 5));
    expect(first.data.has_more).toBe(true);
    const second = await page(`page_size=5&page_token=${first.data.page_token}`);
    expect(second.data).toEqual({ items: seed.slice(5).map(([id, b]) => ({ id, ...b })), has_more: false });
  });
});

describe('validateInterviewBody', () => {
  it("accepts the API page's example body", () => {
    expect(
      validateInterviewBody({
        external_application_id: '6960663240925956437',
        participate_status: 1,
        begin_time: 1618500278638,
        end_time: 1618500278639,
        interview_assessments: [
          {
            username: '张三',
            conclusion: 1,
            assessment_dimension_list: [
              {
                score: 99,
                option: '选项1',
                options: ['选项1'],
                content: '测试内容',
                assessment_type: 1,
                title: '心理测试',
                description: '心理测试描述',
              },
            ],
            content: '面试内容结果补充',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('names each violation: nulls, types, enumerations, unknown fields, the required id', () => {
    expect(
      validateInterviewBody({
        participate_status: null,
        begin_time: '1618500278638',
        interview_assessments: [{ conclusion: 4, assessment_dimension_list: [{ score: 1.5, options: 'a' }] }],
        extra: 1,
      }),
    ).toEqual([
      { field: 'participate_status', description: 'must not be null' },
      { field: 'begin_time', value: '"1618500278638"', description: 'must be an integer' },
      { field: 'interview_assessments[0].conclusion', value: '4', description: 'must be one of 1, 2, 3' },
      {
        field: 'interview_assessments[0].assessment_dimension_list[0].score',
        value: '1.5',
        description: 'must be an integer',
      },
      {
        field: 'interview_assessments[0].assessment_dimension_list[0].options',
        value: '"a"',
        description: 'must be an array of strings',
      },
      { field: 'extra', description: 'is not a field of this API' },
      { field: 'external_application_id', description: 'is required' },
    ]);
  });
});
