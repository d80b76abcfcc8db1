import { describe, expect, it } from 'vitest';
import type { EdgelineJobStatus } from '../jobs/edgeline-task';
import type { WeekView } from '../season/season-views';
import { alertNotificationOf, notificationOfJob } from './alert-notifier';

const progress = { fraction: 1, message: 'Done' };

describe('alertNotificationOf', () => {
  it('calls for no notification without alerts', () => {
    expect(alertNotificationOf('Live E0 2425', [])).toBeNull();
  });

  it('names the run and shows the one alert whole', () => {
    expect(alertNotificationOf('Live E0 2425', ['Week 6: model Brier 0.61 is behind the market 0.58 over the last 50 matches'])).toEqual({
      title: 'Edgeline: an alert on Live E0 2425',
      body: 'Week 6: model Brier 0.61 is behind the market 0.58 over the last 50 matches',
    });
  });

  it('counts several alerts and points to the app for the rest', () => {
    expect(alertNotificationOf('Live E0 2425', ['Week 6: drawdown 21%', 'Arsenal v Spurs was not played on its date'])).toEqual({
      title: 'Edgeline: 2 alerts on Live E0 2425',
      body: 'Week 6: drawdown 21% (+1 more in the app)',
    });
  });

  it('cuts a long alert to 240 characters with an ellipsis, keeping the count', () => {
    const long = `Week 9: ${'x'.repeat(400)}`;
    const { body } = alertNotificationOf('r', [long, 'second'])!;
    expect(body.length).toBe(240);
    expect(body.endsWith('… (+1 more in the app)')).toBe(true);
  });
});

describe('notificationOfJob', () => {
  const week = { runId: 'run-1', alerts: [{ week: 4, kind: 'drawdown', message: 'drawdown 22% from the peak' }] } as unknown as WeekView;
  const names = (id: string): string => (id === 'run-1' ? 'Replay 2023-24' : id);

  it("passes a Refresh's own notification through", () => {
    const notification = { title: 'Edgeline: an alert on Live E0 2425', body: 'Week 6: drawdown 21%' };
    const status = { jobId: 'j', kind: 'live-refresh', state: 'succeeded', progress, result: { notification } } as unknown as EdgelineJobStatus;
    expect(notificationOfJob(status, names)).toBe(notification);
  });

  it('notifies a replayed week that raised a monitoring alert, by the run name', () => {
    const status = { jobId: 'j', kind: 'step', state: 'succeeded', progress, result: week } as EdgelineJobStatus;
    expect(notificationOfJob(status, names)).toEqual({ title: 'Edgeline: an alert on Replay 2023-24', body: 'Week 4: drawdown 22% from the peak' });
    expect(notificationOfJob({ ...status, result: { ...week, alerts: [] } } as EdgelineJobStatus, names)).toBeNull();
  });

  it('stays silent for a failed or cancelled job, and for imports and downloads', () => {
    expect(notificationOfJob({ jobId: 'j', kind: 'step', state: 'failed', progress, error: { code: 'failed', message: 'x' } }, names)).toBeNull();
    expect(notificationOfJob({ jobId: 'j', kind: 'live-refresh', state: 'cancelled', progress }, names)).toBeNull();
    expect(notificationOfJob({ jobId: 'j', kind: 'download', state: 'succeeded', progress, result: {} } as unknown as EdgelineJobStatus, names)).toBeNull();
  });
});
