// The built-in presets: both seed regions.
import { kronoberg2026 } from './kronoberg-2026';
import type { Preset } from './preset';
import { vasternorrlandVt2026 } from './vasternorrland-vt-2026';

export type { Preset } from './preset';
export { kronoberg2026, kronobergTemplate } from './kronoberg-2026';
export { vasternorrlandVt2026, vasternorrlandTemplate } from './vasternorrland-vt-2026';

export const PRESETS: readonly Preset[] = [kronoberg2026, vasternorrlandVt2026];
