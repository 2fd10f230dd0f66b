// The port through which the assistant asks another system about a receipt code it does not hold
// (implemented by src/dossiers/remote-lookup.ts).
import type { Dossier } from '../store/ports';

/** The dossier, null when the remote does not know the code, 'unavailable' when it could not be asked. */
export type RemoteLookupResult = Dossier | null | 'unavailable';
export type RemoteLookup = (code: string) => Promise<RemoteLookupResult>;
