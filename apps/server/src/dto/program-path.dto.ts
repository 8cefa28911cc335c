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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ITEM_KINDS, type ItemKind } from '@app/program';
import { IfPresent, NotBlank } from './not-blank.validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The item body's own limit is the table's (50,000 characters); Markdown over 64 KB is refused by the service. */
const BODY_MAX = 50_000;
const URL_MAX = 2000;

export class UpdatePhaseDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IfPresent() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'goals must not be blank' })
  @MaxLength(500, { each: true })
  goals?: string[];
}

export class CreateModuleDto {
  @ApiProperty({ minimum: 1, maximum: 6 }) @IsInt() @Min(1) @Max(6) phase: number;
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ description: 'Order within the phase; defaults to the end' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}

export class UpdateModuleDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IfPresent() @IsInt() @Min(1) @Max(6) phase?: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IfPresent() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @IfPresent() @IsInt() @Min(0) @Max(100_000) position?: number;
}

export class CreateItemDto {
  @ApiProperty({ enum: ITEM_KINDS }) @IsIn(ITEM_KINDS) kind: ItemKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiPropertyOptional({ description: 'Order within the module; defaults to the end' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
  @ApiPropertyOptional({ description: 'Video items: an absolute http(s) address' })
  @IsOptional()
  @IsString()
  @MaxLength(URL_MAX)
  videoUrl?: string;
  @ApiPropertyOptional({
    description: 'Markdown: transcript or notes, reading notes, activity instructions (required for activities)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(BODY_MAX)
  body?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Reading items: a published knowledge-base article' })
  @IsOptional()
  @IsUUID()
  articleId?: string;
  @ApiPropertyOptional({ description: 'Reading items: an absolute http(s) address' })
  @IsOptional()
  @IsString()
  @MaxLength(URL_MAX)
  linkUrl?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Assessment items: the instrument to take' })
  @IsOptional()
  @IsUUID()
  instrumentId?: string;
}

/** The kind of an item does not change; links may be cleared with null where the kind allows another one. */
export class UpdateItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Move the item to another module' })
  @IfPresent()
  @IsUUID()
  moduleId?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() required?: boolean;
  @ApiPropertyOptional() @IfPresent() @IsInt() @Min(0) @Max(100_000) position?: number;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(URL_MAX) videoUrl?: string | null;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(BODY_MAX) body?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() articleId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(URL_MAX) linkUrl?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() instrumentId?: string | null;
}

export class ActivityResponseDto {
  @ApiProperty({ description: 'Markdown, at most 20,000 characters' })
  @IsString()
  @NotBlank()
  @MaxLength(20_000)
  response: string;
  @ApiProperty({ description: 'Let the members of my cohort read it' }) @IsBoolean() sharedWithCohort: boolean;
}

export class PathQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One of my own cohorts (default: the first by name)' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

export class CohortPhaseDto {
  @ApiProperty({ minimum: 1, maximum: 6, nullable: true, description: 'null: the cohort has not started' })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(6)
  currentPhase: number | null;
}

export class PhaseDateDto {
  @ApiProperty({ minimum: 1, maximum: 6 }) @IsInt() @Min(1) @Max(6) phase: number;
  @ApiProperty({ example: '2026-01-12' })
  @IsString()
  @Matches(DATE, { message: 'startsOn must be a date, YYYY-MM-DD' })
  startsOn: string;
  @ApiProperty({ example: '2026-03-01' })
  @IsString()
  @Matches(DATE, { message: 'endsOn must be a date, YYYY-MM-DD' })
  endsOn: string;
}

export class CohortPhaseDatesDto {
  @ApiProperty({ type: [PhaseDateDto], description: 'Replaces all of the cohort’s phase dates' })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => PhaseDateDto)
  dates: PhaseDateDto[];
}

export class CohortResponsesQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() itemId: string;
}
