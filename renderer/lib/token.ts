/** "12345678901234567890" -> "1234 5678 9012 3456 7890". Non-digits are dropped first. */
export function groupToken(token: string): string {
  const digits = token.replace(/\D/g, '');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
