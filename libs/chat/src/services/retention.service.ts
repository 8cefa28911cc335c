import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { MessageRepository } from '../repositories';

/** Deletes messages past their room's retention period (rooms without one keep everything). */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
  ) {}

  async purge(): Promise<number> {
    const deleted = await this.messages.purgeExpired(this.clock.now());
    if (deleted) this.logger.log({ deleted }, 'chat messages past their retention deleted');
    return deleted;
  }
}
