/** Modules the web bundle resolves itself (scripts/build-web.ts) or that ship without types. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module 'virtual:lkip-config' {
  const config: unknown;
  export default config;
}
declare module 'virtual:worker-source' {
  const source: string;
  export default source;
}
