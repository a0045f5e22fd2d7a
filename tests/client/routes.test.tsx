// @vitest-environment happy-dom
// The coordinator's addresses: every page, region, cohort and plan version has one path, read
// back to the same place; old tab addresses (#occupancy) still open their page; a link is
// followed without a page load and Back returns.
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate, useAddress } from '../../client/src/router/history';
import { Link } from '../../client/src/router/Link';
import { parsePlace, placePath, type Place } from '../../client/src/router/routes';

afterEach(cleanup);

const R = '8f0d8e2c-1f9a-4b7e-9a51-3c1d2e4f5a6b';
const C = '0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';
const P = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

describe('paths of places', () => {
  it.each<[string, Place]>([
    [`/planering/${R}/${C}/plan/${P}`, { page: 'board', region: R, cohort: C, plan: P }],
    [`/planering/${R}/${C}`, { page: 'board', region: R, cohort: C }],
    [`/planering/${R}`, { page: 'board', region: R }],
    [`/lakare/${R}/${C}`, { page: 'doctors', region: R, cohort: C }],
    [`/belaggning/${R}`, { page: 'occupancy', region: R }],
    [`/kohorter/${R}`, { page: 'cohorts', region: R }],
    [`/arbetsplatser/${R}`, { page: 'sites', region: R }],
    [`/mallar/${R}`, { page: 'templates', region: R }],
  ])('%s', (path, place) => {
    expect(placePath(place)).toBe(path);
    expect(parsePlace(path)).toEqual(place);
  });

  it('leaves out what a page does not show: a cohort off the cohort pages, a plan off the board', () => {
    expect(placePath({ page: 'sites', region: R, cohort: C, plan: P })).toBe(`/arbetsplatser/${R}`);
    expect(placePath({ page: 'doctors', region: R, cohort: C, plan: P })).toBe(`/lakare/${R}/${C}`);
    expect(parsePlace(`/arbetsplatser/${R}/${C}`)).toEqual({ page: 'sites', region: R });
    expect(parsePlace(`/lakare/${R}/${C}/plan/${P}`)).toEqual({ page: 'doctors', region: R, cohort: C });
  });

  it('reads an unknown or empty path as the board, and an old tab address as its page', () => {
    expect(parsePlace('/')).toEqual({ page: 'board' });
    expect(parsePlace('/nowhere/x')).toEqual({ page: 'board' });
    expect(parsePlace('/', '#occupancy')).toEqual({ page: 'occupancy' });
    expect(parsePlace('/', '#templates')).toEqual({ page: 'templates' });
    expect(parsePlace('/', '#nonsense')).toEqual({ page: 'board' });
    expect(parsePlace(`/planering/${R}/${C}/plan`)).toEqual({ page: 'board', region: R, cohort: C });
  });

  it('encodes and decodes path segments', () => {
    expect(placePath({ page: 'sites', region: 'a b/c' })).toBe('/arbetsplatser/a%20b%2Fc');
    expect(parsePlace('/arbetsplatser/a%20b%2Fc')).toEqual({ page: 'sites', region: 'a b/c' });
  });
});

function Where() {
  const { path } = useAddress();
  return (
    <>
      <output>{path}</output>
      <Link to={`/belaggning/${R}`}>Beläggning</Link>
    </>
  );
}

describe('following links', () => {
  it('pushes the address on a plain click, re-renders, and Back (popstate) returns', async () => {
    navigate(`/planering/${R}/${C}`, { replace: true });
    const { container } = render(<Where />);
    const before = history.length;
    expect(container.querySelector('output')!.textContent).toBe(`/planering/${R}/${C}`);
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`/belaggning/${R}`);
    act(() => void fireEvent.click(link));
    expect(location.pathname).toBe(`/belaggning/${R}`);
    expect(history.length).toBe(before + 1);
    expect(container.querySelector('output')!.textContent).toBe(`/belaggning/${R}`);
    await act(async () => {
      const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      history.back();
      await popped;
    });
    expect(container.querySelector('output')!.textContent).toBe(`/planering/${R}/${C}`);
  });

  it('leaves a click with a modifier key to the browser (a new tab)', () => {
    navigate(`/planering/${R}/${C}`, { replace: true });
    const { container } = render(<Where />);
    const before = history.length;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    container.querySelector('a')!.dispatchEvent(click);
    // Not taken over: the browser's own handling (a new tab) goes ahead, no entry of ours.
    expect(click.defaultPrevented).toBe(false);
    expect(history.length).toBe(before);
  });

  it('replaces instead of pushing when asked (completing an address), and does nothing for the same address', () => {
    navigate(`/planering/${R}`, { replace: true });
    const before = history.length;
    navigate(`/planering/${R}/${C}`, { replace: true });
    navigate(`/planering/${R}/${C}`);
    expect(history.length).toBe(before);
    expect(location.pathname).toBe(`/planering/${R}/${C}`);
  });
});
