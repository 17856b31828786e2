/**
 * Places a chart's point labels so that none overlaps another label or a mark: each label tries the
 * places around its point in turn (right above, right below, left above, left below, above, below)
 * and takes the first free one, or the one that overlaps least. Labels of highlighted points are
 * placed first, so they keep the best place.
 */

export interface LabelRequest {
  /** The point, in chart pixels. */
  x: number;
  y: number;
  /** The label's size in pixels (estimated from its text). */
  width: number;
  height: number;
  priority?: number;
}

/** Where a label's text starts (its left end, its baseline), and which way it reads from there. */
export interface LabelPlace {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** No free place was found: the label overlaps another, a mark or the edge (a narrow chart may leave it out). */
  crowded: boolean;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARK = 6;
const GAP = 8;

/** The candidate places for a label of `w` × `h` at point (x, y): the text's box and its anchor point. */
function candidates(x: number, y: number, w: number, h: number): Array<{ box: Box; place: LabelPlace }> {
  const right = { left: x + GAP, right: x + GAP + w };
  const left = { left: x - GAP - w, right: x - GAP };
  const centre = { left: x - w / 2, right: x + w / 2 };
  const up = { top: y - GAP - h, bottom: y - GAP };
  const down = { top: y + GAP, bottom: y + GAP + h };
  const spots: Array<[{ left: number; right: number }, { top: number; bottom: number }, LabelPlace['anchor'], number]> = [
    [right, up, 'start', x + GAP],
    [right, down, 'start', x + GAP],
    [left, up, 'end', x - GAP],
    [left, down, 'end', x - GAP],
    [centre, { top: y - GAP - h - 4, bottom: y - GAP - 4 }, 'middle', x],
    [centre, { top: y + GAP + 4, bottom: y + GAP + h + 4 }, 'middle', x],
  ];
  return spots.map(([h1, v, anchor, tx]) => ({ box: { ...h1, ...v }, place: { x: tx, y: v.bottom - 2, anchor, crowded: false } }));
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** A place for every request, in the requests' order; `bounds` keeps labels inside the chart. */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box): LabelPlace[] {
  const marks: Box[] = requests.map((r) => ({ left: r.x - MARK, right: r.x + MARK, top: r.y - MARK, bottom: r.y + MARK }));
  const placed: Box[] = [];
  const out: LabelPlace[] = new Array(requests.length);
  const order = requests.map((_, i) => i).sort((a, b) => (requests[b]!.priority ?? 0) - (requests[a]!.priority ?? 0));
  for (const i of order) {
    const r = requests[i]!;
    let best: { cost: number; box: Box; place: LabelPlace } | null = null;
    for (const { box, place } of candidates(r.x, r.y, r.width, r.height)) {
      const outside = Math.max(0, bounds.left - box.left) + Math.max(0, box.right - bounds.right) + Math.max(0, bounds.top - box.top) + Math.max(0, box.bottom - bounds.bottom);
      const cost = [...placed, ...marks.filter((_, j) => j !== i)].reduce((sum, b) => sum + overlap(box, b), 0) + outside * r.height * 4;
      if (!best || cost < best.cost) best = { cost, box, place };
      if (cost === 0) break;
    }
    placed.push(best!.box);
    out[i] = { ...best!.place, crowded: best!.cost > 0 };
  }
  return out;
}

/** A label's width at the chart's 11 px type: about 6.2 px a character (bold: 6.8). */
export const labelWidth = (text: string, bold = false) => text.length * (bold ? 6.8 : 6.2);
export const LABEL_HEIGHT = 12;
