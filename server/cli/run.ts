// How every command-line tool ends: its own exit code, or for an error its message on stderr and
// 2 when it refused (bad configuration, or an error the tool calls a refusal), else 1.
export function runCli(name: string, main: () => Promise<number>, isRefusal: (err: unknown) => boolean = () => false): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const message = (err as Error)?.message ?? String(err);
      console.error(`${name}: ${message}`);
      process.exit(isRefusal(err) || message.startsWith('Invalid configuration') ? 2 : 1);
    },
  );
}
