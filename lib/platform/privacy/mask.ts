// Personal data is shown masked by default (PIPL): 138****8000, 3301**********1234.

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  if (id.length < 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}
