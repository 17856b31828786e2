import { useRef } from 'react';
import { importComparisons } from '../../actions/compare-run-actions';

/** Import: one comparison file, or several of the same prompts from different machines (merged). */
export function CompareImport({ disabled }: { disabled: boolean }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const onFiles = async (files: FileList | null) => {
    if (files && files.length > 0) await importComparisons(Array.from(files));
    if (fileRef.current) fileRef.current.value = '';
  };
  return (
    <>
      <button type="button" onClick={() => fileRef.current?.click()} disabled={disabled} title="One comparison, or several of the same prompts from different machines: they are merged into one table">
        Import… (several: merged)
      </button>
      <input ref={fileRef} type="file" accept="application/json,.json" multiple hidden data-testid="compare-import" onChange={(e) => void onFiles(e.target.files)} />
    </>
  );
}
