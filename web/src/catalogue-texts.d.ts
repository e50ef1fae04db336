// One language of a catalogue module, `key → text` (web/catalogue-texts.ts).
declare module '*?lang=zh-CN' {
  const texts: Readonly<Record<string, string>>;
  export default texts;
}
declare module '*&lang=zh-CN' {
  const texts: Readonly<Record<string, string>>;
  export default texts;
}
declare module '*?lang=en' {
  const texts: Readonly<Record<string, string>>;
  export default texts;
}
declare module '*&lang=en' {
  const texts: Readonly<Record<string, string>>;
  export default texts;
}
