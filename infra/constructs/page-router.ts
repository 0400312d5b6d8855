/**
 * A CloudFront Function that maps the clean page URLs to the HTML files of the built site. S3 behind origin access
 * control serves exact keys only, so without this `/v` (where every star-mark QR code lands) would be a 403.
 */
import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

// Clean page URLs, as the local gateway serves them (functions/local/static-files.ts PAGE_ALIASES): `/v` is
// where a star-mark QR code lands, `/c/<number>` a certificate permalink, `/console` the staff console.
// Keep the two in step until that table moves to shared/.
export const PAGE_ALIASES: Record<string, string> = {
  '/': '/index.html',
  '/v': '/index.html',
  '/c': '/index.html',
  '/console': '/console.html',
};
export const PAGE_ROUTER = `var ALIASES = ${JSON.stringify(PAGE_ALIASES)};
function handler(event) {
  var request = event.request;
  var alias = ALIASES[request.uri];
  if (alias) request.uri = alias;
  else if (request.uri.startsWith('/c/')) request.uri = '/index.html';
  return request;
}`;

export class PageRouter extends Construct {
  readonly function: CloudFrontFunction;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.function = new CloudFrontFunction(this, 'Function', {
      code: FunctionCode.fromInline(PAGE_ROUTER),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Map clean page URLs (/v, /c/<number>, /console) to their HTML files',
    });
  }
}
