"""Attribution v1: touchpoints classified, orders credited (last click in a 7-day window by default).

Written once as Ibis expressions on unbound tables: the same on DuckDB and
PostgreSQL, compiled to BigQuery. Modules, one idea each:

- `urls`: UTM values and referrer hosts out of URLs (Ibis and a Python twin);
- `referrers`, `channels`: the shipped, versioned data files and their small engines;
- `touchpoints`: (source, medium, campaign), channel, paid, platform of each touchpoint;
- `models`: last_click, first_click, linear as data; cents-exact splitting;
- `journeys`: candidates, credit and the relations users query;
- `metrics`: attributed_revenue, attributed_orders, roas, attribution_rate and the dimensions;
- `explain`: why one order was credited as it was.

>>> from semantic.project import Project
>>> relation(Project.defaults(), "order_attribution").columns[:3]
('shop_id', 'order_id', 'day')
"""

from semantic.attribution.journeys import RELATIONS, relation
from semantic.attribution.models import MODELS

__all__ = ["MODELS", "RELATIONS", "relation"]
