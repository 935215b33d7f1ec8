import { useEffect, useState } from 'react';
import { formLoaderOf, type AnyScriptForm } from '../forms/registry';

export type FormLoad =
  | { status: 'loading' }
  | { status: 'ready'; form: AnyScriptForm }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

type Loaded = { scriptKey: string } & (
  { status: 'ready'; form: AnyScriptForm } | { status: 'failed'; message: string }
);

/** The script's form module, loaded on first open (see forms/registry.ts). */
export function useScriptForm(scriptKey: string): FormLoad {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const loader = formLoaderOf(scriptKey);
  useEffect(() => {
    if (!loader) return undefined;
    let live = true;
    loader().then(
      (form) => live && setLoaded({ scriptKey, status: 'ready', form }),
      (error: unknown) =>
        live &&
        setLoaded({ scriptKey, status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [loader, scriptKey]);
  if (!loader) return { status: 'missing' };
  // An answer for another script (the view changed) is not this one's.
  if (!loaded || loaded.scriptKey !== scriptKey) return { status: 'loading' };
  return loaded;
}
