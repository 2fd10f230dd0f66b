// Checks the room arrows of .dependency-cruiser.cjs on the given folders (default: src webhooks) from
// the current directory; prints one line per violation and exits 1 when there is any.
// It calls dependency-cruiser's API because its CLI refuses Node 20 (engines ^22), the Node this
// project runs on; the API itself works on Node 20.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const folders = process.argv.length > 2 ? process.argv.slice(2) : ['src', 'webhooks'];

const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
const tsConfigFile = path.resolve(options.tsConfig?.fileName ?? 'tsconfig.json');
const result = await cruise(
  folders,
  { ...options, outputType: 'err' },
  {},
  {
    tsConfig: extractTSConfig(tsConfigFile),
  },
);
process.stdout.write(String(result.output));
process.exitCode = result.exitCode > 0 ? 1 : 0;
