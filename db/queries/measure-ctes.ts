import 'server-only';
import { sql } from 'drizzle-orm';

/**
 * The measure a conversion or a voucher is about, as two common table expressions for the statistics
 * (`with ${MEASURE_CTES}, …`): conversion_measure reads a conversion's live new PES (babysitting, summer or
 * both; a withdrawn or provider-rejected PES tells nothing); voucher_measure is that of the voucher's latest
 * conversion, where the money freed by its closings went.
 */
export const MEASURE_CTES = sql`conversion_measure as (
  select n.conversion_id,
    case when bool_or(n.kind = 'babysitting_covid') and bool_or(n.kind = 'summer_covid') then 'both'
         when bool_or(n.kind = 'babysitting_covid') then 'babysitting' else 'summer' end as measure
  from pes n
  where n.conversion_id is not null and n.status not in ('deleted', 'rejected')
  group by n.conversion_id
),
voucher_measure as (
  select distinct on (c.voucher_id) c.voucher_id, cm.measure
  from conversions c join conversion_measure cm on cm.conversion_id = c.id
  order by c.voucher_id, c.created_at desc, c.id desc
)`;
