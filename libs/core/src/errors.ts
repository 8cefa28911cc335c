/** Stable, machine-readable error codes. Clients switch on these, never on messages. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidId = 'INVALID_ID',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  CsrfHeaderMissing = 'CSRF_HEADER_MISSING',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  RateLimited = 'RATE_LIMITED',
  EmailTaken = 'EMAIL_TAKEN',
  InvitationPending = 'INVITATION_PENDING',
  InvitationNotFound = 'INVITATION_NOT_FOUND',
  InvitationExpired = 'INVITATION_EXPIRED',
  InvitationUsed = 'INVITATION_USED',
  InvalidCsv = 'INVALID_CSV',
  InvalidEmail = 'INVALID_EMAIL',
  InvalidSchoolRole = 'INVALID_SCHOOL_ROLE',
  CohortNotFound = 'COHORT_NOT_FOUND',
  DuplicateRow = 'DUPLICATE_ROW',
  NameRequired = 'NAME_REQUIRED',
  Conflict = 'CONFLICT',
  SlugTaken = 'SLUG_TAKEN',
  NameTaken = 'NAME_TAKEN',
  WrongPassword = 'WRONG_PASSWORD',
  WeakPassword = 'WEAK_PASSWORD',
  NotEmpty = 'NOT_EMPTY',
  NotInSchool = 'NOT_IN_SCHOOL',
  CohortNotInSchool = 'COHORT_NOT_IN_SCHOOL',
  AgreementNotAccepted = 'AGREEMENT_NOT_ACCEPTED',
  AgreementOutdated = 'AGREEMENT_OUTDATED',
  TopicClosed = 'TOPIC_CLOSED',
  TopicPaused = 'TOPIC_PAUSED',
  SlowModeActive = 'SLOW_MODE_ACTIVE',
  AnonymousNotAllowed = 'ANONYMOUS_NOT_ALLOWED',
  PostTooLong = 'POST_TOO_LONG',
  QuoteNotFound = 'QUOTE_NOT_FOUND',
  ReplyTargetNotFound = 'REPLY_TARGET_NOT_FOUND',
  AlreadyReacted = 'ALREADY_REACTED',
  AlreadyFlagged = 'ALREADY_FLAGGED',
  FacilitatorsOnly = 'FACILITATORS_ONLY',
  MentionOutOfScope = 'MENTION_OUT_OF_SCOPE',
  RoomPaused = 'ROOM_PAUSED',
  RoomClosed = 'ROOM_CLOSED',
  Muted = 'MUTED',
  RemovedFromRoom = 'REMOVED_FROM_ROOM',
  MessageTooLong = 'MESSAGE_TOO_LONG',
  ClientIdReused = 'CLIENT_ID_REUSED',
  EditWindowPassed = 'EDIT_WINDOW_PASSED',
  UnknownEvent = 'UNKNOWN_EVENT',
  InvalidTransition = 'INVALID_TRANSITION',
  ApprovalRequired = 'APPROVAL_REQUIRED',
  ReviewerNotEligible = 'REVIEWER_NOT_ELIGIBLE',
  ArticleTooLong = 'ARTICLE_TOO_LONG',
  RevisionConflict = 'REVISION_CONFLICT',
  InvalidToken = 'INVALID_TOKEN',
  TokenExpired = 'TOKEN_EXPIRED',
  TokenNotYours = 'TOKEN_NOT_YOURS',
  ResetTokenInvalid = 'RESET_TOKEN_INVALID',
  ResetTokenExpired = 'RESET_TOKEN_EXPIRED',
  AssessmentVersionFrozen = 'ASSESSMENT_VERSION_FROZEN',
  AssessmentVersionRetired = 'ASSESSMENT_VERSION_RETIRED',
  AssessmentVersionInvalid = 'ASSESSMENT_VERSION_INVALID',
  AssessmentDraftExists = 'ASSESSMENT_DRAFT_EXISTS',
  AssessmentAnswerInvalid = 'ASSESSMENT_ANSWER_INVALID',
  ChangeUnitMismatch = 'CHANGE_UNIT_MISMATCH',
  ChangeMeasurementInFuture = 'CHANGE_MEASUREMENT_IN_FUTURE',
  ChangeAlreadyShared = 'CHANGE_ALREADY_SHARED',
  ChangeDueBeforeStart = 'CHANGE_DUE_BEFORE_START',
  ChangeDirectionMismatch = 'CHANGE_DIRECTION_MISMATCH',
  PathResponseRequired = 'PATH_RESPONSE_REQUIRED',
  PathItemCompletedByAssessment = 'PATH_ITEM_COMPLETED_BY_ASSESSMENT',
  PathNotAnActivity = 'PATH_NOT_AN_ACTIVITY',
  PathArticleUnavailable = 'PATH_ARTICLE_UNAVAILABLE',
  PathInstrumentNotFound = 'PATH_INSTRUMENT_NOT_FOUND',
  SessionAudienceInvalid = 'SESSION_AUDIENCE_INVALID',
  SessionCancelled = 'SESSION_CANCELLED',
  SessionEnded = 'SESSION_ENDED',
  SessionAttendeeNotInAudience = 'SESSION_ATTENDEE_NOT_IN_AUDIENCE',
  SessionNotesEmpty = 'SESSION_NOTES_EMPTY',
  SessionNotesCaptured = 'SESSION_NOTES_CAPTURED',
  SessionOutsideConference = 'SESSION_OUTSIDE_CONFERENCE',
  Internal = 'INTERNAL_ERROR',
}

export interface ErrorDetail {
  field?: string;
  message: string;
}

/** An expected failure of a rule. The exception filter maps it to HTTP (and later to socket acks). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Not found') => new DomainError(ErrorCode.NotFound, 404, what);
export const forbidden = (why = 'You may not do this') => new DomainError(ErrorCode.Forbidden, 403, why);
export const conflict = (code: ErrorCode, message: string) => new DomainError(code, 409, message);
export const badRequest = (code: ErrorCode, message: string, details?: ErrorDetail[]) =>
  new DomainError(code, 400, message, details);
/** Refused for now: try again after this many seconds (slow mode and the like), with Retry-After set. */
export const retryLater = (code: ErrorCode, message: string, seconds: number) =>
  new DomainError(code, 429, message, undefined, { 'retry-after': String(Math.max(1, Math.ceil(seconds))) });

export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError(ErrorCode.RateLimited, 429, `Too many attempts; try again in ${retryAfterSeconds} seconds`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
