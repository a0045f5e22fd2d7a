// Records keyed by ids (a doctor's allowed sites per block, vacation weeks per block): an id may
// be any name, `constructor` and `toString` too, so a lookup reads only what the record holds
// itself, never what every object inherits.

/** `record[key]` when the record holds that key itself, else undefined. */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
