// The entry of a worker thread while the server runs from its TypeScript sources under tsx (see
// store/sqlite/writer.ts): `--import tsx` applies to a worker's entry file and installs tsx's require
// hook, which then loads the .ts module named in workerData (a .ts entry, or an import() of it, would
// meet Node's loader before tsx's is in place). Compiled, the .js module is the entry itself.
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';

createRequire(import.meta.url)(workerData.module);
