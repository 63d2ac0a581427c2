// Figures as Norwegian readers write them: nb-NO, NOK with thousands separators.
const integers = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });

/** A whole number of anything: 1 234. */
export const count = (value: number): string => integers.format(value);

/** An exact amount of money, given as the graph gives it (a string of whole kroner): 8 000 000 kr. */
export const money = (amount: { readonly amount: string; readonly currency: string }): string =>
  amount.currency === 'NOK' ? kroner.format(BigInt(amount.amount)) : `${integers.format(BigInt(amount.amount))} ${amount.currency}`;

/** A share: 42,5 %. */
export const share = (value: number | null): string => (value === null ? 'unknown' : percent.format(value));

/** For charts only (axes, bar lengths): exact figures are shown as text beside them. */
export const approximately = (amount: { readonly amount: string }): number => Number(amount.amount);

const days = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const months = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A date as precisely as it is known (the graph says DAY, MONTH or YEAR): "1. november 2017",
 * "november 2017", "2017". Dates come as ISO days (2017-11-01).
 */
export const date = (value: string, precision: string = 'DAY'): string => {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return value;
  if (precision === 'YEAR') return String(day.getUTCFullYear());
  return (precision === 'MONTH' ? months : days).format(day);
};

/** Any other enum value as words: MANUFACTURING_TECHNOLOGY -> "Manufacturing technology". */
export const words = (value: string): string => {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
