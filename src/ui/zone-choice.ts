/**
 * Which time zone the page starts with. A time written without a zone is read in the chosen one,
 * so a wrong default lands every such time hours off without a word: the choice is shown, and
 * remembered per folder (the page's folder holds one team's files). Before any choice: Feishu's
 * tenants (open.feishu.cn, and the simulator, which stands in for it) are in China, where
 * interviews are written in Beijing time, so Asia/Shanghai; a Lark tenant (open.larksuite.com)
 * may be anywhere, so the browser's own zone.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMAINS } from '../feishu/endpoints.js';
import { writePrivate } from '../report/private-file.js';
import { PAGE_CHOICES_FILE } from '../run-paths.js';
import { assertZone } from '../time-zones.js';

export type Tenant = 'feishu' | 'lark';

/** Where the page sends, by its base URL (or domain): Lark's domain, or Feishu's. */
export function tenantOf(send: { readonly domain?: 'feishu' | 'lark'; readonly baseUrl?: string }): Tenant {
  const origin = send.baseUrl ?? DOMAINS[send.domain ?? 'feishu'];
  try {
    const host = new URL(origin).hostname.toLowerCase();
    return host === 'larksuite.com' || host.endsWith('.larksuite.com') ? 'lark' : 'feishu';
  } catch {
    return 'feishu';
  }
}

/** China's zone: Feishu's tenants write their interviews' times in it. */
export const FEISHU_ZONE = 'Asia/Shanghai';

export interface ZoneChoice {
  readonly tenant: Tenant;
  /** The zone chosen last in this folder, if any. */
  readonly saved?: string;
  /** The zone the page starts with; absent: the browser's own (a Lark tenant, nothing saved). */
  readonly first?: string;
}

function validZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    assertZone(tz);
    return true;
  } catch {
    return false;
  }
}

export async function zoneChoice(folder: string, tenant: Tenant): Promise<ZoneChoice> {
  let saved: string | undefined;
  try {
    const tz = (JSON.parse(await readFile(join(folder, PAGE_CHOICES_FILE), 'utf8')) as { tz?: unknown }).tz;
    if (validZone(tz)) saved = tz;
  } catch {
    // Nothing chosen here yet, or a file someone broke: the tenant's default stands.
  }
  const first = saved ?? (tenant === 'feishu' ? FEISHU_ZONE : undefined);
  return { tenant, ...(saved ? { saved } : {}), ...(first ? { first } : {}) };
}

/**
 * Remembers the zone a run was started with, when it is a real zone. A folder that cannot be
 * written to only loses the memory: the run itself says whether it can write there.
 */
export async function rememberZone(folder: string, tz: string | undefined): Promise<void> {
  if (!validZone(tz)) return;
  await mkdir(folder, { recursive: true }).catch(() => undefined);
  await writePrivate(join(folder, PAGE_CHOICES_FILE), `${JSON.stringify({ tz })}\n`).catch(() => undefined);
}
