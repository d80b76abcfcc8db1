const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer cents (pence) to "£1,234.56"; negatives use a true minus sign so columns line up: "−£12.30". */
export function formatMoney(cents: number, options: { readonly signed?: boolean } = {}): string {
  if (!Number.isInteger(cents)) throw new Error(`formatMoney expects integer cents, got ${cents}`);
  const text = pounds.format(Math.abs(cents) / 100);
  if (cents < 0) return `\u2212${text}`;
  return options.signed === true && cents > 0 ? `+${text}` : text;
}
