/**
 * A WHERE clause built from optional filters, with every value a numbered parameter: filters are appended as SQL
 * that names `param(value)`, never the value itself.
 */
export class SqlConditions {
  readonly values: unknown[] = [];
  readonly clauses: string[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  get sql(): string {
    return this.clauses.length ? this.clauses.map((clause) => `(${clause})`).join(' AND ') : 'true';
  }
}
