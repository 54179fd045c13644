// The 100,000-row benchmark workbook in the form each real writer produces, made from the same
// CSV with the writers installed on this machine (see test/fixtures/writers/make-fixtures.sh for
// how to install them); a writer that is missing is reported, not faked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const COLUMNS = 16;
// LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, every column Text (2)
// but the score (12), so the IDs stay digits: https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html
const LO_CSV = `44,34,76,1,${Array.from({ length: COLUMNS }, (_, i) => `${i + 1}/${i === 11 ? 1 : 2}`).join('/')}`;

function has(command, args) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function python(writer, csv, file) {
  const module = writer === 'openpyxl' ? 'openpyxl' : 'xlsxwriter';
  if (!has('python3', ['-c', `import ${module}`])) return `python3 with ${module} is not installed`;
  execFileSync('python3', [join(import.meta.dirname, 'write-with-python.py'), writer, csv, file], { stdio: 'ignore' });
}

function libreoffice(csv, file) {
  if (!has('soffice', ['--version'])) return 'LibreOffice (soffice) is not installed';
  const dir = mkdtempSync(join(tmpdir(), 'bench-lo-'));
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `--infilter=CSV:${LO_CSV}`,
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      dir,
      csv,
    ],
    { stdio: 'ignore' },
  );
  renameSync(join(dir, basename(csv).replace(/\.csv$/, '.xlsx')), file);
  rmSync(dir, { recursive: true, force: true });
}

function gnumeric(from, file) {
  if (!has('ssconvert', ['--version'])) return 'Gnumeric (ssconvert) is not installed';
  if (!from) return "it converts LibreOffice's workbook, which is missing";
  execFileSync('ssconvert', [from, file], { stdio: 'ignore' });
}

/** `{ writer, file }` for each form made (cached in outDir), `{ writer, missing }` for the others. */
export function writerForms(csv, outDir, rows) {
  const forms = [];
  const make = (writer, build) => {
    const file = join(outDir, `rows-${rows}.${writer}.xlsx`);
    const missing = existsSync(file) ? undefined : build(file);
    forms.push(missing ? { writer, missing } : { writer, file });
    return missing ? undefined : file;
  };
  for (const w of ['openpyxl', 'xlsxwriter', 'xlsxwriter-constant-memory']) make(w, (f) => python(w, csv, f));
  const lo = make('libreoffice', (f) => libreoffice(csv, f));
  make('gnumeric', (f) => gnumeric(lo, f));
  return forms;
}
