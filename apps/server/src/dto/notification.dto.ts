import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DELIVERY_CHANNELS, DIGEST_FREQUENCIES, type DeliveryChannel, type DigestFrequency } from '@app/notifications';

export class CursorQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class NotificationListQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class DigestPreferenceDto {
  @ApiPropertyOptional({ enum: DIGEST_FREQUENCIES }) @IsOptional() @IsIn(DIGEST_FREQUENCIES) frequency?: DigestFrequency;
  @ApiPropertyOptional({ minimum: 0, maximum: 23 }) @IsOptional() @IsInt() @Min(0) @Max(23) hour?: number;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ description: `kind → one of ${DELIVERY_CHANNELS.join(', ')}` })
  @IsOptional()
  @IsObject()
  kinds?: Record<string, DeliveryChannel>;
  @ApiPropertyOptional({ type: DigestPreferenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DigestPreferenceDto)
  digest?: DigestPreferenceDto;
  @ApiPropertyOptional({ description: 'An IANA time zone, e.g. America/New_York' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @ApiPropertyOptional({ nullable: true, description: 'Quiet until this time (no email); null ends quiet mode' })
  @IsOptional()
  @IsISO8601({ strict: true })
  quietUntil?: string | null;
}

export class UnsubscribeDto {
  @ApiPropertyOptional() @IsString() @MaxLength(2000) token: string;
}
