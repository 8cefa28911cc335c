import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FLAG_KINDS, type FlagKind, type FlagResolution } from '@app/forum';

const RESOLUTIONS: FlagResolution[] = ['dismiss', 'hide', 'restore'];

export class CreateFlagDto {
  @ApiProperty({ enum: FLAG_KINDS }) @IsIn(FLAG_KINDS) kind: FlagKind;
  @ApiPropertyOptional({ maxLength: 1000, description: 'Private: seen by the reporter and the reviewers only' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() spaceId?: string;
}

export class ResolveFlagDto {
  @ApiProperty({ enum: RESOLUTIONS }) @IsIn(RESOLUTIONS) action: FlagResolution;
  @ApiPropertyOptional({ description: 'Required to hide' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
