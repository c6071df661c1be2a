/** `?raw` imports: Vitest (Vite) and the esbuild bundle script both inline the file as text. */
declare module "*?raw" {
  const text: string;
  export default text;
}
