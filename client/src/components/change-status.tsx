// A setup page's changes: each says how it went (a refusal in the user's words) and the page
// reloads whatever happened, so a row someone else changed meanwhile shows as it now is.
import { useState } from 'react';
import { failureMessage } from '../api/client';
import { useLang } from '../i18n/lang';

export function useChanges(reload: () => void) {
  const { t, lang } = useLang();
  const [message, setMessage] = useState<string>();
  /** Runs `work`; says `done` and returns true when it went through; `words` words a refusal differently. */
  const change = async (work: () => Promise<unknown>, done: string, words: Parameters<typeof failureMessage>[2] = {}): Promise<boolean> => {
    let ok = false;
    try {
      await work();
      setMessage(done);
      ok = true;
    } catch (err) {
      setMessage(failureMessage(err, t, words, lang));
    }
    reload();
    return ok;
  };
  // A refusal may list several lines (the site-weeks, the doctors' references).
  const status = message && (
    <p role="status" style={{ whiteSpace: 'pre-line' }}>
      {message}
    </p>
  );
  return { change, status, setMessage };
}
