// The web client: sign in, then the home of one's role — the coordinator's board, the region's
// load and setup, the clinic's incoming doctors, the doctor's year. Swedish by default, English
// one click away. The clinic and doctor pages load on demand: they bring FullCalendar, the board
// does not need it. The coordinator's tab is in the address (#occupancy), so a reload keeps it.
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { User } from '../../shared/api/auth';
import { background } from './api/background';
import { api } from './api/client';
import './app.css';
import { LangProvider, useLang } from './i18n/lang';
import type { TextKey } from './i18n/texts';
import { BoardPage, type BoardChoice } from './pages/BoardPage';
import { CohortsPage } from './pages/CohortsPage';
import { DoctorsPage } from './pages/DoctorsPage';
import { LoginPage } from './pages/LoginPage';
import { OccupancyPage } from './pages/OccupancyPage';
import { SitesPage } from './pages/SitesPage';
import { TemplatesPage } from './pages/TemplatesPage';

const ClinicPage = lazy(() => import('./pages/ClinicPage').then((m) => ({ default: m.ClinicPage })));
const DoctorPage = lazy(() => import('./pages/DoctorPage').then((m) => ({ default: m.DoctorPage })));

const TABS = {
  board: BoardPage,
  occupancy: OccupancyPage,
  cohorts: CohortsPage,
  doctors: DoctorsPage,
  sites: SitesPage,
  templates: TemplatesPage,
} satisfies Partial<Record<TextKey, unknown>>;
type Tab = keyof typeof TABS;

const tabInAddress = (): Tab => {
  const hash = globalThis.location?.hash.slice(1) ?? '';
  return Object.hasOwn(TABS, hash) ? (hash as Tab) : 'board';
};

function App() {
  const { t, lang, setLang } = useLang();
  const [user, setUser] = useState<User | null>();
  const [tab, setTabState] = useState<Tab>(tabInAddress);
  /** The board opened from another page on a region and cohort. */
  const [boardChoice, setBoardChoice] = useState<BoardChoice>();
  const setTab = (next: Tab) => {
    history.replaceState(null, '', next === 'board' ? location.pathname + location.search : `#${next}`);
    setTabState(next);
  };
  const openBoard = (choice: BoardChoice) => {
    setBoardChoice(choice);
    setTab('board');
  };
  useEffect(() => {
    api.me().then(setUser, () => setUser(null));
    // A link to another tab (#occupancy) opens it without a reload.
    const follow = () => setTabState(tabInAddress());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  if (user === undefined) return <p>{t('loading')}</p>;
  // The board and the region's load take props (the jump from one to the other); setup pages none.
  const Setup = tab === 'board' || tab === 'occupancy' ? undefined : TABS[tab];
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
            {tab === 'board' && <BoardPage initial={boardChoice} />}
            {tab === 'occupancy' && <OccupancyPage onOpenBoard={openBoard} />}
            {Setup && <Setup />}
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
