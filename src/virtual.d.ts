declare module 'virtual:qwen-records' {
  import type { PrebuiltQwenRecord } from './lib/catalog';
  const records: PrebuiltQwenRecord[];
  export default records;
}
