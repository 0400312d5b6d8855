/** Certificate numbers: `<prefix>-SV-<year>-<6-digit serial>`, sequential per year, never reused. */
export const SERIAL_DIGITS = 6;
export const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;

export function formatCertificateNumber(prefix: string, year: number, serial: number): string {
  if (!/^[A-Z]{2,8}$/.test(prefix)) throw new Error(`certificate prefix must be 2–8 capital letters: ${prefix}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) throw new Error(`serial out of range: ${serial}`);
  return `${prefix}-SV-${year}-${String(serial).padStart(SERIAL_DIGITS, '0')}`;
}

export function parseCertificateNumber(number: string): { prefix: string; year: number; serial: number } | null {
  const m = /^([A-Z]{2,8})-SV-(\d{4})-(\d{6})$/.exec(number);
  return m ? { prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : null;
}
