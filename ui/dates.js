// Days of the year as Tend stores them ('YYYY-MM-DD', or '--MM-DD' without the year),
// shown the way she would write them.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '1986-03-13' → '13 Mar 1986'; '--03-13' → '13 Mar'; anything else as it is. */
export function formatDayOfYear(text) {
  const match = /^(\d{4}|-)-(\d\d)-(\d\d)$/.exec(String(text ?? ''));
  if (!match) return String(text ?? '');
  const [, year, month, day] = match;
  const shown = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
  return year === '-' ? shown : `${shown} ${year}`;
}
