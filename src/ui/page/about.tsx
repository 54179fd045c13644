/** The line under a step's title that names the file and sheet it describes. */
import type { RunAction } from '../views.js';
import type { Flow } from './flow.js';
import { t } from './strings.js';

export function About({ flow, action }: { flow: Flow; action: RunAction }) {
  const view = flow.runs[action];
  if (!view) return null;
  const sheet = flow.about?.(action);
  return (
    <p class="file-name" data-testid="about">
      {sheet === undefined
        ? t(flow.lang, 'describes', { file: view.file })
        : t(flow.lang, 'describesSheet', { file: view.file, sheet })}
    </p>
  );
}
