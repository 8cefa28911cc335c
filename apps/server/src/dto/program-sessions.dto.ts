import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ScopeKey } from '@app/identity';
import { RSVP_ANSWERS, SESSION_KINDS, type CalendarView, type RsvpAnswer, type SessionKind } from '@app/program';
import { IfPresent, NotBlank } from './not-blank.validator';
import { IsScopeKey } from './scope-key.validator';

/** A moment, not a wall-clock reading: an ISO date-time that says its offset, so no server zone decides what it meant. */
const IsInstant = () => Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
  message: '$property must be an ISO date-time with Z or an offset, e.g. 2025-03-04T14:00:00Z',
});
const IsHttps = () => IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: '$property must be an https:// address' });
const CALENDAR_VIEWS: CalendarView[] = ['mine', 'cohort', 'consortium'];

export class PreworkDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A learning-path item' }) @IsOptional() @IsUUID() itemId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A knowledge-base article the organiser can read' }) @IsOptional() @IsUUID() articleId?: string;
}

export class CreateSessionDto {
  @ApiProperty({ enum: SESSION_KINDS }) @IsIn(SESSION_KINDS) kind: SessionKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: '2025-03-04T14:00:00Z' }) @IsString() @IsInstant() @IsISO8601({ strict: true }) startsAt: string;
  @ApiPropertyOptional({ description: 'Defaults to the kind’s usual length' }) @IsOptional() @IsString() @IsInstant() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'The IANA zone the session was planned in' }) @IsString() @MaxLength(64) timeZone: string;
  @ApiProperty({ example: 'cohort:…', description: 'The audience, a scope key' }) @IsScopeKey() audience: ScopeKey;
  @ApiPropertyOptional({ type: [String], description: 'Defaults to the organiser' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) facilitatorIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @IsHttps() @MaxLength(2000) joinUrl?: string;
  @ApiPropertyOptional({ description: 'Required for a site visit' }) @IsOptional() @IsString() @NotBlank() @MaxLength(500) location?: string;
  @ApiPropertyOptional({ description: 'Markdown' }) @IsOptional() @IsString() @MaxLength(20_000) agenda?: string;
  @ApiPropertyOptional({ type: [PreworkDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => PreworkDto) prework?: PreworkDto[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Chats for Change: the dialogue room (made for you when left out)' }) @IsOptional() @IsUUID() roomId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A conference this session is part of' }) @IsOptional() @IsUUID() parentId?: string;
}

/** The kind, audience and conference stay as created; null clears what may be empty. */
export class UpdateSessionDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number | null;
  @ApiPropertyOptional() @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @IsInstant() @IsISO8601({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @IsInstant() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(64) timeZone?: string;
  @ApiPropertyOptional({ type: [String] }) @IfPresent() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) facilitatorIds?: string[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @IsHttps() @MaxLength(2000) joinUrl?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @NotBlank() @MaxLength(500) location?: string | null;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(20_000) agenda?: string;
  @ApiPropertyOptional({ type: [PreworkDto] }) @IfPresent() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => PreworkDto) prework?: PreworkDto[];
  @ApiPropertyOptional({ format: 'uuid' }) @IfPresent() @IsUUID() roomId?: string;
}

export class RsvpDto {
  @ApiProperty({ enum: RSVP_ANSWERS }) @IsIn(RSVP_ANSWERS) answer: RsvpAnswer;
}

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId: string;
  @ApiProperty() @IsBoolean() attended: boolean;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}

export class SessionNotesDto {
  @ApiProperty({ description: 'Markdown, at most 50,000 characters' }) @IsString() @MaxLength(50_000) notes: string;
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ enum: CALENDAR_VIEWS, default: 'mine' }) @IsOptional() @IsIn(CALENDAR_VIEWS) view?: CalendarView;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD or an ISO date-time; default the start of this month (UTC)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Exclusive; at most 400 days after from; default a month after from' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
