/**
 * zod, the "mini" build: functions instead of methods, so a bundle carries only what the schemas use (the classic
 * build cannot be tree-shaken: one z.object costs ~450 KB minified). Every schema module imports zod from here, never
 * from the classic entry point (test/unit/bundle-weight.test.ts), so that issues carry zod's English messages, which
 * mini leaves out by default ("Invalid input: expected string, received undefined" rather than "Invalid input").
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
