/** A question before a run that writes to Feishu: what will happen, 确定 or 取消. */
import { type Lang, t } from './strings.js';

export function Confirm(props: { text: string; lang: Lang; onYes(): void; onNo(): void }) {
  return (
    <div class="confirm" role="dialog" data-testid="confirm">
      <p>{props.text}</p>
      <button type="button" class="primary" onClick={props.onYes} data-testid="confirm-yes">
        {t(props.lang, 'confirm')}
      </button>
      <button type="button" onClick={props.onNo}>
        {t(props.lang, 'cancel')}
      </button>
    </div>
  );
}
