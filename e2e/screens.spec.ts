import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EdgelinePage } from './support/edgeline-page';
import { expect, seedSeasons, test } from './support/fixtures';

interface ScreenAudit {
  readonly screen: string;
  readonly serious: number;
  readonly critical: number;
  readonly rules: readonly string[];
}

/** axe-core on what is on screen now; returns the serious and critical violations by rule. */
async function audit(page: Page, screen: string): Promise<ScreenAudit> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const count = (impact: string): number => bad.filter((v) => v.impact === impact).reduce((sum, v) => sum + v.nodes.length, 0);
  return { screen, serious: count('serious'), critical: count('critical'), rules: bad.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ') ?? ''}`) };
}

/**
 * Every screen of a finished run at 1280x720 (the dashboard also at 1440x900), each checked with
 * axe-core. SCREENS_DIR (outside the repository) keeps viewport screenshots for before/after
 * comparisons; the test artefacts keep the full-page ones.
 */
test('every screen passes axe-core with no serious or critical violation', async ({ edgeline }) => {
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  const shotsDir = process.env.SCREENS_DIR;
  if (shotsDir !== undefined) mkdirSync(shotsDir, { recursive: true });
  const shoot = async (name: string): Promise<void> => {
    if (shotsDir !== undefined) await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
    await edgeline.screenshot(name);
  };
  const audits: ScreenAudit[] = [];
  const visit = async (name: string): Promise<void> => {
    await shoot(name);
    audits.push(await audit(page, name));
  };

  await page.setViewportSize({ width: 1280, height: 720 });
  await app.goTo('data');
  await expect(page.getByTestId('data-empty-state')).toBeVisible();
  await visit('data-empty');

  await seedSeasons(edgeline, ['2122', '2223', '2324']);
  await page.reload();
  await app.goTo('data');
  await expect(page.getByTestId('data-total-matches')).toHaveText('1140');
  await visit('data');

  await app.createRun('Screens', { modelKind: 'dixon-coles' });
  await visit('playback-new');
  await page.getByTestId('run-to-end-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 200_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await visit('dashboard-1280x720');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot('dashboard-1440x900');
  await page.setViewportSize({ width: 1280, height: 720 });

  await app.goTo('slips');
  await expect(page.getByTestId('slips-table')).toBeVisible();
  await visit('slips');

  await app.goTo('runs');
  await expect(page.getByTestId('runs-table')).toBeVisible();
  await visit('runs');

  if ((await page.getByTestId('nav-help').count()) > 0) {
    await page.getByTestId('nav-help').click();
    await visit('help');
  }

  if (shotsDir !== undefined) writeFileSync(path.join(shotsDir, 'axe.json'), JSON.stringify(audits, null, 2));
  console.log(JSON.stringify(audits, null, 2));
  expect(audits.filter((a) => a.serious + a.critical > 0)).toEqual([]);
});
