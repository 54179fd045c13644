import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.js';
import { readInput } from '../../src/input/table.js';
import { openWorkbook } from '../../src/input/xlsx.js';
import { type Member, fileOf, zipOf } from '../input/hostile-xlsx.js';
import { type Mutation, type Rewrite, corpus, damaged, mutate, rewrite } from './xlsx-mutations.js';

/**
 * The xlsx reader fuzzed from the real-writer corpus. Under `npm test` each property runs a fixed,
 * small number of cases (a few seconds); `npm run fuzz` runs every test/fuzz/*.fuzz.test.ts with
 * FUZZ_SECONDS set, and each property then runs for that many seconds.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const budget = (runs: number) =>
  SECONDS > 0 ? { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: SECONDS * 1000 } : { numRuns: runs };
/** A test's own timeout: the fuzzing time, and a minute for the case under way and the reads around it. */
const TIMEOUT = SECONDS * 1000 + 60_000;

/** A generous bound on one file: every form found so far answers in under 2 s. */
const PER_FILE_MS = 20_000;

let files: { file: string; members: Member[] }[] = [];
beforeAll(async () => {
  files = await corpus();
});

/** Every sheet's rows, merges spread; or the ToolError that refused the file. */
async function readAll(bytes: Buffer): Promise<unknown> {
  const file = await fileOf(bytes);
  const wb = await openWorkbook(file);
  try {
    const sheets = [];
    for (const sheet of wb.sheets) if (sheet.part) sheets.push((await wb.read(sheet)).rows);
    return sheets;
  } finally {
    await wb.close();
  }
}

/** Reads a file as the tool does (and whole); anything thrown must be a ToolError, and it must come in time. */
async function survives(bytes: Buffer): Promise<void> {
  const started = Date.now();
  for (const attempt of [() => readAll(bytes), async () => readInput(await fileOf(bytes))]) {
    try {
      await attempt();
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      expect(error.code).toMatch(/^(XLSX|INPUT)_[A-Z_]+$/);
    }
  }
  expect(Date.now() - started).toBeLessThan(PER_FILE_MS);
}

const REWRITES: Rewrite[] = ['prefix', 'cdata', 'charRefs', 'shuffle', 'stored'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), member: fc.nat(), at: fc.nat(), byte: fc.nat(255) }),
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), member: fc.nat(), at: fc.nat(), fragment: fc.nat() }),
  },
  fc.record({ kind: fc.constant('truncate' as const), member: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), member: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), member: fc.nat() }),
);

describe('the xlsx reader, fuzzed from the real-writer corpus', () => {
  it(
    'gives the same rows after rewrites that keep the content: prefixes, CDATA, character references, part order, stored parts, zip64',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.subarray(REWRITES, { minLength: 1 }),
          fc.nat(),
          fc.boolean(),
          async (pick, rewrites, seed, zip64) => {
            const { members } = files[pick % files.length]!;
            const original = await readAll(zipOf(members));
            expect(await readAll(zipOf(rewrite(members, rewrites, seed), { zip64 }))).toEqual(original);
          },
        ),
        budget(40),
      );
    },
    TIMEOUT,
  );

  it(
    'answers mutated workbooks with rows or a ToolError, in time',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (pick, mutations) => {
          await survives(zipOf(mutate(files[pick % files.length]!.members, mutations)));
        }),
        budget(120),
      );
    },
    TIMEOUT,
  );

  it(
    'answers damaged archives (bytes of the zip itself overwritten) with rows or a ToolError, in time',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 }),
          fc.boolean(),
          async (pick, flips, stored) => {
            const members = files[pick % files.length]!.members.map((m) => ({ ...m, stored }));
            await survives(damaged(zipOf(members), flips));
          },
        ),
        budget(80),
      );
    },
    TIMEOUT,
  );
});
