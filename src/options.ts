import { OPTION } from './option-messages.js';
import { type Pair, say } from './messages.js';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { ToolError } from './errors.js';
import { defaultReportPath, undoReportPath, verifyReportPath } from './run-paths.js';
import { reportFormatOf } from './report-formats.js';
import { assertZone } from './time-zones.js';
import type { Delimiter } from './input/csv.js';
import { abbreviationProblem, machineZone } from './time-zones.js';

/**
 * Options are checked once, here, and frozen: commands never see a raw argv value.
 * Each schema turns yargs' loose output into exactly what a command needs.
 *
 * zod/mini rather than zod's chained API: the same checks, but the bundle keeps only the parts
 * used (20 KB instead of 450 KB), which took about 20 ms off every start. Every message is ours, in
 * the house form (expected, got, fix), so no zod locale is needed either.
 */

/** A custom problem from inside a transform; the transform then returns `z.NEVER`. */
function problem(ctx: z.core.ParsePayload, input: unknown, message: string): never {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
}

/**
 * `--tz`, or the machine's zone; `tzGiven` says which, since a UTC server's zone is rarely the
 * file's (a profile's `tz` then decides: src/commands/read-plan.ts). Also refuses `--map` with
 * `--profile`: a run carries one mapping.
 */
function withZone<T extends { tz?: string; map?: string; profile?: unknown }>(
  o: T,
  ctx: z.core.ParsePayload,
): Omit<T, 'tz'> & { tz: string; tzGiven: boolean } {
  if (o.map !== undefined && o.profile !== undefined) return problem(ctx, o.profile, say(OPTION.mapAndProfile));
  const given = o.tz?.trim();
  const name = given || machineZone();
  const abbreviation = given ? abbreviationProblem(given) : undefined;
  if (abbreviation) return problem(ctx, o.tz, `--tz: ${abbreviation}`);
  try {
    assertZone(name);
  } catch {
    return problem(ctx, o.tz, `--tz: ${say(OPTION.zoneName(o.tz))}`);
  }
  return { ...o, tz: name, tzGiven: Boolean(given) };
}

const optionalText = z.pipe(
  z.optional(z.string()),
  z.transform((s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim())),
);

/** `--delimiter`: a separator by its name or as itself (a tab is hard to type, so `tab`). */
const DELIMITERS: Readonly<Record<string, Delimiter>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
};

const delimiter = z.pipe(
  z.optional(z.string()),
  z.transform((d: string | undefined, ctx) => {
    if (d === undefined || d === '') return undefined;
    const found = DELIMITERS[d] ?? DELIMITERS[d.trim().toLowerCase()];
    return found ?? problem(ctx, d, say(OPTION.delimiter(d)));
  }),
);

const reportPath = optionalText.check(
  z.refine((p: string | undefined) => p === undefined || reportFormatOf(p) !== undefined, {
    error: () => say(OPTION.reportPath),
  }),
);

const bool = z._default(z.boolean(), false);

/** `--records DIR` (repeatable): folders or files of earlier runs beyond the report's folder. */
const recordsShape = {
  records: z.pipe(
    z.optional(z.union([z.string(), z.array(z.string())])),
    z.transform((r: string | string[] | undefined) =>
      (r === undefined ? [] : Array.isArray(r) ? r : [r]).map((d) => d.trim()).filter((d) => d !== ''),
    ),
  ),
};

const requiredText = (message: Pair) => z.string().check(z.minLength(1, { error: () => say(message) }));

/** `--lang`, and the language of the CLI's locale (the library has none): see `speaking` in src/lang.ts. */
const langShape = {
  lang: z.optional(z.enum(['zh', 'en'])),
  locale: z.optional(z.enum(['zh', 'en'])),
};

/** `--report PATH`; `reportFile` is false for the library's `report: false` (the path still names the journal and backup). */
const reportShape = {
  report: reportPath,
  reportFile: z._default(z.boolean(), true),
};

/** `--profile FILE`, or the library's profile object (checked whole by src/input/profile.ts before any row is read). */
const profileOption = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((p: unknown, ctx): string | Readonly<Record<string, unknown>> | undefined => {
      if (p === undefined || p === null || (typeof p === 'string' && p.trim() === '')) return undefined;
      if (typeof p === 'string') return p.trim();
      if (typeof p === 'object' && !Array.isArray(p)) return p as Record<string, unknown>;
      return problem(ctx, p, say(OPTION.profileShape));
    }),
  ),
);

const inputShape = {
  file: requiredText(OPTION.inputFile),
  sheet: optionalText,
  encoding: optionalText,
  delimiter,
  map: optionalText,
  profile: profileOption,
  edits: optionalText,
  tz: z.optional(z.string()),
  ...reportShape,
  ...langShape,
};

const withReport = <T extends { file: string; report?: string }>(o: T) => ({
  ...o,
  report: o.report ?? defaultReportPath(o.file),
});

const validateObject = z.object({ ...inputShape, payloads: optionalText, merge: bool, json: bool });

export const validateSchema = z.pipe(
  validateObject,
  z.transform((o: z.output<typeof validateObject>, ctx) => {
    if (o.merge && o.payloads) {
      return problem(ctx, undefined, say(OPTION.mergePayloads));
    }
    const zoned = withZone(o, ctx);
    return zoned === z.NEVER ? z.NEVER : withReport(zoned);
  }),
);

export type ValidateArgs = z.output<typeof validateSchema>;

export const templateSchema = z.object({
  out: requiredText(OPTION.outFile).check(
    z.refine((p: string) => /\.(csv|xlsx)$/i.test(p), { error: () => say(OPTION.outExt) }),
  ),
  lang: z._default(z.enum(['zh', 'en']), 'zh'),
});

export type TemplateArgs = z.output<typeof templateSchema>;

/** `profile FILE [--out PATH]`: a draft mapping profile. */
export const profileSchema = z.object({
  file: requiredText(OPTION.inputFile),
  out: optionalText.check(
    z.refine((p: string | undefined) => p === undefined || /\.json$/i.test(p), { error: () => say(OPTION.profileOut) }),
  ),
  lang: z.optional(z.enum(['zh', 'en'])),
});

export type ProfileArgs = z.output<typeof profileSchema>;

/** Parses with a schema and freezes the result; a failure is a usage error (exit 2). */
export function checkOptions<S extends z.ZodMiniType>(schema: S, raw: unknown): Readonly<z.output<S>> {
  const result = z.safeParse(schema, raw);
  if (!result.success) {
    // Paths are yargs' camel-case keys; the user typed the kebab-case flag.
    const flag = (path: readonly PropertyKey[]) =>
      `--${path.join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: `;
    const problems = result.error.issues.map((i) => `${i.path.length ? flag(i.path) : ''}${i.message}`).join('; ');
    throw new ToolError('USAGE_BAD_OPTION', problems);
  }
  return Object.freeze(result.data) as Readonly<z.output<S>>;
}

/**
 * A numeric option: yargs has already made it a number (NaN for "abc"); a blank one takes the
 * default. The message names the range, as `--concurrency: expected a whole number from 1 to
 * 100, got 0`.
 */
function numberOption(range: {
  min: number;
  max?: number;
  above?: boolean;
  whole?: boolean;
}): z.ZodMiniType<number | undefined, unknown>;
function numberOption(
  range: { min: number; max?: number; above?: boolean; whole?: boolean },
  fallback: number,
): z.ZodMiniType<number, unknown>;
function numberOption(
  range: { min: number; max?: number; above?: boolean; whole?: boolean },
  fallback?: number,
): z.ZodMiniType<number | undefined, unknown> {
  const { min, max = Number.POSITIVE_INFINITY, above = false, whole = false } = range;
  const checked = z.pipe(
    z.unknown(),
    z.transform((raw: unknown, ctx) => {
      const n = typeof raw === 'number' ? raw : Number(raw);
      const fits = Number.isFinite(n) && (above ? n > min : n >= min) && n <= max && (!whole || Number.isInteger(n));
      return fits ? n : problem(ctx, raw, say(OPTION.number({ whole, min, max, above, got: String(raw) })));
    }),
  );
  // An absent option (undefined) takes the default without being checked.
  return fallback === undefined ? z.optional(checked) : z._default(checked, fallback);
}

/** Pacing, credentials and where to send: shared by `import` and `undo`. Secrets stay in here. */
const sendShape = {
  concurrency: numberOption({ min: 1, max: 100, whole: true }, 5),
  // Each API's pace, and the most it is sent (0: no client-side pace); absent, Feishu's limit
  // rules: 10/s until an answer states another (src/feishu/rate-gate.ts).
  rate: numberOption({ min: 0, max: 10_000 }),
  retries: numberOption({ min: 0, max: 20, whole: true }, 5),
  timeout: numberOption({ min: 0, above: true, max: 600 }, 30),
  limit: numberOption({ min: 0, above: true, whole: true }),
  resume: optionalText,
  quiet: bool,
  json: bool,
  domain: z._default(z.enum(['feishu', 'lark']), 'feishu'),
  baseUrl: optionalText,
  appId: optionalText,
  appSecret: optionalText,
  appSecretFile: optionalText,
  tenantToken: optionalText,
  // yargs turns --no-backup into backup: false.
  backup: z._default(z.boolean(), true),
};

type CredentialFields = {
  appId?: string;
  appSecret?: string;
  appSecretFile?: string;
  tenantToken?: string;
  timeout: number;
};

/** `--app-secret-file`: read once here, at the boundary; its first line is the secret. */
export function secretFrom(file: string): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[0]!.trim();
  } catch (error) {
    throw new ToolError(
      'USAGE_BAD_SECRET_FILE',
      say(OPTION.secretFile({ code: (error as NodeJS.ErrnoException).code ?? 'an error', file })),
    );
  }
}

/** App id and secret win over a ready token; the raw fields are dropped from the options. */
function withCredentials<T extends CredentialFields>(o: T) {
  if (o.tenantToken && /[\p{Cc}\s]/u.test(o.tenantToken)) {
    throw new ToolError('USAGE_BAD_TOKEN', say(OPTION.badToken));
  }
  const appSecret = o.appSecretFile ? secretFrom(o.appSecretFile) : o.appSecret;
  const credentials =
    o.appId && appSecret
      ? ({ kind: 'app', appId: o.appId, appSecret } as const)
      : o.tenantToken
        ? ({ kind: 'token', token: o.tenantToken } as const)
        : undefined;
  const { appId: _a, appSecret: _s, appSecretFile: _f, tenantToken: _t, ...rest } = o;
  return { ...rest, credentials, timeoutMs: o.timeout * 1000 };
}

/** `import`: the input options plus pacing and credentials. */
const importObject = z.object({
  ...inputShape,
  ...sendShape,
  payloads: optionalText,
  dryRun: bool,
  merge: bool,
  replace: bool,
  addAssessments: bool,
  replaceAssessments: bool,
  createMissing: bool,
  correct: bool,
  leaveOut: z.pipe(
    z.optional(z.array(z.string())),
    z.transform((l: string[] | undefined) => l ?? []),
  ),
  ...recordsShape,
});

export const importSchema = z.pipe(
  importObject,
  z.transform((given: z.output<typeof importObject>, ctx) => {
    // `--correct`: one correction run, a merge that also adds the assessments and interviews
    // Feishu lacks (README, "One correction run"): its preview shows each addition first.
    const o = given.correct
      ? { ...given, merge: true, createMissing: true, addAssessments: !given.replaceAssessments }
      : given;
    if (o.leaveOut.length > 0 && !o.correct) return problem(ctx, undefined, say(OPTION.leaveOutNeedsCorrect));
    const zoned = withZone(withCredentials(o), ctx);
    if (zoned === z.NEVER) return z.NEVER;
    const out = withReport(zoned);
    if ((o.addAssessments || o.replaceAssessments) && !o.merge) {
      return problem(ctx, undefined, say(OPTION.needsMerge(o.addAssessments ? 'add' : 'replace')));
    }
    if (o.merge && o.replace) {
      return problem(ctx, undefined, say(OPTION.mergeOrReplace));
    }
    if (o.addAssessments && o.replaceAssessments) {
      return problem(ctx, undefined, say(OPTION.addOrReplace));
    }
    // A plain dry run is `validate`: it needs no credentials.
    if (!out.credentials && !(o.dryRun && !o.merge && !o.createMissing)) {
      const message = o.dryRun
        ? say(OPTION.noCredentialsToRead(`--${o.merge ? 'merge' : 'create-missing'} --dry-run`))
        : say(OPTION.noCredentials());
      return problem(ctx, undefined, message);
    }
    return out;
  }),
);

/** `undo BACKUP`: put every pre-image in a backup file back. */
const undoObject = z.object({
  file: requiredText(OPTION.backupFile),
  ...reportShape,
  run: optionalText,
  dryRun: bool,
  ...langShape,
  ...sendShape,
});

export const undoSchema = z.pipe(
  undoObject,
  z.transform((o: z.output<typeof undoObject>, ctx) => {
    const out = withCredentials(o);
    if (!out.credentials) return problem(ctx, undefined, say(OPTION.noCredentials()));
    return {
      ...out,
      report: o.report ?? undoReportPath(o.file, o.dryRun),
      dryRun: o.dryRun,
      merge: false as const,
      createMissing: false as const,
      payloads: undefined,
    };
  }),
);

export type UndoArgs = z.output<typeof undoSchema>;

/**
 * `verify FILE`: the input options, credentials and where to read; the report beside the input, `.verify.csv`.
 * `--merge`: a correction file, of which only what it names must match.
 */
const verifyObject = z.object({ ...inputShape, ...sendShape, ...recordsShape, merge: bool });

export const verifySchema = z.pipe(
  verifyObject,
  z.transform((o: z.output<typeof verifyObject>, ctx) => {
    const zoned = withZone(withCredentials(o), ctx);
    if (zoned === z.NEVER) return z.NEVER;
    if (!zoned.credentials) return problem(ctx, undefined, say(OPTION.noCredentialsToVerify()));
    // Beside the import's report, never on it: x.verify.csv, or x.verify.xlsx for an .xlsx input.
    return { ...zoned, report: o.report ?? verifyReportPath(o.file) };
  }),
);

export type VerifyArgs = z.output<typeof verifySchema>;

export type ImportArgs = z.output<typeof importSchema>;

/** Credentials and the base URL may come from the environment; flags win. */
export function importInput(args: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  return {
    ...args,
    appId: args.appId ?? env.FEISHU_APP_ID,
    appSecret: args.appSecret ?? env.FEISHU_APP_SECRET,
    tenantToken: env.FEISHU_TENANT_ACCESS_TOKEN,
    baseUrl: args.baseUrl ?? env.FEISHU_BASE_URL,
  };
}

export const simulateSchema = z.object({
  port: numberOption({ min: 0, max: 65535, whole: true }, 0),
  rateLimit: numberOption({ min: 0 }, 10),
  failRate: numberOption({ min: 0, max: 1 }, 0),
  dropRate: numberOption({ min: 0, max: 1 }, 0),
  latency: numberOption({ min: 0 }, 0),
  tokenTtl: numberOption({ min: 0, above: true }, 7200),
  appId: optionalText,
  appSecret: optionalText,
  appSecretFile: optionalText,
  seed: optionalText,
  createOnPut: bool,
});

export type SimulateArgs = z.output<typeof simulateSchema>;

/** `ui`: the page's own flags, and the sending ones `import` takes (checked here, once, before it serves). */
export const uiSchema = z.object({
  port: numberOption({ min: 0, max: 65535, whole: true }),
  open: z._default(z.boolean(), true),
  dir: optionalText,
  demo: bool,
  lang: z.optional(z.enum(['zh', 'en'])),
  concurrency: sendShape.concurrency,
  rate: sendShape.rate,
  retries: sendShape.retries,
  timeout: sendShape.timeout,
  domain: sendShape.domain,
  baseUrl: sendShape.baseUrl,
  appId: sendShape.appId,
  appSecret: sendShape.appSecret,
  appSecretFile: sendShape.appSecretFile,
  backup: sendShape.backup,
});
