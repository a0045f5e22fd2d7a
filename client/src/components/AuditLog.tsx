// The region's audit log: who changed what and when, newest first.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/regions';
import { background } from '../api/background';
import { api } from '../api/client';

export function AuditLog({ region }: { region: string }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    background(api.audit(region).then(setEntries));
  }, [region]);
  return (
    <table className="audit" style={{ fontSize: '11px' }}>
      <tbody>
        {entries.slice(0, 50).map((e, i) => (
          <tr key={i}>
            <td>{new Date(e.at).toLocaleString('sv-SE')}</td>
            <td>{e.actor}</td>
            <td>{e.action}</td>
            <td>{e.entity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
