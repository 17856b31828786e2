/**
 * An ONNX model as plain data, and its encoding (onnx.proto's ModelProto, IR version 8, the
 * default opset 17). Only what the tiny decoder uses: dense tensors as raw little-endian bytes,
 * tensor-typed graph inputs and outputs with named or fixed dimensions, and the attribute kinds below.
 */
import { ProtoWriter } from './protobuf';

export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

export interface Tensor {
  name: string;
  dataType: DataTypeCode;
  dims: number[];
  raw: Uint8Array;
}

export type Attribute =
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: number }
  | { kind: 'ints'; value: number[] }
  | { kind: 'string'; value: string }
  | { kind: 'tensor'; value: Tensor };

export interface OnnxNode {
  op: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, Attribute>;
  /** Empty for the standard operators; "com.microsoft" for ONNX Runtime's own. */
  domain?: string;
}

export interface ValueInfo {
  name: string;
  dataType: DataTypeCode;
  /** A number for a fixed size, a string for a named (symbolic) one. */
  shape: (number | string)[];
}

export interface OnnxModel {
  nodes: OnnxNode[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  opset: number;
  /** Operator sets beyond the standard one, e.g. { domain: 'com.microsoft', version: 1 }. */
  extraOpsets?: { domain: string; version: number }[];
  producer: string;
}

const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, tensor: 4, ints: 7 } as const;

function writeTensor(w: ProtoWriter, t: Tensor) {
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.dataType);
  w.string(8, t.name);
  w.bytes(9, t.raw);
}

function writeAttribute(w: ProtoWriter, name: string, a: Attribute) {
  w.string(1, name);
  // ONNX reads the value by the declared type: a whole-valued float must still be a FLOAT.
  if (a.kind === 'float') w.float(2, a.value);
  else if (a.kind === 'int') w.int(3, a.value);
  else if (a.kind === 'string') w.string(4, a.value);
  else if (a.kind === 'tensor') w.message(5, (t) => writeTensor(t, a.value));
  else for (const v of a.value) w.int(8, v);
  w.int(20, ATTRIBUTE_TYPE[a.kind]);
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo) {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, v.dataType);
      tensor.message(2, (shape) => {
        for (const d of v.shape) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

export function encodeModel(m: OnnxModel): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, 8); // ir_version 8: opset 17's
  w.string(2, m.producer);
  w.message(7, (g) => {
    for (const n of m.nodes) {
      g.message(1, (node) => {
        for (const i of n.inputs) node.string(1, i);
        for (const o of n.outputs) node.string(2, o);
        node.string(3, n.name);
        node.string(4, n.op);
        for (const [name, a] of Object.entries(n.attributes ?? {})) node.message(5, (attr) => writeAttribute(attr, name, a));
        if (n.domain) node.string(7, n.domain);
      });
    }
    g.string(2, 'qwen3_moe_tiny');
    for (const t of m.initializers) g.message(5, (tw) => writeTensor(tw, t));
    for (const v of m.inputs) g.message(11, (vw) => writeValueInfo(vw, v));
    for (const v of m.outputs) g.message(12, (vw) => writeValueInfo(vw, v));
  });
  w.message(8, (o) => o.string(1, '').int(2, m.opset));
  for (const x of m.extraOpsets ?? []) w.message(8, (o) => o.string(1, x.domain).int(2, x.version));
  return w.finish();
}
