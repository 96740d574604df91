/** Ahjo ClassificationCode/ClassificationTitle → Category. */
import { CATEGORY_SCHEME, gid, nonEmpty, parentCodeOf } from './common';

export interface Category {
  id: string;
  code: string | null;
  name: string;
  scheme: string;
  parentCode: string | null;
}

export function categoryOf(code: string | null | undefined, title: string | null | undefined): Category[] {
  const c = nonEmpty(code);
  const name = nonEmpty(title);
  if (!c && !name) return [];
  return [{ id: gid('category', c ?? name!), code: c, name: name ?? c!, scheme: CATEGORY_SCHEME, parentCode: c ? parentCodeOf(c) : null }];
}
