// Serves the built pages with vite preview on a free localhost port.
import { createServer } from 'node:net';
import { preview, type PreviewServer } from 'vite';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('bench: no free port')),
      );
    });
  });
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(root: string, outDir: string): Promise<PageServer> {
  const port = await freePort();
  const server: PreviewServer = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
