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
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHAT_REACTIONS, ROOM_STATES, STAGES, type ChatReaction, type RoomState, type Stage } from '@app/chat';
import type { ScopeKey } from '@app/identity';
import { NotBlank } from './not-blank.validator';
import { SCOPE_KEY } from './scope-key.validator';

// Messages are checked for their 4 KB limit by the service with a specific code; this cap only stops abuse early.
const MESSAGE_CAP = 20_000;

export class CreateRoomDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiProperty({ example: 'consortium' }) @IsString() @Matches(SCOPE_KEY) scope: ScopeKey;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) facilitatorIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() spaceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() anonymous?: boolean;
  @ApiPropertyOptional({ description: 'Delete messages this many days after a session ends; unset keeps them' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  retentionDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiPropertyOptional({ description: 'The first version of the community agreements' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  agreement?: string;
}

export class RoomFacilitatorsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) userIds: string[];
}

export class RoomInvitationDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class RoomStateDto {
  @ApiProperty({ enum: ROOM_STATES }) @IsIn(ROOM_STATES) state: RoomState;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(86400) slowModeSeconds?: number;
}

export class StartSessionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) checkInPrompt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(14_400) timerSeconds?: number;
}

export class StageDto {
  @ApiProperty({ enum: STAGES }) @IsIn(STAGES) stage: Stage;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(14_400) timerSeconds?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class ChatAgreementDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(20_000) body: string;
}

export class AcceptChatAgreementDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class HistoryQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class SendMessageDto {
  @ApiProperty({ description: 'Client-generated; a resend with the same id returns the same message' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  clientId: string;
  @ApiProperty({ description: 'Markdown, at most 4 KB' }) @IsString() @MaxLength(MESSAGE_CAP) body: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) replyToSeq?: number;
  @ApiPropertyOptional({ enum: ['message', 'check_in'] }) @IsOptional() @IsIn(['message', 'check_in']) kind?: 'message' | 'check_in';
}

export class EditMessageDto {
  @ApiProperty() @IsString() @MaxLength(MESSAGE_CAP) body: string;
}

export class ChatReasonDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(500) reason: string;
}

export class PinDto {
  @ApiProperty() @IsBoolean() pinned: boolean;
}

export class ChatReactionDto {
  @ApiProperty({ enum: CHAT_REACTIONS }) @IsIn(CHAT_REACTIONS) kind: ChatReaction;
}

export class MuteDto {
  @ApiProperty({ minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class BreakoutGroupDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) question?: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) userIds: string[];
}

export class RandomBreakoutsDto {
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) count: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) question?: string;
}

/** Either chosen groups or a random split, not both. */
export class BreakoutsDto {
  @ApiPropertyOptional({ type: [BreakoutGroupDto] })
  @ValidateIf((o: BreakoutsDto) => o.random === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BreakoutGroupDto)
  groups?: BreakoutGroupDto[];
  @ApiPropertyOptional({ type: RandomBreakoutsDto })
  @ValidateIf((o: BreakoutsDto) => o.groups === undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => RandomBreakoutsDto)
  random?: RandomBreakoutsDto;
}

export class TranscriptQueryDto {
  @ApiPropertyOptional({ enum: ['markdown', 'json'] }) @IsOptional() @IsIn(['markdown', 'json']) format?: 'markdown' | 'json';
}

export class ChatFlagDto {
  @ApiProperty({ enum: ['spam', 'off_topic', 'harm'] }) @IsIn(['spam', 'off_topic', 'harm']) kind: 'spam' | 'off_topic' | 'harm';
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ResolveChatFlagDto {
  @ApiProperty({ enum: ['dismiss', 'remove'] }) @IsIn(['dismiss', 'remove']) action: 'dismiss' | 'remove';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
