import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
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
import {
  INDICATOR_DIRECTIONS,
  MAX_MEASUREMENT_EVIDENCE_URLS,
  TARGET_CATEGORIES,
  TARGET_SPHERES,
  TARGET_STATUSES,
  type IndicatorDirection,
  type TargetCategory,
  type TargetSphere,
  type TargetStatus,
} from '@app/program';
import { IfPresent, NotBlank } from './not-blank.validator';

const PLAN_TEXT_CAP = 20_000;
const ENTRY_TEXT_CAP = 20_000;

/** A date without time, 'YYYY-MM-DD', that exists on the calendar (no 30 February). */
const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/** A finite number: JSON's 1e999 arrives as Infinity and is refused here. */
const IsFiniteNumber = () => IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a finite number' });

export class ChangePlanTextDto {
  @ApiPropertyOptional({ description: 'Markdown' }) @IfPresent() @IsString() @MaxLength(PLAN_TEXT_CAP) stakeholderAnalysis?: string;
  @ApiPropertyOptional({ description: 'Markdown' }) @IfPresent() @IsString() @MaxLength(PLAN_TEXT_CAP) successFactors?: string;
  @ApiPropertyOptional({ description: 'Markdown' }) @IfPresent() @IsString() @MaxLength(PLAN_TEXT_CAP) communicationsPlan?: string;
  @ApiPropertyOptional({ description: 'Markdown' }) @IfPresent() @IsString() @MaxLength(PLAN_TEXT_CAP) studentFeedbackLoop?: string;
}

export class CreateChangeTargetDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiPropertyOptional({ maxLength: 10_000 }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiProperty({ format: 'uuid', description: 'An active member of the school' }) @IsUUID() ownerId: string;
  @ApiProperty({ enum: TARGET_SPHERES }) @IsIn(TARGET_SPHERES) sphere: TargetSphere;
  @ApiProperty({ enum: TARGET_CATEGORIES }) @IsIn(TARGET_CATEGORIES) category: TargetCategory;
  @ApiPropertyOptional({ enum: TARGET_STATUSES, default: 'planned' }) @IsOptional() @IsIn(TARGET_STATUSES) status?: TargetStatus;
  @ApiProperty({ example: '2026-01-15' }) @IsCalendarDate() startsOn: string;
  @ApiProperty({ example: '2026-12-15', description: 'On or after startsOn' }) @IsCalendarDate() dueOn: string;
  @ApiPropertyOptional({ type: ChangePlanTextDto }) @IsOptional() @ValidateNested() @Type(() => ChangePlanTextDto) plan?: ChangePlanTextDto;
}

export class UpdateChangeTargetDto {
  @ApiPropertyOptional() @IfPresent() @IsString() @NotBlank() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IfPresent() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ enum: TARGET_SPHERES }) @IfPresent() @IsIn(TARGET_SPHERES) sphere?: TargetSphere;
  @ApiPropertyOptional({ enum: TARGET_CATEGORIES }) @IfPresent() @IsIn(TARGET_CATEGORIES) category?: TargetCategory;
  @ApiPropertyOptional({ enum: TARGET_STATUSES }) @IfPresent() @IsIn(TARGET_STATUSES) status?: TargetStatus;
  @ApiPropertyOptional() @IfPresent() @IsCalendarDate() startsOn?: string;
  @ApiPropertyOptional() @IfPresent() @IsCalendarDate() dueOn?: string;
  @ApiPropertyOptional({ type: ChangePlanTextDto }) @IfPresent() @ValidateNested() @Type(() => ChangePlanTextDto) plan?: ChangePlanTextDto;
}

export class ChangeTargetListQueryDto {
  @ApiPropertyOptional({ enum: TARGET_STATUSES }) @IsOptional() @IsIn(TARGET_STATUSES) status?: TargetStatus;
  @ApiPropertyOptional({ enum: TARGET_CATEGORIES }) @IsOptional() @IsIn(TARGET_CATEGORIES) category?: TargetCategory;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class CreateChangeStepDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @NotBlank() @MaxLength(300) title: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsCalendarDate() dueOn?: string | null;
}

export class UpdateChangeStepDto {
  @ApiPropertyOptional() @IfPresent() @IsString() @NotBlank() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null: nobody' }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'null: no due date' }) @IsOptional() @IsCalendarDate() dueOn?: string | null;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() done?: boolean;
}

export class CreateChangeIndicatorDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiProperty({ maxLength: 40, example: '%' }) @IsString() @NotBlank() @MaxLength(40) unit: string;
  @ApiProperty() @IsFiniteNumber() baseline: number;
  @ApiProperty({ description: 'Above the baseline to increase, below it to decrease' }) @IsFiniteNumber() targetValue: number;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) @IsIn(INDICATOR_DIRECTIONS) direction: IndicatorDirection;
}

export class UpdateChangeIndicatorDto {
  @ApiPropertyOptional() @IfPresent() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'Only while nothing was measured' }) @IfPresent() @IsString() @NotBlank() @MaxLength(40) unit?: string;
  @ApiPropertyOptional() @IfPresent() @IsFiniteNumber() baseline?: number;
  @ApiPropertyOptional() @IfPresent() @IsFiniteNumber() targetValue?: number;
  @ApiPropertyOptional({ enum: INDICATOR_DIRECTIONS }) @IfPresent() @IsIn(INDICATOR_DIRECTIONS) direction?: IndicatorDirection;
}

export class CreateChangeMeasurementDto {
  @ApiProperty({ description: 'No later than tomorrow' }) @IsCalendarDate() measuredOn: string;
  @ApiProperty() @IsFiniteNumber() value: number;
  @ApiProperty({ description: 'Must be the indicator’s unit' }) @IsString() @NotBlank() @MaxLength(40) unit: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
  @ApiPropertyOptional({ type: [String], description: `Absolute http(s) links, at most ${MAX_MEASUREMENT_EVIDENCE_URLS}` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEASUREMENT_EVIDENCE_URLS)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { each: true, message: 'each evidence link must be an absolute http(s) address' })
  @MaxLength(2000, { each: true })
  evidenceUrls?: string[];
}

export class ChangeMeasurementListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class CreateChangeWinDto {
  @ApiProperty() @IsCalendarDate() happenedOn: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) title: string;
  @ApiProperty({ description: 'What happened' }) @IsString() @MaxLength(ENTRY_TEXT_CAP) body: string;
}

export class CreateChangeCorrectionDto extends CreateChangeWinDto {
  @ApiProperty({ description: 'Why the plan changed; `body` says what changed' }) @IsString() @NotBlank() @MaxLength(ENTRY_TEXT_CAP) reason: string;
}

export class ShareChangeEntryDto {
  @ApiPropertyOptional({ description: 'Name the school in the story (default: no)' }) @IsOptional() @IsBoolean() nameSchool?: boolean;
}

export class CoalitionMemberDto {
  @ApiProperty({ description: 'The term runs one year from this date' }) @IsCalendarDate() termStartsOn: string;
  @ApiPropertyOptional({ description: 'true makes them chair (the previous chair steps down); false steps down' }) @IfPresent() @IsBoolean() chair?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Which coalition, when the school has several' }) @IsOptional() @IsUUID() groupId?: string;
}

export class CoalitionGroupQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() groupId?: string;
}
