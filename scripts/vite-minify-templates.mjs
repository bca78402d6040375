// Vite minifies code, not the text inside Lit's tagged templates: the elements' styles kept their
// comments and indentation (about 3 kB gzip of the <script> build). This plugin, for the sources
// in src/ only, strips CSS comments and collapses whitespace in `css` templates, and collapses
// the line breaks and indentation between markup in `html` and `svg` templates to one space
// (which renders the same: none of our templates uses <pre>, <textarea> or `white-space: pre`).
// A template it cannot read with certainty (a backtick inside a `${}` expression) stays as it is.
import { Visitor, parseSync } from 'vite';

const TAGS = new Set(['css', 'html', 'svg']);

/** CSS: comments out, whitespace runs to one space, none around punctuation or after a colon; strings kept. */
function minifyCss(text) {
  let out = '';
  const bare = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const piece of bare.split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)) {
    if (piece.startsWith("'") || piece.startsWith('"')) out += piece;
    else
      out += piece
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':');
  }
  return out;
}

const minifyMarkup = (text) => text.replace(/\s*\n\s*/g, ' ');

/** @returns {import('vite').Plugin} */
export function minifyTemplates() {
  return {
    name: 'email-responses:minify-templates',
    transform(code, id) {
      const file = id.split('?')[0] ?? '';
      if (!/\/src\/.*\.ts$/.test(file) || !/\b(css|html|svg)`/.test(code)) return undefined;
      /** [start, end, text]: each static part of a template, rewritten. */
      const edits = [];
      new Visitor({
        TaggedTemplateExpression(node) {
          if (node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
          const minify = node.tag.name === 'css' ? minifyCss : minifyMarkup;
          const quasis = node.quasi.quasis;
          // A comment left open in a part spans an expression: leave that template alone.
          if (minify === minifyCss && quasis.some((q) => /\/\*(?![\s\S]*\*\/)/.test(q.value.raw))) return;
          quasis.forEach((q, n) => {
            // A part's range includes its delimiters (` or } before, ` or ${ after).
            const from = q.start + 1;
            const raw = q.value.raw;
            if (code.slice(from, from + raw.length) !== raw) return;
            let text = minify(raw);
            if (n === 0) text = text.trimStart();
            if (n === quasis.length - 1) text = text.trimEnd();
            edits.push([from, from + raw.length, text]);
          });
        },
      }).visit(parseSync(file, code).program);
      if (edits.length === 0) return undefined;
      edits.sort((a, b) => a[0] - b[0]);
      let out = '';
      let last = 0;
      for (const [from, to, text] of edits) {
        out += code.slice(last, from) + text;
        last = to;
      }
      return { code: out + code.slice(last), map: null };
    },
  };
}
