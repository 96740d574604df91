/** Ahjo ClassificationCode/ClassificationTitle → Category. */
import { gid, nonEmpty, parentCodeOf, type MappingCity } from './common';

export interface Category {
  id: string;
  code: string | null;
  name: string;
  scheme: string;
  parentCode: string | null;
}

export function categoryOf(city: MappingCity, code: string | null | undefined, title: string | null | undefined): Category[] {
  const c = nonEmpty(code);
  const name = nonEmpty(title);
  if (!c && !name) return [];
  return [{ id: gid(city, 'category', c ?? name!), code: c, name: name ?? c!, scheme: city.categoryScheme, parentCode: c ? parentCodeOf(c) : null }];
}
