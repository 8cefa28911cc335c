import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { AuthService, MeService, PasswordResetService } from '@app/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto } from '../dto/auth.dto';
import type { AuthedRequest } from '../http/current-auth.decorator';
import { LocalAuthGuard } from '../http/local-auth.guard';
import { Public } from '../http/route-access.decorator';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly me: MeService,
    private readonly passwordResets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  async login(@Req() request: FastifyRequest & { user: { userId: string } }, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = await this.auth.openSession(request.user.userId, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    setSessionCookie(reply, token, this.auth.sessionTtlSeconds, this.config.cookieSecure);
    const signedIn = await this.auth.fromSessionToken(token);
    return this.me.me(signedIn!.actor);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Req() request: AuthedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (request.auth?.sessionId) await this.auth.closeSession(request.auth.sessionId);
    clearSessionCookie(reply, this.config.cookieSecure);
  }

  /** The same 202 whether or not the address has an account, so the answer reveals nothing. */
  @Post('password-reset')
  @Public()
  @HttpCode(202)
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest) {
    await this.passwordResets.request(body.email, request.ip);
    return { ok: true };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordResets.confirm(body.token, body.password);
  }
}
