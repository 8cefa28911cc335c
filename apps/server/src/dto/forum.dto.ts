import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { ScopeKey } from '@app/identity';
import { REACTIONS, type ReactionKind, type TopicState } from '@app/forum';
import { IfPresent, NotBlank } from './not-blank.validator';
import { IsScopeKey } from './scope-key.validator';

// Markdown bodies are checked for their 64 KB limit by the service with a specific code; this cap only stops abuse early.
const BODY_CAP = 200_000;

export class CreateSpaceDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(100) name: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(60)
  slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ example: 'consortium', description: 'consortium, inst:<id>, cohort:<id> or group:<id>' })
  @IsScopeKey()
  scope: ScopeKey;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional({ enum: ['everyone', 'facilitators'] }) @IsOptional() @IsIn(['everyone', 'facilitators']) whoMayStart?:
    'everyone' | 'facilitators';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allowAnonymous?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(86400) slowModeSeconds?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() firstPostsNeedApproval?: boolean;
}

export class UpdateSpaceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional({ enum: ['everyone', 'facilitators'] }) @IfPresent() @IsIn(['everyone', 'facilitators']) whoMayStart?:
    'everyone' | 'facilitators';
  @ApiPropertyOptional() @IfPresent() @IsBoolean() allowAnonymous?: boolean;
  @ApiPropertyOptional() @IfPresent() @IsInt() @Min(0) @Max(86400) slowModeSeconds?: number;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() firstPostsNeedApproval?: boolean;
}

export class SetFacilitatorsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) userIds: string[];
}

export class PublishAgreementDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(20_000) body: string;
}

export class AcceptAgreementDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CreateTopicDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiProperty({ description: 'Markdown, at most 64 KB' }) @IsString() @MaxLength(BODY_CAP) body: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() anonymous?: boolean;
  @ApiPropertyOptional({ enum: ['discussion', 'question'] }) @IsOptional() @IsIn(['discussion', 'question']) kind?:
    'discussion' | 'question';
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional({ type: [String], description: 'Labels shown before the body, e.g. "discusses racial violence"' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  contentNotes?: string[];
}

export class TopicListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() spaceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) tag?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional({ enum: ['latest', 'unread', 'new', 'mine', 'top'] })
  @IsOptional()
  @IsIn(['latest', 'unread', 'new', 'mine', 'top'])
  filter?: 'latest' | 'unread' | 'new' | 'mine' | 'top';
  @ApiPropertyOptional({ enum: ['day', 'week', 'month', 'year', 'all'], description: 'For filter=top (default month)' })
  @IsOptional()
  @IsIn(['day', 'week', 'month', 'year', 'all'])
  period?: 'day' | 'week' | 'month' | 'year' | 'all';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class PostPageQueryDto {
  @ApiPropertyOptional({ description: 'Posts after this post number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class CreatePostDto {
  @ApiProperty({ description: 'Markdown, at most 64 KB' }) @IsString() @MaxLength(BODY_CAP) body: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() anonymous?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) replyToPostNumber?: number;
}

export class EditPostDto {
  @ApiProperty() @IsString() @MaxLength(BODY_CAP) body: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(500) reason: string;
}

export class TopicStateDto {
  @ApiProperty({ enum: ['open', 'slow', 'paused', 'closed'] }) @IsIn(['open', 'slow', 'paused', 'closed']) state: TopicState;
  @ApiProperty() @IsString() @NotBlank() @MaxLength(500) reason: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(86400) slowModeSeconds?: number;
}

export class MarkReadDto {
  @ApiProperty() @IsInt() @Min(0) postNumber: number;
}

export class ReactionDto {
  @ApiProperty({ enum: REACTIONS }) @IsIn(REACTIONS) kind: ReactionKind;
}

export class PreviewDto {
  @ApiProperty({ description: 'Markdown to render, at most 64 KB' }) @IsString() @MaxLength(BODY_CAP) body: string;
}

export class MentionQueryDto {
  @ApiProperty({ description: 'The start of a handle or name' }) @IsString() @MaxLength(40) q: string;
}

export class ModerateTopicDto {
  @ApiPropertyOptional({ enum: ['none', 'space', 'global'] }) @IsOptional() @IsIn(['none', 'space', 'global']) pinned?:
    'none' | 'space' | 'global';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() archived?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unlisted?: boolean;
}
