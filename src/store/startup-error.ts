/** The configured store cannot be used; the message is one line meant for the operator. */
export class StoreStartupError extends Error {
  override name = 'StoreStartupError';
}
