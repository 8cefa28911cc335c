import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Secrets the platform makes for itself, kept in PostgreSQL so every server and worker process signs alike. */
@Injectable()
export class AppSecretRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The named secret, created from `make()` by whichever process asks first. Racing processes each try to insert
   * their own value; ON CONFLICT keeps the first, and the SELECT after it makes everyone read that one.
   */
  async getOrCreate(name: string, make: () => string): Promise<string> {
    const existing = await this.find(name);
    if (existing !== undefined) return existing;
    await this.dataSource.query('INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      make(),
    ]);
    const created = await this.find(name);
    if (created === undefined) throw new Error(`app_secret ${name} vanished right after it was written`);
    return created;
  }

  private async find(name: string): Promise<string | undefined> {
    const rows: { value: string }[] = await this.dataSource.query('SELECT value FROM app_secret WHERE name = $1', [name]);
    return rows[0]?.value;
  }
}
