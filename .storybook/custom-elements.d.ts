// The generated manifest is imported by preview.ts; the repo does not switch on `resolveJsonModule`.
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
