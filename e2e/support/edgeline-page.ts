import { expect, type Page } from '@playwright/test';

/** Page model: the screens and the actions a user takes on them, by data-testid. */
export class EdgelinePage {
  constructor(readonly page: Page) {}

  async goTo(screen: 'data' | 'runs' | 'run' | 'slips' | 'help'): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
  }

  /** Creates a run with the form's defaults except the fields given (fast model for e2e). */
  async createRun(name: string, options: { modelKind?: string; strategy?: string; retrainEveryWeeks?: number } = {}): Promise<void> {
    await this.goTo('runs');
    const form = this.page.getByTestId('run-form');
    await expect(form.getByTestId('settings-name')).not.toHaveValue('');
    await form.getByTestId('settings-name').fill(name);
    if (options.modelKind !== undefined) await form.getByTestId('settings-modelKind').selectOption(options.modelKind);
    if (options.strategy !== undefined) await form.getByTestId('settings-strategy').selectOption(options.strategy);
    if (options.retrainEveryWeeks !== undefined) await form.getByTestId('settings-retrainEveryWeeks').fill(String(options.retrainEveryWeeks));
    await form.getByTestId('run-create').click();
    await expect(this.page.getByTestId('run-title')).toHaveText(name);
  }

  /** The weeks-played counter, as a number. */
  async weeksPlayed(): Promise<number> {
    return Number.parseInt((await this.page.getByTestId('weeks-played').textContent()) ?? '', 10);
  }

  /**
   * Waits until the run reads finished and returns every counter value the screen showed while
   * it was still running, after week `after` and before the last of `weekCount`.
   */
  async weeksShownUntilFinished(after: number, weekCount: number, timeout: number): Promise<Set<number>> {
    const shown = new Set<number>();
    await expect
      .poll(
        async () => {
          const running = (await this.page.getByTestId('cancel-button').count()) > 0;
          const n = await this.weeksPlayed();
          if (running && n > after && n < weekCount) shown.add(n);
          return (await this.page.getByTestId('run-status').textContent()) === 'finished';
        },
        { timeout, intervals: [100] },
      )
      .toBe(true);
    return shown;
  }

  /** Steps one week and waits until its results are revealed. */
  async stepWeek(expectedWeek: number): Promise<void> {
    await this.page.getByTestId('step-button').click();
    await expect(this.page.getByTestId('week-number')).toHaveText(String(expectedWeek), { timeout: 120_000 });
    await expect(this.page.getByTestId('week-phase')).toHaveText('Results');
    await expect(this.page.getByTestId('weeks-played')).toContainText(`${expectedWeek} /`);
  }
}

/** The UI's money format, re-implemented independently so a formatting bug cannot hide in both sides. */
export function pounds(cents: number): string {
  const sign = cents < 0 ? '\u2212' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}
