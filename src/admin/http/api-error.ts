// An error the staff API reports as JSON: { error: code, message (Vietnamese, shown to staff), problems? }.
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

/** A 400 listing every problem, field by field, in the message as well as in `problems`. */
export const invalidFields = (what: string, problems: FieldProblem[]) =>
  new ApiError(
    400,
    'invalid',
    `${what} chưa hợp lệ: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
    problems,
  );

/** `what` names the missing thing in Vietnamese ("thủ tục khai-sinh"). */
export const notFound = (what: string) => new ApiError(404, 'not_found', `Không tìm thấy ${what}.`);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
