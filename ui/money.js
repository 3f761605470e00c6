// Amounts as Tend shows them: whole cents from the backend, in her currency (a setting).

/** 2450, 'EUR' → '€24.50' (in the person's own number format); null → ''. */
export function formatMoney(cents, currency = 'USD') {
  if (cents === null || cents === undefined || Number.isNaN(Number(cents))) return '';
  const amount = Number(cents) / 100;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`; // a code Intl does not know
  }
}

/** 2450 → '24.50', what a price field shows for editing; null → ''. */
export function centsText(cents) {
  return cents === null || cents === undefined ? '' : (Number(cents) / 100).toFixed(2);
}
