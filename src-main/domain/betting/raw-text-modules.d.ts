// Vite/Vitest load `?raw` imports as the file's text; tests use this to read the shared
// reference vectors without importing node:fs into the pure domain.
declare module '*?raw' {
  const text: string;
  export default text;
}
