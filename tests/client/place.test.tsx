// @vitest-environment happy-dom
// The one region and cohort choice: an address without them is completed in place (replaced, so
// Back does not return to the incomplete one); a cohort that does not exist gives way to one that
// does; a page without a cohort keeps the one last worked on for the links back; and a choice made
// while the lists are still loading is the one that stays.
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CohortResource } from '../../shared/api/cohorts';
import type { Region } from '../../shared/api/regions';
import { CohortSelect, useCohortChoice } from '../../client/src/components/CohortSelect';
import { navigate } from '../../client/src/router/history';
import { PlaceProvider, usePlace, type PlaceCalls } from '../../client/src/router/PlaceContext';

afterEach(cleanup);

const regions = [{ uuid: 'r1', version: 1, name: 'Region Västernorrland' }] as Region[];
const cohorts = [
  { uuid: 'c1', name: 'Västernorrland HT 2026' },
  { uuid: 'c2', name: 'Västernorrland VT 2026' },
] as CohortResource[];

/** Answers held back until the test lets them through. */
function heldCalls() {
  let releaseCohorts = () => {};
  const cohortsLoaded = new Promise<void>((resolve) => (releaseCohorts = resolve));
  const calls: PlaceCalls = {
    regions: vi.fn(async () => regions),
    cohorts: vi.fn(async () => (await cohortsLoaded, cohorts)),
  };
  return { calls, releaseCohorts: () => act(async () => releaseCohorts()) };
}

function Probe() {
  const { place, cohort, href } = usePlace();
  const choice = useCohortChoice();
  return (
    <>
      <output data-page={place.page} data-cohort={cohort ?? ''} data-board={href({ page: 'board' })} />
      <CohortSelect {...choice} onChange={choice.setCohort} />
    </>
  );
}
const shown = (container: HTMLElement) => container.querySelector('output')!;

describe('PlaceProvider', () => {
  it('completes an empty address with the first region and cohort, in place', async () => {
    navigate('/', { replace: true });
    const before = history.length;
    const { calls, releaseCohorts } = heldCalls();
    const { container } = render(
      <PlaceProvider calls={calls}>
        <Probe />
      </PlaceProvider>,
    );
    await vi.waitFor(() => expect(location.pathname).toBe('/planering/r1'));
    await releaseCohorts();
    await vi.waitFor(() => expect(location.pathname).toBe('/planering/r1/c1'));
    expect(history.length).toBe(before);
    expect(shown(container).dataset.cohort).toBe('c1');
  });

  it('replaces a cohort that does not exist, and keeps the one worked on for a page without cohorts', async () => {
    navigate('/lakare/r1/gone', { replace: true });
    const { calls, releaseCohorts } = heldCalls();
    const { container } = render(
      <PlaceProvider calls={calls}>
        <Probe />
      </PlaceProvider>,
    );
    await releaseCohorts();
    await vi.waitFor(() => expect(location.pathname).toBe('/lakare/r1/c1'));
    act(() => void fireEvent.change(container.querySelector('select')!, { target: { value: 'c2' } }));
    expect(location.pathname).toBe('/lakare/r1/c2');
    act(() => navigate('/arbetsplatser/r1'));
    await vi.waitFor(() => expect(shown(container).dataset.page).toBe('sites'));
    expect(shown(container).dataset.cohort).toBe('c2');
    expect(shown(container).dataset.board).toBe('/planering/r1/c2');
  });

  it('keeps a cohort chosen between the lists arriving and the address being completed', async () => {
    // Real scheduling, not act(): the choice lands after React drew the options and before its
    // effects ran — the moment an effect of that render must not overrule the newer address.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    try {
      navigate('/planering/r1', { replace: true });
      let release = () => {};
      const calls: PlaceCalls = {
        regions: vi.fn(async () => regions),
        cohorts: vi.fn(() => new Promise<CohortResource[]>((resolve) => (release = () => resolve(cohorts)))),
      };
      const { container } = render(
        <PlaceProvider calls={calls}>
          <Probe />
        </PlaceProvider>,
      );
      await vi.waitFor(() => expect(calls.cohorts).toHaveBeenCalled());
      const chosen = new Promise<void>((resolve) => {
        const watch = new MutationObserver(() => {
          if (container.querySelectorAll('option').length < 2) return;
          watch.disconnect();
          navigate('/planering/r1/c2');
          resolve();
        });
        watch.observe(container, { childList: true, subtree: true });
      });
      release();
      await chosen;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(location.pathname).toBe('/planering/r1/c2');
      expect(shown(container).dataset.cohort).toBe('c2');
    } finally {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    }
  });
});
