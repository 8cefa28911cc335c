import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CONTENT_NOTE_COLLAPSE, SUBSCRIPTION_LEVELS, type ContentNoteCollapse, type SubscriptionLevel } from '@app/forum';

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

export class ContentNotePreferenceDto {
  @ApiProperty({ enum: CONTENT_NOTE_COLLAPSE, description: 'Fold topics with any content note, only those with listed notes, or none' })
  @IsIn(CONTENT_NOTE_COLLAPSE)
  collapse: ContentNoteCollapse;
  @ApiProperty({ type: [String], description: 'Notes to fold when collapse is "listed" (case does not matter)' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  notes: string[];
}
