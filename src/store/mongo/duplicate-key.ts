/** The server refused a write because a unique index already holds the key. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * Whether an insert went in: false when the key was taken already (by an earlier write or another
 * instance a moment ago), which is how a unique key turns an insert into a lock or an existence test.
 */
export async function inserted(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * Two instances upserting the same new key race to insert it; the loser gets a duplicate-key error, and
 * retrying turns its write into an update of the winner's document.
 */
export async function retryOnDuplicate<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (!isDuplicateKey(err) || i >= attempts) throw err;
    }
  }
}
