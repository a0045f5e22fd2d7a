// The region's load (Beläggning): every site's BT doctors in service per week and cohort, from
// the published plans and from each cohort's newest draft, with the sites' capacities.
import type { DataSource } from 'typeorm';
import type { Occupancy } from '../../shared/api/occupancy';
import { loadRuns } from '../../shared/domain/load';
import { RegionEntity } from '../entities/region';
import { SiteEntity } from '../entities/site';
import { draftLoad, publishedLoad, type CohortLoad } from '../repositories/region-load';
import { found } from './locking';
import { siteResources } from './sites';

export class OccupancyService {
  constructor(private readonly ds: DataSource) {}

  async ofRegion(regionId: string): Promise<Occupancy> {
    // One snapshot: a publication between the reads would count its plan twice or not at all.
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      await found(em, RegionEntity, regionId, 'region');
      const cohorts: { uuid: string; name: string; published: number | null; draft: number | null }[] = await em.query(
        `SELECT c.id AS uuid, c.name,
                (SELECT number FROM plans p WHERE p.cohort_id = c.id AND p.status = 'published') AS published,
                (SELECT max(number) FROM plans p WHERE p.cohort_id = c.id AND p.status = 'draft') AS draft
           FROM cohorts c WHERE c.region_id = $1 ORDER BY c.name, c.id`,
        [regionId],
      );
      const sites = await siteResources(em, await em.getRepository(SiteEntity).find({ where: { regionId }, order: { name: 'ASC', code: 'ASC' } }));
      const entries = (plan: 'published' | 'draft', loads: CohortLoad[]) =>
        loads.flatMap(({ cohortId, load }) => [...load].map(([site, weeks]) => ({ site, cohort: cohortId, plan, runs: loadRuns(weeks) })));
      return {
        cohorts,
        sites: sites.map(({ uuid, id, name, town, capacity, overrides }) => ({ uuid, id, name, town, capacity, overrides })),
        load: [...entries('published', await publishedLoad(em, regionId)), ...entries('draft', await draftLoad(em, regionId))],
      };
    });
  }
}
