/**
 * Focus after an action: a button that disables itself while it works drops focus to the page
 * body; put it somewhere sensible instead, unless the user has already moved it.
 */
export function focusIfLost(target: HTMLElement | null | undefined): void {
  const active = document.activeElement;
  if (target === null || target === undefined) return;
  if (active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled)) target.focus();
}
