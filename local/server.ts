import { createLocalHost } from './host/create-host';

/**
 * `npm start`: serves the local Forge host on http://127.0.0.1:${PORT:-8000}.
 * LOCAL_DIRECTORY picks the site fixture, LOCAL_DATA_DIR where data persists.
 */
async function main(): Promise<void> {
  const host = await createLocalHost({
    port: Number(process.env.PORT ?? 8000),
    directoryFile: process.env.LOCAL_DIRECTORY || undefined,
    dataDir: process.env.LOCAL_DATA_DIR || undefined,
  });
  const admin = host.manifest.pages.find((p) => p.moduleType === 'confluence:globalSettings');
  console.log(`Local Forge host: ${host.url}/`);
  if (admin) console.log(`  Admin page:      ${host.url}/admin/${admin.key}`);
  console.log(`  Confluence REST: ${host.url}/wiki/rest/api/... (Basic auth: fixture email + API token)`);
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
