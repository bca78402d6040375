// Prettier owns the layout of the code (`npm run format`; `npm run lint` checks it).
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  // Lit's html`` and css`` templates keep their author's layout: whitespace inside a template is
  // rendered text (Prettier would move a caption's text onto lines of its own, changing what a
  // reader and the tests see), and eslint-plugin-lit checks templates instead.
  embeddedLanguageFormatting: 'off',
};
