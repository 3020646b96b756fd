/** Folds text for prefix search: lower case, accents removed ("Adèle" and "ade" meet). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** Escapes LIKE wildcards so that a typed "%" or "_" matches itself. */
export function likePrefix(text: string): string {
  return foldForSearch(text).replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}
