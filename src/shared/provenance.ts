/**
 * Where a figure comes from. Every figure the app shows, every run it records and every badge it
 * prints says one of these, spelled this way:
 * - measured: produced live on this machine (web-llm's timings, the worker's clocks and counters);
 * - web-llm: a figure web-llm publishes for a model record, such as `vram_required_MB`;
 * - estimate: the app's own arithmetic about this model (weights, KV cache, bandwidth ceilings);
 * - projected: the app's arithmetic about hardware or models that are not here (the MoE view);
 * - replayed: played back from a recorded run: never a measurement of this machine;
 * - imported: read from a file someone exported (measured on their machine, or written by a script):
 *   shown as recorded, never a measurement of this machine;
 * - published: quoted from a cited publication (a model card, the press): not the app's figure at all.
 */
export type Provenance = 'measured' | 'web-llm' | 'estimate' | 'projected' | 'replayed' | 'imported' | 'published';

/** What an engine's text is, and so every figure taken from it: live on this GPU, or played back. */
export type RunSource = Extract<Provenance, 'measured' | 'replayed'>;
