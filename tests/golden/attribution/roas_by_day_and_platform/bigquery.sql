WITH `t13` AS (
  SELECT
    `t12`.`shop_id`,
    `t12`.`order_id`,
    `t12`.`customer_id`,
    `t12`.`email`,
    `t12`.`created_at`,
    `t12`.`processed_at`,
    `t12`.`financial_status`,
    `t12`.`cancelled_at`,
    `t12`.`is_test`,
    `t12`.`gross_sales`,
    `t12`.`discounts`,
    `t12`.`shipping`,
    `t12`.`taxes`,
    `t12`.`visitor_id`,
    `t12`.`landing_site`,
    `t12`.`referring_site`,
    `t12`.`_loaded_at`,
    `t12`.`shop_timezone`,
    DATE(DATETIME(`t12`.`processed_at`, `t12`.`shop_timezone`)) AS `day`,
    (
      `t12`.`gross_sales` - `t12`.`discounts`
    ) + `t12`.`shipping` + `t12`.`taxes` AS `order_revenue`
  FROM (
    SELECT
      `t11`.`shop_id`,
      `t11`.`order_id`,
      `t11`.`customer_id`,
      `t11`.`email`,
      `t11`.`created_at`,
      `t11`.`processed_at`,
      `t11`.`financial_status`,
      `t11`.`cancelled_at`,
      `t11`.`is_test`,
      `t11`.`gross_sales`,
      `t11`.`discounts`,
      `t11`.`shipping`,
      `t11`.`taxes`,
      `t11`.`visitor_id`,
      `t11`.`landing_site`,
      `t11`.`referring_site`,
      `t11`.`_loaded_at`,
      `t10`.`shop_timezone`
    FROM (
      SELECT
        *
      FROM `orders` AS `t2`
      WHERE
        `t2`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
        AND NOT (
          `t2`.`is_test`
        )
        AND `t2`.`cancelled_at` IS NULL
    ) AS `t11`
    INNER JOIN (
      SELECT
        `t3`.`shop_id`,
        `t3`.`timezone` AS `shop_timezone`
      FROM `shops` AS `t3`
    ) AS `t10`
      ON `t11`.`shop_id` = `t10`.`shop_id`
  ) AS `t12`
), `t34` AS (
  SELECT
    *
  FROM (
    SELECT
      `t22`.`shop_id`,
      `t22`.`order_id`,
      `t31`.`touchpoint_id`,
      `t31`.`kind`,
      `t31`.`at`,
      `t31`.`source`,
      `t31`.`medium`,
      `t31`.`campaign`,
      `t31`.`channel`,
      `t31`.`platform`,
      `t31`.`is_direct`,
      `t31`.`is_paid`,
      `t31`.`classified_by`,
      `t31`.`referrer_host`
    FROM (
      SELECT
        `t14`.`shop_id`,
        `t14`.`order_id`,
        `t14`.`processed_at`,
        `t14`.`visitor_id` AS `o_visitor`,
        `t14`.`customer_id` AS `o_customer`
      FROM `t13` AS `t14`
    ) AS `t22`
    INNER JOIN (
      SELECT
        `t27`.`touchpoint_id`,
        `t27`.`kind`,
        `t27`.`at`,
        `t27`.`source`,
        `t27`.`medium`,
        `t27`.`campaign`,
        CASE
          WHEN TRUE
          AND COALESCE(`t27`.`source` IN ('direct', '(direct)'), FALSE)
          AND COALESCE(`t27`.`medium` IN ('none', '(none)', '(not set)'), FALSE)
          THEN 'Direct'
          WHEN TRUE
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          AND (
            COALESCE(
              `t27`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_CONTAINS(`t27`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Paid Shopping'
          WHEN TRUE
          AND COALESCE(
            `t27`.`source` IN (
              'google',
              'bing',
              'yahoo',
              'duckduckgo',
              'ecosia',
              'baidu',
              'yandex',
              'brave',
              'naver',
              'ask',
              'aol',
              'adwords'
            ),
            FALSE
          )
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Search'
          WHEN TRUE
          AND COALESCE(
            `t27`.`source` IN (
              'facebook',
              'fb',
              'instagram',
              'ig',
              'meta',
              'twitter',
              't.co',
              'x',
              'linkedin',
              'pinterest',
              'tiktok',
              'reddit',
              'snapchat',
              'threads',
              'whatsapp'
            ),
            FALSE
          )
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Social'
          WHEN TRUE
          AND COALESCE(`t27`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Video'
          WHEN TRUE
          AND COALESCE(
            `t27`.`medium` IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
            FALSE
          )
          THEN 'Display'
          WHEN TRUE
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Other'
          WHEN TRUE
          AND (
            COALESCE(
              `t27`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_CONTAINS(`t27`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Organic Shopping'
          WHEN TRUE
          AND (
            COALESCE(
              `t27`.`source` IN (
                'facebook',
                'fb',
                'instagram',
                'ig',
                'meta',
                'twitter',
                't.co',
                'x',
                'linkedin',
                'pinterest',
                'tiktok',
                'reddit',
                'snapchat',
                'threads',
                'whatsapp'
              ),
              FALSE
            )
            OR COALESCE(
              `t27`.`medium` IN (
                'social',
                'social-network',
                'social-media',
                'sm',
                'social network',
                'social media'
              ),
              FALSE
            )
          )
          THEN 'Organic Social'
          WHEN TRUE
          AND (
            COALESCE(`t27`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
            OR COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*video.*)$'), FALSE)
          )
          THEN 'Organic Video'
          WHEN TRUE
          AND (
            COALESCE(
              `t27`.`source` IN (
                'google',
                'bing',
                'yahoo',
                'duckduckgo',
                'ecosia',
                'baidu',
                'yandex',
                'brave',
                'naver',
                'ask',
                'aol',
                'adwords'
              ),
              FALSE
            )
            OR COALESCE(`t27`.`medium` IN ('organic'), FALSE)
          )
          THEN 'Organic Search'
          WHEN TRUE AND COALESCE(`t27`.`medium` IN ('referral', 'app', 'link'), FALSE)
          THEN 'Referral'
          WHEN TRUE
          AND (
            COALESCE(`t27`.`source` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
            OR COALESCE(`t27`.`medium` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          )
          THEN 'Email'
          WHEN TRUE AND COALESCE(`t27`.`medium` IN ('affiliate'), FALSE)
          THEN 'Affiliates'
          WHEN TRUE
          AND (
            COALESCE(`t27`.`source` IN ('sms'), FALSE)
            OR COALESCE(`t27`.`medium` IN ('sms'), FALSE)
          )
          THEN 'SMS'
          ELSE 'Unassigned'
        END AS `channel`,
        IF(
          NOT (
            `t27`.`is_direct`
          )
          AND `t27`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display'),
          CASE
            WHEN `t27`.`source` IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
            THEN 'meta'
            WHEN `t27`.`source` IN ('google', 'adwords', 'youtube')
            THEN 'google'
            ELSE `t27`.`source`
          END,
          CAST(NULL AS STRING)
        ) AS `platform`,
        `t27`.`is_direct`,
        NOT (
          `t27`.`is_direct`
        )
        AND `t27`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS `is_paid`,
        `t27`.`classified_by`,
        `t27`.`referrer_host`,
        `t27`.`shop_id` AS `tp_shop`,
        `t27`.`visitor_id` AS `tp_visitor`,
        `t27`.`customer_id` AS `tp_customer`
      FROM (
        SELECT
          `t24`.`shop_id`,
          `t24`.`touchpoint_id`,
          `t24`.`kind`,
          `t24`.`visitor_id`,
          `t24`.`customer_id`,
          `t24`.`at`,
          `t24`.`landing_url`,
          `t24`.`referrer`,
          `t24`.`utm_source`,
          `t24`.`utm_medium`,
          `t24`.`utm_campaign`,
          `t24`.`utm_content`,
          `t24`.`utm_term`,
          `t24`.`u_utm_source`,
          `t24`.`u_utm_medium`,
          `t24`.`u_utm_campaign`,
          `t24`.`u_utm_content`,
          `t24`.`u_utm_term`,
          `t24`.`referrer_host`,
          `t24`.`classified_by`,
          (
            `t24`.`classified_by` = 'direct'
          )
          OR (
            (
              `t24`.`classified_by` = 'utm'
            )
            AND COALESCE(
              `t24`.`u_utm_source` IN ('direct', '(direct)')
              AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
              FALSE
            )
          ) AS `is_direct`,
          CASE
            WHEN (
              `t24`.`classified_by` = 'direct'
            )
            OR (
              (
                `t24`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t24`.`u_utm_source` IN ('direct', '(direct)')
                AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'direct'
            WHEN `t24`.`classified_by` = 'utm'
            THEN `t24`.`u_utm_source`
            ELSE CASE
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.google\\.com$)|((^|\\.)inbox\\.google\\.com$)'
              )
              THEN 'gmail'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)outlook\\.live\\.com$)|((^|\\.)outlook\\.office\\.com$)|((^|\\.)outlook\\.office365\\.com$)|((^|\\.)mail\\.live\\.com$)'
              )
              THEN 'outlook'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.yahoo\\.com$)|((^|\\.)mail\\.yahoo\\.co\\.jp$)'
              )
              THEN 'yahoo'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)mail\\.aol\\.com$)')
              THEN 'aol'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.proton\\.me$)|((^|\\.)mail\\.protonmail\\.com$)'
              )
              THEN 'protonmail'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)google\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'google'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)bing\\.com$)')
              THEN 'bing'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)duckduckgo\\.com$)')
              THEN 'duckduckgo'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yahoo\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'yahoo'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)ecosia\\.org$)')
              THEN 'ecosia'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)baidu\\.com$)')
              THEN 'baidu'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yandex\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'yandex'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)search\\.brave\\.com$)')
              THEN 'brave'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)facebook\\.com$)|((^|\\.)fb\\.com$)|((^|\\.)fb\\.me$)'
              )
              THEN 'facebook'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)instagram\\.com$)')
              THEN 'instagram'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)t\\.co$)|((^|\\.)twitter\\.com$)|((^|\\.)x\\.com$)'
              )
              THEN 'twitter'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)linkedin\\.com$)|((^|\\.)lnkd\\.in$)')
              THEN 'linkedin'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)pinterest\\.(com?\\.)?[a-z]{2,3}$)|((^|\\.)pin\\.it$)'
              )
              THEN 'pinterest'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)tiktok\\.com$)')
              THEN 'tiktok'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)youtube\\.com$)|((^|\\.)youtu\\.be$)')
              THEN 'youtube'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)reddit\\.com$)')
              THEN 'reddit'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)threads\\.net$)')
              THEN 'threads'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)snapchat\\.com$)')
              THEN 'snapchat'
              ELSE `t24`.`referrer_host`
            END
          END AS `source`,
          CASE
            WHEN (
              `t24`.`classified_by` = 'direct'
            )
            OR (
              (
                `t24`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t24`.`u_utm_source` IN ('direct', '(direct)')
                AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'none'
            WHEN `t24`.`classified_by` = 'utm'
            THEN `t24`.`u_utm_medium`
            ELSE CASE
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.google\\.com$)|((^|\\.)inbox\\.google\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)outlook\\.live\\.com$)|((^|\\.)outlook\\.office\\.com$)|((^|\\.)outlook\\.office365\\.com$)|((^|\\.)mail\\.live\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.yahoo\\.com$)|((^|\\.)mail\\.yahoo\\.co\\.jp$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)mail\\.aol\\.com$)')
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.proton\\.me$)|((^|\\.)mail\\.protonmail\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)google\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)bing\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)duckduckgo\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yahoo\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)ecosia\\.org$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)baidu\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yandex\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)search\\.brave\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)facebook\\.com$)|((^|\\.)fb\\.com$)|((^|\\.)fb\\.me$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)instagram\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)t\\.co$)|((^|\\.)twitter\\.com$)|((^|\\.)x\\.com$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)linkedin\\.com$)|((^|\\.)lnkd\\.in$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)pinterest\\.(com?\\.)?[a-z]{2,3}$)|((^|\\.)pin\\.it$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)tiktok\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)youtube\\.com$)|((^|\\.)youtu\\.be$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)reddit\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)threads\\.net$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)snapchat\\.com$)')
              THEN 'social'
              ELSE 'referral'
            END
          END AS `medium`,
          IF(
            (
              `t24`.`classified_by` = 'direct'
            )
            OR (
              (
                `t24`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t24`.`u_utm_source` IN ('direct', '(direct)')
                AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            ),
            CAST(NULL AS STRING),
            `t24`.`u_utm_campaign`
          ) AS `campaign`
        FROM (
          SELECT
            `t18`.`shop_id`,
            `t18`.`touchpoint_id`,
            `t18`.`kind`,
            `t18`.`visitor_id`,
            `t18`.`customer_id`,
            `t18`.`at`,
            `t18`.`landing_url`,
            `t18`.`referrer`,
            `t18`.`utm_source`,
            `t18`.`utm_medium`,
            `t18`.`utm_campaign`,
            `t18`.`utm_content`,
            `t18`.`utm_term`,
            `t18`.`u_utm_source`,
            `t18`.`u_utm_medium`,
            `t18`.`u_utm_campaign`,
            `t18`.`u_utm_content`,
            `t18`.`u_utm_term`,
            `t18`.`referrer_host`,
            CASE
              WHEN TRUE
              AND (
                NOT `t18`.`u_utm_source` IS NULL
              )
              AND (
                NOT `t18`.`u_utm_medium` IS NULL
              )
              THEN 'utm'
              WHEN (
                NOT `t18`.`referrer_host` IS NULL
              )
              AND NOT (
                REGEXP_CONTAINS(
                  `t18`.`referrer_host`,
                  '((^|\\.)myshopify\\.com$)|((^|\\.)checkout\\.shopify\\.com$)|((^|\\.)shop\\.app$)'
                )
              )
              THEN 'referrer'
              ELSE 'direct'
            END AS `classified_by`
          FROM (
            SELECT
              `t8`.`shop_id`,
              `t8`.`touchpoint_id`,
              `t8`.`kind`,
              `t8`.`visitor_id`,
              `t8`.`customer_id`,
              `t8`.`at`,
              `t8`.`landing_url`,
              `t8`.`referrer`,
              `t8`.`utm_source`,
              `t8`.`utm_medium`,
              `t8`.`utm_campaign`,
              `t8`.`utm_content`,
              `t8`.`utm_term`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_source`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_source`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_medium`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_medium`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_campaign`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_campaign`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_content`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_content`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_term`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_term`,
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    NULLIF(
                      IF(
                        REGEXP_CONTAINS(
                          REGEXP_REPLACE(LOWER(TRIM(`t8`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                          '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)'
                        ),
                        IF(
                          1 = 0,
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(LOWER(TRIM(`t8`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                            CONCAT('.*?', CONCAT('(', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', ')'), '.*'),
                            '\\1'
                          ),
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(LOWER(TRIM(`t8`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                            CONCAT('.*?', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', '.*'),
                            CONCAT('\\', CAST(1 AS STRING))
                          )
                        ),
                        NULL
                      ),
                      ''
                    ),
                    '^www\\.',
                    ''
                  ),
                  '\\.$',
                  ''
                ),
                ''
              ) AS `referrer_host`
            FROM (
              SELECT
                `t4`.`shop_id`,
                `t4`.`session_id` AS `touchpoint_id`,
                'session' AS `kind`,
                `t4`.`visitor_id`,
                `t4`.`customer_id`,
                `t4`.`started_at` AS `at`,
                `t4`.`landing_url`,
                `t4`.`referrer`,
                `t4`.`utm_source`,
                `t4`.`utm_medium`,
                `t4`.`utm_campaign`,
                `t4`.`utm_content`,
                `t4`.`utm_term`
              FROM `sessions` AS `t4`
            ) AS `t8`
          ) AS `t18`
        ) AS `t24`
      ) AS `t27`
    ) AS `t31`
      ON `t22`.`shop_id` = `t31`.`tp_shop`
      AND `t31`.`at` <= `t22`.`processed_at`
      AND `t31`.`at` >= TIMESTAMP_SUB(`t22`.`processed_at`, INTERVAL '168' HOUR)
      AND `t22`.`o_visitor` = `t31`.`tp_visitor`
  ) AS `t32`
  UNION DISTINCT
  SELECT
    *
  FROM (
    SELECT
      `t22`.`shop_id`,
      `t22`.`order_id`,
      `t31`.`touchpoint_id`,
      `t31`.`kind`,
      `t31`.`at`,
      `t31`.`source`,
      `t31`.`medium`,
      `t31`.`campaign`,
      `t31`.`channel`,
      `t31`.`platform`,
      `t31`.`is_direct`,
      `t31`.`is_paid`,
      `t31`.`classified_by`,
      `t31`.`referrer_host`
    FROM (
      SELECT
        `t14`.`shop_id`,
        `t14`.`order_id`,
        `t14`.`processed_at`,
        `t14`.`visitor_id` AS `o_visitor`,
        `t14`.`customer_id` AS `o_customer`
      FROM `t13` AS `t14`
    ) AS `t22`
    INNER JOIN (
      SELECT
        `t27`.`touchpoint_id`,
        `t27`.`kind`,
        `t27`.`at`,
        `t27`.`source`,
        `t27`.`medium`,
        `t27`.`campaign`,
        CASE
          WHEN TRUE
          AND COALESCE(`t27`.`source` IN ('direct', '(direct)'), FALSE)
          AND COALESCE(`t27`.`medium` IN ('none', '(none)', '(not set)'), FALSE)
          THEN 'Direct'
          WHEN TRUE
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          AND (
            COALESCE(
              `t27`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_CONTAINS(`t27`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Paid Shopping'
          WHEN TRUE
          AND COALESCE(
            `t27`.`source` IN (
              'google',
              'bing',
              'yahoo',
              'duckduckgo',
              'ecosia',
              'baidu',
              'yandex',
              'brave',
              'naver',
              'ask',
              'aol',
              'adwords'
            ),
            FALSE
          )
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Search'
          WHEN TRUE
          AND COALESCE(
            `t27`.`source` IN (
              'facebook',
              'fb',
              'instagram',
              'ig',
              'meta',
              'twitter',
              't.co',
              'x',
              'linkedin',
              'pinterest',
              'tiktok',
              'reddit',
              'snapchat',
              'threads',
              'whatsapp'
            ),
            FALSE
          )
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Social'
          WHEN TRUE
          AND COALESCE(`t27`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Video'
          WHEN TRUE
          AND COALESCE(
            `t27`.`medium` IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
            FALSE
          )
          THEN 'Display'
          WHEN TRUE
          AND COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Other'
          WHEN TRUE
          AND (
            COALESCE(
              `t27`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_CONTAINS(`t27`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Organic Shopping'
          WHEN TRUE
          AND (
            COALESCE(
              `t27`.`source` IN (
                'facebook',
                'fb',
                'instagram',
                'ig',
                'meta',
                'twitter',
                't.co',
                'x',
                'linkedin',
                'pinterest',
                'tiktok',
                'reddit',
                'snapchat',
                'threads',
                'whatsapp'
              ),
              FALSE
            )
            OR COALESCE(
              `t27`.`medium` IN (
                'social',
                'social-network',
                'social-media',
                'sm',
                'social network',
                'social media'
              ),
              FALSE
            )
          )
          THEN 'Organic Social'
          WHEN TRUE
          AND (
            COALESCE(`t27`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
            OR COALESCE(REGEXP_CONTAINS(`t27`.`medium`, '^(.*video.*)$'), FALSE)
          )
          THEN 'Organic Video'
          WHEN TRUE
          AND (
            COALESCE(
              `t27`.`source` IN (
                'google',
                'bing',
                'yahoo',
                'duckduckgo',
                'ecosia',
                'baidu',
                'yandex',
                'brave',
                'naver',
                'ask',
                'aol',
                'adwords'
              ),
              FALSE
            )
            OR COALESCE(`t27`.`medium` IN ('organic'), FALSE)
          )
          THEN 'Organic Search'
          WHEN TRUE AND COALESCE(`t27`.`medium` IN ('referral', 'app', 'link'), FALSE)
          THEN 'Referral'
          WHEN TRUE
          AND (
            COALESCE(`t27`.`source` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
            OR COALESCE(`t27`.`medium` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          )
          THEN 'Email'
          WHEN TRUE AND COALESCE(`t27`.`medium` IN ('affiliate'), FALSE)
          THEN 'Affiliates'
          WHEN TRUE
          AND (
            COALESCE(`t27`.`source` IN ('sms'), FALSE)
            OR COALESCE(`t27`.`medium` IN ('sms'), FALSE)
          )
          THEN 'SMS'
          ELSE 'Unassigned'
        END AS `channel`,
        IF(
          NOT (
            `t27`.`is_direct`
          )
          AND `t27`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display'),
          CASE
            WHEN `t27`.`source` IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
            THEN 'meta'
            WHEN `t27`.`source` IN ('google', 'adwords', 'youtube')
            THEN 'google'
            ELSE `t27`.`source`
          END,
          CAST(NULL AS STRING)
        ) AS `platform`,
        `t27`.`is_direct`,
        NOT (
          `t27`.`is_direct`
        )
        AND `t27`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS `is_paid`,
        `t27`.`classified_by`,
        `t27`.`referrer_host`,
        `t27`.`shop_id` AS `tp_shop`,
        `t27`.`visitor_id` AS `tp_visitor`,
        `t27`.`customer_id` AS `tp_customer`
      FROM (
        SELECT
          `t24`.`shop_id`,
          `t24`.`touchpoint_id`,
          `t24`.`kind`,
          `t24`.`visitor_id`,
          `t24`.`customer_id`,
          `t24`.`at`,
          `t24`.`landing_url`,
          `t24`.`referrer`,
          `t24`.`utm_source`,
          `t24`.`utm_medium`,
          `t24`.`utm_campaign`,
          `t24`.`utm_content`,
          `t24`.`utm_term`,
          `t24`.`u_utm_source`,
          `t24`.`u_utm_medium`,
          `t24`.`u_utm_campaign`,
          `t24`.`u_utm_content`,
          `t24`.`u_utm_term`,
          `t24`.`referrer_host`,
          `t24`.`classified_by`,
          (
            `t24`.`classified_by` = 'direct'
          )
          OR (
            (
              `t24`.`classified_by` = 'utm'
            )
            AND COALESCE(
              `t24`.`u_utm_source` IN ('direct', '(direct)')
              AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
              FALSE
            )
          ) AS `is_direct`,
          CASE
            WHEN (
              `t24`.`classified_by` = 'direct'
            )
            OR (
              (
                `t24`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t24`.`u_utm_source` IN ('direct', '(direct)')
                AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'direct'
            WHEN `t24`.`classified_by` = 'utm'
            THEN `t24`.`u_utm_source`
            ELSE CASE
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.google\\.com$)|((^|\\.)inbox\\.google\\.com$)'
              )
              THEN 'gmail'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)outlook\\.live\\.com$)|((^|\\.)outlook\\.office\\.com$)|((^|\\.)outlook\\.office365\\.com$)|((^|\\.)mail\\.live\\.com$)'
              )
              THEN 'outlook'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.yahoo\\.com$)|((^|\\.)mail\\.yahoo\\.co\\.jp$)'
              )
              THEN 'yahoo'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)mail\\.aol\\.com$)')
              THEN 'aol'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.proton\\.me$)|((^|\\.)mail\\.protonmail\\.com$)'
              )
              THEN 'protonmail'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)google\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'google'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)bing\\.com$)')
              THEN 'bing'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)duckduckgo\\.com$)')
              THEN 'duckduckgo'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yahoo\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'yahoo'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)ecosia\\.org$)')
              THEN 'ecosia'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)baidu\\.com$)')
              THEN 'baidu'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yandex\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'yandex'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)search\\.brave\\.com$)')
              THEN 'brave'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)facebook\\.com$)|((^|\\.)fb\\.com$)|((^|\\.)fb\\.me$)'
              )
              THEN 'facebook'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)instagram\\.com$)')
              THEN 'instagram'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)t\\.co$)|((^|\\.)twitter\\.com$)|((^|\\.)x\\.com$)'
              )
              THEN 'twitter'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)linkedin\\.com$)|((^|\\.)lnkd\\.in$)')
              THEN 'linkedin'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)pinterest\\.(com?\\.)?[a-z]{2,3}$)|((^|\\.)pin\\.it$)'
              )
              THEN 'pinterest'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)tiktok\\.com$)')
              THEN 'tiktok'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)youtube\\.com$)|((^|\\.)youtu\\.be$)')
              THEN 'youtube'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)reddit\\.com$)')
              THEN 'reddit'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)threads\\.net$)')
              THEN 'threads'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)snapchat\\.com$)')
              THEN 'snapchat'
              ELSE `t24`.`referrer_host`
            END
          END AS `source`,
          CASE
            WHEN (
              `t24`.`classified_by` = 'direct'
            )
            OR (
              (
                `t24`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t24`.`u_utm_source` IN ('direct', '(direct)')
                AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'none'
            WHEN `t24`.`classified_by` = 'utm'
            THEN `t24`.`u_utm_medium`
            ELSE CASE
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.google\\.com$)|((^|\\.)inbox\\.google\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)outlook\\.live\\.com$)|((^|\\.)outlook\\.office\\.com$)|((^|\\.)outlook\\.office365\\.com$)|((^|\\.)mail\\.live\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.yahoo\\.com$)|((^|\\.)mail\\.yahoo\\.co\\.jp$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)mail\\.aol\\.com$)')
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)mail\\.proton\\.me$)|((^|\\.)mail\\.protonmail\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)google\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)bing\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)duckduckgo\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yahoo\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)ecosia\\.org$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)baidu\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)yandex\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)search\\.brave\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)facebook\\.com$)|((^|\\.)fb\\.com$)|((^|\\.)fb\\.me$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)instagram\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)t\\.co$)|((^|\\.)twitter\\.com$)|((^|\\.)x\\.com$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)linkedin\\.com$)|((^|\\.)lnkd\\.in$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(
                `t24`.`referrer_host`,
                '((^|\\.)pinterest\\.(com?\\.)?[a-z]{2,3}$)|((^|\\.)pin\\.it$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)tiktok\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)youtube\\.com$)|((^|\\.)youtu\\.be$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)reddit\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)threads\\.net$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t24`.`referrer_host`, '((^|\\.)snapchat\\.com$)')
              THEN 'social'
              ELSE 'referral'
            END
          END AS `medium`,
          IF(
            (
              `t24`.`classified_by` = 'direct'
            )
            OR (
              (
                `t24`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t24`.`u_utm_source` IN ('direct', '(direct)')
                AND `t24`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            ),
            CAST(NULL AS STRING),
            `t24`.`u_utm_campaign`
          ) AS `campaign`
        FROM (
          SELECT
            `t18`.`shop_id`,
            `t18`.`touchpoint_id`,
            `t18`.`kind`,
            `t18`.`visitor_id`,
            `t18`.`customer_id`,
            `t18`.`at`,
            `t18`.`landing_url`,
            `t18`.`referrer`,
            `t18`.`utm_source`,
            `t18`.`utm_medium`,
            `t18`.`utm_campaign`,
            `t18`.`utm_content`,
            `t18`.`utm_term`,
            `t18`.`u_utm_source`,
            `t18`.`u_utm_medium`,
            `t18`.`u_utm_campaign`,
            `t18`.`u_utm_content`,
            `t18`.`u_utm_term`,
            `t18`.`referrer_host`,
            CASE
              WHEN TRUE
              AND (
                NOT `t18`.`u_utm_source` IS NULL
              )
              AND (
                NOT `t18`.`u_utm_medium` IS NULL
              )
              THEN 'utm'
              WHEN (
                NOT `t18`.`referrer_host` IS NULL
              )
              AND NOT (
                REGEXP_CONTAINS(
                  `t18`.`referrer_host`,
                  '((^|\\.)myshopify\\.com$)|((^|\\.)checkout\\.shopify\\.com$)|((^|\\.)shop\\.app$)'
                )
              )
              THEN 'referrer'
              ELSE 'direct'
            END AS `classified_by`
          FROM (
            SELECT
              `t8`.`shop_id`,
              `t8`.`touchpoint_id`,
              `t8`.`kind`,
              `t8`.`visitor_id`,
              `t8`.`customer_id`,
              `t8`.`at`,
              `t8`.`landing_url`,
              `t8`.`referrer`,
              `t8`.`utm_source`,
              `t8`.`utm_medium`,
              `t8`.`utm_campaign`,
              `t8`.`utm_content`,
              `t8`.`utm_term`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_source`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_source`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_medium`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_medium`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_campaign`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_campaign`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_content`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_content`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t8`.`utm_term`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t8`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t8`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t8`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t8`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t8`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t8`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t8`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_term`,
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    NULLIF(
                      IF(
                        REGEXP_CONTAINS(
                          REGEXP_REPLACE(LOWER(TRIM(`t8`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                          '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)'
                        ),
                        IF(
                          1 = 0,
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(LOWER(TRIM(`t8`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                            CONCAT('.*?', CONCAT('(', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', ')'), '.*'),
                            '\\1'
                          ),
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(LOWER(TRIM(`t8`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                            CONCAT('.*?', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', '.*'),
                            CONCAT('\\', CAST(1 AS STRING))
                          )
                        ),
                        NULL
                      ),
                      ''
                    ),
                    '^www\\.',
                    ''
                  ),
                  '\\.$',
                  ''
                ),
                ''
              ) AS `referrer_host`
            FROM (
              SELECT
                `t4`.`shop_id`,
                `t4`.`session_id` AS `touchpoint_id`,
                'session' AS `kind`,
                `t4`.`visitor_id`,
                `t4`.`customer_id`,
                `t4`.`started_at` AS `at`,
                `t4`.`landing_url`,
                `t4`.`referrer`,
                `t4`.`utm_source`,
                `t4`.`utm_medium`,
                `t4`.`utm_campaign`,
                `t4`.`utm_content`,
                `t4`.`utm_term`
              FROM `sessions` AS `t4`
            ) AS `t8`
          ) AS `t18`
        ) AS `t24`
      ) AS `t27`
    ) AS `t31`
      ON `t22`.`shop_id` = `t31`.`tp_shop`
      AND `t31`.`at` <= `t22`.`processed_at`
      AND `t31`.`at` >= TIMESTAMP_SUB(`t22`.`processed_at`, INTERVAL '168' HOUR)
      AND `t22`.`o_customer` = `t31`.`tp_customer`
  ) AS `t33`
), `t42` AS (
  SELECT
    *
  FROM `t34` AS `t35`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t40`.`shop_id`,
      `t40`.`order_id`,
      `t40`.`touchpoint_id`,
      `t40`.`kind`,
      `t40`.`at`,
      `t40`.`source`,
      `t40`.`medium`,
      `t40`.`campaign`,
      `t40`.`channel`,
      `t40`.`platform`,
      `t40`.`is_direct`,
      `t40`.`is_paid`,
      `t40`.`classified_by`,
      `t40`.`referrer_host`
    FROM (
      SELECT
        `t36`.`shop_id`,
        `t36`.`order_id`,
        `t36`.`touchpoint_id`,
        `t36`.`kind`,
        `t36`.`visitor_id`,
        `t36`.`customer_id`,
        `t36`.`at`,
        `t36`.`landing_url`,
        `t36`.`referrer`,
        `t36`.`utm_source`,
        `t36`.`utm_medium`,
        `t36`.`utm_campaign`,
        `t36`.`utm_content`,
        `t36`.`utm_term`,
        `t36`.`u_utm_source`,
        `t36`.`u_utm_medium`,
        `t36`.`u_utm_campaign`,
        `t36`.`u_utm_content`,
        `t36`.`u_utm_term`,
        `t36`.`referrer_host`,
        `t36`.`classified_by`,
        `t36`.`is_direct`,
        `t36`.`source`,
        `t36`.`medium`,
        `t36`.`campaign`,
        NOT (
          `t36`.`is_direct`
        )
        AND `t36`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS `is_paid`,
        IF(
          NOT (
            `t36`.`is_direct`
          )
          AND `t36`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display'),
          CASE
            WHEN `t36`.`source` IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
            THEN 'meta'
            WHEN `t36`.`source` IN ('google', 'adwords', 'youtube')
            THEN 'google'
            ELSE `t36`.`source`
          END,
          CAST(NULL AS STRING)
        ) AS `platform`,
        CASE
          WHEN TRUE
          AND COALESCE(`t36`.`source` IN ('direct', '(direct)'), FALSE)
          AND COALESCE(`t36`.`medium` IN ('none', '(none)', '(not set)'), FALSE)
          THEN 'Direct'
          WHEN TRUE
          AND COALESCE(REGEXP_CONTAINS(`t36`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          AND (
            COALESCE(
              `t36`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_CONTAINS(`t36`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Paid Shopping'
          WHEN TRUE
          AND COALESCE(
            `t36`.`source` IN (
              'google',
              'bing',
              'yahoo',
              'duckduckgo',
              'ecosia',
              'baidu',
              'yandex',
              'brave',
              'naver',
              'ask',
              'aol',
              'adwords'
            ),
            FALSE
          )
          AND COALESCE(REGEXP_CONTAINS(`t36`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Search'
          WHEN TRUE
          AND COALESCE(
            `t36`.`source` IN (
              'facebook',
              'fb',
              'instagram',
              'ig',
              'meta',
              'twitter',
              't.co',
              'x',
              'linkedin',
              'pinterest',
              'tiktok',
              'reddit',
              'snapchat',
              'threads',
              'whatsapp'
            ),
            FALSE
          )
          AND COALESCE(REGEXP_CONTAINS(`t36`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Social'
          WHEN TRUE
          AND COALESCE(`t36`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          AND COALESCE(REGEXP_CONTAINS(`t36`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Video'
          WHEN TRUE
          AND COALESCE(
            `t36`.`medium` IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
            FALSE
          )
          THEN 'Display'
          WHEN TRUE
          AND COALESCE(REGEXP_CONTAINS(`t36`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Other'
          WHEN TRUE
          AND (
            COALESCE(
              `t36`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_CONTAINS(`t36`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Organic Shopping'
          WHEN TRUE
          AND (
            COALESCE(
              `t36`.`source` IN (
                'facebook',
                'fb',
                'instagram',
                'ig',
                'meta',
                'twitter',
                't.co',
                'x',
                'linkedin',
                'pinterest',
                'tiktok',
                'reddit',
                'snapchat',
                'threads',
                'whatsapp'
              ),
              FALSE
            )
            OR COALESCE(
              `t36`.`medium` IN (
                'social',
                'social-network',
                'social-media',
                'sm',
                'social network',
                'social media'
              ),
              FALSE
            )
          )
          THEN 'Organic Social'
          WHEN TRUE
          AND (
            COALESCE(`t36`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
            OR COALESCE(REGEXP_CONTAINS(`t36`.`medium`, '^(.*video.*)$'), FALSE)
          )
          THEN 'Organic Video'
          WHEN TRUE
          AND (
            COALESCE(
              `t36`.`source` IN (
                'google',
                'bing',
                'yahoo',
                'duckduckgo',
                'ecosia',
                'baidu',
                'yandex',
                'brave',
                'naver',
                'ask',
                'aol',
                'adwords'
              ),
              FALSE
            )
            OR COALESCE(`t36`.`medium` IN ('organic'), FALSE)
          )
          THEN 'Organic Search'
          WHEN TRUE AND COALESCE(`t36`.`medium` IN ('referral', 'app', 'link'), FALSE)
          THEN 'Referral'
          WHEN TRUE
          AND (
            COALESCE(`t36`.`source` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
            OR COALESCE(`t36`.`medium` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          )
          THEN 'Email'
          WHEN TRUE AND COALESCE(`t36`.`medium` IN ('affiliate'), FALSE)
          THEN 'Affiliates'
          WHEN TRUE
          AND (
            COALESCE(`t36`.`source` IN ('sms'), FALSE)
            OR COALESCE(`t36`.`medium` IN ('sms'), FALSE)
          )
          THEN 'SMS'
          ELSE 'Unassigned'
        END AS `channel`
      FROM (
        SELECT
          `t29`.`shop_id`,
          `t29`.`order_id`,
          `t29`.`touchpoint_id`,
          `t29`.`kind`,
          `t29`.`visitor_id`,
          `t29`.`customer_id`,
          `t29`.`at`,
          `t29`.`landing_url`,
          `t29`.`referrer`,
          `t29`.`utm_source`,
          `t29`.`utm_medium`,
          `t29`.`utm_campaign`,
          `t29`.`utm_content`,
          `t29`.`utm_term`,
          `t29`.`u_utm_source`,
          `t29`.`u_utm_medium`,
          `t29`.`u_utm_campaign`,
          `t29`.`u_utm_content`,
          `t29`.`u_utm_term`,
          `t29`.`referrer_host`,
          `t29`.`classified_by`,
          (
            `t29`.`classified_by` = 'direct'
          )
          OR (
            (
              `t29`.`classified_by` = 'utm'
            )
            AND COALESCE(
              `t29`.`u_utm_source` IN ('direct', '(direct)')
              AND `t29`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
              FALSE
            )
          ) AS `is_direct`,
          CASE
            WHEN (
              `t29`.`classified_by` = 'direct'
            )
            OR (
              (
                `t29`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t29`.`u_utm_source` IN ('direct', '(direct)')
                AND `t29`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'direct'
            WHEN `t29`.`classified_by` = 'utm'
            THEN `t29`.`u_utm_source`
            ELSE CASE
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)mail\\.google\\.com$)|((^|\\.)inbox\\.google\\.com$)'
              )
              THEN 'gmail'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)outlook\\.live\\.com$)|((^|\\.)outlook\\.office\\.com$)|((^|\\.)outlook\\.office365\\.com$)|((^|\\.)mail\\.live\\.com$)'
              )
              THEN 'outlook'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)mail\\.yahoo\\.com$)|((^|\\.)mail\\.yahoo\\.co\\.jp$)'
              )
              THEN 'yahoo'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)mail\\.aol\\.com$)')
              THEN 'aol'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)mail\\.proton\\.me$)|((^|\\.)mail\\.protonmail\\.com$)'
              )
              THEN 'protonmail'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)google\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'google'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)bing\\.com$)')
              THEN 'bing'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)duckduckgo\\.com$)')
              THEN 'duckduckgo'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)yahoo\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'yahoo'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)ecosia\\.org$)')
              THEN 'ecosia'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)baidu\\.com$)')
              THEN 'baidu'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)yandex\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'yandex'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)search\\.brave\\.com$)')
              THEN 'brave'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)facebook\\.com$)|((^|\\.)fb\\.com$)|((^|\\.)fb\\.me$)'
              )
              THEN 'facebook'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)instagram\\.com$)')
              THEN 'instagram'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)t\\.co$)|((^|\\.)twitter\\.com$)|((^|\\.)x\\.com$)'
              )
              THEN 'twitter'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)linkedin\\.com$)|((^|\\.)lnkd\\.in$)')
              THEN 'linkedin'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)pinterest\\.(com?\\.)?[a-z]{2,3}$)|((^|\\.)pin\\.it$)'
              )
              THEN 'pinterest'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)tiktok\\.com$)')
              THEN 'tiktok'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)youtube\\.com$)|((^|\\.)youtu\\.be$)')
              THEN 'youtube'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)reddit\\.com$)')
              THEN 'reddit'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)threads\\.net$)')
              THEN 'threads'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)snapchat\\.com$)')
              THEN 'snapchat'
              ELSE `t29`.`referrer_host`
            END
          END AS `source`,
          CASE
            WHEN (
              `t29`.`classified_by` = 'direct'
            )
            OR (
              (
                `t29`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t29`.`u_utm_source` IN ('direct', '(direct)')
                AND `t29`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'none'
            WHEN `t29`.`classified_by` = 'utm'
            THEN `t29`.`u_utm_medium`
            ELSE CASE
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)mail\\.google\\.com$)|((^|\\.)inbox\\.google\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)outlook\\.live\\.com$)|((^|\\.)outlook\\.office\\.com$)|((^|\\.)outlook\\.office365\\.com$)|((^|\\.)mail\\.live\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)mail\\.yahoo\\.com$)|((^|\\.)mail\\.yahoo\\.co\\.jp$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)mail\\.aol\\.com$)')
              THEN 'email'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)mail\\.proton\\.me$)|((^|\\.)mail\\.protonmail\\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)google\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)bing\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)duckduckgo\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)yahoo\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)ecosia\\.org$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)baidu\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)yandex\\.(com?\\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)search\\.brave\\.com$)')
              THEN 'organic'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)facebook\\.com$)|((^|\\.)fb\\.com$)|((^|\\.)fb\\.me$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)instagram\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)t\\.co$)|((^|\\.)twitter\\.com$)|((^|\\.)x\\.com$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)linkedin\\.com$)|((^|\\.)lnkd\\.in$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(
                `t29`.`referrer_host`,
                '((^|\\.)pinterest\\.(com?\\.)?[a-z]{2,3}$)|((^|\\.)pin\\.it$)'
              )
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)tiktok\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)youtube\\.com$)|((^|\\.)youtu\\.be$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)reddit\\.com$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)threads\\.net$)')
              THEN 'social'
              WHEN REGEXP_CONTAINS(`t29`.`referrer_host`, '((^|\\.)snapchat\\.com$)')
              THEN 'social'
              ELSE 'referral'
            END
          END AS `medium`,
          IF(
            (
              `t29`.`classified_by` = 'direct'
            )
            OR (
              (
                `t29`.`classified_by` = 'utm'
              )
              AND COALESCE(
                `t29`.`u_utm_source` IN ('direct', '(direct)')
                AND `t29`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
                FALSE
              )
            ),
            CAST(NULL AS STRING),
            `t29`.`u_utm_campaign`
          ) AS `campaign`
        FROM (
          SELECT
            `t28`.`shop_id`,
            `t28`.`order_id`,
            `t28`.`touchpoint_id`,
            `t28`.`kind`,
            `t28`.`visitor_id`,
            `t28`.`customer_id`,
            `t28`.`at`,
            `t28`.`landing_url`,
            `t28`.`referrer`,
            `t28`.`utm_source`,
            `t28`.`utm_medium`,
            `t28`.`utm_campaign`,
            `t28`.`utm_content`,
            `t28`.`utm_term`,
            `t28`.`u_utm_source`,
            `t28`.`u_utm_medium`,
            `t28`.`u_utm_campaign`,
            `t28`.`u_utm_content`,
            `t28`.`u_utm_term`,
            `t28`.`referrer_host`,
            CASE
              WHEN TRUE
              AND (
                NOT `t28`.`u_utm_source` IS NULL
              )
              AND (
                NOT `t28`.`u_utm_medium` IS NULL
              )
              THEN 'utm'
              WHEN (
                NOT `t28`.`referrer_host` IS NULL
              )
              AND NOT (
                REGEXP_CONTAINS(
                  `t28`.`referrer_host`,
                  '((^|\\.)myshopify\\.com$)|((^|\\.)checkout\\.shopify\\.com$)|((^|\\.)shop\\.app$)'
                )
              )
              THEN 'referrer'
              ELSE 'direct'
            END AS `classified_by`
          FROM (
            SELECT
              `t19`.`shop_id`,
              `t19`.`order_id`,
              `t19`.`touchpoint_id`,
              `t19`.`kind`,
              `t19`.`visitor_id`,
              `t19`.`customer_id`,
              `t19`.`at`,
              `t19`.`landing_url`,
              `t19`.`referrer`,
              `t19`.`utm_source`,
              `t19`.`utm_medium`,
              `t19`.`utm_campaign`,
              `t19`.`utm_content`,
              `t19`.`utm_term`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t19`.`utm_source`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_source=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_source`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t19`.`utm_medium`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_medium=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_medium`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t19`.`utm_campaign`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_campaign=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_campaign`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t19`.`utm_content`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_content=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_content`,
              COALESCE(
                NULLIF(LOWER(TRIM(`t19`.`utm_term`, ' \t\n\r\v\f')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      IF(
                        REGEXP_CONTAINS(
                          REPLACE(
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t19`.`landing_url`,
                                    CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND (
                          INSTR(
                            REPLACE(
                              NULLIF(
                                IF(
                                  REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                  IF(
                                    1 = 0,
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                      '\\1'
                                    ),
                                    REGEXP_REPLACE(
                                      `t19`.`landing_url`,
                                      CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                      CONCAT('\\', CAST(1 AS STRING))
                                    )
                                  ),
                                  NULL
                                ),
                                ''
                              ),
                              '+',
                              ' '
                            ),
                            '%'
                          ) > 0
                        ),
                        COALESCE(
                          (
                            SELECT
                              SAFE_CONVERT_BYTES_TO_STRING(
                                STRING_AGG(
                                  
                                    IF(
                                      STARTS_WITH(tok, '%') AND LENGTH(tok) = 3,
                                      FROM_HEX(SUBSTR(tok, 2)),
                                      CAST(tok AS BYTES)
                                    ),
                                    b''
                                  
                                  ORDER BY
                                    off
                                )
                              )
                            FROM UNNEST(REGEXP_EXTRACT_ALL(
                              IF(
                                REGEXP_CONTAINS(
                                  REPLACE(
                                    NULLIF(
                                      IF(
                                        REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                        IF(
                                          1 = 0,
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                            '\\1'
                                          ),
                                          REGEXP_REPLACE(
                                            `t19`.`landing_url`,
                                            CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                            CONCAT('\\', CAST(1 AS STRING))
                                          )
                                        ),
                                        NULL
                                      ),
                                      ''
                                    ),
                                    '+',
                                    ' '
                                  ),
                                  '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                                )
                                AND (
                                  INSTR(
                                    REPLACE(
                                      NULLIF(
                                        IF(
                                          REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                          IF(
                                            1 = 0,
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                              '\\1'
                                            ),
                                            REGEXP_REPLACE(
                                              `t19`.`landing_url`,
                                              CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                              CONCAT('\\', CAST(1 AS STRING))
                                            )
                                          ),
                                          NULL
                                        ),
                                        ''
                                      ),
                                      '+',
                                      ' '
                                    ),
                                    '%'
                                  ) > 0
                                ),
                                REPLACE(
                                  NULLIF(
                                    IF(
                                      REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                                      IF(
                                        1 = 0,
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                          '\\1'
                                        ),
                                        REGEXP_REPLACE(
                                          `t19`.`landing_url`,
                                          CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                          CONCAT('\\', CAST(1 AS STRING))
                                        )
                                      ),
                                      NULL
                                    ),
                                    ''
                                  ),
                                  '+',
                                  ' '
                                ),
                                ''
                              ),
                              '%[0-9A-Fa-f]{2}|[^%]+|%'
                            )) AS tok WITH OFFSET AS off
                          ),
                          ''
                        ),
                        REPLACE(
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t19`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t19`.`landing_url`,
                                  CONCAT('.*?', '[?&]utm_term=([^&#]*)', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ),
                          '+',
                          ' '
                        )
                      ),
                      ' \t\n\r\v\f'
                    )
                  ),
                  ''
                )
              ) AS `u_utm_term`,
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    NULLIF(
                      IF(
                        REGEXP_CONTAINS(
                          REGEXP_REPLACE(LOWER(TRIM(`t19`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                          '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)'
                        ),
                        IF(
                          1 = 0,
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(LOWER(TRIM(`t19`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                            CONCAT('.*?', CONCAT('(', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', ')'), '.*'),
                            '\\1'
                          ),
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(LOWER(TRIM(`t19`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                            CONCAT('.*?', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', '.*'),
                            CONCAT('\\', CAST(1 AS STRING))
                          )
                        ),
                        NULL
                      ),
                      ''
                    ),
                    '^www\\.',
                    ''
                  ),
                  '\\.$',
                  ''
                ),
                ''
              ) AS `referrer_host`
            FROM (
              SELECT
                `t14`.`shop_id`,
                `t14`.`order_id`,
                CONCAT('order:', `t14`.`order_id`) AS `touchpoint_id`,
                'order' AS `kind`,
                `t14`.`visitor_id`,
                `t14`.`customer_id`,
                `t14`.`processed_at` AS `at`,
                `t14`.`landing_site` AS `landing_url`,
                `t14`.`referring_site` AS `referrer`,
                CAST(NULL AS STRING) AS `utm_source`,
                CAST(NULL AS STRING) AS `utm_medium`,
                CAST(NULL AS STRING) AS `utm_campaign`,
                CAST(NULL AS STRING) AS `utm_content`,
                CAST(NULL AS STRING) AS `utm_term`
              FROM `t13` AS `t14`
            ) AS `t19`
          ) AS `t28`
        ) AS `t29`
      ) AS `t36`
      WHERE
        NOT (
          `t36`.`is_direct`
        )
    ) AS `t40`
    WHERE
      NOT EXISTS(
        SELECT
          1
        FROM (
          SELECT DISTINCT
            `t35`.`shop_id`,
            `t35`.`order_id`
          FROM `t34` AS `t35`
          WHERE
            NOT (
              `t35`.`is_direct`
            )
        ) AS `t38`
        WHERE
          `t40`.`shop_id` = `t38`.`shop_id` AND `t40`.`order_id` = `t38`.`order_id`
      )
  ) AS `t41`
), `t54` AS (
  SELECT
    `t53`.`shop_id`,
    `t53`.`order_id`,
    `t53`.`day`,
    `t53`.`order_revenue`,
    `t53`.`processed_at`,
    `t53`.`touchpoint_id`,
    `t53`.`kind`,
    `t53`.`at`,
    `t53`.`source`,
    `t53`.`medium`,
    `t53`.`campaign`,
    `t53`.`channel`,
    `t53`.`platform`,
    `t53`.`is_direct`,
    `t53`.`is_paid`,
    `t53`.`classified_by`,
    `t53`.`referrer_host`,
    `t53`.`part`,
    `t53`.`parts`,
    COALESCE(`t46`.`candidates`, 0) AS `candidates`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t20`.`shop_id`,
        `t20`.`order_id`,
        `t20`.`day`,
        `t20`.`order_revenue`,
        `t20`.`processed_at`,
        `t49`.`touchpoint_id`,
        `t49`.`kind`,
        `t49`.`at`,
        `t49`.`source`,
        `t49`.`medium`,
        `t49`.`campaign`,
        `t49`.`channel`,
        `t49`.`platform`,
        `t49`.`is_direct`,
        `t49`.`is_paid`,
        `t49`.`classified_by`,
        `t49`.`referrer_host`,
        `t49`.`part`,
        `t49`.`parts`
      FROM (
        SELECT
          `t14`.`shop_id`,
          `t14`.`order_id`,
          `t14`.`day`,
          `t14`.`order_revenue`,
          `t14`.`processed_at`
        FROM `t13` AS `t14`
      ) AS `t20`
      INNER JOIN (
        SELECT
          `t47`.`shop_id`,
          `t47`.`order_id`,
          `t47`.`touchpoint_id`,
          `t47`.`kind`,
          `t47`.`at`,
          `t47`.`source`,
          `t47`.`medium`,
          `t47`.`campaign`,
          `t47`.`channel`,
          `t47`.`platform`,
          `t47`.`is_direct`,
          `t47`.`is_paid`,
          `t47`.`classified_by`,
          `t47`.`referrer_host`,
          `t47`.`part`,
          `t47`.`eligible_count`,
          1 AS `parts`
        FROM (
          SELECT
            `t45`.`shop_id`,
            `t45`.`order_id`,
            `t45`.`touchpoint_id`,
            `t45`.`kind`,
            `t45`.`at`,
            `t45`.`source`,
            `t45`.`medium`,
            `t45`.`campaign`,
            `t45`.`channel`,
            `t45`.`platform`,
            `t45`.`is_direct`,
            `t45`.`is_paid`,
            `t45`.`classified_by`,
            `t45`.`referrer_host`,
            ROW_NUMBER() OVER (
              PARTITION BY `t45`.`shop_id`, `t45`.`order_id`
              ORDER BY `t45`.`at` DESC, `t45`.`touchpoint_id` DESC
            ) - 1 AS `part`,
            COUNT(`t45`.`touchpoint_id`) OVER (
              PARTITION BY `t45`.`shop_id`, `t45`.`order_id`
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS `eligible_count`
          FROM (
            SELECT
              *
            FROM `t42` AS `t43`
            WHERE
              NOT (
                `t43`.`is_direct`
              )
          ) AS `t45`
        ) AS `t47`
        WHERE
          `t47`.`part` = 0
      ) AS `t49`
        ON `t20`.`shop_id` = `t49`.`shop_id` AND `t20`.`order_id` = `t49`.`order_id`
    ) AS `t50`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t20`.`shop_id`,
        `t20`.`order_id`,
        `t20`.`day`,
        `t20`.`order_revenue`,
        `t20`.`processed_at`,
        CAST(NULL AS STRING) AS `touchpoint_id`,
        CAST(NULL AS STRING) AS `kind`,
        CAST(NULL AS TIMESTAMP) AS `at`,
        'direct' AS `source`,
        'none' AS `medium`,
        CAST(NULL AS STRING) AS `campaign`,
        'Direct' AS `channel`,
        CAST(NULL AS STRING) AS `platform`,
        TRUE AS `is_direct`,
        FALSE AS `is_paid`,
        'direct' AS `classified_by`,
        CAST(NULL AS STRING) AS `referrer_host`,
        0 AS `part`,
        1 AS `parts`
      FROM (
        SELECT
          `t14`.`shop_id`,
          `t14`.`order_id`,
          `t14`.`day`,
          `t14`.`order_revenue`,
          `t14`.`processed_at`
        FROM `t13` AS `t14`
      ) AS `t20`
      WHERE
        NOT EXISTS(
          SELECT
            1
          FROM (
            SELECT
              `t47`.`shop_id`,
              `t47`.`order_id`,
              `t47`.`touchpoint_id`,
              `t47`.`kind`,
              `t47`.`at`,
              `t47`.`source`,
              `t47`.`medium`,
              `t47`.`campaign`,
              `t47`.`channel`,
              `t47`.`platform`,
              `t47`.`is_direct`,
              `t47`.`is_paid`,
              `t47`.`classified_by`,
              `t47`.`referrer_host`,
              `t47`.`part`,
              `t47`.`eligible_count`,
              1 AS `parts`
            FROM (
              SELECT
                `t45`.`shop_id`,
                `t45`.`order_id`,
                `t45`.`touchpoint_id`,
                `t45`.`kind`,
                `t45`.`at`,
                `t45`.`source`,
                `t45`.`medium`,
                `t45`.`campaign`,
                `t45`.`channel`,
                `t45`.`platform`,
                `t45`.`is_direct`,
                `t45`.`is_paid`,
                `t45`.`classified_by`,
                `t45`.`referrer_host`,
                ROW_NUMBER() OVER (
                  PARTITION BY `t45`.`shop_id`, `t45`.`order_id`
                  ORDER BY `t45`.`at` DESC, `t45`.`touchpoint_id` DESC
                ) - 1 AS `part`,
                COUNT(`t45`.`touchpoint_id`) OVER (
                  PARTITION BY `t45`.`shop_id`, `t45`.`order_id`
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS `eligible_count`
              FROM (
                SELECT
                  *
                FROM `t42` AS `t43`
                WHERE
                  NOT (
                    `t43`.`is_direct`
                  )
              ) AS `t45`
            ) AS `t47`
            WHERE
              `t47`.`part` = 0
          ) AS `t49`
          WHERE
            `t20`.`shop_id` = `t49`.`shop_id` AND `t20`.`order_id` = `t49`.`order_id`
        )
    ) AS `t51`
  ) AS `t53`
  LEFT OUTER JOIN (
    SELECT
      `t43`.`shop_id`,
      `t43`.`order_id`,
      COUNT(`t43`.`touchpoint_id`) AS `candidates`
    FROM `t42` AS `t43`
    GROUP BY
      1,
      2
  ) AS `t46`
    ON `t53`.`shop_id` = `t46`.`shop_id` AND `t53`.`order_id` = `t46`.`order_id`
), `t58` AS (
  SELECT
    `t26`.`shop_id`,
    `t26`.`refund_id`,
    `t26`.`order_id`,
    `t26`.`processed_at`,
    `t26`.`amount`,
    `t26`.`shipping`,
    `t26`.`taxes`,
    `t26`.`_loaded_at`,
    `t26`.`shop_timezone`,
    `t26`.`order_day`,
    `t26`.`day`,
    `t26`.`refund_total`,
    `t57`.`touchpoint_id`,
    `t57`.`source`,
    `t57`.`medium`,
    `t57`.`campaign`,
    `t57`.`channel`,
    `t57`.`platform`,
    `t57`.`is_direct`,
    `t57`.`is_paid`,
    `t57`.`part`,
    `t57`.`parts`
  FROM (
    SELECT
      `t23`.`shop_id`,
      `t23`.`refund_id`,
      `t23`.`order_id`,
      `t23`.`processed_at`,
      `t23`.`amount`,
      `t23`.`shipping`,
      `t23`.`taxes`,
      `t23`.`_loaded_at`,
      `t23`.`shop_timezone`,
      `t23`.`order_day`,
      `t23`.`order_day` AS `day`,
      `t23`.`amount` + `t23`.`shipping` + `t23`.`taxes` AS `refund_total`
    FROM (
      SELECT
        `t5`.`shop_id`,
        `t5`.`refund_id`,
        `t5`.`order_id`,
        `t5`.`processed_at`,
        `t5`.`amount`,
        `t5`.`shipping`,
        `t5`.`taxes`,
        `t5`.`_loaded_at`,
        `t21`.`shop_timezone`,
        `t21`.`order_day`
      FROM `refunds` AS `t5`
      INNER JOIN (
        SELECT
          `t14`.`shop_id`,
          `t14`.`order_id`,
          `t14`.`shop_timezone`,
          `t14`.`day` AS `order_day`
        FROM `t13` AS `t14`
      ) AS `t21`
        ON `t5`.`shop_id` = `t21`.`shop_id` AND `t5`.`order_id` = `t21`.`order_id`
    ) AS `t23`
  ) AS `t26`
  INNER JOIN (
    SELECT
      `t55`.`shop_id`,
      `t55`.`order_id`,
      `t55`.`touchpoint_id`,
      `t55`.`source`,
      `t55`.`medium`,
      `t55`.`campaign`,
      `t55`.`channel`,
      `t55`.`platform`,
      `t55`.`is_direct`,
      `t55`.`is_paid`,
      `t55`.`part`,
      `t55`.`parts`
    FROM `t54` AS `t55`
  ) AS `t57`
    ON `t26`.`shop_id` = `t57`.`shop_id` AND `t26`.`order_id` = `t57`.`order_id`
)
SELECT
  `t68`.`day`,
  `t68`.`platform`,
  ieee_divide(
    CAST(CAST(COALESCE(`t68`.`m__paid_attributed_revenue__v1`, CAST('0.00' AS NUMERIC)) AS NUMERIC) AS FLOAT64),
    NULLIF(
      CAST(CAST(COALESCE(`t68`.`m__roas_spend__v1`, CAST('0.00' AS NUMERIC)) AS NUMERIC) AS FLOAT64),
      0
    )
  ) AS `roas`,
  CAST(COALESCE(`t68`.`m__attributed_revenue__v1`, CAST('0.00' AS NUMERIC)) AS NUMERIC) AS `attributed_revenue`
FROM (
  SELECT
    `t67`.`day`,
    `t67`.`platform`,
    SUM(`t67`.`m__paid_attributed_revenue__v1`) AS `m__paid_attributed_revenue__v1`,
    SUM(`t67`.`m__roas_spend__v1`) AS `m__roas_spend__v1`,
    SUM(`t67`.`m__attributed_revenue__v1`) AS `m__attributed_revenue__v1`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t0`.`date` AS `day`,
          `t0`.`platform`,
          CAST(NULL AS NUMERIC) AS `m__paid_attributed_revenue__v1`,
          `t0`.`spend` AS `m__roas_spend__v1`,
          CAST(NULL AS NUMERIC) AS `m__attributed_revenue__v1`
        FROM `ad_spend` AS `t0`
        WHERE
          TRUE
      ) AS `t6`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t55`.`day`,
          `t55`.`platform`,
          CAST(NULL AS NUMERIC) AS `m__paid_attributed_revenue__v1`,
          CAST(NULL AS NUMERIC) AS `m__roas_spend__v1`,
          CAST(IF(
            CAST(`t55`.`order_revenue` * 100 AS INT64) < 0,
            -(
              CAST(FLOOR(ieee_divide(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)) AS INT64) + IF(
                `t55`.`part` < (
                  MOD(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)
                ),
                1,
                0
              )
            ),
            CAST(FLOOR(ieee_divide(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)) AS INT64) + IF(
              `t55`.`part` < (
                MOD(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)
              ),
              1,
              0
            )
          ) AS NUMERIC) * CAST('0.01' AS NUMERIC) AS `m__attributed_revenue__v1`
        FROM `t54` AS `t55`
      ) AS `t60`
    ) AS `t62`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t59`.`day`,
          `t59`.`platform`,
          CAST(NULL AS NUMERIC) AS `m__paid_attributed_revenue__v1`,
          CAST(NULL AS NUMERIC) AS `m__roas_spend__v1`,
          -(
            CAST(IF(
              CAST(`t59`.`refund_total` * 100 AS INT64) < 0,
              -(
                CAST(FLOOR(ieee_divide(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)) AS INT64) + IF(
                  `t59`.`part` < (
                    MOD(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)
                  ),
                  1,
                  0
                )
              ),
              CAST(FLOOR(ieee_divide(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)) AS INT64) + IF(
                `t59`.`part` < (
                  MOD(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)
                ),
                1,
                0
              )
            ) AS NUMERIC) * CAST('0.01' AS NUMERIC)
          ) AS `m__attributed_revenue__v1`
        FROM `t58` AS `t59`
      ) AS `t63`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t55`.`day`,
            `t55`.`platform`,
            CAST(IF(
              CAST(`t55`.`order_revenue` * 100 AS INT64) < 0,
              -(
                CAST(FLOOR(ieee_divide(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)) AS INT64) + IF(
                  `t55`.`part` < (
                    MOD(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)
                  ),
                  1,
                  0
                )
              ),
              CAST(FLOOR(ieee_divide(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)) AS INT64) + IF(
                `t55`.`part` < (
                  MOD(ABS(CAST(`t55`.`order_revenue` * 100 AS INT64)), `t55`.`parts`)
                ),
                1,
                0
              )
            ) AS NUMERIC) * CAST('0.01' AS NUMERIC) AS `m__paid_attributed_revenue__v1`,
            CAST(NULL AS NUMERIC) AS `m__roas_spend__v1`,
            CAST(NULL AS NUMERIC) AS `m__attributed_revenue__v1`
          FROM `t54` AS `t55`
          WHERE
            `t55`.`is_paid`
        ) AS `t61`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t59`.`day`,
            `t59`.`platform`,
            -(
              CAST(IF(
                CAST(`t59`.`refund_total` * 100 AS INT64) < 0,
                -(
                  CAST(FLOOR(ieee_divide(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)) AS INT64) + IF(
                    `t59`.`part` < (
                      MOD(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)
                    ),
                    1,
                    0
                  )
                ),
                CAST(FLOOR(ieee_divide(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)) AS INT64) + IF(
                  `t59`.`part` < (
                    MOD(ABS(CAST(`t59`.`refund_total` * 100 AS INT64)), `t59`.`parts`)
                  ),
                  1,
                  0
                )
              ) AS NUMERIC) * CAST('0.01' AS NUMERIC)
            ) AS `m__paid_attributed_revenue__v1`,
            CAST(NULL AS NUMERIC) AS `m__roas_spend__v1`,
            CAST(NULL AS NUMERIC) AS `m__attributed_revenue__v1`
          FROM `t58` AS `t59`
          WHERE
            `t59`.`is_paid`
        ) AS `t64`
      ) AS `t65`
    ) AS `t66`
  ) AS `t67`
  GROUP BY
    1,
    2
) AS `t68`
ORDER BY
  `t68`.`day` ASC NULLS LAST,
  `t68`.`platform` ASC NULLS LAST
