// The fields body-parser (http-errors) sets on the errors it hands to express; anything may arrive there.
export interface HttpErrorLike {
  status?: unknown;
  expose?: unknown;
  type?: unknown;
  message?: unknown;
}

export const httpErrorLike = (err: unknown): HttpErrorLike =>
  typeof err === 'object' && err !== null ? err : {};
