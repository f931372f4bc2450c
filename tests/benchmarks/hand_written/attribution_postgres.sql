-- Last-click attribution end to end from the raw sessions, written by hand for PostgreSQL (attribution_duckdb.sql in PostgreSQL's spelling):
-- revenue and channel of each included order by shop, as semantic's order_attribution gives them.
-- The referrer table and the internal hosts are data (bench_referrer_patterns(position, regex, source,
-- medium) and bench_internal_hosts(regex), filled from semantic/data/referrers.toml and the
-- attribution knobs); the channel rules of semantic/data/channels.toml are written out as a CASE.
-- Direct sessions are dropped before the join: they never win, and an order's own landing site
-- counts only when no session click is in the window.
-- Percent-decoding: a value whose escapes form valid UTF-8 (the same test as semantic.attribution.urls.DECODABLE)
-- is decoded escape by escape; any other value is kept as written.
WITH o AS (
  SELECT shop_id, order_id, processed_at, visitor_id, customer_id, landing_site, referring_site,
         CAST(gross_sales - discounts + shipping + CASE WHEN taxes_included THEN 0 ELSE taxes END AS DECIMAL(18, 2)) AS revenue
  FROM orders
  WHERE financial_status IN ('paid', 'partially_refunded', 'refunded') AND NOT is_test AND cancelled_at IS NULL
    AND shop_id IN (SELECT shop_id FROM shops)
),
tp AS (
  SELECT shop_id, NULL::text AS order_id, session_id AS touchpoint_id, visitor_id, customer_id, started_at AS "at",
         landing_url, referrer, utm_source, utm_medium, utm_campaign
  FROM sessions
  UNION ALL
  SELECT shop_id, order_id, 'order:' || order_id, visitor_id, customer_id, processed_at,
         landing_site, referring_site, NULL::text, NULL::text, NULL::text
  FROM o
),
-- UTMs of each distinct landing URL: the parameter, '+' as a space, percent-decoded when it decodes, trimmed, lower-cased.
url_params AS (
  SELECT u.landing_url, p.name, replace(nullif(substring(u.landing_url from '[?&]' || p.name || '=([^&#]*)'), ''), '+', ' ') AS v
  FROM (SELECT DISTINCT landing_url FROM tp WHERE landing_url IS NOT NULL) u
  CROSS JOIN (VALUES ('utm_source'), ('utm_medium'), ('utm_campaign')) AS p(name)
),
decoded AS (
  SELECT landing_url, name, nullif(lower(btrim(CASE
    WHEN strpos(v, '%') > 0 AND v ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
    THEN (SELECT convert_from(string_agg(CASE WHEN length(e.t[1]) = 3 AND left(e.t[1], 1) = '%'
                                              THEN decode(substr(e.t[1], 2, 2), 'hex') ELSE convert_to(e.t[1], 'UTF8') END,
                                         ''::bytea ORDER BY e.n), 'UTF8')
          FROM regexp_matches(v, '%[0-9A-Fa-f]{2}|[^%]+|%', 'g') WITH ORDINALITY AS e(t, n))
    ELSE v END, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), '') AS value
  FROM url_params
),
urls AS (
  SELECT landing_url, max(value) FILTER (WHERE name = 'utm_source') AS url_source,
         max(value) FILTER (WHERE name = 'utm_medium') AS url_medium, max(value) FILTER (WHERE name = 'utm_campaign') AS url_campaign
  FROM decoded GROUP BY landing_url
),
-- The host of each distinct referrer, its first matching rule of the referrer table, and whether it is the shop's own.
refs AS (
  SELECT referrer,
         nullif(regexp_replace(regexp_replace(nullif(substring(
           regexp_replace(lower(btrim(referrer, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), '^[a-z][a-z0-9+.-]*:(//)?', '')
           from '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)'), ''), '^www\.', ''), '\.$', ''), '') AS host
  FROM (SELECT DISTINCT referrer FROM tp WHERE referrer IS NOT NULL) AS distinct_referrers
),
hosts AS (
  SELECT r.referrer, r.host, p.source AS ref_source, p.medium AS ref_medium,
         EXISTS (SELECT 1 FROM bench_internal_hosts i WHERE r.host ~ i.regex) AS internal
  FROM refs r LEFT JOIN LATERAL (
    SELECT source, medium FROM bench_referrer_patterns p WHERE r.host ~ p.regex ORDER BY p.position LIMIT 1
  ) p ON TRUE
  WHERE r.host IS NOT NULL
),
utms AS (
  SELECT tp.shop_id, tp.order_id, tp.touchpoint_id, tp.visitor_id, tp.customer_id, tp."at",
         coalesce(nullif(lower(btrim(tp.utm_source, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), ''), u.url_source) AS us,
         coalesce(nullif(lower(btrim(tp.utm_medium, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), ''), u.url_medium) AS um,
         coalesce(nullif(lower(btrim(tp.utm_campaign, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))), ''), u.url_campaign) AS uc,
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
   AND t."at" <= o.processed_at AND t."at" >= o.processed_at - INTERVAL '168 hours'
  UNION
  SELECT o.shop_id, o.order_id, t.touchpoint_id, t."at", t.source, t.medium, t.campaign
  FROM o JOIN session_clicks t ON t.shop_id = o.shop_id AND t.customer_id = o.customer_id
   AND t."at" <= o.processed_at AND t."at" >= o.processed_at - INTERVAL '168 hours'
),
last_click AS (
  SELECT DISTINCT ON (shop_id, order_id) * FROM candidates
  ORDER BY shop_id, order_id, "at" DESC, touchpoint_id DESC
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
  FROM credited GROUP BY shop_id, source, medium, campaign
),
-- GA4's default channel group (semantic/data/channels.toml), first rule that holds.
channels AS (
  SELECT shop_id, orders, revenue, CASE
    WHEN source IS NULL OR (source IN ('direct', '(direct)') AND medium IN ('none', '(none)', '(not set)')) THEN 'Direct'
    WHEN medium ~ '^(.*cp.*|ppc|retargeting|paid.*)$'
     AND (source IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo')
          OR campaign ~ '^(.*(([^a-df-z]|^)shop|shopping).*)$') THEN 'Paid Shopping'
    WHEN source IN ('google', 'bing', 'yahoo', 'duckduckgo', 'ecosia', 'baidu', 'yandex', 'brave', 'naver', 'ask', 'aol', 'adwords')
     AND medium ~ '^(.*cp.*|ppc|retargeting|paid.*)$' THEN 'Paid Search'
    WHEN source IN ('facebook', 'fb', 'instagram', 'ig', 'meta', 'twitter', 't.co', 'x', 'linkedin', 'pinterest', 'tiktok',
                    'reddit', 'snapchat', 'threads', 'whatsapp')
     AND medium ~ '^(.*cp.*|ppc|retargeting|paid.*)$' THEN 'Paid Social'
    WHEN source IN ('youtube', 'vimeo', 'twitch', 'dailymotion') AND medium ~ '^(.*cp.*|ppc|retargeting|paid.*)$' THEN 'Paid Video'
    WHEN medium IN ('display', 'banner', 'expandable', 'interstitial', 'cpm') THEN 'Display'
    WHEN medium ~ '^(.*cp.*|ppc|retargeting|paid.*)$' THEN 'Paid Other'
    WHEN source IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo')
      OR campaign ~ '^(.*(([^a-df-z]|^)shop|shopping).*)$' THEN 'Organic Shopping'
    WHEN source IN ('facebook', 'fb', 'instagram', 'ig', 'meta', 'twitter', 't.co', 'x', 'linkedin', 'pinterest', 'tiktok',
                    'reddit', 'snapchat', 'threads', 'whatsapp')
      OR medium IN ('social', 'social-network', 'social-media', 'sm', 'social network', 'social media') THEN 'Organic Social'
    WHEN source IN ('youtube', 'vimeo', 'twitch', 'dailymotion') OR medium ~ '^(.*video.*)$' THEN 'Organic Video'
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
