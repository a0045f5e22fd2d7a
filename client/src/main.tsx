// The web client: sign in, then the home of one's role — the coordinator's board and setup, the
// clinic's incoming doctors, the doctor's year. Swedish by default, English one click away.
// The clinic and doctor pages load on demand: they bring FullCalendar, the board does not need it.
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { User } from '../../shared/api/auth';
import { background } from './api/background';
import { api } from './api/client';
import './app.css';
import { LangProvider, useLang } from './i18n/lang';
import type { TextKey } from './i18n/texts';
import { BoardPage } from './pages/BoardPage';
import { CohortsPage } from './pages/CohortsPage';
import { DoctorsPage } from './pages/DoctorsPage';
import { LoginPage } from './pages/LoginPage';
import { SitesPage } from './pages/SitesPage';
import { TemplatesPage } from './pages/TemplatesPage';

const ClinicPage = lazy(() => import('./pages/ClinicPage').then((m) => ({ default: m.ClinicPage })));
const DoctorPage = lazy(() => import('./pages/DoctorPage').then((m) => ({ default: m.DoctorPage })));

const TABS = { board: BoardPage, cohorts: CohortsPage, doctors: DoctorsPage, sites: SitesPage, templates: TemplatesPage } satisfies Partial<Record<TextKey, unknown>>;
type Tab = keyof typeof TABS;

function App() {
  const { t, lang, setLang } = useLang();
  const [user, setUser] = useState<User | null>();
  const [tab, setTab] = useState<Tab>('board');
  useEffect(() => {
    api.me().then(setUser, () => setUser(null));
  }, []);
  if (user === undefined) return <p>{t('loading')}</p>;
  const Page = TABS[tab];
  return (
    <>
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <button type="button" onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')} lang={lang === 'sv' ? 'en' : 'sv'}>
          {t('language')}
        </button>
        {user && (
          <button type="button" onClick={() => background(api.logout().then(() => setUser(null)))}>
            {t('signOut')} ({user.email})
          </button>
        )}
      </header>
      <main>
        {!user && <LoginPage onSignedIn={setUser} />}
        {user && (user.role === 'coordinator' || user.role === 'admin') && (
          <>
            <nav aria-label={t('menu')} className="tabs">
              {(Object.keys(TABS) as Tab[]).map((key) => (
                <button key={key} type="button" aria-pressed={tab === key} onClick={() => setTab(key)}>
                  {t(key)}
                </button>
              ))}
            </nav>
            <Page />
          </>
        )}
        <Suspense fallback={<p>{t('loading')}</p>}>
          {user?.role === 'clinic' && <ClinicPage siteIds={user.sites} />}
          {user?.role === 'doctor' && user.doctor && <DoctorPage doctorId={user.doctor} />}
        </Suspense>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App />
    </LangProvider>
  </StrictMode>,
);
