/**
 * The files the document renderers load at run time, named once: the functions find them, the stack copies them
 * beside the bundle (no system font anywhere, the same bytes on Lambda and a laptop). Noto Sans SC is under the
 * SIL Open Font License 1.1 (its text travels with it); HarfBuzz is MIT.
 */
export interface RuntimeAsset {
  /** The npm package it comes from, and its path there. */
  package: string;
  inPackage: string;
  /** Its name beside the bundle, under DOCUMENT_ASSET_DIR. */
  file: string;
}

export const DOCUMENT_ASSET_DIR = 'document-assets';

export const DOCUMENT_FONTS = {
  regular: {
    package: '@expo-google-fonts/noto-sans-sc',
    inPackage: '400Regular/NotoSansSC_400Regular.ttf',
    file: 'NotoSansSC-Regular.ttf',
  },
  bold: {
    package: '@expo-google-fonts/noto-sans-sc',
    inPackage: '700Bold/NotoSansSC_700Bold.ttf',
    file: 'NotoSansSC-Bold.ttf',
  },
} as const satisfies Record<string, RuntimeAsset>;

export const DOCUMENT_FONT_LICENCE: RuntimeAsset = {
  package: '@expo-google-fonts/noto-sans-sc',
  inPackage: 'LICENSE_FONT',
  file: 'NotoSansSC-OFL.txt',
};

export const SUBSET_WASM: RuntimeAsset = {
  package: 'harfbuzzjs',
  inPackage: 'dist/harfbuzz-subset.wasm',
  file: 'harfbuzz-subset.wasm',
};

export const DOCUMENT_ASSETS: readonly RuntimeAsset[] = [
  DOCUMENT_FONTS.regular,
  DOCUMENT_FONTS.bold,
  DOCUMENT_FONT_LICENCE,
  SUBSET_WASM,
];
