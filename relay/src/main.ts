/**
 * The relay's process entry point: the file `npm run relay`, the bundle
 * (relay/dist/relay.mjs) and the package's `bin` start from. It only turns
 * main()'s answer into an exit code; everything else is in cli.ts.
 */
import { main } from './cli';

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`relay: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
