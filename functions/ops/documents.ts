/** Operations of the documents concern, by the op names of its routes: parse → call → respond. */
import { certificateDocumentOf, certificatePdfOf } from '../documents/certificate';
import type { Operation } from '../http/dispatch';
import { readableCertificate } from './staff-certificates';

const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const staffDocumentOperations: Record<string, Operation> = {
  certificateDocument: async (req, deps) => {
    const certificate = await readableCertificate(req, deps);
    return { status: 200, body: await certificateDocumentOf(deps, certificate) };
  },
  certificatePdf: async (req, deps) => {
    const certificate = await readableCertificate(req, deps);
    const pdf = await certificatePdfOf(deps, certificate);
    return {
      status: 200,
      raw: { contentType: 'application/pdf', text: Buffer.from(pdf).toString('base64'), base64: true },
      headers: download(`${certificate.number}-certificate.pdf`),
    };
  },
};
