/** The staff console (/console): cases from submission to issued certificate, certificates, due lists, reminders. */
import { start } from '../../console/app';

void start();
