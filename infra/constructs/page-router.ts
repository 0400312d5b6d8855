/**
 * A CloudFront Function that maps the clean page URLs to the HTML files of the built site. S3 behind origin access
 * control serves exact keys only, so without this `/v` (where every star-mark QR code lands) would be a 403. The
 * table is shared/pages.ts's, which the local gateway serves by too.
 */
import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { PAGE_ALIASES, PAGE_PREFIXES } from '../../shared/pages';

// The CloudFront JavaScript runtime runs this source as it is: plain ES5-style code with the tables inlined.
export const PAGE_ROUTER = `var ALIASES = ${JSON.stringify(PAGE_ALIASES)};
var PREFIXES = ${JSON.stringify(PAGE_PREFIXES)};
function handler(event) {
  var request = event.request;
  var alias = ALIASES[request.uri];
  if (alias) {
    request.uri = alias;
    return request;
  }
  var prefixes = Object.keys(PREFIXES);
  for (var i = 0; i < prefixes.length; i++) {
    if (request.uri.startsWith(prefixes[i])) {
      request.uri = PREFIXES[prefixes[i]];
      return request;
    }
  }
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
