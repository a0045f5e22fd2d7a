// The web client: sign in, then the home of one's role — the coordinator's board, the region's
// load and setup, the clinic's incoming doctors, the doctor's year, the supervisor's BT doctors. Swedish by default, English
// one click away. The clinic and doctor pages load on demand: they bring FullCalendar, the board
// does not need it. Where a coordinator is (page, region, cohort, plan version) is the address
// (router/routes.ts), so links, reload, Back and Forward keep it.
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { User } from '../../shared/api/auth';
import { background } from './api/background';
import { api } from './api/client';
import './app.css';
import { LangProvider, useLang } from './i18n/lang';
import type { TextKey } from './i18n/texts';
import { BoardPage } from './pages/BoardPage';
import { ChecklistPage } from './pages/ChecklistPage';
import { CohortsPage } from './pages/CohortsPage';
import { DoctorsPage } from './pages/DoctorsPage';
import { LoginPage } from './pages/LoginPage';
import { OccupancyPage } from './pages/OccupancyPage';
import { SitesPage } from './pages/SitesPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { navigate } from './router/history';
import { Link } from './router/Link';
import { PlaceProvider, usePlace } from './router/PlaceContext';
import { PAGE_NAMES } from './router/routes';

const ClinicPage = lazy(() => import('./pages/ClinicPage').then((m) => ({ default: m.ClinicPage })));
const DoctorPage = lazy(() => import('./pages/DoctorPage').then((m) => ({ default: m.DoctorPage })));
const SupervisorPage = lazy(() => import('./pages/SupervisorPage').then((m) => ({ default: m.SupervisorPage })));

/** The setup pages: they take the region and cohort from the address, nothing else. */
const SETUP = { doctors: DoctorsPage, sites: SitesPage } as const;

/** The coordinator's tabs, one address each, and the page the address names. */
function CoordinatorPages({ today, towns }: { today: string; towns: string[] | null }) {
  const { t, lang } = useLang();
  const { place, href } = usePlace();
  useEffect(() => void (document.title = `${t(place.page)} – ${t('appName')}`), [place.page, lang]);
  const Setup = place.page === 'doctors' || place.page === 'sites' ? SETUP[place.page] : undefined;
  return (
    <>
      <nav aria-label={t('menu')} className="tabs">
        {PAGE_NAMES.map((page) => (
          <Link key={page} to={href({ page })} aria-current={place.page === page ? 'page' : undefined}>
            {t(page satisfies TextKey)}
          </Link>
        ))}
      </nav>
      {towns && <p className="hint towns-only">{t('townsOnly').replace('{towns}', towns.join(', '))}</p>}
      {place.page === 'board' && <BoardPage today={today} townsOnly={towns !== null} />}
      {place.page === 'occupancy' && <OccupancyPage today={today} />}
      {place.page === 'checklist' && <ChecklistPage today={today} />}
      {/* Cohorts and templates are the whole region's: read-only to a coordinator limited to towns. */}
      {place.page === 'cohorts' && <CohortsPage readOnly={towns !== null} />}
      {place.page === 'templates' && <TemplatesPage readOnly={towns !== null} />}
      {Setup && <Setup />}
    </>
  );
}

function App() {
  const { t, lang, setLang } = useLang();
  const [user, setUser] = useState<User | null>();
  useEffect(() => {
    api.me().then(setUser, () => setUser(null));
  }, []);
  if (user === undefined) return <p>{t('loading')}</p>;
  // Signed out, the next one to sign in starts at their own home, not at this user's place.
  const signOut = () => background(api.logout().then(() => (setUser(null), navigate('/', { replace: true }))));
  return (
    <>
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <button type="button" onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')} lang={lang === 'sv' ? 'en' : 'sv'}>
          {t('language')}
        </button>
        {user && (
          <button type="button" onClick={signOut}>
            {t('signOut')} ({user.email})
          </button>
        )}
      </header>
      <main>
        {!user && <LoginPage onSignedIn={setUser} />}
        {user && (user.role === 'coordinator' || user.role === 'admin') && (
          <PlaceProvider>
            <CoordinatorPages today={user.today} towns={user.towns} />
          </PlaceProvider>
        )}
        <Suspense fallback={<p>{t('loading')}</p>}>
          {user?.role === 'clinic' && <ClinicPage siteIds={user.sites} today={user.today} />}
          {user?.role === 'doctor' && user.doctor && <DoctorPage doctorId={user.doctor} today={user.today} />}
          {user?.role === 'supervisor' && <SupervisorPage today={user.today} />}
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
