import { type EnumSpec, FIELD_BY_KEY, type FieldLevel, type FieldSpec } from '../schema.js';

/**
 * The request-body check Feishu applies to `PUT /open-apis/hire/v1/external_interviews/:id`
 * (docs/feishu-api.md, "Update"), strict enough to catch our own mistakes:
 * wrong types, values outside the enumerations, nulls and fields the API does not have.
 */
export interface FieldViolation {
  field: string;
  value?: string;
  description: string;
}

/** What a field's value must be: a string, an integer, a list of strings, or one of an enumeration's codes. */
type Rule = 'string' | 'int' | 'strings' | EnumSpec;

/** A field's rule, by its type in src/schema.ts: the simulator accepts the fields the tool sends. */
function ruleOf(f: FieldSpec): Rule {
  if (f.enum) return f.enum;
  if (f.type === 'number' || f.type === 'time') return 'int';
  return f.type === 'texts' ? 'strings' : 'string';
}

const rulesOf = (level: FieldLevel): Record<string, Rule> =>
  Object.fromEntries(Object.entries(FIELD_BY_KEY[level]).map(([key, f]) => [key, ruleOf(f)]));

const INTERVIEW: Readonly<Record<string, Rule | 'assessments'>> = {
  ...rulesOf('interview'),
  interview_assessments: 'assessments',
};
const ASSESSMENT: Readonly<Record<string, Rule | 'dimensions'>> = {
  ...rulesOf('assessment'),
  external_interview_id: 'string',
  assessment_dimension_list: 'dimensions',
};
const DIMENSION: Readonly<Record<string, Rule>> = rulesOf('dimension');

function checkValue(rule: Rule, value: unknown, field: string, out: FieldViolation[]): void {
  const shown = JSON.stringify(value)?.slice(0, 80);
  if (rule === 'string') {
    if (typeof value !== 'string') out.push({ field, value: shown, description: 'must be a string' });
  } else if (rule === 'strings') {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      out.push({ field, value: shown, description: 'must be an array of strings' });
  } else if (!Number.isSafeInteger(value)) {
    out.push({ field, value: shown, description: 'must be an integer' });
  } else if (typeof rule === 'object' && !(String(value) in rule.values)) {
    out.push({ field, value: shown, description: `must be one of ${Object.keys(rule.values).join(', ')}` });
  }
}

function checkObject<R extends Rule | string>(
  obj: unknown,
  rules: Readonly<Record<string, R>>,
  prefix: string,
  out: FieldViolation[],
  nested: (rule: R, value: unknown, field: string) => boolean,
): void {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    out.push({ field: prefix || 'body', description: 'must be an object' });
    return;
  }
  for (const [key, value] of Object.entries(obj)) {
    const field = prefix ? `${prefix}.${key}` : key;
    const rule = rules[key];
    if (rule === undefined) out.push({ field, description: 'is not a field of this API' });
    else if (value === null) out.push({ field, description: 'must not be null' });
    else if (!nested(rule, value, field)) checkValue(rule as Rule, value, field, out);
  }
}

export function validateInterviewBody(body: unknown): FieldViolation[] {
  const out: FieldViolation[] = [];
  checkObject(body, INTERVIEW, '', out, (rule, value, field) => {
    if (rule !== 'assessments') return false;
    if (!Array.isArray(value)) out.push({ field, description: 'must be an array' });
    else
      value.forEach((a, i) => {
        checkObject(a, ASSESSMENT, `${field}[${i}]`, out, (r, v, f) => {
          if (r !== 'dimensions') return false;
          if (!Array.isArray(v)) out.push({ field: f, description: 'must be an array' });
          else
            v.forEach((d, k) => {
              checkObject(d, DIMENSION, `${f}[${k}]`, out, () => false);
            });
          return true;
        });
      });
    return true;
  });
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b.external_application_id !== 'string' || b.external_application_id === '')
      out.push({ field: 'external_application_id', description: 'is required' });
  }
  return out;
}
