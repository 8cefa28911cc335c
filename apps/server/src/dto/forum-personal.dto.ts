import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SUBSCRIPTION_LEVELS, type SubscriptionLevel } from '@app/forum';

// Drafts are checked for their 64 KB limit by the service with a specific code; this cap only stops abuse early.
const BODY_CAP = 200_000;

export class BookmarkDto {
  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'A future moment to be reminded at' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reminderAt?: string | null;
}

export class SubscriptionDto {
  @ApiProperty({ enum: SUBSCRIPTION_LEVELS }) @IsIn(SUBSCRIPTION_LEVELS) level: SubscriptionLevel;
}

export class TopicDraftDto {
  @ApiProperty({ description: 'Markdown, at most 64 KB' }) @IsString() @MaxLength(BODY_CAP) body: string;
}

export class SpaceDraftDto {
  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(200)
  title?: string | null;
  @ApiProperty({ description: 'Markdown, at most 64 KB' }) @IsString() @MaxLength(BODY_CAP) body: string;
}

export class AnswerDto {
  @ApiProperty({ minimum: 2 }) @IsInt() @Min(1) postNumber: number;
}

export class PersonalListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}
