import { Matches } from 'class-validator';

/** Text that is not empty once trimmed: services trim names, and a blank one must be a 400, not a database error. */
export const NotBlank = () => Matches(/\S/, { message: '$property must not be blank' });
