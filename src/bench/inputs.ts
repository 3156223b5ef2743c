/**
 * Pathological texts for the worst-case benchmarks (bench:worst codes them in this thread; bench:abuse
 * posts them to a server). Written here: no corpus text.
 */

/** Repeats `unit` to exactly `size` characters. */
export function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The pathological inputs, by name, each of about `size` characters. */
export function worstInputs(size: number): { name: string; text: string }[] {
  const half = Math.floor(size / 2);
  return [
    { name: 'one long line of words', text: fill('Canada said it would pull 2,500 troops out of Kandahar. ', size).replace(/\n/g, ' ') },
    { name: 'no spaces', text: fill('canadatroopskandaharnatoallies', size) },
    { name: 'all capitals', text: fill('CANADA WILL PULL ITS TROOPS OUT OF KANDAHAR UNLESS NATO SENDS MORE. ', size) },
    { name: 'one endless sentence', text: fill('Canada will pull troops out of Kandahar unless allies send more and ', size) },
    { name: 'thousands of quotes', text: fill('"Canada," he said, "will go" and "stay" ', size) },
    { name: 'deep brackets', text: '('.repeat(half) + 'Canada' + ')'.repeat(size - half - 6) },
    { name: 'deep HTML as text', text: '<div>'.repeat(Math.floor(half / 5)) + 'Canada &amp; France&#39;s troops' + '</div>'.repeat(Math.floor(half / 6)) },
    { name: 'a line per word', text: fill('Canada\n', size) },
    { name: 'digits only', text: fill('12,345.67 ', size) },
  ];
}
