import { Notification } from 'electron';
import type { AlertNotifier } from './alert-notifier';

/** Alerts as the operating system's notifications, from the Electron main process; silent where the system has none. */
export function electronAlertNotifier(onClick: () => void): AlertNotifier {
  return {
    notify({ title, body }) {
      if (!Notification.isSupported()) return;
      const shown = new Notification({ title, body });
      shown.on('click', onClick);
      shown.show();
    },
  };
}
