-- Last-click attribution end to end from the raw sessions, written by hand for DuckDB:
-- revenue and channel of each included order by shop, as semantic's order_attribution gives them.
-- The referrer table and the internal hosts are data (bench_referrer_patterns(position, regex, source,
-- medium) and bench_internal_hosts(regex), filled from semantic/data/referrers.toml and the
-- attribution knobs); the channel rules of semantic/data/channels.toml are written out as a CASE.
-- Direct sessions are dropped before the join: they never win, and an order's own landing site
-- counts only when no session click is in the window.
WITH o AS (
  SELECT shop_id, order_id, processed_at, visitor_id, customer_id, landing_site, referring_site,
         CAST(gross_sales - discounts + shipping + CASE WHEN taxes_included THEN 0 ELSE taxes END AS DECIMAL(18, 2)) AS revenue
  FROM orders
  WHERE financial_status IN ('paid', 'partially_refunded', 'refunded') AND NOT is_test AND cancelled_at IS NULL
    AND shop_id IN (SELECT shop_id FROM shops)
),
tp AS (
  SELECT shop_id, NULL AS order_id, session_id AS touchpoint_id, visitor_id, customer_id, started_at AS "at",
         landing_url, referrer, utm_source, utm_medium, utm_campaign
  FROM sessions
  UNION ALL
  SELECT shop_id, order_id, 'order:' || order_id, visitor_id, customer_id, processed_at,
         landing_site, referring_site, NULL, NULL, NULL
  FROM o
),
-- UTMs of each distinct landing URL: the parameter, '+' as a space, percent-decoded when it decodes, trimmed, lower-cased.
url_params AS (
  SELECT landing_url,
         replace(nullif(regexp_extract(landing_url, '[?&]utm_source=([^&#]*)', 1), ''), '+', ' ') AS s,
         replace(nullif(regexp_extract(landing_url, '[?&]utm_medium=([^&#]*)', 1), ''), '+', ' ') AS m,
         replace(nullif(regexp_extract(landing_url, '[?&]utm_campaign=([^&#]*)', 1), ''), '+', ' ') AS c
  FROM (SELECT DISTINCT landing_url FROM tp WHERE landing_url IS NOT NULL)
),
urls AS (
  SELECT landing_url,
         nullif(lower(trim(coalesce(try(url_decode(s)), s), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), '') AS url_source,
         nullif(lower(trim(coalesce(try(url_decode(m)), m), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), '') AS url_medium,
         nullif(lower(trim(coalesce(try(url_decode(c)), c), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), '') AS url_campaign
  FROM url_params
),
-- The host of each distinct referrer, its first matching rule of the referrer table, and whether it is the shop's own.
refs AS (
  SELECT referrer,
         nullif(regexp_replace(regexp_replace(nullif(regexp_extract(
           regexp_replace(lower(trim(referrer, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), '^[a-z][a-z0-9+.-]*:(//)?', ''),
           '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', 1), ''), '^www\.', ''), '\.$', ''), '') AS host
  FROM (SELECT DISTINCT referrer FROM tp WHERE referrer IS NOT NULL)
),
hosts AS (
  SELECT r.referrer, r.host, arg_min(p.source, p.position) AS ref_source, arg_min(p.medium, p.position) AS ref_medium,
         EXISTS (SELECT 1 FROM bench_internal_hosts i WHERE regexp_matches(r.host, i.regex)) AS internal
  FROM refs r LEFT JOIN bench_referrer_patterns p ON regexp_matches(r.host, p.regex)
  WHERE r.host IS NOT NULL
  GROUP BY r.referrer, r.host
),
utms AS (
  SELECT tp.shop_id, tp.order_id, tp.touchpoint_id, tp.visitor_id, tp.customer_id, tp."at",
         coalesce(nullif(lower(trim(tp.utm_source, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), ''), u.url_source) AS us,
         coalesce(nullif(lower(trim(tp.utm_medium, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), ''), u.url_medium) AS um,
         coalesce(nullif(lower(trim(tp.utm_campaign, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), ''), u.url_campaign) AS uc,
         h.host, h.ref_source, h.ref_medium, h.internal
  FROM tp LEFT JOIN urls u ON u.landing_url = tp.landing_url LEFT JOIN hosts h ON h.referrer = tp.referrer
),
-- Clicks: UTMs when source and medium are both there, else a referrer that is not the shop's own; the rest is direct.
clicks AS (
  SELECT shop_id, order_id, touchpoint_id, visitor_id, customer_id, "at",
         CASE WHEN us IS NOT NULL AND um IS NOT NULL THEN us ELSE coalesce(ref_source, host) END AS source,
         CASE WHEN us IS NOT NULL AND um IS NOT NULL THEN um ELSE coalesce(ref_medium, 'referral') END AS medium,
         uc AS campaign
  FROM utms
  WHERE CASE WHEN us IS NOT NULL AND um IS NOT NULL
             THEN NOT (us IN ('direct', '(direct)') AND um IN ('none', '(none)', '(not set)'))
             ELSE host IS NOT NULL AND NOT internal END
),
session_clicks AS (SELECT * FROM clicks WHERE order_id IS NULL),
candidates AS (
  SELECT o.shop_id, o.order_id, t.touchpoint_id, t."at", t.source, t.medium, t.campaign
  FROM o JOIN session_clicks t ON t.shop_id = o.shop_id AND t.visitor_id = o.visitor_id
   AND t."at" <= o.processed_at AND t."at" >= o.processed_at - INTERVAL 168 HOUR
  UNION
  SELECT o.shop_id, o.order_id, t.touchpoint_id, t."at", t.source, t.medium, t.campaign
  FROM o JOIN session_clicks t ON t.shop_id = o.shop_id AND t.customer_id = o.customer_id
   AND t."at" <= o.processed_at AND t."at" >= o.processed_at - INTERVAL 168 HOUR
),
last_click AS (
  SELECT * FROM candidates
  QUALIFY row_number() OVER (PARTITION BY shop_id, order_id ORDER BY "at" DESC, touchpoint_id DESC) = 1
),
-- No session click in the window: the order's own landing site, if it is a click; else direct.
credited AS (
  SELECT o.shop_id, o.revenue,
         CASE WHEN l.order_id IS NOT NULL THEN l.source ELSE w.source END AS source,
         CASE WHEN l.order_id IS NOT NULL THEN l.medium ELSE w.medium END AS medium,
         CASE WHEN l.order_id IS NOT NULL THEN l.campaign ELSE w.campaign END AS campaign
  FROM o LEFT JOIN last_click l ON l.shop_id = o.shop_id AND l.order_id = o.order_id
  LEFT JOIN clicks w ON w.order_id = o.order_id AND w.shop_id = o.shop_id
),
by_click AS (
  SELECT shop_id, source, medium, campaign, count(*) AS orders, sum(revenue) AS revenue
  FROM credited GROUP BY ALL
),
-- GA4's default channel group (semantic/data/channels.toml), first rule that holds.
channels AS (
  SELECT shop_id, orders, revenue, CASE
    WHEN source IS NULL OR (source IN ('direct', '(direct)') AND medium IN ('none', '(none)', '(not set)')) THEN 'Direct'
    WHEN regexp_matches(medium, '^(.*cp.*|ppc|retargeting|paid.*)$')
     AND (source IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo')
          OR regexp_matches(campaign, '^(.*(([^a-df-z]|^)shop|shopping).*)$')) THEN 'Paid Shopping'
    WHEN source IN ('google', 'bing', 'yahoo', 'duckduckgo', 'ecosia', 'baidu', 'yandex', 'brave', 'naver', 'ask', 'aol', 'adwords')
     AND regexp_matches(medium, '^(.*cp.*|ppc|retargeting|paid.*)$') THEN 'Paid Search'
    WHEN source IN ('facebook', 'fb', 'instagram', 'ig', 'meta', 'twitter', 't.co', 'x', 'linkedin', 'pinterest', 'tiktok',
                    'reddit', 'snapchat', 'threads', 'whatsapp')
     AND regexp_matches(medium, '^(.*cp.*|ppc|retargeting|paid.*)$') THEN 'Paid Social'
    WHEN source IN ('youtube', 'vimeo', 'twitch', 'dailymotion') AND regexp_matches(medium, '^(.*cp.*|ppc|retargeting|paid.*)$') THEN 'Paid Video'
    WHEN medium IN ('display', 'banner', 'expandable', 'interstitial', 'cpm') THEN 'Display'
    WHEN regexp_matches(medium, '^(.*cp.*|ppc|retargeting|paid.*)$') THEN 'Paid Other'
    WHEN source IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo')
      OR regexp_matches(campaign, '^(.*(([^a-df-z]|^)shop|shopping).*)$') THEN 'Organic Shopping'
    WHEN source IN ('facebook', 'fb', 'instagram', 'ig', 'meta', 'twitter', 't.co', 'x', 'linkedin', 'pinterest', 'tiktok',
                    'reddit', 'snapchat', 'threads', 'whatsapp')
      OR medium IN ('social', 'social-network', 'social-media', 'sm', 'social network', 'social media') THEN 'Organic Social'
    WHEN source IN ('youtube', 'vimeo', 'twitch', 'dailymotion') OR regexp_matches(medium, '^(.*video.*)$') THEN 'Organic Video'
    WHEN source IN ('google', 'bing', 'yahoo', 'duckduckgo', 'ecosia', 'baidu', 'yandex', 'brave', 'naver', 'ask', 'aol', 'adwords')
      OR medium = 'organic' THEN 'Organic Search'
    WHEN medium IN ('referral', 'app', 'link') THEN 'Referral'
    WHEN source IN ('email', 'e-mail', 'e_mail', 'e mail') OR medium IN ('email', 'e-mail', 'e_mail', 'e mail') THEN 'Email'
    WHEN medium = 'affiliate' THEN 'Affiliates'
    WHEN source = 'sms' OR medium = 'sms' THEN 'SMS'
    ELSE 'Unassigned' END AS channel
  FROM by_click
)
SELECT shop_id, channel, CAST(sum(orders) AS BIGINT) AS orders, sum(revenue) AS revenue
FROM channels GROUP BY 1, 2 ORDER BY 1, 2
