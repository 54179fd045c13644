import { z } from 'zod';
import { ToolError } from './errors.js';
import { defaultReportPath } from './report/report-writer.js';
import { assertZone } from './plan/normalise.js';

/**
 * Options are checked once, here, and frozen: commands never see a raw argv value.
 * Each schema turns yargs' loose output into exactly what a command needs.
 */

const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const zone = z
  .string()
  .optional()
  .transform((tz, ctx) => {
    const name = tz?.trim() || machineZone();
    try {
      assertZone(name);
    } catch {
      ctx.addIssue({ code: 'custom', message: `expected an IANA time zone such as Asia/Shanghai, got "${tz}"` });
      return z.NEVER;
    }
    return name;
  });

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const reportPath = optionalText.refine((p) => p === undefined || /\.(csv|xlsx|json)$/i.test(p), {
  message: 'expected a report path ending in .csv, .xlsx or .json',
});

const inputShape = {
  file: z.string().min(1, 'expected an input file'),
  sheet: optionalText,
  encoding: optionalText,
  map: optionalText,
  tz: zone,
  report: reportPath,
};

const withReport = <T extends { file: string; report?: string }>(o: T) => ({ ...o, report: o.report ?? defaultReportPath(o.file) });

export const validateSchema = z
  .object({ ...inputShape, payloads: optionalText })
  .transform(withReport);

export type ValidateArgs = z.output<typeof validateSchema>;

export const templateSchema = z.object({
  out: z.string().min(1).refine((p) => /\.(csv|xlsx)$/i.test(p), { message: 'expected --out to end in .xlsx or .csv' }),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export type TemplateArgs = z.output<typeof templateSchema>;

/** Parses with a schema and freezes the result; a failure is a usage error (exit 2). */
export function normalise<S extends z.ZodType>(schema: S, raw: unknown): Readonly<z.output<S>> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.length ? `--${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
    throw new ToolError('USAGE_BAD_OPTION', problems);
  }
  return Object.freeze(result.data) as Readonly<z.output<S>>;
}


const bool = z.boolean().default(false);
const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Pacing, credentials and where to send: shared by `import` and `undo`. Secrets stay in here. */
const sendShape = {
  concurrency: count(1, 100, 5),
  // 10/s is this endpoint's documented limit; 0 turns the client-side limit off.
  rate: z.coerce.number().min(0).max(10_000).default(10),
  retries: count(0, 20, 5),
  timeout: z.coerce.number().positive().max(600).default(30),
  limit: z.coerce.number().int().positive().optional(),
  resume: optionalText,
  quiet: bool,
  domain: z.enum(['feishu', 'lark']).default('feishu'),
  baseUrl: optionalText,
  appId: optionalText,
  appSecret: optionalText,
  tenantToken: optionalText,
  // yargs turns --no-backup into backup: false.
  backup: z.boolean().default(true),
};

type CredentialFields = { appId?: string; appSecret?: string; tenantToken?: string; timeout: number };

const NO_CREDENTIALS =
  'expected credentials, got none: set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_TENANT_ACCESS_TOKEN), or pass --dry-run to check the file without sending';

/** App id and secret win over a ready token; the raw fields are dropped from the options. */
function withCredentials<T extends CredentialFields>(o: T) {
  const credentials =
    o.appId && o.appSecret
      ? ({ kind: 'app', appId: o.appId, appSecret: o.appSecret } as const)
      : o.tenantToken
        ? ({ kind: 'token', token: o.tenantToken } as const)
        : undefined;
  const { appId: _a, appSecret: _s, tenantToken: _t, ...rest } = o;
  return { ...rest, credentials, timeoutMs: o.timeout * 1000 };
}

/** `import`: the input options plus pacing and credentials. */
export const importSchema = z
  .object({ ...inputShape, ...sendShape, payloads: optionalText, dryRun: bool, merge: bool })
  .transform((o, ctx) => {
    const out = withReport(withCredentials(o));
    // A plain dry run is `validate`: it needs no credentials.
    if (!out.credentials && !(o.dryRun && !o.merge)) {
      const message = o.dryRun
        ? 'expected credentials, got none: --merge --dry-run reads the current records from Feishu; set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_TENANT_ACCESS_TOKEN)'
        : NO_CREDENTIALS;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return out;
  });

/** `undo BACKUP`: put every pre-image in a backup file back. */
export const undoSchema = z
  .object({ file: z.string().min(1, 'expected a backup file'), report: reportPath, ...sendShape })
  .transform((o, ctx) => {
    const out = withCredentials(o);
    if (!out.credentials) {
      ctx.addIssue({ code: 'custom', message: NO_CREDENTIALS });
      return z.NEVER;
    }
    return { ...out, report: o.report ?? `${o.file.replace(/\.jsonl$/i, '')}.undo.report.csv`, dryRun: false, merge: false, payloads: undefined };
  });

export type UndoArgs = z.output<typeof undoSchema>;

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
  port: count(0, 65535, 0),
  rateLimit: z.coerce.number().min(0).default(10),
  failRate: z.coerce.number().min(0).max(1).default(0),
  dropRate: z.coerce.number().min(0).max(1).default(0),
  latency: z.coerce.number().min(0).default(0),
  tokenTtl: z.coerce.number().positive().default(7200),
  appId: optionalText,
  appSecret: optionalText,
  seed: optionalText,
  createOnPut: bool,
});

export type SimulateArgs = z.output<typeof simulateSchema>;
