// Sign in: email and password, a clear message when they do not match.
import { useState, type FormEvent } from 'react';
import type { User } from '../../../shared/api/auth';
import { api, ApiError } from '../api/client';
import { useLang } from '../i18n/lang';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useLang();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSignedIn(await api.login(email, password));
    } catch (err) {
      setError(err instanceof ApiError && err.problem.status === 401 ? t('wrongLogin') : (err as Error).message);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('signIn')} style={{ maxWidth: '22rem', display: 'grid', gap: '0.5rem' }}>
      <label>
        {t('email')}
        <input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} style={{ width: '100%' }} />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} style={{ width: '100%' }} />
      </label>
      {error && (
        <p role="alert" style={{ color: '#b00' }}>
          {error}
        </p>
      )}
      <button type="submit">{t('signIn')}</button>
    </form>
  );
}
