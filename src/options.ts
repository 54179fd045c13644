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

