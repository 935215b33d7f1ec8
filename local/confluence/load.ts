// Reads the site fixture named by LOCAL_DIRECTORY (or the demo fixture).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DirectoryError, parseDirectory, type SiteDirectory } from './schema';

export const DEFAULT_DIRECTORY_FILE = path.resolve(__dirname, '..', 'fixtures', 'demo.json');

/**
 * Load and validate a site fixture. `file` wins; else `LOCAL_DIRECTORY`;
 * else the demo fixture. Relative paths resolve against the working directory.
 * Throws DirectoryError naming the file and each bad field.
 */
export function loadDirectory(file?: string): SiteDirectory {
  const chosen = file ?? process.env.LOCAL_DIRECTORY ?? DEFAULT_DIRECTORY_FILE;
  const resolved = path.resolve(chosen);
  let text: string;
  try {
    text = readFileSync(resolved, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DirectoryError(`Cannot read site directory ${resolved}: ${reason}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DirectoryError(`Site directory ${resolved} is not valid JSON: ${reason}`);
  }
  return parseDirectory(data, resolved);
}
