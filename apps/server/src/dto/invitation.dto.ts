import { NotBlank } from './not-blank.validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH, PLATFORM_ROLES, SCHOOL_ROLES, type PlatformRole, type SchoolRole } from '@app/identity';
import { ProfileFieldsDto } from './me.dto';

export class CreateInvitationDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) displayName?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() institutionId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cohortId?: string;
  @ApiPropertyOptional({ enum: SCHOOL_ROLES }) @IsOptional() @IsIn(SCHOOL_ROLES) schoolRole?: SchoolRole;
  @ApiPropertyOptional({ enum: PLATFORM_ROLES }) @IsOptional() @IsIn(PLATFORM_ROLES) platformRole?: PlatformRole;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() schoolLead?: boolean;
}

export class BulkInvitationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() institutionId: string;
  @ApiProperty({ description: 'CSV with header email,name,school_role,cohort' })
  @IsString()
  @MinLength(1)
  @MaxLength(512_000)
  csv: string;
}

export class AcceptInvitationDto extends ProfileFieldsDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(100) declare displayName: string;
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH }) @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) password: string;
}

export class ListInvitationsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() institutionId?: string;
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'revoked', 'expired'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'revoked', 'expired'])
  status?: string;
}
