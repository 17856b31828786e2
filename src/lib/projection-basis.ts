/**
 * What every projection of the app stands on, chosen in one place so that the chat's MoE section, the
 * stage and the break-even never disagree: the GPU the user picked (its datasheet), else this machine's
 * last reply (measured, or replayed and labelled so), else this GPU's bandwidth probe, else an example
 * GPU's datasheet, labelled as an example. The last reply wins over the probe because it is the figure
 * the same screen shows in large type: a projection from anything else would contradict it.
 */
import { hardware, type Hardware } from './hardware';
import type { BandwidthSource } from './projection';
import type { Provenance } from '../shared/provenance';

/** The press's case (Qwen3-30B-A3B on one RTX 5090): the first state says something before any measurement. */
export const EXAMPLE_GPU = 'rtx5090';
/** The hardware setting's value for "this machine" (measured, or the memory the user typed). */
export const THIS_MACHINE = 'mine';

/** The reply a projection may calibrate from: its bandwidth and where the reply came from. */
export interface ReplyBandwidth {
  gbPerSecond: number;
  modelName: string;
  source: Extract<Provenance, 'measured' | 'replayed'>;
  /** The bytes each token read were counted from the router's choices (an MoE that reports them). */
  bytesMeasured?: boolean;
}

export interface Basis {
  bandwidth: BandwidthSource;
  /** Memory the fit is judged against; null: unknown (this machine, none typed). */
  memoryGB: number | null;
  /** The memory is the datasheet's (`hardware`), not the one the user typed. */
  memoryFromDatasheet: boolean;
  /** The datasheet in use, when it is one (picked, or the example). */
  hardware: Hardware | null;
  /** Nothing picked or measured: the example GPU stands in. */
  example: boolean;
  /** The provenance of the bandwidth itself. */
  provenance: Provenance;
  /** Whose speed this is, for a sentence: "this GPU", "the replayed run", "an RTX 5090". */
  who: string;
  /** One sentence saying where the bandwidth comes from. */
  explanation: string;
}

const gbs = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));

/** A datasheet's bandwidth; an example GPU's memory gives way to the memory the user typed for theirs. */
function datasheet(hw: Hardware, example: boolean, typedGB: number | null): Basis {
  const typed = example && typedGB !== null;
  return {
    bandwidth: { kind: 'table', gbPerSecond: hw.bandwidthGBs, name: hw.name },
    memoryGB: typed ? typedGB : hw.memoryGB,
    memoryFromDatasheet: !typed,
    hardware: hw,
    example,
    provenance: 'published',
    who: `${example ? 'an' : 'the'} ${hw.name}`,
    explanation: example
      ? `Nothing measured on this machine yet: shown for an example GPU, the ${hw.name} of the published case (datasheet: ${hw.memoryGB} GB, ${gbs(hw.bandwidthGBs)} GB/s; engines use 30–85 % of it). Chat with the live engine, measure the bandwidth or pick your GPU.`
      : `Bandwidth from the ${hw.name} datasheet: ${gbs(hw.bandwidthGBs)} GB/s (engines use 30–85 % of it).`,
  };
}

/** The basis for a hardware setting (`THIS_MACHINE` or a hardware id), from what this machine knows. */
export function projectionBasis(pick: string, known: { reply: ReplyBandwidth | null; probeGBs: number | null; memoryGB: number | null }): Basis {
  const picked = pick === THIS_MACHINE ? null : hardware(pick);
  if (picked) return datasheet(picked, false, null);
  const { reply, probeGBs, memoryGB } = known;
  if (reply) {
    const replayed = reply.source === 'replayed';
    return {
      bandwidth: { kind: 'live-run', gbPerSecond: reply.gbPerSecond, modelName: reply.modelName },
      memoryGB,
      memoryFromDatasheet: false,
      hardware: null,
      example: false,
      provenance: reply.source,
      who: replayed ? 'the replayed run' : 'this GPU',
      explanation: replayed
        ? `Bandwidth calibrated from the replayed reply of ${reply.modelName}: ${gbs(reply.gbPerSecond)} GB/s effective, as recorded elsewhere, not a measurement of this GPU.` +
          (probeGBs !== null ? ` The probe's ${gbs(probeGBs)} GB/s for this GPU is set aside while the speed on screen is the replay's.` : '')
        : `Bandwidth calibrated from your live reply of ${reply.modelName}: ${gbs(reply.gbPerSecond)} GB/s effective (range ±20 %)` +
          (reply.bytesMeasured ? ', from the weights its tokens read as its router chose them (measured).' : '.'),
    };
  }
  if (probeGBs !== null) {
    return {
      bandwidth: { kind: 'probe', gbPerSecond: probeGBs },
      memoryGB,
      memoryFromDatasheet: false,
      hardware: null,
      example: false,
      provenance: 'measured',
      who: 'this GPU',
      explanation: `Bandwidth from the probe on this GPU: ${gbs(probeGBs)} GB/s (engines use 30–85 % of it).`,
    };
  }
  return datasheet(hardware(EXAMPLE_GPU)!, true, memoryGB);
}
