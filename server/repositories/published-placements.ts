// The one read of published placements: what clinics, doctors' years, calendar feeds and the
// region's load (capacity shared by every cohort) all see. Only published plans count; each
// row carries what its readers show, filtered by region, cohort, doctor or site.
import type { EntityManager } from 'typeorm';
import type { Category } from '../../shared/domain/block-kinds';

export interface PublishedPlacement {
  /** Stable across versions: the calendar UID. */
  placement: string;
  sequence: number;
  /** When a publication last changed it (ISO, UTC). */
  changedAt: string;
  doctorId: string;
  /** The doctor's id in the cohort's problem file. */
  doctorCode: string;
  doctorName: string;
  protectedIdentity: boolean;
  cohortId: string;
  cohortName: string;
  block: string;
  /** null when the cohort's template no longer has the block. */
  kind: string | null;
  category: Category | null;
  siteId: string | null;
  /** The site's id (code) in problem files. */
  site: string | null;
  siteName: string | null;
  address: string | null;
  from: string;
  to: string;
}

export interface PlacementFilter {
  regionId?: string;
  cohortId?: string;
  /** Every cohort but this one (the region's load on the cohort being planned). */
  exceptCohortId?: string;
  doctorId?: string;
  siteId?: string;
  /** Only placements that end after this date. */
  endingAfter?: string;
}

interface Row {
  placement_id: string;
  sequence: number;
  changed_at: Date;
  doctor_id: string;
  doctor_code: string;
  doctor_name: string;
  protected_identity: boolean;
  cohort_id: string;
  cohort_name: string;
  block: string;
  kind: string | null;
  category: Category | null;
  site_id: string | null;
  site: string | null;
  site_name: string | null;
  address: string | null;
  from_week: string;
  to_week: string;
}

/** Published placements matching every given filter, by start, end and placement id (a stable order). */
export async function publishedPlacements(em: EntityManager, filter: PlacementFilter): Promise<PublishedPlacement[]> {
  const rows: Row[] = await em.query(
    `SELECT a.placement_id, a.sequence, a.changed_at, a.doctor_id, d.code AS doctor_code, d.name AS doctor_name, d.protected_identity,
            c.id AS cohort_id, c.name AS cohort_name, a.block, tb.kind, tb.category,
            a.site_id, s.code AS site, s.name AS site_name, s.address, a.from_week::text AS from_week, a.to_week::text AS to_week
       FROM assignments a
       JOIN plans p ON p.id = a.plan_id AND p.status = 'published'
       JOIN cohorts c ON c.id = p.cohort_id
       JOIN doctors d ON d.id = a.doctor_id
       LEFT JOIN template_blocks tb ON tb.template_id = c.template_id AND tb.code = a.block
       LEFT JOIN sites s ON s.id = a.site_id
      WHERE ($1::uuid IS NULL OR c.region_id = $1)
        AND ($2::uuid IS NULL OR c.id = $2)
        AND ($3::uuid IS NULL OR c.id <> $3)
        AND ($4::uuid IS NULL OR a.doctor_id = $4)
        AND ($5::uuid IS NULL OR a.site_id = $5)
        AND ($6::date IS NULL OR a.to_week > $6)
      ORDER BY a.from_week, a.to_week, a.placement_id`,
    [filter.regionId ?? null, filter.cohortId ?? null, filter.exceptCohortId ?? null, filter.doctorId ?? null, filter.siteId ?? null, filter.endingAfter ?? null],
  );
  return rows.map((r) => ({
    placement: r.placement_id,
    sequence: r.sequence,
    changedAt: r.changed_at.toISOString(),
    doctorId: r.doctor_id,
    doctorCode: r.doctor_code,
    doctorName: r.doctor_name,
    protectedIdentity: r.protected_identity,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    block: r.block,
    kind: r.kind,
    category: r.category,
    siteId: r.site_id,
    site: r.site,
    siteName: r.site_name,
    address: r.address,
    from: r.from_week,
    to: r.to_week,
  }));
}
