/** The printable certificate's stylesheet, served from its own URL: the CSP (style-src 'self') forbids inline styles. */
export const CERTIFICATE_CSS = `@page { size: A4; margin: 18mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f1ea; color: #1a1a1a; font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', serif; }
.certificate { max-width: 210mm; min-height: 297mm; margin: 0 auto; padding: 20mm 18mm; background: #fff; border: 3mm double #b71c1c; display: grid; grid-template-columns: 1fr auto; grid-template-areas: "head head" "org org" "facts qr" "foot foot"; gap: 6mm; }
header { grid-area: head; text-align: center; }
.scheme { font-size: 20pt; font-weight: bold; color: #b71c1c; margin: 0; }
.kind { font-size: 28pt; letter-spacing: 0.5em; margin: 4mm 0; }
.kind .en { letter-spacing: 0.05em; }
.number { margin: 0; }
.organization { grid-area: org; text-align: center; font-size: 22pt; margin: 6mm 0 0; }
.organization-en { grid-area: org; align-self: end; text-align: center; margin: 0; color: #444; }
.facts { grid-area: facts; margin: 0; }
.fact { display: grid; grid-template-columns: 48mm 1fr; padding: 2mm 0; border-bottom: 0.2mm solid #ddd; }
.fact dt { font-weight: bold; }
.fact dd { margin: 0; }
.en { color: #666; font-size: 0.8em; font-weight: normal; }
.stars { vertical-align: middle; }
.qr { grid-area: qr; margin: 0; text-align: center; align-self: start; }
footer { grid-area: foot; font-size: 9pt; color: #555; text-align: center; }
.body { font-style: normal; text-align: left; }
.body p { margin: 1mm 0; }
.demo { color: #b71c1c; font-weight: bold; }
.kind { font-size: 14pt; letter-spacing: 0.05em; }
@media print { body { background: #fff; } .certificate { margin: 0; } }
`;
