// npm start: reads the configuration, serves the app on one port, stops cleanly on SIGINT/SIGTERM.
import { buildApp } from './app';
import { readConfig } from './config';

let config;
try {
  config = readConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const server = buildApp().listen(config.PORT, config.HOST, () => {
  console.log(`BT-planeraren listening on http://localhost:${config.PORT}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
  });
}
