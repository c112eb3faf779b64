// opencc-js ships its dictionaries as ESM modules without type declarations: each default-exports
// one string of "from to|from to|…" entries.
declare module "opencc-js/dict/TSCharacters" {
  const dictionary: string;
  export default dictionary;
}
declare module "opencc-js/dict/TWVariantsRev" {
  const dictionary: string;
  export default dictionary;
}
declare module "opencc-js/dict/HKVariantsRev" {
  const dictionary: string;
  export default dictionary;
}
