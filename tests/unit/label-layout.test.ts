import { describe, expect, it } from 'vitest';
import { LABEL_HEIGHT, labelWidth, placeLabels, type LabelPlace } from '../../src/lib/label-layout';

/** The box a placed label covers. */
function box(p: LabelPlace, width: number) {
  const left = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - width : p.x - width / 2;
  return { left, right: left + width, top: p.y + 2 - LABEL_HEIGHT, bottom: p.y + 2 };
}
const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('chart labels', () => {
  it('keeps the crowded MoE labels apart (30B-A3B, 3.6-35B-A3B and Next-80B-A3B sit within a few pixels)', () => {
    // Where the RTX 5090 chart puts them at 720 × 320 (see ScatterChart).
    const labels = ['Qwen3-30B-A3B / Coder-30B-A3B', '3.6-35B-A3B', 'Next-80B-A3B', '32B'];
    const points = [
      { x: 430, y: 87 },
      { x: 446, y: 74 },
      { x: 537, y: 87 },
      { x: 446, y: 196 },
    ];
    const requests = points.map((p, i) => ({ ...p, width: labelWidth(labels[i]!, i === 0), height: LABEL_HEIGHT, priority: i === 0 ? 1 : 0 }));
    const places = placeLabels(requests, { left: 48, right: 718, top: 0, bottom: 284 });
    const boxes = places.map((p, i) => box(p, requests[i]!.width));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) expect(overlaps(boxes[a]!, boxes[b]!), `${labels[a]} / ${labels[b]}`).toBe(false);
      expect(boxes[a]!.left).toBeGreaterThanOrEqual(48);
      expect(boxes[a]!.right).toBeLessThanOrEqual(718);
    }
  });

  it('puts a lone label at the right of its point, above it', () => {
    const [place] = placeLabels([{ x: 100, y: 100, width: 30, height: LABEL_HEIGHT }], { left: 0, right: 700, top: 0, bottom: 300 });
    expect(place).toEqual({ x: 108, y: 90, anchor: 'start', crowded: false });
  });

  it('says when a label found no free place (a narrow chart leaves it out)', () => {
    // Seven labels around one point of a small chart: the first takes a free place, the last cannot.
    const requests = [0, 1, 2, 3, 4, 5, 6].map(() => ({ x: 60, y: 60, width: 40, height: LABEL_HEIGHT }));
    const places = placeLabels(requests, { left: 0, right: 120, top: 0, bottom: 120 });
    expect(places[0]!.crowded).toBe(false);
    expect(places.filter((p) => p.crowded).length).toBeGreaterThan(0);
  });
});
