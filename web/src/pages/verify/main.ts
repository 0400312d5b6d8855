/**
 * The public verification page (/, /v#<token>, /c/<number>). The scanner and its QR decoder are imported lazily
 * from inside the page, so this entry and its static imports are all a first visit downloads.
 */
import { start } from '../../verify/app';
import { registerServiceWorker } from '../../verify/offline';

start();
registerServiceWorker();
