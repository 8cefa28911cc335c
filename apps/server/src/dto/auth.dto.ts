import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '@app/identity';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.art-commons.test' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class PasswordResetRequestDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) token: string;
  /** Length is the service's rule (WEAK_PASSWORD), so the reset form hears it the same way from any client. */
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH }) @IsString() @MaxLength(200) password: string;
}
