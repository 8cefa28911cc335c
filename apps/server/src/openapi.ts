import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /api/docs (JSON at /api/docs-json), generated from the controllers and DTOs. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ART Commons API')
      .setDescription(
        'Community of practice for anti-racism in medical education. Cookie-authenticated writes need X-Requested-With: art-commons.',
      )
      .setVersion('1')
      .addCookieAuth('artc_session')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', ui: true });
}
