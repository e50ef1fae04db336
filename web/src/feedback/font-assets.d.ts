// A font file imported with `?url` (Vite): the URL of the emitted asset, fetched only when the importing chunk asks.
declare module '*.woff?url' {
  const url: string;
  export default url;
}
