WITH `attribution_touchpoints__t27` AS (
  SELECT
    *
  FROM (
    SELECT
      `t1`.`shop_id`,
      CAST(NULL AS STRING) AS `order_id`,
      `t1`.`session_id` AS `touchpoint_id`,
      'session' AS `kind`,
      `t1`.`visitor_id`,
      `t1`.`customer_id`,
      `t1`.`started_at` AS `at`,
      `t1`.`landing_url`,
      `t1`.`referrer`,
      `t1`.`utm_source`,
      `t1`.`utm_medium`,
      `t1`.`utm_campaign`,
      `t1`.`utm_content`,
      `t1`.`utm_term`
    FROM `sessions` AS `t1`
  ) AS `t19`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t25`.`shop_id`,
      `t25`.`order_id`,
      CONCAT('order:', `t25`.`order_id`) AS `touchpoint_id`,
      'order' AS `kind`,
      `t25`.`visitor_id`,
      `t25`.`customer_id`,
      `t25`.`processed_at` AS `at`,
      `t25`.`landing_site` AS `landing_url`,
      `t25`.`referring_site` AS `referrer`,
      CAST(NULL AS STRING) AS `utm_source`,
      CAST(NULL AS STRING) AS `utm_medium`,
      CAST(NULL AS STRING) AS `utm_campaign`,
      CAST(NULL AS STRING) AS `utm_content`,
      CAST(NULL AS STRING) AS `utm_term`
    FROM (
      SELECT
        `t24`.`shop_id`,
        `t24`.`order_id`,
        `t24`.`customer_id`,
        `t24`.`email`,
        `t24`.`created_at`,
        `t24`.`processed_at`,
        `t24`.`financial_status`,
        `t24`.`cancelled_at`,
        `t24`.`is_test`,
        `t24`.`gross_sales`,
        `t24`.`discounts`,
        `t24`.`shipping`,
        `t24`.`taxes`,
        `t24`.`visitor_id`,
        `t24`.`landing_site`,
        `t24`.`referring_site`,
        `t24`.`_loaded_at`,
        `t24`.`taxes_included`,
        `t24`.`duties`,
        `t24`.`shop_timezone`,
        CAST(FROM_UTC_TIMESTAMP(`t24`.`processed_at`, `t24`.`shop_timezone`) AS DATE) AS `day`,
        (
          `t24`.`gross_sales` - `t24`.`discounts`
        ) + `t24`.`shipping` + IF(COALESCE(`t24`.`taxes_included`, FALSE), 0, `t24`.`taxes`) AS `order_revenue`
      FROM (
        SELECT
          `t23`.`shop_id`,
          `t23`.`order_id`,
          `t23`.`customer_id`,
          `t23`.`email`,
          `t23`.`created_at`,
          `t23`.`processed_at`,
          `t23`.`financial_status`,
          `t23`.`cancelled_at`,
          `t23`.`is_test`,
          `t23`.`gross_sales`,
          `t23`.`discounts`,
          `t23`.`shipping`,
          `t23`.`taxes`,
          `t23`.`visitor_id`,
          `t23`.`landing_site`,
          `t23`.`referring_site`,
          `t23`.`_loaded_at`,
          `t23`.`taxes_included`,
          `t23`.`duties`,
          `t22`.`shop_timezone`
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
        ) AS `t23`
        INNER JOIN (
          SELECT
            `t3`.`shop_id`,
            `t3`.`timezone` AS `shop_timezone`
          FROM `shops` AS `t3`
        ) AS `t22`
          ON `t23`.`shop_id` = `t22`.`shop_id`
      ) AS `t24`
    ) AS `t25`
  ) AS `t26`
), `attribution_touchpoints__t34` AS (
  SELECT
    `t31`.`referrer`,
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(LOWER(TRIM(' \t\n\r\013\014' FROM `t31`.`referrer`)), '^[a-z][a-z0-9+.-]*:(//)?', ''),
              '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)'
            ),
            ''
          ),
          '^www\\.',
          ''
        ),
        '\\.\\z',
        ''
      ),
      ''
    ) AS `referrer_host`
  FROM (
    SELECT DISTINCT
      `t28`.`referrer`
    FROM `attribution_touchpoints__t27` AS `t28`
    WHERE
      NOT `t28`.`referrer` IS NULL
  ) AS `t31`
), `attribution_touchpoints__t37` AS (
  SELECT DISTINCT
    `t35`.`referrer_host`
  FROM `attribution_touchpoints__t34` AS `t35`
  WHERE
    NOT `t35`.`referrer_host` IS NULL
), `attribution_touchpoints__t70` AS (
  SELECT
    `t69`.`shop_id`,
    `t69`.`order_id`,
    `t69`.`touchpoint_id`,
    `t69`.`kind`,
    `t69`.`visitor_id`,
    `t69`.`customer_id`,
    `t69`.`at`,
    `t69`.`landing_url`,
    `t69`.`referrer`,
    `t69`.`utm_source`,
    `t69`.`utm_medium`,
    `t69`.`utm_campaign`,
    `t69`.`utm_content`,
    `t69`.`utm_term`,
    `t69`.`u_utm_source`,
    `t69`.`u_utm_medium`,
    `t69`.`u_utm_campaign`,
    `t69`.`u_utm_content`,
    `t69`.`u_utm_term`,
    `t69`.`referrer_host`,
    `t69`.`classified_by`,
    (
      `t69`.`classified_by` = 'direct'
    )
    OR (
      (
        `t69`.`classified_by` = 'utm'
      )
      AND COALESCE(
        `t69`.`u_utm_source` IN ('direct', '(direct)')
        AND `t69`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
        FALSE
      )
    ) AS `is_direct`,
    CASE
      WHEN (
        `t69`.`classified_by` = 'direct'
      )
      OR (
        (
          `t69`.`classified_by` = 'utm'
        )
        AND COALESCE(
          `t69`.`u_utm_source` IN ('direct', '(direct)')
          AND `t69`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'direct'
      WHEN `t69`.`classified_by` = 'utm'
      THEN `t69`.`u_utm_source`
      ELSE COALESCE(`t69`.`ref_source`, `t69`.`referrer_host`)
    END AS `source`,
    CASE
      WHEN (
        `t69`.`classified_by` = 'direct'
      )
      OR (
        (
          `t69`.`classified_by` = 'utm'
        )
        AND COALESCE(
          `t69`.`u_utm_source` IN ('direct', '(direct)')
          AND `t69`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'none'
      WHEN `t69`.`classified_by` = 'utm'
      THEN `t69`.`u_utm_medium`
      ELSE COALESCE(`t69`.`ref_medium`, 'referral')
    END AS `medium`,
    IF(
      (
        `t69`.`classified_by` = 'direct'
      )
      OR (
        (
          `t69`.`classified_by` = 'utm'
        )
        AND COALESCE(
          `t69`.`u_utm_source` IN ('direct', '(direct)')
          AND `t69`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
          FALSE
        )
      ),
      CAST(NULL AS STRING),
      `t69`.`u_utm_campaign`
    ) AS `campaign`
  FROM (
    SELECT
      `t68`.`shop_id`,
      `t68`.`order_id`,
      `t68`.`touchpoint_id`,
      `t68`.`kind`,
      `t68`.`visitor_id`,
      `t68`.`customer_id`,
      `t68`.`at`,
      `t68`.`landing_url`,
      `t68`.`referrer`,
      `t68`.`utm_source`,
      `t68`.`utm_medium`,
      `t68`.`utm_campaign`,
      `t68`.`utm_content`,
      `t68`.`utm_term`,
      `t68`.`u_utm_source`,
      `t68`.`u_utm_medium`,
      `t68`.`u_utm_campaign`,
      `t68`.`u_utm_content`,
      `t68`.`u_utm_term`,
      `t68`.`referrer_host`,
      `t68`.`ref_source`,
      `t68`.`ref_medium`,
      `t68`.`internal`,
      CASE
        WHEN TRUE
        AND (
          NOT `t68`.`u_utm_source` IS NULL
        )
        AND (
          NOT `t68`.`u_utm_medium` IS NULL
        )
        THEN 'utm'
        WHEN (
          NOT `t68`.`referrer_host` IS NULL
        ) AND NOT (
          `t68`.`internal`
        )
        THEN 'referrer'
        ELSE 'direct'
      END AS `classified_by`
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
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t29`.`utm_source`)), ''),
          `t42`.`url_utm_source`
        ) AS `u_utm_source`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t29`.`utm_medium`)), ''),
          `t42`.`url_utm_medium`
        ) AS `u_utm_medium`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t29`.`utm_campaign`)), ''),
          `t42`.`url_utm_campaign`
        ) AS `u_utm_campaign`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t29`.`utm_content`)), ''),
          `t42`.`url_utm_content`
        ) AS `u_utm_content`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t29`.`utm_term`)), ''),
          `t42`.`url_utm_term`
        ) AS `u_utm_term`,
        `t67`.`referrer_host`,
        `t67`.`ref_source`,
        `t67`.`ref_medium`,
        COALESCE(`t67`.`internal`, FALSE) AS `internal`
      FROM `attribution_touchpoints__t27` AS `t29`
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            `t36`.`referrer`,
            `t36`.`referrer_host`,
            `t64`.`ref_source`,
            `t64`.`ref_medium`,
            `t64`.`is_internal` AS `internal`
          FROM `attribution_touchpoints__t34` AS `t36`
          LEFT OUTER JOIN (
            SELECT
              `t39`.`referrer_host`,
              `t62`.`ref_source`,
              `t62`.`ref_medium`,
              NOT `t58`.`internal_host` IS NULL AS `is_internal`
            FROM `attribution_touchpoints__t37` AS `t39`
            LEFT OUTER JOIN (
              SELECT
                `t60`.`referrer_host`,
                `t16`.`source` AS `ref_source`,
                `t16`.`medium` AS `ref_medium`
              FROM (
                SELECT
                  `t56`.`referrer_host`,
                  MIN(`t56`.`position`) AS `position`
                FROM (
                  SELECT
                    `t54`.`referrer_host`,
                    `t18`.`position`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t38`.`referrer_host`,
                          'name' AS `kind`,
                          1 AS `labels`,
                          NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') AS `key`
                        FROM `attribution_touchpoints__t37` AS `t38`
                        WHERE
                          NOT NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') IS NULL
                      ) AS `t43`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t38`.`referrer_host`,
                          'name' AS `kind`,
                          1 AS `labels`,
                          NULLIF(
                            REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t37` AS `t38`
                        WHERE
                          NOT NULLIF(
                            REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                            ''
                          ) IS NULL
                      ) AS `t44`
                    ) AS `t49`
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t38`.`referrer_host`,
                            'domain' AS `kind`,
                            2 AS `labels`,
                            NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') AS `key`
                          FROM `attribution_touchpoints__t37` AS `t38`
                          WHERE
                            NOT NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') IS NULL
                        ) AS `t45`
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t38`.`referrer_host`,
                            'domain' AS `kind`,
                            3 AS `labels`,
                            NULLIF(
                              REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) AS `key`
                          FROM `attribution_touchpoints__t37` AS `t38`
                          WHERE
                            NOT NULLIF(
                              REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) IS NULL
                        ) AS `t46`
                      ) AS `t50`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t38`.`referrer_host`,
                            'domain' AS `kind`,
                            4 AS `labels`,
                            NULLIF(
                              REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) AS `key`
                          FROM `attribution_touchpoints__t37` AS `t38`
                          WHERE
                            NOT NULLIF(
                              REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) IS NULL
                        ) AS `t47`
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t38`.`referrer_host`,
                            'name' AS `kind`,
                            1 AS `labels`,
                            NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') AS `key`
                          FROM `attribution_touchpoints__t37` AS `t38`
                          WHERE
                            NOT NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') IS NULL
                        ) AS `t48`
                      ) AS `t51`
                    ) AS `t52`
                  ) AS `t54`
                  INNER JOIN VALUES
                    ('domain', 3, 'mail.google.com', 0, 'gmail', 'email'),
                    ('domain', 3, 'inbox.google.com', 0, 'gmail', 'email'),
                    ('domain', 3, 'outlook.live.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'outlook.office.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'outlook.office365.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'mail.live.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'mail.yahoo.com', 2, 'yahoo', 'email'),
                    ('domain', 4, 'mail.yahoo.co.jp', 2, 'yahoo', 'email'),
                    ('domain', 3, 'mail.aol.com', 3, 'aol', 'email'),
                    ('domain', 3, 'mail.proton.me', 4, 'protonmail', 'email'),
                    ('domain', 3, 'mail.protonmail.com', 4, 'protonmail', 'email'),
                    ('name', 1, 'google', 5, 'google', 'organic'),
                    ('domain', 2, 'bing.com', 6, 'bing', 'organic'),
                    ('domain', 2, 'duckduckgo.com', 7, 'duckduckgo', 'organic'),
                    ('name', 1, 'yahoo', 8, 'yahoo', 'organic'),
                    ('domain', 2, 'ecosia.org', 9, 'ecosia', 'organic'),
                    ('domain', 2, 'baidu.com', 10, 'baidu', 'organic'),
                    ('name', 1, 'yandex', 11, 'yandex', 'organic'),
                    ('domain', 3, 'search.brave.com', 12, 'brave', 'organic'),
                    ('domain', 2, 'facebook.com', 13, 'facebook', 'social'),
                    ('domain', 2, 'fb.com', 13, 'facebook', 'social'),
                    ('domain', 2, 'fb.me', 13, 'facebook', 'social'),
                    ('domain', 2, 'instagram.com', 14, 'instagram', 'social'),
                    ('domain', 2, 't.co', 15, 'twitter', 'social'),
                    ('domain', 2, 'twitter.com', 15, 'twitter', 'social'),
                    ('domain', 2, 'x.com', 15, 'twitter', 'social'),
                    ('domain', 2, 'linkedin.com', 16, 'linkedin', 'social'),
                    ('domain', 2, 'lnkd.in', 16, 'linkedin', 'social'),
                    ('name', 1, 'pinterest', 17, 'pinterest', 'social'),
                    ('domain', 2, 'pin.it', 17, 'pinterest', 'social'),
                    ('domain', 2, 'tiktok.com', 18, 'tiktok', 'social'),
                    ('domain', 2, 'youtube.com', 19, 'youtube', 'social'),
                    ('domain', 2, 'youtu.be', 19, 'youtube', 'social'),
                    ('domain', 2, 'reddit.com', 20, 'reddit', 'social'),
                    ('domain', 2, 'threads.net', 21, 'threads', 'social'),
                    ('domain', 2, 'snapchat.com', 22, 'snapchat', 'social') AS t18(kind, labels, key, position, source, medium)
                    ON `t54`.`kind` = `t18`.`kind`
                    AND `t54`.`labels` = `t18`.`labels`
                    AND `t54`.`key` = `t18`.`key`
                ) AS `t56`
                GROUP BY
                  1
              ) AS `t60`
              INNER JOIN VALUES
                (0, 'gmail', 'email'),
                (1, 'outlook', 'email'),
                (2, 'yahoo', 'email'),
                (3, 'aol', 'email'),
                (4, 'protonmail', 'email'),
                (5, 'google', 'organic'),
                (6, 'bing', 'organic'),
                (7, 'duckduckgo', 'organic'),
                (8, 'yahoo', 'organic'),
                (9, 'ecosia', 'organic'),
                (10, 'baidu', 'organic'),
                (11, 'yandex', 'organic'),
                (12, 'brave', 'organic'),
                (13, 'facebook', 'social'),
                (14, 'instagram', 'social'),
                (15, 'twitter', 'social'),
                (16, 'linkedin', 'social'),
                (17, 'pinterest', 'social'),
                (18, 'tiktok', 'social'),
                (19, 'youtube', 'social'),
                (20, 'reddit', 'social'),
                (21, 'threads', 'social'),
                (22, 'snapchat', 'social') AS t16(position, source, medium)
                ON `t60`.`position` = `t16`.`position`
            ) AS `t62`
              ON `t39`.`referrer_host` = `t62`.`referrer_host`
            LEFT OUTER JOIN (
              SELECT DISTINCT
                *
              FROM (
                SELECT
                  `t54`.`referrer_host` AS `internal_host`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t38`.`referrer_host`,
                        'name' AS `kind`,
                        1 AS `labels`,
                        NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') AS `key`
                      FROM `attribution_touchpoints__t37` AS `t38`
                      WHERE
                        NOT NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') IS NULL
                    ) AS `t43`
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t38`.`referrer_host`,
                        'name' AS `kind`,
                        1 AS `labels`,
                        NULLIF(
                          REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                          ''
                        ) AS `key`
                      FROM `attribution_touchpoints__t37` AS `t38`
                      WHERE
                        NOT NULLIF(
                          REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                          ''
                        ) IS NULL
                    ) AS `t44`
                  ) AS `t49`
                  UNION ALL
                  SELECT
                    *
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t38`.`referrer_host`,
                          'domain' AS `kind`,
                          2 AS `labels`,
                          NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') AS `key`
                        FROM `attribution_touchpoints__t37` AS `t38`
                        WHERE
                          NOT NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') IS NULL
                      ) AS `t45`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t38`.`referrer_host`,
                          'domain' AS `kind`,
                          3 AS `labels`,
                          NULLIF(
                            REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t37` AS `t38`
                        WHERE
                          NOT NULLIF(
                            REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) IS NULL
                      ) AS `t46`
                    ) AS `t50`
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t38`.`referrer_host`,
                          'domain' AS `kind`,
                          4 AS `labels`,
                          NULLIF(
                            REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t37` AS `t38`
                        WHERE
                          NOT NULLIF(
                            REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) IS NULL
                      ) AS `t47`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t38`.`referrer_host`,
                          'name' AS `kind`,
                          1 AS `labels`,
                          NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') AS `key`
                        FROM `attribution_touchpoints__t37` AS `t38`
                        WHERE
                          NOT NULLIF(REGEXP_EXTRACT(`t38`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') IS NULL
                      ) AS `t48`
                    ) AS `t51`
                  ) AS `t52`
                ) AS `t54`
                LEFT SEMI JOIN VALUES
                  ('domain', 2, 'myshopify.com'),
                  ('domain', 2, 'shop.app'),
                  ('domain', 3, 'checkout.shopify.com') AS t17(kind, labels, key)
                  ON `t54`.`kind` = `t17`.`kind`
                  AND `t54`.`labels` = `t17`.`labels`
                  AND `t54`.`key` = `t17`.`key`
              ) AS `t55`
            ) AS `t58`
              ON `t39`.`referrer_host` = `t58`.`internal_host`
          ) AS `t64`
            ON `t36`.`referrer_host` = `t64`.`referrer_host`
        ) AS `t65`
      ) AS `t67`
        ON `t29`.`referrer` = `t67`.`referrer`
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            `t33`.`landing_url`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t33`.`ok__utm_source`,
                  URL_DECODE(IF(`t33`.`ok__utm_source`, `t33`.`q__utm_source`, '')),
                  `t33`.`q__utm_source`
                ))
              ),
              ''
            ) AS `url_utm_source`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t33`.`ok__utm_medium`,
                  URL_DECODE(IF(`t33`.`ok__utm_medium`, `t33`.`q__utm_medium`, '')),
                  `t33`.`q__utm_medium`
                ))
              ),
              ''
            ) AS `url_utm_medium`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t33`.`ok__utm_campaign`,
                  URL_DECODE(IF(`t33`.`ok__utm_campaign`, `t33`.`q__utm_campaign`, '')),
                  `t33`.`q__utm_campaign`
                ))
              ),
              ''
            ) AS `url_utm_campaign`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t33`.`ok__utm_content`,
                  URL_DECODE(IF(`t33`.`ok__utm_content`, `t33`.`q__utm_content`, '')),
                  `t33`.`q__utm_content`
                ))
              ),
              ''
            ) AS `url_utm_content`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t33`.`ok__utm_term`,
                  URL_DECODE(IF(`t33`.`ok__utm_term`, `t33`.`q__utm_term`, '')),
                  `t33`.`q__utm_term`
                ))
              ),
              ''
            ) AS `url_utm_term`
          FROM (
            SELECT
              `t32`.`landing_url`,
              `t32`.`q__utm_source`,
              `t32`.`q__utm_medium`,
              `t32`.`q__utm_campaign`,
              `t32`.`q__utm_content`,
              `t32`.`q__utm_term`,
              CONTAINS(`t32`.`q__utm_source`, '%')
              AND `t32`.`q__utm_source` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_source`,
              CONTAINS(`t32`.`q__utm_medium`, '%')
              AND `t32`.`q__utm_medium` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_medium`,
              CONTAINS(`t32`.`q__utm_campaign`, '%')
              AND `t32`.`q__utm_campaign` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_campaign`,
              CONTAINS(`t32`.`q__utm_content`, '%')
              AND `t32`.`q__utm_content` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_content`,
              CONTAINS(`t32`.`q__utm_term`, '%')
              AND `t32`.`q__utm_term` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_term`
            FROM (
              SELECT
                `t30`.`landing_url`,
                REPLACE(NULLIF(REGEXP_EXTRACT(`t30`.`landing_url`, '[?&]utm_source=([^&#]*)'), ''), '+', ' ') AS `q__utm_source`,
                REPLACE(NULLIF(REGEXP_EXTRACT(`t30`.`landing_url`, '[?&]utm_medium=([^&#]*)'), ''), '+', ' ') AS `q__utm_medium`,
                REPLACE(
                  NULLIF(REGEXP_EXTRACT(`t30`.`landing_url`, '[?&]utm_campaign=([^&#]*)'), ''),
                  '+',
                  ' '
                ) AS `q__utm_campaign`,
                REPLACE(
                  NULLIF(REGEXP_EXTRACT(`t30`.`landing_url`, '[?&]utm_content=([^&#]*)'), ''),
                  '+',
                  ' '
                ) AS `q__utm_content`,
                REPLACE(NULLIF(REGEXP_EXTRACT(`t30`.`landing_url`, '[?&]utm_term=([^&#]*)'), ''), '+', ' ') AS `q__utm_term`
              FROM (
                SELECT DISTINCT
                  `t28`.`landing_url`
                FROM `attribution_touchpoints__t27` AS `t28`
                WHERE
                  NOT `t28`.`landing_url` IS NULL
              ) AS `t30`
            ) AS `t32`
          ) AS `t33`
        ) AS `t40`
      ) AS `t42`
        ON `t29`.`landing_url` = `t42`.`landing_url`
    ) AS `t68`
  ) AS `t69`
), `attribution_touchpoints__t72` AS (
  SELECT DISTINCT
    `t71`.`source`,
    `t71`.`medium`,
    `t71`.`campaign`
  FROM `attribution_touchpoints__t70` AS `t71`
), `attribution_touchpoints` AS (
  SELECT
    `t75`.`shop_id`,
    `t75`.`order_id`,
    `t75`.`touchpoint_id`,
    `t75`.`kind`,
    `t75`.`visitor_id`,
    `t75`.`customer_id`,
    `t75`.`at`,
    `t75`.`landing_url`,
    `t75`.`referrer`,
    `t75`.`utm_source`,
    `t75`.`utm_medium`,
    `t75`.`utm_campaign`,
    `t75`.`utm_content`,
    `t75`.`utm_term`,
    `t75`.`u_utm_source`,
    `t75`.`u_utm_medium`,
    `t75`.`u_utm_campaign`,
    `t75`.`u_utm_content`,
    `t75`.`u_utm_term`,
    `t75`.`referrer_host`,
    `t75`.`classified_by`,
    `t75`.`is_direct`,
    `t75`.`source`,
    `t75`.`medium`,
    `t75`.`campaign`,
    `t75`.`is_paid`,
    `t75`.`platform`,
    `t106`.`channel`
  FROM (
    SELECT
      `t71`.`shop_id`,
      `t71`.`order_id`,
      `t71`.`touchpoint_id`,
      `t71`.`kind`,
      `t71`.`visitor_id`,
      `t71`.`customer_id`,
      `t71`.`at`,
      `t71`.`landing_url`,
      `t71`.`referrer`,
      `t71`.`utm_source`,
      `t71`.`utm_medium`,
      `t71`.`utm_campaign`,
      `t71`.`utm_content`,
      `t71`.`utm_term`,
      `t71`.`u_utm_source`,
      `t71`.`u_utm_medium`,
      `t71`.`u_utm_campaign`,
      `t71`.`u_utm_content`,
      `t71`.`u_utm_term`,
      `t71`.`referrer_host`,
      `t71`.`classified_by`,
      `t71`.`is_direct`,
      `t71`.`source`,
      `t71`.`medium`,
      `t71`.`campaign`,
      NOT (
        `t71`.`is_direct`
      )
      AND `t71`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS `is_paid`,
      IF(
        NOT (
          `t71`.`is_direct`
        )
        AND `t71`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display'),
        CASE
          WHEN `t71`.`source` IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
          THEN 'meta'
          WHEN `t71`.`source` IN ('google', 'adwords', 'youtube')
          THEN 'google'
          ELSE `t71`.`source`
        END,
        CAST(NULL AS STRING)
      ) AS `platform`
    FROM `attribution_touchpoints__t70` AS `t71`
  ) AS `t75`
  LEFT OUTER JOIN (
    SELECT
      `t83`.`k_source`,
      `t83`.`k_medium`,
      `t83`.`k_campaign`,
      COALESCE(`t104`.`channel`, 'Unassigned') AS `channel`
    FROM (
      SELECT
        `t73`.`source`,
        `t73`.`medium`,
        `t73`.`campaign`,
        COALESCE(`t73`.`source`, '') AS `k_source`,
        COALESCE(`t73`.`medium`, '') AS `k_medium`,
        COALESCE(`t73`.`campaign`, '') AS `k_campaign`
      FROM `attribution_touchpoints__t72` AS `t73`
    ) AS `t83`
    LEFT OUTER JOIN (
      SELECT
        `t102`.`k_source`,
        `t102`.`k_medium`,
        `t102`.`k_campaign`,
        `t11`.`channel`
      FROM (
        SELECT
          `t100`.`k_source`,
          `t100`.`k_medium`,
          `t100`.`k_campaign`,
          MIN(`t100`.`position`) AS `position`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t98`.`k_source`,
              `t98`.`k_medium`,
              `t98`.`k_campaign`,
              `t98`.`position`,
              `t98`.`all_held`,
              `t98`.`any_held`,
              `t11`.`channel`,
              `t11`.`all_count`,
              `t11`.`any_count`
            FROM (
              SELECT
                `t96`.`k_source`,
                `t96`.`k_medium`,
                `t96`.`k_campaign`,
                `t96`.`position`,
                COUNT(IF(`t96`.`role` = 'all', `t96`.`condition`, NULL)) AS `all_held`,
                COUNT(IF(`t96`.`role` = 'any', `t96`.`condition`, NULL)) AS `any_held`
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t91`.`k_source`,
                      `t91`.`k_medium`,
                      `t91`.`k_campaign`,
                      `t12`.`position`,
                      `t12`.`role`,
                      `t12`.`condition`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          COALESCE(`t73`.`source`, '') AS `k_source`,
                          COALESCE(`t73`.`medium`, '') AS `k_medium`,
                          COALESCE(`t73`.`campaign`, '') AS `k_campaign`,
                          'campaign' AS `field`,
                          `t73`.`campaign` AS `value`
                        FROM `attribution_touchpoints__t72` AS `t73`
                      ) AS `t79`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            COALESCE(`t73`.`source`, '') AS `k_source`,
                            COALESCE(`t73`.`medium`, '') AS `k_medium`,
                            COALESCE(`t73`.`campaign`, '') AS `k_campaign`,
                            'source' AS `field`,
                            `t73`.`source` AS `value`
                          FROM `attribution_touchpoints__t72` AS `t73`
                        ) AS `t80`
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            COALESCE(`t73`.`source`, '') AS `k_source`,
                            COALESCE(`t73`.`medium`, '') AS `k_medium`,
                            COALESCE(`t73`.`campaign`, '') AS `k_campaign`,
                            'medium' AS `field`,
                            `t73`.`medium` AS `value`
                          FROM `attribution_touchpoints__t72` AS `t73`
                        ) AS `t81`
                      ) AS `t86`
                    ) AS `t91`
                    INNER JOIN VALUES
                      ('source', 'direct', 0, 'all', 1),
                      ('source', '(direct)', 0, 'all', 1),
                      ('medium', 'none', 0, 'all', 2),
                      ('medium', '(none)', 0, 'all', 2),
                      ('medium', '(not set)', 0, 'all', 2),
                      ('source', 'google shopping', 1, 'any', 4),
                      ('source', 'shopping', 1, 'any', 4),
                      ('source', 'shop.app', 1, 'any', 4),
                      ('source', 'amazon', 1, 'any', 4),
                      ('source', 'ebay', 1, 'any', 4),
                      ('source', 'etsy', 1, 'any', 4),
                      ('source', 'idealo', 1, 'any', 4),
                      ('source', 'google', 2, 'all', 6),
                      ('source', 'bing', 2, 'all', 6),
                      ('source', 'yahoo', 2, 'all', 6),
                      ('source', 'duckduckgo', 2, 'all', 6),
                      ('source', 'ecosia', 2, 'all', 6),
                      ('source', 'baidu', 2, 'all', 6),
                      ('source', 'yandex', 2, 'all', 6),
                      ('source', 'brave', 2, 'all', 6),
                      ('source', 'naver', 2, 'all', 6),
                      ('source', 'ask', 2, 'all', 6),
                      ('source', 'aol', 2, 'all', 6),
                      ('source', 'adwords', 2, 'all', 6),
                      ('source', 'facebook', 3, 'all', 8),
                      ('source', 'fb', 3, 'all', 8),
                      ('source', 'instagram', 3, 'all', 8),
                      ('source', 'ig', 3, 'all', 8),
                      ('source', 'meta', 3, 'all', 8),
                      ('source', 'twitter', 3, 'all', 8),
                      ('source', 't.co', 3, 'all', 8),
                      ('source', 'x', 3, 'all', 8),
                      ('source', 'linkedin', 3, 'all', 8),
                      ('source', 'pinterest', 3, 'all', 8),
                      ('source', 'tiktok', 3, 'all', 8),
                      ('source', 'reddit', 3, 'all', 8),
                      ('source', 'snapchat', 3, 'all', 8),
                      ('source', 'threads', 3, 'all', 8),
                      ('source', 'whatsapp', 3, 'all', 8),
                      ('source', 'youtube', 4, 'all', 10),
                      ('source', 'vimeo', 4, 'all', 10),
                      ('source', 'twitch', 4, 'all', 10),
                      ('source', 'dailymotion', 4, 'all', 10),
                      ('medium', 'display', 5, 'all', 12),
                      ('medium', 'banner', 5, 'all', 12),
                      ('medium', 'expandable', 5, 'all', 12),
                      ('medium', 'interstitial', 5, 'all', 12),
                      ('medium', 'cpm', 5, 'all', 12),
                      ('source', 'google shopping', 7, 'any', 14),
                      ('source', 'shopping', 7, 'any', 14),
                      ('source', 'shop.app', 7, 'any', 14),
                      ('source', 'amazon', 7, 'any', 14),
                      ('source', 'ebay', 7, 'any', 14),
                      ('source', 'etsy', 7, 'any', 14),
                      ('source', 'idealo', 7, 'any', 14),
                      ('source', 'facebook', 8, 'any', 16),
                      ('source', 'fb', 8, 'any', 16),
                      ('source', 'instagram', 8, 'any', 16),
                      ('source', 'ig', 8, 'any', 16),
                      ('source', 'meta', 8, 'any', 16),
                      ('source', 'twitter', 8, 'any', 16),
                      ('source', 't.co', 8, 'any', 16),
                      ('source', 'x', 8, 'any', 16),
                      ('source', 'linkedin', 8, 'any', 16),
                      ('source', 'pinterest', 8, 'any', 16),
                      ('source', 'tiktok', 8, 'any', 16),
                      ('source', 'reddit', 8, 'any', 16),
                      ('source', 'snapchat', 8, 'any', 16),
                      ('source', 'threads', 8, 'any', 16),
                      ('source', 'whatsapp', 8, 'any', 16),
                      ('medium', 'social', 8, 'any', 17),
                      ('medium', 'social-network', 8, 'any', 17),
                      ('medium', 'social-media', 8, 'any', 17),
                      ('medium', 'sm', 8, 'any', 17),
                      ('medium', 'social network', 8, 'any', 17),
                      ('medium', 'social media', 8, 'any', 17),
                      ('source', 'youtube', 9, 'any', 18),
                      ('source', 'vimeo', 9, 'any', 18),
                      ('source', 'twitch', 9, 'any', 18),
                      ('source', 'dailymotion', 9, 'any', 18),
                      ('source', 'google', 10, 'any', 20),
                      ('source', 'bing', 10, 'any', 20),
                      ('source', 'yahoo', 10, 'any', 20),
                      ('source', 'duckduckgo', 10, 'any', 20),
                      ('source', 'ecosia', 10, 'any', 20),
                      ('source', 'baidu', 10, 'any', 20),
                      ('source', 'yandex', 10, 'any', 20),
                      ('source', 'brave', 10, 'any', 20),
                      ('source', 'naver', 10, 'any', 20),
                      ('source', 'ask', 10, 'any', 20),
                      ('source', 'aol', 10, 'any', 20),
                      ('source', 'adwords', 10, 'any', 20),
                      ('medium', 'organic', 10, 'any', 21),
                      ('medium', 'referral', 11, 'all', 22),
                      ('medium', 'app', 11, 'all', 22),
                      ('medium', 'link', 11, 'all', 22),
                      ('source', 'email', 12, 'any', 23),
                      ('source', 'e-mail', 12, 'any', 23),
                      ('source', 'e_mail', 12, 'any', 23),
                      ('source', 'e mail', 12, 'any', 23),
                      ('medium', 'email', 12, 'any', 24),
                      ('medium', 'e-mail', 12, 'any', 24),
                      ('medium', 'e_mail', 12, 'any', 24),
                      ('medium', 'e mail', 12, 'any', 24),
                      ('medium', 'affiliate', 13, 'all', 25),
                      ('source', 'sms', 14, 'any', 26),
                      ('medium', 'sms', 14, 'any', 27) AS t12(field, value, position, role, condition)
                      ON `t91`.`field` = `t12`.`field` AND `t91`.`value` = `t12`.`value`
                  ) AS `t94`
                  UNION
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t87`.`k_source`,
                      `t87`.`k_medium`,
                      `t87`.`k_campaign`,
                      `t13`.`position`,
                      `t13`.`role`,
                      `t13`.`condition`
                    FROM (
                      SELECT
                        COALESCE(`t73`.`source`, '') AS `k_source`,
                        COALESCE(`t73`.`medium`, '') AS `k_medium`,
                        COALESCE(`t73`.`campaign`, '') AS `k_campaign`
                      FROM `attribution_touchpoints__t72` AS `t73`
                      WHERE
                        `t73`.`campaign` RLIKE '^(.*(([^a-df-z]|^)shop|shopping).*)\\z'
                    ) AS `t87`
                    CROSS JOIN VALUES
                      (1, 'any', 5),
                      (7, 'any', 15) AS t13(position, role, condition)
                  ) AS `t92`
                ) AS `t95`
                UNION
                SELECT
                  *
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t84`.`k_source`,
                      `t84`.`k_medium`,
                      `t84`.`k_campaign`,
                      `t14`.`position`,
                      `t14`.`role`,
                      `t14`.`condition`
                    FROM (
                      SELECT
                        COALESCE(`t73`.`source`, '') AS `k_source`,
                        COALESCE(`t73`.`medium`, '') AS `k_medium`,
                        COALESCE(`t73`.`campaign`, '') AS `k_campaign`
                      FROM `attribution_touchpoints__t72` AS `t73`
                      WHERE
                        `t73`.`medium` RLIKE '^(.*cp.*|ppc|retargeting|paid.*)\\z'
                    ) AS `t84`
                    CROSS JOIN VALUES
                      (1, 'all', 3),
                      (2, 'all', 7),
                      (3, 'all', 9),
                      (4, 'all', 11),
                      (6, 'all', 13) AS t14(position, role, condition)
                  ) AS `t89`
                  UNION
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t85`.`k_source`,
                      `t85`.`k_medium`,
                      `t85`.`k_campaign`,
                      `t15`.`position`,
                      `t15`.`role`,
                      `t15`.`condition`
                    FROM (
                      SELECT
                        COALESCE(`t73`.`source`, '') AS `k_source`,
                        COALESCE(`t73`.`medium`, '') AS `k_medium`,
                        COALESCE(`t73`.`campaign`, '') AS `k_campaign`
                      FROM `attribution_touchpoints__t72` AS `t73`
                      WHERE
                        `t73`.`medium` RLIKE '^(.*video.*)\\z'
                    ) AS `t85`
                    CROSS JOIN VALUES
                      (9, 'any', 19) AS t15(position, role, condition)
                  ) AS `t90`
                ) AS `t93`
              ) AS `t96`
              GROUP BY
                1,
                2,
                3,
                4
            ) AS `t98`
            INNER JOIN VALUES
              (0, 'Direct', 2, 0),
              (1, 'Paid Shopping', 1, 2),
              (2, 'Paid Search', 2, 0),
              (3, 'Paid Social', 2, 0),
              (4, 'Paid Video', 2, 0),
              (5, 'Display', 1, 0),
              (6, 'Paid Other', 1, 0),
              (7, 'Organic Shopping', 0, 2),
              (8, 'Organic Social', 0, 2),
              (9, 'Organic Video', 0, 2),
              (10, 'Organic Search', 0, 2),
              (11, 'Referral', 1, 0),
              (12, 'Email', 0, 2),
              (13, 'Affiliates', 1, 0),
              (14, 'SMS', 0, 2) AS t11(position, channel, all_count, any_count)
              ON `t98`.`position` = `t11`.`position`
          ) AS `t99`
          WHERE
            `t99`.`all_held` = `t99`.`all_count`
            AND (
              (
                `t99`.`any_count` = 0
              ) OR (
                `t99`.`any_held` > 0
              )
            )
        ) AS `t100`
        GROUP BY
          1,
          2,
          3
      ) AS `t102`
      INNER JOIN VALUES
        (0, 'Direct', 2, 0),
        (1, 'Paid Shopping', 1, 2),
        (2, 'Paid Search', 2, 0),
        (3, 'Paid Social', 2, 0),
        (4, 'Paid Video', 2, 0),
        (5, 'Display', 1, 0),
        (6, 'Paid Other', 1, 0),
        (7, 'Organic Shopping', 0, 2),
        (8, 'Organic Social', 0, 2),
        (9, 'Organic Video', 0, 2),
        (10, 'Organic Search', 0, 2),
        (11, 'Referral', 1, 0),
        (12, 'Email', 0, 2),
        (13, 'Affiliates', 1, 0),
        (14, 'SMS', 0, 2) AS t11(position, channel, all_count, any_count)
        ON `t102`.`position` = `t11`.`position`
    ) AS `t104`
      ON `t83`.`k_source` = `t104`.`k_source`
      AND `t83`.`k_medium` = `t104`.`k_medium`
      AND `t83`.`k_campaign` = `t104`.`k_campaign`
  ) AS `t106`
    ON COALESCE(`t75`.`source`, '') = `t106`.`k_source`
    AND COALESCE(`t75`.`medium`, '') = `t106`.`k_medium`
    AND COALESCE(`t75`.`campaign`, '') = `t106`.`k_campaign`
), `attribution_candidates` AS (
  SELECT
    `t22`.`shop_id`,
    `t22`.`order_id`,
    `t22`.`touchpoint_id`,
    `t22`.`kind`,
    `t22`.`at`,
    `t22`.`source`,
    `t22`.`medium`,
    `t22`.`campaign`,
    `t22`.`channel`,
    `t22`.`platform`,
    `t22`.`is_direct`,
    `t22`.`is_paid`,
    `t22`.`classified_by`,
    `t22`.`referrer_host`
  FROM (
    SELECT
      `t21`.`shop_id`,
      `t21`.`order_id`,
      `t21`.`touchpoint_id`,
      `t21`.`kind`,
      `t21`.`at`,
      `t21`.`source`,
      `t21`.`medium`,
      `t21`.`campaign`,
      `t21`.`channel`,
      `t21`.`platform`,
      `t21`.`is_direct`,
      `t21`.`is_paid`,
      `t21`.`classified_by`,
      `t21`.`referrer_host`,
      MAX(IF((
        `t21`.`kind` = 'session'
      ) AND NOT (
        `t21`.`is_direct`
      ), 1, 0)) OVER (
        PARTITION BY `t21`.`shop_id`, `t21`.`order_id`
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS `clicked__`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t19`.`shop_id`,
          `t19`.`order_id`,
          `t9`.`touchpoint_id`,
          `t9`.`kind`,
          `t9`.`at`,
          `t9`.`source`,
          `t9`.`medium`,
          `t9`.`campaign`,
          `t9`.`channel`,
          `t9`.`platform`,
          `t9`.`is_direct`,
          `t9`.`is_paid`,
          `t9`.`classified_by`,
          `t9`.`referrer_host`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t15`.`shop_id`,
              `t15`.`order_id`,
              `t10`.`touchpoint_id`
            FROM (
              SELECT
                `t13`.`shop_id`,
                `t13`.`order_id`,
                `t13`.`processed_at`,
                `t13`.`visitor_id` AS `o_visitor`,
                `t13`.`customer_id` AS `o_customer`
              FROM (
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
                  `t12`.`taxes_included`,
                  `t12`.`duties`,
                  `t12`.`shop_timezone`,
                  CAST(FROM_UTC_TIMESTAMP(`t12`.`processed_at`, `t12`.`shop_timezone`) AS DATE) AS `day`,
                  (
                    `t12`.`gross_sales` - `t12`.`discounts`
                  ) + `t12`.`shipping` + IF(COALESCE(`t12`.`taxes_included`, FALSE), 0, `t12`.`taxes`) AS `order_revenue`
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
                    `t11`.`taxes_included`,
                    `t11`.`duties`,
                    `t8`.`shop_timezone`
                  FROM (
                    SELECT
                      *
                    FROM `orders` AS `t1`
                    WHERE
                      `t1`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
                      AND NOT (
                        `t1`.`is_test`
                      )
                      AND `t1`.`cancelled_at` IS NULL
                  ) AS `t11`
                  INNER JOIN (
                    SELECT
                      `t2`.`shop_id`,
                      `t2`.`timezone` AS `shop_timezone`
                    FROM `shops` AS `t2`
                  ) AS `t8`
                    ON `t11`.`shop_id` = `t8`.`shop_id`
                ) AS `t12`
              ) AS `t13`
            ) AS `t15`
            INNER JOIN (
              SELECT
                `t0`.`touchpoint_id`,
                `t0`.`at`,
                `t0`.`shop_id` AS `tp_shop`,
                `t0`.`visitor_id` AS `tp_visitor`,
                `t0`.`customer_id` AS `tp_customer`
              FROM `attribution_touchpoints` AS `t0`
              WHERE
                `t0`.`kind` = 'session'
            ) AS `t10`
              ON `t15`.`shop_id` = `t10`.`tp_shop`
              AND `t10`.`at` <= `t15`.`processed_at`
              AND `t10`.`at` >= (
                `t15`.`processed_at` - INTERVAL '168' HOUR
              )
              AND `t15`.`o_visitor` = `t10`.`tp_visitor`
          ) AS `t16`
          UNION
          SELECT
            *
          FROM (
            SELECT
              `t15`.`shop_id`,
              `t15`.`order_id`,
              `t10`.`touchpoint_id`
            FROM (
              SELECT
                `t13`.`shop_id`,
                `t13`.`order_id`,
                `t13`.`processed_at`,
                `t13`.`visitor_id` AS `o_visitor`,
                `t13`.`customer_id` AS `o_customer`
              FROM (
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
                  `t12`.`taxes_included`,
                  `t12`.`duties`,
                  `t12`.`shop_timezone`,
                  CAST(FROM_UTC_TIMESTAMP(`t12`.`processed_at`, `t12`.`shop_timezone`) AS DATE) AS `day`,
                  (
                    `t12`.`gross_sales` - `t12`.`discounts`
                  ) + `t12`.`shipping` + IF(COALESCE(`t12`.`taxes_included`, FALSE), 0, `t12`.`taxes`) AS `order_revenue`
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
                    `t11`.`taxes_included`,
                    `t11`.`duties`,
                    `t8`.`shop_timezone`
                  FROM (
                    SELECT
                      *
                    FROM `orders` AS `t1`
                    WHERE
                      `t1`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
                      AND NOT (
                        `t1`.`is_test`
                      )
                      AND `t1`.`cancelled_at` IS NULL
                  ) AS `t11`
                  INNER JOIN (
                    SELECT
                      `t2`.`shop_id`,
                      `t2`.`timezone` AS `shop_timezone`
                    FROM `shops` AS `t2`
                  ) AS `t8`
                    ON `t11`.`shop_id` = `t8`.`shop_id`
                ) AS `t12`
              ) AS `t13`
            ) AS `t15`
            INNER JOIN (
              SELECT
                `t0`.`touchpoint_id`,
                `t0`.`at`,
                `t0`.`shop_id` AS `tp_shop`,
                `t0`.`visitor_id` AS `tp_visitor`,
                `t0`.`customer_id` AS `tp_customer`
              FROM `attribution_touchpoints` AS `t0`
              WHERE
                `t0`.`kind` = 'session'
            ) AS `t10`
              ON `t15`.`shop_id` = `t10`.`tp_shop`
              AND `t10`.`at` <= `t15`.`processed_at`
              AND `t10`.`at` >= (
                `t15`.`processed_at` - INTERVAL '168' HOUR
              )
              AND `t15`.`o_customer` = `t10`.`tp_customer`
          ) AS `t17`
        ) AS `t19`
        INNER JOIN (
          SELECT
            `t0`.`touchpoint_id`,
            `t0`.`kind`,
            `t0`.`at`,
            `t0`.`source`,
            `t0`.`medium`,
            `t0`.`campaign`,
            `t0`.`channel`,
            `t0`.`platform`,
            `t0`.`is_direct`,
            `t0`.`is_paid`,
            `t0`.`classified_by`,
            `t0`.`referrer_host`,
            `t0`.`shop_id` AS `tp_shop`
          FROM `attribution_touchpoints` AS `t0`
          WHERE
            `t0`.`kind` = 'session'
        ) AS `t9`
          ON `t19`.`shop_id` = `t9`.`tp_shop` AND `t19`.`touchpoint_id` = `t9`.`touchpoint_id`
      ) AS `t20`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t0`.`shop_id`,
          `t0`.`order_id`,
          `t0`.`touchpoint_id`,
          `t0`.`kind`,
          `t0`.`at`,
          `t0`.`source`,
          `t0`.`medium`,
          `t0`.`campaign`,
          `t0`.`channel`,
          `t0`.`platform`,
          `t0`.`is_direct`,
          `t0`.`is_paid`,
          `t0`.`classified_by`,
          `t0`.`referrer_host`
        FROM `attribution_touchpoints` AS `t0`
        WHERE
          `t0`.`kind` = 'order' AND NOT (
            `t0`.`is_direct`
          )
      ) AS `t6`
    ) AS `t21`
  ) AS `t22`
  WHERE
    (
      `t22`.`kind` = 'session'
    ) OR (
      `t22`.`clicked__` = 0
    )
), `order_attribution` AS (
  SELECT
    `t17`.`shop_id`,
    `t17`.`order_id`,
    `t17`.`day`,
    `t17`.`order_revenue`,
    `t17`.`processed_at`,
    `t17`.`touchpoint_id`,
    `t17`.`kind`,
    `t17`.`at`,
    `t17`.`source`,
    `t17`.`medium`,
    `t17`.`campaign`,
    `t17`.`channel`,
    `t17`.`platform`,
    `t17`.`is_direct`,
    `t17`.`is_paid`,
    `t17`.`classified_by`,
    `t17`.`referrer_host`,
    `t17`.`part`,
    `t17`.`parts`,
    `t17`.`candidates`,
    CAST(IF(
      CAST(`t17`.`order_revenue` * 100 AS BIGINT) < 0,
      -(
        CAST(FLOOR((
          ABS(CAST(`t17`.`order_revenue` * 100 AS BIGINT))
        ) / (
          `t17`.`parts`
        )) AS BIGINT) + IF(
          `t17`.`part` < (
            ABS(CAST(`t17`.`order_revenue` * 100 AS BIGINT)) % `t17`.`parts`
          ),
          1,
          0
        )
      ),
      CAST(FLOOR((
        ABS(CAST(`t17`.`order_revenue` * 100 AS BIGINT))
      ) / (
        `t17`.`parts`
      )) AS BIGINT) + IF(
        `t17`.`part` < (
          ABS(CAST(`t17`.`order_revenue` * 100 AS BIGINT)) % `t17`.`parts`
        ),
        1,
        0
      )
    ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2)) AS `credited_revenue`,
    'last_click' AS `model`
  FROM (
    SELECT
      `t16`.`shop_id`,
      `t16`.`order_id`,
      `t16`.`day`,
      `t16`.`order_revenue`,
      `t16`.`processed_at`,
      `t13`.`touchpoint_id`,
      `t13`.`kind`,
      `t13`.`at`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`source`, 'direct') AS `source`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`medium`, 'none') AS `medium`,
      `t13`.`campaign`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`channel`, 'Direct') AS `channel`,
      `t13`.`platform`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`is_direct`, TRUE) AS `is_direct`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`is_paid`, FALSE) AS `is_paid`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`classified_by`, 'direct') AS `classified_by`,
      `t13`.`referrer_host`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`part`, 0) AS `part`,
      IF(NOT `t13`.`parts` IS NULL, `t13`.`parts`, 1) AS `parts`,
      COALESCE(`t8`.`candidates`, 0) AS `candidates`
    FROM (
      SELECT
        `t14`.`shop_id`,
        `t14`.`order_id`,
        `t14`.`day`,
        `t14`.`order_revenue`,
        `t14`.`processed_at`
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
          `t11`.`taxes_included`,
          `t11`.`duties`,
          `t11`.`shop_timezone`,
          CAST(FROM_UTC_TIMESTAMP(`t11`.`processed_at`, `t11`.`shop_timezone`) AS DATE) AS `day`,
          (
            `t11`.`gross_sales` - `t11`.`discounts`
          ) + `t11`.`shipping` + IF(COALESCE(`t11`.`taxes_included`, FALSE), 0, `t11`.`taxes`) AS `order_revenue`
        FROM (
          SELECT
            `t9`.`shop_id`,
            `t9`.`order_id`,
            `t9`.`customer_id`,
            `t9`.`email`,
            `t9`.`created_at`,
            `t9`.`processed_at`,
            `t9`.`financial_status`,
            `t9`.`cancelled_at`,
            `t9`.`is_test`,
            `t9`.`gross_sales`,
            `t9`.`discounts`,
            `t9`.`shipping`,
            `t9`.`taxes`,
            `t9`.`visitor_id`,
            `t9`.`landing_site`,
            `t9`.`referring_site`,
            `t9`.`_loaded_at`,
            `t9`.`taxes_included`,
            `t9`.`duties`,
            `t7`.`shop_timezone`
          FROM (
            SELECT
              *
            FROM `orders` AS `t1`
            WHERE
              `t1`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
              AND NOT (
                `t1`.`is_test`
              )
              AND `t1`.`cancelled_at` IS NULL
          ) AS `t9`
          INNER JOIN (
            SELECT
              `t2`.`shop_id`,
              `t2`.`timezone` AS `shop_timezone`
            FROM `shops` AS `t2`
          ) AS `t7`
            ON `t9`.`shop_id` = `t7`.`shop_id`
        ) AS `t11`
      ) AS `t14`
    ) AS `t16`
    LEFT OUTER JOIN (
      SELECT
        `t10`.`shop_id`,
        `t10`.`order_id`,
        `t10`.`touchpoint_id`,
        `t10`.`kind`,
        `t10`.`at`,
        `t10`.`source`,
        `t10`.`medium`,
        `t10`.`campaign`,
        `t10`.`channel`,
        `t10`.`platform`,
        `t10`.`is_direct`,
        `t10`.`is_paid`,
        `t10`.`classified_by`,
        `t10`.`referrer_host`,
        `t10`.`part`,
        `t10`.`eligible_count`,
        1 AS `parts`
      FROM (
        SELECT
          `t5`.`shop_id`,
          `t5`.`order_id`,
          `t5`.`touchpoint_id`,
          `t5`.`kind`,
          `t5`.`at`,
          `t5`.`source`,
          `t5`.`medium`,
          `t5`.`campaign`,
          `t5`.`channel`,
          `t5`.`platform`,
          `t5`.`is_direct`,
          `t5`.`is_paid`,
          `t5`.`classified_by`,
          `t5`.`referrer_host`,
          ROW_NUMBER() OVER (
            PARTITION BY `t5`.`shop_id`, `t5`.`order_id`
            ORDER BY `t5`.`at` DESC, `t5`.`touchpoint_id` DESC
          ) - 1 AS `part`,
          COUNT(`t5`.`touchpoint_id`) OVER (
            PARTITION BY `t5`.`shop_id`, `t5`.`order_id`
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS `eligible_count`
        FROM (
          SELECT
            *
          FROM `attribution_candidates` AS `t0`
          WHERE
            NOT (
              `t0`.`is_direct`
            )
        ) AS `t5`
      ) AS `t10`
      WHERE
        `t10`.`part` = 0
    ) AS `t13`
      ON `t16`.`shop_id` = `t13`.`shop_id` AND `t16`.`order_id` = `t13`.`order_id`
    LEFT OUTER JOIN (
      SELECT
        `t0`.`shop_id`,
        `t0`.`order_id`,
        COUNT(`t0`.`touchpoint_id`) AS `candidates`
      FROM `attribution_candidates` AS `t0`
      GROUP BY
        1,
        2
    ) AS `t8`
      ON `t16`.`shop_id` = `t8`.`shop_id` AND `t16`.`order_id` = `t8`.`order_id`
  ) AS `t17`
), `t23` AS (
  SELECT
    `t22`.`shop_id`,
    `t22`.`refund_id`,
    `t22`.`order_id`,
    `t22`.`processed_at`,
    `t22`.`amount`,
    `t22`.`shipping`,
    `t22`.`taxes`,
    `t22`.`_loaded_at`,
    `t22`.`duties`,
    `t22`.`shop_timezone`,
    `t22`.`taxes_included`,
    `t22`.`order_day`,
    `t22`.`day`,
    `t22`.`refund_total`,
    `t12`.`touchpoint_id`,
    `t12`.`source`,
    `t12`.`medium`,
    `t12`.`campaign`,
    `t12`.`channel`,
    `t12`.`platform`,
    `t12`.`is_direct`,
    `t12`.`is_paid`,
    `t12`.`part`,
    `t12`.`parts`
  FROM (
    SELECT
      `t20`.`shop_id`,
      `t20`.`refund_id`,
      `t20`.`order_id`,
      `t20`.`processed_at`,
      `t20`.`amount`,
      `t20`.`shipping`,
      `t20`.`taxes`,
      `t20`.`_loaded_at`,
      `t20`.`duties`,
      `t20`.`shop_timezone`,
      `t20`.`taxes_included`,
      `t20`.`order_day`,
      `t20`.`order_day` AS `day`,
      `t20`.`amount` + `t20`.`shipping` + IF(COALESCE(`t20`.`taxes_included`, FALSE), 0, `t20`.`taxes`) AS `refund_total`
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
        `t5`.`duties`,
        `t19`.`shop_timezone`,
        `t19`.`taxes_included`,
        `t19`.`order_day`
      FROM `refunds` AS `t5`
      INNER JOIN (
        SELECT
          `t17`.`shop_id`,
          `t17`.`order_id`,
          `t17`.`shop_timezone`,
          `t17`.`taxes_included`,
          `t17`.`day` AS `order_day`
        FROM (
          SELECT
            `t16`.`shop_id`,
            `t16`.`order_id`,
            `t16`.`customer_id`,
            `t16`.`email`,
            `t16`.`created_at`,
            `t16`.`processed_at`,
            `t16`.`financial_status`,
            `t16`.`cancelled_at`,
            `t16`.`is_test`,
            `t16`.`gross_sales`,
            `t16`.`discounts`,
            `t16`.`shipping`,
            `t16`.`taxes`,
            `t16`.`visitor_id`,
            `t16`.`landing_site`,
            `t16`.`referring_site`,
            `t16`.`_loaded_at`,
            `t16`.`taxes_included`,
            `t16`.`duties`,
            `t16`.`shop_timezone`,
            CAST(FROM_UTC_TIMESTAMP(`t16`.`processed_at`, `t16`.`shop_timezone`) AS DATE) AS `day`,
            (
              `t16`.`gross_sales` - `t16`.`discounts`
            ) + `t16`.`shipping` + IF(COALESCE(`t16`.`taxes_included`, FALSE), 0, `t16`.`taxes`) AS `order_revenue`
          FROM (
            SELECT
              `t15`.`shop_id`,
              `t15`.`order_id`,
              `t15`.`customer_id`,
              `t15`.`email`,
              `t15`.`created_at`,
              `t15`.`processed_at`,
              `t15`.`financial_status`,
              `t15`.`cancelled_at`,
              `t15`.`is_test`,
              `t15`.`gross_sales`,
              `t15`.`discounts`,
              `t15`.`shipping`,
              `t15`.`taxes`,
              `t15`.`visitor_id`,
              `t15`.`landing_site`,
              `t15`.`referring_site`,
              `t15`.`_loaded_at`,
              `t15`.`taxes_included`,
              `t15`.`duties`,
              `t14`.`shop_timezone`
            FROM (
              SELECT
                *
              FROM `orders` AS `t3`
              WHERE
                `t3`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
                AND NOT (
                  `t3`.`is_test`
                )
                AND `t3`.`cancelled_at` IS NULL
            ) AS `t15`
            INNER JOIN (
              SELECT
                `t4`.`shop_id`,
                `t4`.`timezone` AS `shop_timezone`
              FROM `shops` AS `t4`
            ) AS `t14`
              ON `t15`.`shop_id` = `t14`.`shop_id`
          ) AS `t16`
        ) AS `t17`
      ) AS `t19`
        ON `t5`.`shop_id` = `t19`.`shop_id` AND `t5`.`order_id` = `t19`.`order_id`
    ) AS `t20`
  ) AS `t22`
  INNER JOIN (
    SELECT
      `t1`.`shop_id`,
      `t1`.`order_id`,
      `t1`.`touchpoint_id`,
      `t1`.`source`,
      `t1`.`medium`,
      `t1`.`campaign`,
      `t1`.`channel`,
      `t1`.`platform`,
      `t1`.`is_direct`,
      `t1`.`is_paid`,
      `t1`.`part`,
      `t1`.`parts`
    FROM `order_attribution` AS `t1`
  ) AS `t12`
    ON `t22`.`shop_id` = `t12`.`shop_id` AND `t22`.`order_id` = `t12`.`order_id`
)
SELECT
  `t30`.`day`,
  `t30`.`platform`,
  CAST(CAST(COALESCE(`t30`.`m__paid_attributed_revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(
    CAST(CAST(COALESCE(`t30`.`m__roas_spend__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE),
    0
  ) AS `roas`,
  CAST(COALESCE(`t30`.`m__attributed_revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS `attributed_revenue`
FROM (
  SELECT
    `t29`.`day`,
    `t29`.`platform`,
    SUM(`t29`.`m__paid_attributed_revenue__v1`) AS `m__paid_attributed_revenue__v1`,
    SUM(`t29`.`m__roas_spend__v1`) AS `m__roas_spend__v1`,
    SUM(`t29`.`m__attributed_revenue__v1`) AS `m__attributed_revenue__v1`
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
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_attributed_revenue__v1`,
          `t0`.`spend` AS `m__roas_spend__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__attributed_revenue__v1`
        FROM `ad_spend` AS `t0`
        WHERE
          TRUE
      ) AS `t6`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t1`.`day`,
          `t1`.`platform`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_attributed_revenue__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
          `t1`.`credited_revenue` AS `m__attributed_revenue__v1`
        FROM `order_attribution` AS `t1`
      ) AS `t7`
    ) AS `t11`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t24`.`day`,
          `t24`.`platform`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_attributed_revenue__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
          -(
            CAST(IF(
              CAST(`t24`.`refund_total` * 100 AS BIGINT) < 0,
              -(
                CAST(FLOOR((
                  ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT))
                ) / (
                  `t24`.`parts`
                )) AS BIGINT) + IF(
                  `t24`.`part` < (
                    ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT)) % `t24`.`parts`
                  ),
                  1,
                  0
                )
              ),
              CAST(FLOOR((
                ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT))
              ) / (
                `t24`.`parts`
              )) AS BIGINT) + IF(
                `t24`.`part` < (
                  ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT)) % `t24`.`parts`
                ),
                1,
                0
              )
            ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2))
          ) AS `m__attributed_revenue__v1`
        FROM `t23` AS `t24`
      ) AS `t25`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t1`.`day`,
            `t1`.`platform`,
            `t1`.`credited_revenue` AS `m__paid_attributed_revenue__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__attributed_revenue__v1`
          FROM `order_attribution` AS `t1`
          WHERE
            `t1`.`is_paid`
        ) AS `t8`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t24`.`day`,
            `t24`.`platform`,
            -(
              CAST(IF(
                CAST(`t24`.`refund_total` * 100 AS BIGINT) < 0,
                -(
                  CAST(FLOOR((
                    ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT))
                  ) / (
                    `t24`.`parts`
                  )) AS BIGINT) + IF(
                    `t24`.`part` < (
                      ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT)) % `t24`.`parts`
                    ),
                    1,
                    0
                  )
                ),
                CAST(FLOOR((
                  ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT))
                ) / (
                  `t24`.`parts`
                )) AS BIGINT) + IF(
                  `t24`.`part` < (
                    ABS(CAST(`t24`.`refund_total` * 100 AS BIGINT)) % `t24`.`parts`
                  ),
                  1,
                  0
                )
              ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2))
            ) AS `m__paid_attributed_revenue__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__attributed_revenue__v1`
          FROM `t23` AS `t24`
          WHERE
            `t24`.`is_paid`
        ) AS `t26`
      ) AS `t27`
    ) AS `t28`
  ) AS `t29`
  GROUP BY
    1,
    2
) AS `t30`
ORDER BY
  `t30`.`day` ASC NULLS LAST,
  `t30`.`platform` ASC NULLS LAST
