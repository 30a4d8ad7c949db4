/**
 * One colour per node, by its place among the member IDs: mid-tone hues that keep 3:1 contrast against both the
 * light and the dark surface (WCAG 1.4.11 for graphics); the ring's legend names every node in text as well.
 */
const PALETTE = ['#2f7fd1', '#d0582a', '#2e9a5e', '#9b5fd0', '#c0417e', '#8a7d22', '#1f9aa3', '#7a7f86'];

export function nodeColors(ids: string[]): Map<string, string> {
  return new Map([...ids].sort().map((id, i) => [id, PALETTE[i % PALETTE.length]]));
}
