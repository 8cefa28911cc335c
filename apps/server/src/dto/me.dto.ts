import { NotBlank } from './not-blank.validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SCHOOL_ROLES, MIN_PASSWORD_LENGTH, type SchoolRole } from '@app/identity';

export class ProfileFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @NotBlank() @MaxLength(100) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) pronouns?: string;
  @ApiPropertyOptional({ enum: SCHOOL_ROLES }) @IsOptional() @IsIn(SCHOOL_ROLES) schoolRole?: SchoolRole;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) bio?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  expertise?: string[];
}

export class UpdateProfileDto extends ProfileFieldsDto {}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

export class CreateTokenDto {
  @ApiProperty() @IsString() @NotBlank() @MaxLength(100) name: string;
}
