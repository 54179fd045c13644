import { it } from 'vitest';
import { savedProfile } from '../src/ui/mapping-routes.js';
import { resolveProfile } from '../src/input/profile.js';
import { readFileSync } from 'node:fs';
it('x', () => {
  const p = JSON.parse(readFileSync('/tmp/mapping-scratch/f/feishu-interview-import.profile.json', 'utf8'));
  try { resolveProfile(p, 'x'); console.log('ok'); } catch (e) { console.log('ERR', e); }
  console.log(savedProfile('/tmp/mapping-scratch/f'));
});
