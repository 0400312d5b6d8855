/** The procurement page (/procurement.html): search, bulk check, receipts. */
import { start } from '../../procurement/app';

start();
