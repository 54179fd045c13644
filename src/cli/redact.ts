/** A message never echoes the value given to --app-secret, whatever parsed it. */
export function redact(message: string, argv: readonly string[]): string {
  const secrets = argv
    .flatMap((a, i) =>
      a === '--app-secret'
        ? [argv[i + 1] ?? '']
        : a.startsWith('--app-secret=')
          ? [a.slice('--app-secret='.length)]
          : [],
    )
    .filter((s) => s.length > 0);
  return secrets.reduce((m, s) => m.replaceAll(s, '***'), message);
}
