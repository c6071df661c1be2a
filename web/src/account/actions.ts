/** Networks as the admin types them: one per line, or separated by commas or spaces. */
export function parseCidrList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
