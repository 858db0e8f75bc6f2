/**
 * How long one task of a long job runs before it yields to the browser. Timed rather than counted, so a slice holds a
 * frame as briefly on a phone as on a desktop: a count that took a few ms warm took 50 to 70 ms while the code was
 * still cold (10,000 validations a task: 7 to 70 ms; 2,000 eligibility checks: 1 to 65 ms).
 */
const SLICE_MS = 8;

/**
 * Runs a long job a task at a time, after the current one (so what was just rendered paints first): `step` does a
 * small part and answers whether more is left; each task runs steps for about 8 ms, then yields. Answers `false`,
 * leaving the rest undone, when `current()` turns false between tasks (newer data took over).
 */
export async function inSlices(step: () => boolean, current: () => boolean): Promise<boolean> {
  let more = true;
  while (more) {
    await new Promise(resolve => setTimeout(resolve));
    if (!current()) return false;
    const until = performance.now() + SLICE_MS;
    do more = step();
    while (more && performance.now() < until);
  }
  return true;
}
