import { describe, expect, it } from 'vitest';
import { offersWebNotifications, webNotificationChoice } from './web-notification';

const alert = { title: 'Edgeline: an alert on Live E0 2425', body: 'Week 6: drawdown 21%' };

describe('webNotificationChoice', () => {
  it('shows a browser notification only in browser mode, with alerts, once the user allowed it', () => {
    expect(webNotificationChoice('browser', 'granted', alert)).toBe('show');
    expect(webNotificationChoice('browser', 'default', alert)).toBe('none');
    expect(webNotificationChoice('browser', 'denied', alert)).toBe('none');
    expect(webNotificationChoice('browser', 'unsupported', alert)).toBe('none');
    expect(webNotificationChoice('browser', 'granted', null)).toBe('none');
  });

  it('leaves the desktop app to the main process, so an alert is never notified twice', () => {
    expect(webNotificationChoice('desktop', 'granted', alert)).toBe('none');
  });
});

describe('offersWebNotifications', () => {
  it('asks only a browser that can notify and has not been asked', () => {
    expect(offersWebNotifications('browser', 'default')).toBe(true);
    expect(offersWebNotifications('browser', 'granted')).toBe(false);
    expect(offersWebNotifications('browser', 'denied')).toBe(false);
    expect(offersWebNotifications('browser', 'unsupported')).toBe(false);
    expect(offersWebNotifications('desktop', 'default')).toBe(false);
  });
});
