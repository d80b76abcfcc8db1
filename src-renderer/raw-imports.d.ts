/** Vite's `?raw` suffix bundles a file's text at build time (the user guide for the Help page). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
