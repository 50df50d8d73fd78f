// The build's prepaint: index.html carries the starter's page as markup, so a first visit sees the canvas with
// its cards as soon as the HTML and the style sheet are in, instead of after the whole bundle has been fetched,
// compiled and run (about half a second on a modest machine). src/prepaint/render-starter.tsx renders it with
// the app's own components on the server; src/prepaint/boot.ts, written beside it as a small classic script,
// fits its canvas to the visitor's window, shows instead the snapshot of the user's autosaved work the app
// stored (src/prepaint/snapshot.ts) when it is exactly what the app will open, or removes it (a link, an embed,
// a stale snapshot). #root's data-prepaint-build names the build, so a snapshot drawn by another build is never
// shown. React replaces the markup on its first commit; until then the markup is inert.
import { createHash } from 'node:crypto';
import { createServer } from 'vite';

/** A build-only Vite plugin that writes the prepainted starter into index.html. */
export function prepaint() {
  let root = process.cwd();
  let base = '/';
  let rendered = null;
  return {
    name: 'scale-playground:prepaint',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    async buildStart() {
      // A server of its own renders the app's modules for Node; the build's module graph is not disturbed.
      const server = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } });
      try {
        const { renderStarterPrepaint } = await server.ssrLoadModule('/src/prepaint/render-starter.tsx');
        const { prepaintBoot } = await server.ssrLoadModule('/src/prepaint/boot.ts');
        const { html, frame } = renderStarterPrepaint();
        const boot = `(${prepaintBoot.toString()})(window);\n`;
        const fileName = `assets/prepaint-${createHash('sha256').update(boot).digest('hex').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName, source: boot });
        rendered = { html, frame, fileName };
      } finally {
        await server.close();
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!rendered) throw new Error('The prepaint was not rendered before index.html was written.');
        const empty = '<div id="root"></div>';
        if (!html.includes(empty)) throw new Error(`index.html has no ${empty} to prepaint.`);
        if (!/\/assets\/index-[^"]*\.js"/.test(html)) throw new Error('index.html names no entry chunk yet: the prepaint cannot name its build.');
        // The build's id: the page with its hashed entry chunk and style sheet names, the starter and the boot
        // script. A snapshot of the user's work (src/prepaint/snapshot.ts) is shown only by the build that drew it.
        const build = createHash('sha256').update(html).update(rendered.html).update(rendered.fileName).digest('hex').slice(0, 16);
        const frame = escapeAttribute(JSON.stringify(rendered.frame));
        return html.replace(
          empty,
          `<div id="root" data-prepaint="" data-prepaint-build="${build}" data-prepaint-frame="${frame}">${rendered.html}</div>\n    <script src="${base}${rendered.fileName}"></script>`,
        );
      },
    },
  };
}

function escapeAttribute(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
