import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { ARTICLE_TYPES, type ArticleStage, type ArticleType } from '@app/knowledge';
import { IfPresent, NotBlank } from './not-blank.validator';
import { IsScopeKey } from './scope-key.validator';

// The 64 KB Markdown limit is the service's, with its own code; this cap only stops abuse early.
const BODY_CAP = 200_000;
const STAGES: ArticleStage[] = ['draft', 'in_review', 'published', 'needs_review', 'archived'];
/** `?type=a&type=b` and `?type=a,b` alike. */
const asList = () => Transform(({ value }) => (value === undefined ? undefined : [value].flat().flatMap((v) => String(v).split(',')).filter(Boolean)));

export class AttachmentDto {
  @ApiProperty({ enum: ['video', 'document', 'link'] }) @IsIn(['video', 'document', 'link']) kind: 'video' | 'document' | 'link';
  @ApiProperty() @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiProperty({ description: 'An absolute http(s) address' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an absolute http(s) address' })
  @MaxLength(2000)
  url: string;
}

class ArticleContentDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) summary?: string;
  @ApiProperty({ description: 'Markdown, at most 64 KB' }) @IsString() @MaxLength(BODY_CAP) body: string;
  @ApiProperty({ enum: ARTICLE_TYPES }) @IsIn(ARTICLE_TYPES) type: ArticleType;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(6) @IsInt({ each: true }) @Min(1, { each: true }) @Max(6, { each: true }) phases?: number[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Matches(/\S/, { each: true, message: 'tags must not be blank' }) @MaxLength(50, { each: true }) tags?: string[];
  @ApiPropertyOptional({ type: [AttachmentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AttachmentDto) attachments?: AttachmentDto[];
}

export class CreateArticleDto extends ArticleContentDto {
  @ApiProperty({ example: 'consortium' }) @IsScopeKey() scope: ScopeKey;
  @ApiPropertyOptional({ format: 'uuid', description: 'The forum space the article relates to' }) @IsOptional() @IsUUID() spaceId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) coauthorIds?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 3650 }) @IsOptional() @IsInt() @Min(1) @Max(3650) verificationIntervalDays?: number;
}

export class UpdateArticleDto {
  @ApiPropertyOptional() @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(1000) summary?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(BODY_CAP) body?: string;
  @ApiPropertyOptional({ enum: ARTICLE_TYPES }) @IfPresent() @IsIn(ARTICLE_TYPES) type?: ArticleType;
  @ApiPropertyOptional({ type: [Number] }) @IfPresent() @IsArray() @ArrayMaxSize(6) @IsInt({ each: true }) @Min(1, { each: true }) @Max(6, { each: true }) phases?: number[];
  @ApiPropertyOptional({ type: [String] }) @IfPresent() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Matches(/\S/, { each: true, message: 'tags must not be blank' }) @MaxLength(50, { each: true }) tags?: string[];
  @ApiPropertyOptional({ type: [AttachmentDto] }) @IfPresent() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AttachmentDto) attachments?: AttachmentDto[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() spaceId?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IfPresent() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) coauthorIds?: string[];
  @ApiPropertyOptional() @IfPresent() @IsInt() @Min(1) @Max(3650) verificationIntervalDays?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Hand the article over to someone else' }) @IfPresent() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ description: 'The revision this change was made on; an older one is refused (409 REVISION_CONFLICT)' })
  @IfPresent()
  @IsInt()
  @Min(1)
  baseRevision?: number;
  @ApiPropertyOptional({ maxLength: 300 }) @IfPresent() @IsString() @MaxLength(300) note?: string;
}

export class ArticleListQueryDto {
  @ApiPropertyOptional({ description: 'Stages, comma-separated (default published,needs_review)' })
  @IsOptional()
  @asList()
  @IsIn(STAGES, { each: true })
  stage?: ArticleStage[];
  @ApiPropertyOptional({ description: 'Article types, comma-separated' }) @IsOptional() @asList() @IsIn(ARTICLE_TYPES, { each: true }) type?: ArticleType[];
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) tag?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() spaceId?: string;
  @ApiPropertyOptional({ description: 'Only articles I own or co-wrote' }) @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() mine?: boolean;
  @ApiPropertyOptional({ description: 'Only articles I was asked to review' }) @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() reviewing?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ReviewersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsUUID('all', { each: true }) reviewerIds: string[];
}

export class ReviewDecisionDto {
  @ApiProperty({ enum: ['approved', 'changes_requested'] }) @IsIn(['approved', 'changes_requested']) decision: 'approved' | 'changes_requested';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) comment?: string;
}

export class ReviewCommentDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(10_000) body: string;
}

export class RestoreRevisionDto {
  @ApiProperty() @IsInt() @Min(1) revision: number;
}

export class ApplyDto {
  @ApiPropertyOptional({ description: 'What changed because you applied it (Markdown, at most 4,000 bytes)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  story?: string;
}

export class HelpfulDto {
  @ApiProperty() @IsBoolean() helpful: boolean;
}

export class CaptureTopicDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() topicId: string;
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsInt({ each: true }) @Min(1, { each: true }) postNumbers: number[];
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ enum: ARTICLE_TYPES }) @IsOptional() @IsIn(ARTICLE_TYPES) type?: ArticleType;
}

export class CaptureChatSessionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() roomId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ enum: ARTICLE_TYPES }) @IsOptional() @IsIn(ARTICLE_TYPES) type?: ArticleType;
}

export class CreateCollectionDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ example: 'consortium' }) @IsScopeKey() scope: ScopeKey;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number;
}

export class UpdateCollectionDto {
  @ApiPropertyOptional() @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(6) phase?: number | null;
}

export class CollectionItemsDto {
  @ApiProperty({ type: [String], description: 'The articles, in order' }) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) articleIds: string[];
}

export class CollectionListQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ContributorDto {
  @ApiProperty() @IsBoolean() contributor: boolean;
}

export class ScopeSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) approvalsRequired: number;
}

export class ScopeParamDto {
  @ApiProperty({ example: 'consortium' }) @IsScopeKey() scope: ScopeKey;
}

/** GET /search: `q` may carry inline filters; the same filters may also come as parameters (lists: a,b or repeated). */
export class SearchQueryDto {
  @ApiPropertyOptional({ description: 'Text and inline filters: tag:, phase:, in:, type:, status:, author:, school:, after:, before:' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) type?: string[];
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) tag?: string[];
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) phase?: string[];
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) space?: string[];
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) school?: string[];
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) author?: string[];
  @ApiPropertyOptional() @IsOptional() @asList() @IsString({ each: true }) @MaxLength(200, { each: true }) status?: string[];
  @ApiPropertyOptional({ example: '2025-01-01' }) @IsOptional() @IsString() @MaxLength(10) after?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsString() @MaxLength(10) before?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}
