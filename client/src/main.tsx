// The web client: sign in, then the home of one's role — the coordinator's board, the clinic's
// incoming doctors, the doctor's year. Swedish by default, English one click away.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { User } from '../../shared/api/auth';
import { background } from './api/background';
import { api } from './api/client';
import { LangProvider, useLang } from './i18n/lang';
import { BoardPage } from './pages/BoardPage';
import { ClinicPage } from './pages/ClinicPage';
import { DoctorPage } from './pages/DoctorPage';
import { DoctorsPage } from './pages/DoctorsPage';
import { LoginPage } from './pages/LoginPage';
import { SitesPage } from './pages/SitesPage';
import { TemplatesPage } from './pages/TemplatesPage';

function App() {
  const { t, lang, setLang } = useLang();
  const [user, setUser] = useState<User | null>();
  const [tab, setTab] = useState<'board' | 'sites' | 'doctors' | 'templates'>('board');
  useEffect(() => {
    api.me().then(setUser, () => setUser(null));
  }, []);
  if (user === undefined) return <p>{t('loading')}</p>;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '1rem' }}>
      <header style={{ display: 'flex', gap: '1rem', alignItems: 'baseline' }}>
        <h1 style={{ margin: 0 }}>{t('appName')}</h1>
        <button type="button" onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}>
          {t('language')}
        </button>
        {user && (
          <button type="button" onClick={() => background(api.logout().then(() => setUser(null)))}>
            {t('signOut')} ({user.email})
          </button>
        )}
      </header>
      {!user && <LoginPage onSignedIn={setUser} />}
      {user && (user.role === 'coordinator' || user.role === 'admin') && (
        <>
          <nav aria-label="Meny" style={{ display: 'flex', gap: '0.5rem', margin: '0.5rem 0' }}>
            <button type="button" aria-pressed={tab === 'board'} onClick={() => setTab('board')}>
              {t('board')}
            </button>
            <button type="button" aria-pressed={tab === 'sites'} onClick={() => setTab('sites')}>
              {t('sites')}
            </button>
            <button type="button" aria-pressed={tab === 'doctors'} onClick={() => setTab('doctors')}>
              {t('doctors')}
            </button>
            <button type="button" aria-pressed={tab === 'templates'} onClick={() => setTab('templates')}>
              {t('templates')}
            </button>
          </nav>
          {tab === 'board' ? <BoardPage /> : tab === 'sites' ? <SitesPage /> : tab === 'doctors' ? <DoctorsPage /> : <TemplatesPage />}
        </>
      )}
      {user?.role === 'clinic' && <ClinicPage siteIds={user.sites} />}
      {user?.role === 'doctor' && user.doctor && <DoctorPage doctorId={user.doctor} />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);
