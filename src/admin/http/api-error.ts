// An error the staff API reports as JSON: { error: code, message (English), problems? }.
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} does not exist`);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
