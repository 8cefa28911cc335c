import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import {
  INSTRUMENT_KINDS,
  ITEM_TYPES,
  LANDSCAPE_SPHERES,
  LANDSCAPE_STATUSES,
  MAX_OPTIONS,
  RESULT_PERIODS,
  type InstrumentKind,
  type ItemType,
  type LandscapeSphere,
  type LandscapeStatus,
  type ResultPeriod,
} from '@app/program';
import { IfPresent, NotBlank } from './not-blank.validator';

// Keys name sections and items in answers and exports, so they stay short and plain.
const KEY = /^[A-Za-z0-9_-]{1,50}$/;
const KEY_MESSAGE = '$property must be 1–50 letters, digits, - or _';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateInstrumentDto {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) kind: InstrumentKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class UpdateInstrumentDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IfPresent() @IsString() @MaxLength(5000) description?: string;
}

export class InstrumentItemDto {
  @ApiProperty({ pattern: KEY.source }) @IsString() @Matches(KEY, { message: KEY_MESSAGE }) key: string;
  @ApiProperty({ enum: ITEM_TYPES }) @IsIn(ITEM_TYPES) type: ItemType;
  @ApiProperty({ maxLength: 1000 }) @IsString() @NotBlank() @MaxLength(1000) prompt: string;
  @ApiPropertyOptional({ type: [String], description: `Single and multiple choice: 2–${MAX_OPTIONS} distinct options` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  options?: string[];
  @ApiProperty() @IsBoolean() required: boolean;
}

export class InstrumentSectionDto {
  @ApiProperty({ pattern: KEY.source }) @IsString() @Matches(KEY, { message: KEY_MESSAGE }) key: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiProperty({ type: [InstrumentItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InstrumentItemDto)
  items: InstrumentItemDto[];
}

export class SaveVersionDto {
  @ApiProperty({ type: [InstrumentSectionDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => InstrumentSectionDto)
  sections: InstrumentSectionDto[];
}

export class InstrumentListQueryDto {
  @ApiPropertyOptional({ enum: INSTRUMENT_KINDS }) @IsOptional() @IsIn(INSTRUMENT_KINDS) kind?: InstrumentKind;
}

export class SubmitResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The published version answered' }) @IsUUID() versionId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Item key → answer: Likert 1–5, an option, a list of options, or text (at most 2000 characters)',
  })
  @IsObject()
  answers: Record<string, unknown>;
}

export class SchoolResultsQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() instrumentId: string;
  @ApiPropertyOptional({ enum: RESULT_PERIODS, default: 'quarter' }) @IsOptional() @IsIn(RESULT_PERIODS) period?: ResultPeriod;
}

export class DistributionQueryDto {
  @ApiPropertyOptional({ enum: RESULT_PERIODS, default: 'quarter' }) @IsOptional() @IsIn(RESULT_PERIODS) period?: ResultPeriod;
  @ApiPropertyOptional({ description: 'Only this version number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}

export class LandscapeListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class CreateLandscapeEffortDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiProperty({ enum: LANDSCAPE_SPHERES }) @IsIn(LANDSCAPE_SPHERES) sphere: LandscapeSphere;
  @ApiPropertyOptional({ example: '2024-09-01', nullable: true })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'startedOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startedOn must be a real date' })
  startedOn?: string | null;
  @ApiProperty({ enum: LANDSCAPE_STATUSES }) @IsIn(LANDSCAPE_STATUSES) status: LandscapeStatus;
  @ApiPropertyOptional({ maxLength: 5000, description: 'What shows whether the effort works' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  effectivenessEvidence?: string;
}

export class UpdateLandscapeEffortDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IfPresent() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: LANDSCAPE_SPHERES }) @IfPresent() @IsIn(LANDSCAPE_SPHERES) sphere?: LandscapeSphere;
  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @Matches(DATE_ONLY, { message: 'startedOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startedOn must be a real date' })
  startedOn?: string | null;
  @ApiPropertyOptional({ enum: LANDSCAPE_STATUSES }) @IfPresent() @IsIn(LANDSCAPE_STATUSES) status?: LandscapeStatus;
  @ApiPropertyOptional({ maxLength: 5000 }) @IfPresent() @IsString() @MaxLength(5000) effectivenessEvidence?: string;
}
