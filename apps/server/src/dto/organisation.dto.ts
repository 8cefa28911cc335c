import { NotBlank } from './not-blank.validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { GROUP_KINDS, type GroupKind } from '@app/identity';

export class CreateInstitutionDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/) @MaxLength(60) slug?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class UpdateInstitutionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ description: 'Whether other schools see this school named in readiness comparisons' })
  @IsOptional()
  @IsBoolean()
  namedToPeers?: boolean;
}

export class CreateCohortDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() institutionId: string;
  @ApiProperty() @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) programYear: number;
}

export class UpdateCohortDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(2000) @Max(2100) programYear?: number;
}

export class CreateGroupDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiProperty({ enum: GROUP_KINDS }) @IsIn(GROUP_KINDS) kind: GroupKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Omit for a consortium-wide group' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

export class UpdateGroupDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: GROUP_KINDS }) @IsOptional() @IsIn(GROUP_KINDS) kind?: GroupKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId: string;
}

export class InstitutionFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() institutionId?: string;
}
