import type { AlertNotification } from '../../../src-main/ipc/renderer-contract';

/**
 * Desktop notification of a Refresh's alerts in browser mode. The desktop app's main process
 * shows its own (the operating system's) notification, so the page must not show a second one;
 * in a browser the page uses the Web Notification API, and only once the user allowed it.
 */
export type WebNotificationChoice = 'show' | 'none';

export function webNotificationChoice(mode: 'desktop' | 'browser', permission: NotificationPermission | 'unsupported', notification: AlertNotification | null): WebNotificationChoice {
  if (notification === null || mode === 'desktop') return 'none';
  return permission === 'granted' ? 'show' : 'none';
}

/** Whether to offer the "Notify me in this browser" button: a browser that can, and has not been asked yet. */
export function offersWebNotifications(mode: 'desktop' | 'browser', permission: NotificationPermission | 'unsupported'): boolean {
  return mode === 'browser' && permission === 'default';
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function showWebNotification(notification: AlertNotification): void {
  new Notification(notification.title, { body: notification.body, tag: 'edgeline-alerts' });
}
