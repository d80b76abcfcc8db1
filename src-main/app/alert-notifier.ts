import type { EdgelineJobStatus } from '../jobs/edgeline-task';

/**
 * Desktop notification of monitoring alerts. The decision (which finished job calls for one and
 * what it says) is pure and lives here; showing it is the host's: the Electron app passes a
 * notifier built on the main process's `Notification` (electron-alert-notifier.ts), the headless
 * server passes none and the page uses the browser's own Notification API instead. This module
 * imports nothing of Electron, so the headless server never loads it.
 */
export interface AlertNotification {
  readonly title: string;
  readonly body: string;
}

export interface AlertNotifier {
  notify(notification: AlertNotification): void;
}

/** Operating systems cut a notification's body at a few lines; the app's banner has the whole text. */
const MAX_BODY_CHARS = 240;

/** The notification a set of alerts calls for: none without alerts, else the first alert and how many more. */
export function alertNotificationOf(runName: string, alerts: readonly string[]): AlertNotification | null {
  if (alerts.length === 0) return null;
  const title = `Edgeline: ${alerts.length === 1 ? 'an alert' : `${alerts.length} alerts`} on ${runName}`;
  const first = alerts[0]!;
  const more = alerts.length > 1 ? ` (+${alerts.length - 1} more in the app)` : '';
  const room = MAX_BODY_CHARS - more.length;
  const body = `${first.length > room ? `${first.slice(0, room - 1).trimEnd()}…` : first}${more}`;
  return { title, body };
}

/**
 * The notification a finished job calls for: a Refresh that raised alerts (monitoring, revised
 * matches, void bets), or a replayed week whose monitoring raised one. Anything else, or a job
 * that did not succeed, calls for none (a failure is shown where the user started it).
 */
export function notificationOfJob(status: EdgelineJobStatus, runNameOf: (runId: string) => string): AlertNotification | null {
  if (status.state !== 'succeeded') return null;
  switch (status.kind) {
    case 'live-refresh':
      return status.result.notification;
    case 'step':
      return alertNotificationOf(runNameOf(status.result.runId), status.result.alerts.map((a) => `Week ${a.week}: ${a.message}`));
    case 'download':
    case 'import-files':
    case 'import-paths':
    case 'run-to-end':
      return null;
    default: {
      const unexpected: never = status;
      throw new Error(`Unknown job ${JSON.stringify(unexpected)}`);
    }
  }
}
