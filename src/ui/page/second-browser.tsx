/**
 * 让另一个浏览器打开: asks the server for a new one-time link (src/ui/doors.ts, `invite`) and
 * shows it, so another browser on this computer can open the page without a restart.
 */
import { useState } from 'preact/hooks';
import { CallError, makeInvite } from './api.js';
import { type Lang, t } from './strings.js';

export function SecondBrowser({ lang }: { lang: Lang }) {
  const [link, setLink] = useState<{ url: string; expiresAt: number }>();
  const [refused, setRefused] = useState<string>();
  const ask = () => {
    setRefused(undefined);
    makeInvite().then(setLink, (e: unknown) => setRefused(e instanceof CallError ? e.answer.message[lang] : String(e)));
  };
  const minutes = link ? Math.max(1, Math.round((link.expiresAt - Date.now()) / 60_000)) : 0;
  return (
    <div class="second-browser">
      <button type="button" onClick={ask} data-testid="invite">
        {t(lang, 'invite')}
      </button>
      {link && (
        <p data-testid="invite-link">
          {t(lang, 'inviteText', { minutes })} <input type="text" readOnly value={link.url} size={60} />
        </p>
      )}
      {refused && (
        <p class="error">
          {t(lang, 'inviteFailed')}
          {refused}
        </p>
      )}
    </div>
  );
}
