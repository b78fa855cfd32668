/** A loader's database read failed: a 500 with what was being loaded, never a partial page. */
export function failLoading(
  what: string,
  error: { code?: string | null; message?: string | null },
): never {
  throw new Error(`Loading ${what} failed: ${error.code ?? ""} ${error.message ?? ""}`);
}
