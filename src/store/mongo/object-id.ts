const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** Ids handed out by this engine are ObjectId hex strings; anything else cannot match a document. */
export const isObjectIdHex = (id: string): boolean => OBJECT_ID.test(id);
