/** Operations of the documents concern, by the op names of its routes: the typed call → the use case → respond. */
import { certificateDocumentOf, certificatePdfOf } from '../documents/certificate';
import { printMarkPdfOf, printMarkPngOf, printMarkSvgOf } from '../documents/print-mark';
import { readableCertificate } from './staff-certificates';
import type { StaffOperations } from './tables';

const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const staffDocumentOperations = {
  certificateDocument: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    return { status: 200, body: await certificateDocumentOf(deps, certificate) };
  },
  certificatePdf: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const pdf = await certificatePdfOf(deps, certificate);
    return {
      status: 200,
      raw: { contentType: 'application/pdf', text: Buffer.from(pdf).toString('base64'), base64: true },
      headers: download(`${certificate.number}-certificate.pdf`),
    };
  },
  printMarkSvg: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    return {
      status: 200,
      raw: { contentType: 'image/svg+xml; charset=utf-8', text: await printMarkSvgOf(deps, certificate) },
      headers: download(`${certificate.number}-print-mark.svg`),
    };
  },
  printMarkPdf: async ({ actor, params }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const pdf = await printMarkPdfOf(deps, certificate);
    return {
      status: 200,
      raw: { contentType: 'application/pdf', text: Buffer.from(pdf).toString('base64'), base64: true },
      headers: download(`${certificate.number}-print-mark.pdf`),
    };
  },
  printMarkPng: async ({ actor, params, query }, deps) => {
    const certificate = await readableCertificate(actor, params.number, deps);
    const dpi = query.dpi === '600' ? 600 : 300;
    const png = await printMarkPngOf(deps, certificate, dpi);
    return {
      status: 200,
      raw: { contentType: 'image/png', text: png.toString('base64'), base64: true },
      headers: download(`${certificate.number}-print-mark-${dpi}dpi.png`),
    };
  },
} satisfies Partial<StaffOperations>;
