/**
 * The coding options a PETRARCH/TABARI user sets in its config file or in a validation file's `<Config>`
 * elements. A coder instance is built with one set of options and frozen; a validation run builds a new
 * instance (sharing the compiled dictionaries) whenever a `<Config>` element changes them.
 */

export interface PetrarchOptions {
  /** Drop events that lack a source or a target (PETRARCH `require_dyad`, default true). */
  requireDyad: boolean;
  /**
   * Unknown capitalised word runs of up to this many words become actors coded as their quoted text
   * (`"INJURY TOLL"`); 0 turns it off (PETRARCH `new_actor_length`, default 0).
   */
  newActorLength: number;
  /**
   * Comma-delimited subordinate phrases of between min and max words are dropped before coding: inside
   * the sentence (`comma_min`/`comma_max`), at its beginning (`comma_bmin`/`comma_bmax`) and at its end
   * (`comma_emin`/`comma_emax`). A max of 0 turns that kind off.
   */
  commaMin: number;
  commaMax: number;
  commaBMin: number;
  commaBMax: number;
  commaEMin: number;
  commaEMax: number;
}

export const DEFAULT_PETRARCH_OPTIONS: Readonly<PetrarchOptions> = Object.freeze({
  requireDyad: true,
  newActorLength: 0,
  commaMin: 2,
  commaMax: 8,
  commaBMin: 0,
  commaBMax: 0,
  commaEMin: 2,
  commaEMax: 8,
});

const NUMERIC: Record<string, keyof PetrarchOptions> = {
  new_actor_length: 'newActorLength',
  comma_min: 'commaMin',
  comma_max: 'commaMax',
  comma_bmin: 'commaBMin',
  comma_bmax: 'commaBMax',
  comma_emin: 'commaEMin',
  comma_emax: 'commaEMax',
};

/** Options PETRARCH accepts that do not change what is coded (they steer its own run). */
const IGNORED = new Set(['stop_on_error', 'write_actor_root', 'write_actor_text', 'write_event_text', 'code_by_sentence', 'pause_by_sentence', 'pause_by_story']);

/**
 * Applies one `<Config option="NAME" value="VALUE">`. Returns the new options, or an error message
 * naming the option and the value; options that do not change coding are accepted and ignored.
 */
export function applyOption(options: Readonly<PetrarchOptions>, name: string, value: string): { options: PetrarchOptions } | { error: string } {
  const key = name.trim().toLowerCase();
  const v = value.trim();
  if (key === 'require_dyad') {
    const b = v.toLowerCase();
    if (b !== 'true' && b !== 'false') return { error: `option require_dyad: "${value}" is not true or false` };
    return { options: { ...options, requireDyad: b === 'true' } };
  }
  const field = NUMERIC[key];
  if (field) {
    if (!/^\d+$/.test(v)) return { error: `option ${key}: "${value}" is not a whole number` };
    return { options: { ...options, [field]: Number(v) } };
  }
  if (IGNORED.has(key)) return { options: { ...options } };
  return { error: `unknown option "${name}"` };
}
