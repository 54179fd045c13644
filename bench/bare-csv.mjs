// Baseline: one bare csv-parse pass over the file, records kept, nothing else.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const records = parse(readFileSync(process.argv[2]), { relax_column_count: true });
if (records.length === 0) process.exitCode = 1;
