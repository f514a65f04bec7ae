/** 10485760 → "10 MB", 65536 → "64 KB": the limit as a clerk reads it (binary units, as the code sets them). */
export function formatBytes(bytes: number): string {
  const units: readonly [number, string][] = [
    [1024 ** 4, 'TB'],
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} 字节`;
}
