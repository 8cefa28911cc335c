import { TextField } from './field';

/** The server's minimum; checked here too so the person hears about it before sending. */
export const MIN_PASSWORD = 10;

interface Props {
  label: string;
  name: string;
  confirmLabel: string;
  confirmName: string;
  /** Said after the length rule in the hint. */
  advice?: string;
  errors: Record<string, string>;
}

/** A new password and its confirmation. */
export function NewPasswordFields({ label, name, confirmLabel, confirmName, advice, errors }: Props) {
  const rule = `At least ${MIN_PASSWORD} characters.`;
  return (
    <>
      <TextField
        label={label}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={advice ? `${rule} ${advice}` : rule}
        error={errors[name]}
      />
      <TextField
        label={confirmLabel}
        name={confirmName}
        type="password"
        autoComplete="new-password"
        required
        error={errors[confirmName]}
      />
    </>
  );
}
