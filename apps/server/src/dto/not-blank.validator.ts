import { Matches, ValidateIf } from 'class-validator';

/** Text that is not empty once trimmed: services trim names, and a blank one must be a 400, not a database error. */
export const NotBlank = () => Matches(/\S/, { message: '$property must not be blank' });

/**
 * Validates a field only when it was sent. For settings without an "unset", null is refused like any other wrong
 * value (IsOptional would let it through to the database).
 */
export const IfPresent = () => ValidateIf((_object, value) => value !== undefined);
