/** Builds an ONNX graph node by node: each op returns its output names, constants become initializers. */
import { DataType, type Attribute, type DataTypeCode, type OnnxNode, type Tensor } from './onnx';

type AttrValue = number | number[] | string | { float: number } | Tensor;

const attribute = (v: AttrValue): Attribute =>
  typeof v === 'number'
    ? { kind: 'int', value: v }
    : typeof v === 'string'
      ? { kind: 'string', value: v }
      : Array.isArray(v)
        ? { kind: 'ints', value: v }
        : 'float' in v
          ? { kind: 'float', value: v.float }
          : { kind: 'tensor', value: v };

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));

export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: Tensor[] = [];
  private counter = 0;
  private constants = new Map<string, string>();

  constructor(private readonly prefix = '') {}

  /** A node with several outputs. Attributes: numbers are INT, arrays INTS, `{ float }` FLOAT. */
  opN(op: string, inputs: string[], outputs: number | string[], attrs: Record<string, AttrValue> = {}, domain?: string): string[] {
    const id = `${this.prefix}${op}_${this.counter++}`;
    const names = typeof outputs === 'number' ? Array.from({ length: outputs }, (_, i) => `${id}_out${i}`) : outputs;
    const attributes = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, attribute(v)]));
    this.nodes.push({ op, name: id, inputs, outputs: names, attributes, ...(domain ? { domain } : {}) });
    return names;
  }

  op(op: string, inputs: string[], attrs: Record<string, AttrValue> = {}, output?: string): string {
    return this.opN(op, inputs, output ? [output] : 1, attrs)[0]!;
  }

  initializer(name: string, dataType: DataTypeCode, dims: number[], data: ArrayBufferView): string {
    this.initializers.push({ name, dataType, dims, raw: bytes(data) });
    return name;
  }

  f32(name: string, dims: number[], data: Float32Array): string {
    return this.initializer(name, DataType.FLOAT, dims, data);
  }

  /** A shared constant (scalar when `dims` is []), written once however often it is asked for. */
  constF(values: number[], dims: number[] = [values.length]): string {
    return this.shared(`f:${dims}:${values}`, () => this.f32(`const_f_${this.constants.size}`, dims, Float32Array.from(values)));
  }

  constI64(values: number[], dims: number[] = [values.length]): string {
    return this.shared(`i:${dims}:${values}`, () =>
      this.initializer(`const_i64_${this.constants.size}`, DataType.INT64, dims, BigInt64Array.from(values, (v) => BigInt(v))),
    );
  }

  private shared(key: string, make: () => string): string {
    let name = this.constants.get(key);
    if (!name) {
      name = make();
      this.constants.set(key, name);
    }
    return name;
  }
}
