import { useEffect, useState } from 'react';
import { formLoaderOf, type AnyScriptForm } from '../forms/registry';

export type FormLoad =
  | { status: 'loading' }
  | { status: 'ready'; form: AnyScriptForm }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/** The script's form module, loaded on first open (see forms/registry.ts). */
export function useScriptForm(scriptKey: string): FormLoad {
  const [load, setLoad] = useState<FormLoad>({ status: 'loading' });
  useEffect(() => {
    const loader = formLoaderOf(scriptKey);
    if (!loader) {
      setLoad({ status: 'missing' });
      return undefined;
    }
    let live = true;
    setLoad({ status: 'loading' });
    loader().then(
      (form) => live && setLoad({ status: 'ready', form }),
      (error: unknown) =>
        live && setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [scriptKey]);
  return load;
}
