WITH `t19` AS (
  SELECT
    `t18`.`shop_id`,
    `t18`.`order_id`,
    `t18`.`customer_id`,
    `t18`.`email`,
    `t18`.`created_at`,
    `t18`.`processed_at`,
    `t18`.`financial_status`,
    `t18`.`cancelled_at`,
    `t18`.`is_test`,
    `t18`.`gross_sales`,
    `t18`.`discounts`,
    `t18`.`shipping`,
    `t18`.`taxes`,
    `t18`.`visitor_id`,
    `t18`.`landing_site`,
    `t18`.`referring_site`,
    `t18`.`_loaded_at`,
    `t18`.`taxes_included`,
    `t18`.`duties`,
    `t18`.`shop_timezone`,
    CAST(FROM_UTC_TIMESTAMP(`t18`.`processed_at`, `t18`.`shop_timezone`) AS DATE) AS `day`,
    (
      `t18`.`gross_sales` - `t18`.`discounts`
    ) + `t18`.`shipping` + IF(COALESCE(`t18`.`taxes_included`, FALSE), 0, `t18`.`taxes`) AS `order_revenue`
  FROM (
    SELECT
      `t17`.`shop_id`,
      `t17`.`order_id`,
      `t17`.`customer_id`,
      `t17`.`email`,
      `t17`.`created_at`,
      `t17`.`processed_at`,
      `t17`.`financial_status`,
      `t17`.`cancelled_at`,
      `t17`.`is_test`,
      `t17`.`gross_sales`,
      `t17`.`discounts`,
      `t17`.`shipping`,
      `t17`.`taxes`,
      `t17`.`visitor_id`,
      `t17`.`landing_site`,
      `t17`.`referring_site`,
      `t17`.`_loaded_at`,
      `t17`.`taxes_included`,
      `t17`.`duties`,
      `t16`.`shop_timezone`
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
    ) AS `t17`
    INNER JOIN (
      SELECT
        `t3`.`shop_id`,
        `t3`.`timezone` AS `shop_timezone`
      FROM `shops` AS `t3`
    ) AS `t16`
      ON `t17`.`shop_id` = `t16`.`shop_id`
  ) AS `t18`
), `t28` AS (
  SELECT
    *
  FROM (
    SELECT
      `t4`.`shop_id`,
      CAST(NULL AS STRING) AS `order_id`,
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
  ) AS `t14`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t20`.`shop_id`,
      `t20`.`order_id`,
      CONCAT('order:', `t20`.`order_id`) AS `touchpoint_id`,
      'order' AS `kind`,
      `t20`.`visitor_id`,
      `t20`.`customer_id`,
      `t20`.`processed_at` AS `at`,
      `t20`.`landing_site` AS `landing_url`,
      `t20`.`referring_site` AS `referrer`,
      CAST(NULL AS STRING) AS `utm_source`,
      CAST(NULL AS STRING) AS `utm_medium`,
      CAST(NULL AS STRING) AS `utm_campaign`,
      CAST(NULL AS STRING) AS `utm_content`,
      CAST(NULL AS STRING) AS `utm_term`
    FROM `t19` AS `t20`
  ) AS `t24`
), `t38` AS (
  SELECT
    `t33`.`referrer`,
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(LOWER(TRIM(' \t\n\r\013\014' FROM `t33`.`referrer`)), '^[a-z][a-z0-9+.-]*:(//)?', ''),
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
      `t29`.`referrer`
    FROM `t28` AS `t29`
    WHERE
      NOT `t29`.`referrer` IS NULL
  ) AS `t33`
), `t41` AS (
  SELECT DISTINCT
    `t39`.`referrer_host`
  FROM `t38` AS `t39`
  WHERE
    NOT `t39`.`referrer_host` IS NULL
), `t74` AS (
  SELECT
    `t73`.`shop_id`,
    `t73`.`order_id`,
    `t73`.`touchpoint_id`,
    `t73`.`kind`,
    `t73`.`visitor_id`,
    `t73`.`customer_id`,
    `t73`.`at`,
    `t73`.`landing_url`,
    `t73`.`referrer`,
    `t73`.`utm_source`,
    `t73`.`utm_medium`,
    `t73`.`utm_campaign`,
    `t73`.`utm_content`,
    `t73`.`utm_term`,
    `t73`.`u_utm_source`,
    `t73`.`u_utm_medium`,
    `t73`.`u_utm_campaign`,
    `t73`.`u_utm_content`,
    `t73`.`u_utm_term`,
    `t73`.`referrer_host`,
    `t73`.`classified_by`,
    (
      `t73`.`classified_by` = 'direct'
    )
    OR (
      (
        `t73`.`classified_by` = 'utm'
      )
      AND COALESCE(
        `t73`.`u_utm_source` IN ('direct', '(direct)')
        AND `t73`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
        FALSE
      )
    ) AS `is_direct`,
    CASE
      WHEN (
        `t73`.`classified_by` = 'direct'
      )
      OR (
        (
          `t73`.`classified_by` = 'utm'
        )
        AND COALESCE(
          `t73`.`u_utm_source` IN ('direct', '(direct)')
          AND `t73`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'direct'
      WHEN `t73`.`classified_by` = 'utm'
      THEN `t73`.`u_utm_source`
      ELSE COALESCE(`t73`.`ref_source`, `t73`.`referrer_host`)
    END AS `source`,
    CASE
      WHEN (
        `t73`.`classified_by` = 'direct'
      )
      OR (
        (
          `t73`.`classified_by` = 'utm'
        )
        AND COALESCE(
          `t73`.`u_utm_source` IN ('direct', '(direct)')
          AND `t73`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'none'
      WHEN `t73`.`classified_by` = 'utm'
      THEN `t73`.`u_utm_medium`
      ELSE COALESCE(`t73`.`ref_medium`, 'referral')
    END AS `medium`,
    IF(
      (
        `t73`.`classified_by` = 'direct'
      )
      OR (
        (
          `t73`.`classified_by` = 'utm'
        )
        AND COALESCE(
          `t73`.`u_utm_source` IN ('direct', '(direct)')
          AND `t73`.`u_utm_medium` IN ('none', '(none)', '(not set)'),
          FALSE
        )
      ),
      CAST(NULL AS STRING),
      `t73`.`u_utm_campaign`
    ) AS `campaign`
  FROM (
    SELECT
      `t72`.`shop_id`,
      `t72`.`order_id`,
      `t72`.`touchpoint_id`,
      `t72`.`kind`,
      `t72`.`visitor_id`,
      `t72`.`customer_id`,
      `t72`.`at`,
      `t72`.`landing_url`,
      `t72`.`referrer`,
      `t72`.`utm_source`,
      `t72`.`utm_medium`,
      `t72`.`utm_campaign`,
      `t72`.`utm_content`,
      `t72`.`utm_term`,
      `t72`.`u_utm_source`,
      `t72`.`u_utm_medium`,
      `t72`.`u_utm_campaign`,
      `t72`.`u_utm_content`,
      `t72`.`u_utm_term`,
      `t72`.`referrer_host`,
      `t72`.`ref_source`,
      `t72`.`ref_medium`,
      `t72`.`internal`,
      CASE
        WHEN TRUE
        AND (
          NOT `t72`.`u_utm_source` IS NULL
        )
        AND (
          NOT `t72`.`u_utm_medium` IS NULL
        )
        THEN 'utm'
        WHEN (
          NOT `t72`.`referrer_host` IS NULL
        ) AND NOT (
          `t72`.`internal`
        )
        THEN 'referrer'
        ELSE 'direct'
      END AS `classified_by`
    FROM (
      SELECT
        `t30`.`shop_id`,
        `t30`.`order_id`,
        `t30`.`touchpoint_id`,
        `t30`.`kind`,
        `t30`.`visitor_id`,
        `t30`.`customer_id`,
        `t30`.`at`,
        `t30`.`landing_url`,
        `t30`.`referrer`,
        `t30`.`utm_source`,
        `t30`.`utm_medium`,
        `t30`.`utm_campaign`,
        `t30`.`utm_content`,
        `t30`.`utm_term`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t30`.`utm_source`)), ''),
          `t46`.`url_utm_source`
        ) AS `u_utm_source`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t30`.`utm_medium`)), ''),
          `t46`.`url_utm_medium`
        ) AS `u_utm_medium`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t30`.`utm_campaign`)), ''),
          `t46`.`url_utm_campaign`
        ) AS `u_utm_campaign`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t30`.`utm_content`)), ''),
          `t46`.`url_utm_content`
        ) AS `u_utm_content`,
        COALESCE(
          NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t30`.`utm_term`)), ''),
          `t46`.`url_utm_term`
        ) AS `u_utm_term`,
        `t71`.`referrer_host`,
        `t71`.`ref_source`,
        `t71`.`ref_medium`,
        COALESCE(`t71`.`internal`, FALSE) AS `internal`
      FROM `t28` AS `t30`
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            `t40`.`referrer`,
            `t40`.`referrer_host`,
            `t68`.`ref_source`,
            `t68`.`ref_medium`,
            `t68`.`is_internal` AS `internal`
          FROM `t38` AS `t40`
          LEFT OUTER JOIN (
            SELECT
              `t43`.`referrer_host`,
              `t66`.`ref_source`,
              `t66`.`ref_medium`,
              NOT `t62`.`internal_host` IS NULL AS `is_internal`
            FROM `t41` AS `t43`
            LEFT OUTER JOIN (
              SELECT
                `t64`.`referrer_host`,
                `t9`.`source` AS `ref_source`,
                `t9`.`medium` AS `ref_medium`
              FROM (
                SELECT
                  `t60`.`referrer_host`,
                  MIN(`t60`.`position`) AS `position`
                FROM (
                  SELECT
                    `t58`.`referrer_host`,
                    `t11`.`position`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t42`.`referrer_host`,
                          'name' AS `kind`,
                          1 AS `labels`,
                          NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') AS `key`
                        FROM `t41` AS `t42`
                        WHERE
                          NOT NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') IS NULL
                      ) AS `t47`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t42`.`referrer_host`,
                          'name' AS `kind`,
                          1 AS `labels`,
                          NULLIF(
                            REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                            ''
                          ) AS `key`
                        FROM `t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                            ''
                          ) IS NULL
                      ) AS `t48`
                    ) AS `t53`
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
                            `t42`.`referrer_host`,
                            'domain' AS `kind`,
                            2 AS `labels`,
                            NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') AS `key`
                          FROM `t41` AS `t42`
                          WHERE
                            NOT NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') IS NULL
                        ) AS `t49`
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t42`.`referrer_host`,
                            'domain' AS `kind`,
                            3 AS `labels`,
                            NULLIF(
                              REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) AS `key`
                          FROM `t41` AS `t42`
                          WHERE
                            NOT NULLIF(
                              REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) IS NULL
                        ) AS `t50`
                      ) AS `t54`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t42`.`referrer_host`,
                            'domain' AS `kind`,
                            4 AS `labels`,
                            NULLIF(
                              REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) AS `key`
                          FROM `t41` AS `t42`
                          WHERE
                            NOT NULLIF(
                              REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                              ''
                            ) IS NULL
                        ) AS `t51`
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            `t42`.`referrer_host`,
                            'name' AS `kind`,
                            1 AS `labels`,
                            NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') AS `key`
                          FROM `t41` AS `t42`
                          WHERE
                            NOT NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') IS NULL
                        ) AS `t52`
                      ) AS `t55`
                    ) AS `t56`
                  ) AS `t58`
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
                    ('domain', 2, 'snapchat.com', 22, 'snapchat', 'social') AS t11(kind, labels, key, position, source, medium)
                    ON `t58`.`kind` = `t11`.`kind`
                    AND `t58`.`labels` = `t11`.`labels`
                    AND `t58`.`key` = `t11`.`key`
                ) AS `t60`
                GROUP BY
                  1
              ) AS `t64`
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
                (22, 'snapchat', 'social') AS t9(position, source, medium)
                ON `t64`.`position` = `t9`.`position`
            ) AS `t66`
              ON `t43`.`referrer_host` = `t66`.`referrer_host`
            LEFT OUTER JOIN (
              SELECT DISTINCT
                *
              FROM (
                SELECT
                  `t58`.`referrer_host` AS `internal_host`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t42`.`referrer_host`,
                        'name' AS `kind`,
                        1 AS `labels`,
                        NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') AS `key`
                      FROM `t41` AS `t42`
                      WHERE
                        NOT NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}\\z'), '') IS NULL
                    ) AS `t47`
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t42`.`referrer_host`,
                        'name' AS `kind`,
                        1 AS `labels`,
                        NULLIF(
                          REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                          ''
                        ) AS `key`
                      FROM `t41` AS `t42`
                      WHERE
                        NOT NULLIF(
                          REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}\\z'),
                          ''
                        ) IS NULL
                    ) AS `t48`
                  ) AS `t53`
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
                          `t42`.`referrer_host`,
                          'domain' AS `kind`,
                          2 AS `labels`,
                          NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') AS `key`
                        FROM `t41` AS `t42`
                        WHERE
                          NOT NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))\\z'), '') IS NULL
                      ) AS `t49`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t42`.`referrer_host`,
                          'domain' AS `kind`,
                          3 AS `labels`,
                          NULLIF(
                            REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) AS `key`
                        FROM `t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) IS NULL
                      ) AS `t50`
                    ) AS `t54`
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t42`.`referrer_host`,
                          'domain' AS `kind`,
                          4 AS `labels`,
                          NULLIF(
                            REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) AS `key`
                        FROM `t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))\\z'),
                            ''
                          ) IS NULL
                      ) AS `t51`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t42`.`referrer_host`,
                          'name' AS `kind`,
                          1 AS `labels`,
                          NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') AS `key`
                        FROM `t41` AS `t42`
                        WHERE
                          NOT NULLIF(REGEXP_EXTRACT(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}\\z'), '') IS NULL
                      ) AS `t52`
                    ) AS `t55`
                  ) AS `t56`
                ) AS `t58`
                LEFT SEMI JOIN VALUES
                  ('domain', 2, 'myshopify.com'),
                  ('domain', 2, 'shop.app'),
                  ('domain', 3, 'checkout.shopify.com') AS t10(kind, labels, key)
                  ON `t58`.`kind` = `t10`.`kind`
                  AND `t58`.`labels` = `t10`.`labels`
                  AND `t58`.`key` = `t10`.`key`
              ) AS `t59`
            ) AS `t62`
              ON `t43`.`referrer_host` = `t62`.`internal_host`
          ) AS `t68`
            ON `t40`.`referrer_host` = `t68`.`referrer_host`
        ) AS `t69`
      ) AS `t71`
        ON `t30`.`referrer` = `t71`.`referrer`
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            `t37`.`landing_url`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t37`.`ok__utm_source`,
                  URL_DECODE(IF(`t37`.`ok__utm_source`, `t37`.`q__utm_source`, '')),
                  `t37`.`q__utm_source`
                ))
              ),
              ''
            ) AS `url_utm_source`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t37`.`ok__utm_medium`,
                  URL_DECODE(IF(`t37`.`ok__utm_medium`, `t37`.`q__utm_medium`, '')),
                  `t37`.`q__utm_medium`
                ))
              ),
              ''
            ) AS `url_utm_medium`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t37`.`ok__utm_campaign`,
                  URL_DECODE(IF(`t37`.`ok__utm_campaign`, `t37`.`q__utm_campaign`, '')),
                  `t37`.`q__utm_campaign`
                ))
              ),
              ''
            ) AS `url_utm_campaign`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t37`.`ok__utm_content`,
                  URL_DECODE(IF(`t37`.`ok__utm_content`, `t37`.`q__utm_content`, '')),
                  `t37`.`q__utm_content`
                ))
              ),
              ''
            ) AS `url_utm_content`,
            NULLIF(
              LOWER(
                TRIM(' \t\n\r\013\014' FROM IF(
                  `t37`.`ok__utm_term`,
                  URL_DECODE(IF(`t37`.`ok__utm_term`, `t37`.`q__utm_term`, '')),
                  `t37`.`q__utm_term`
                ))
              ),
              ''
            ) AS `url_utm_term`
          FROM (
            SELECT
              `t35`.`landing_url`,
              `t35`.`q__utm_source`,
              `t35`.`q__utm_medium`,
              `t35`.`q__utm_campaign`,
              `t35`.`q__utm_content`,
              `t35`.`q__utm_term`,
              CONTAINS(`t35`.`q__utm_source`, '%')
              AND `t35`.`q__utm_source` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_source`,
              CONTAINS(`t35`.`q__utm_medium`, '%')
              AND `t35`.`q__utm_medium` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_medium`,
              CONTAINS(`t35`.`q__utm_campaign`, '%')
              AND `t35`.`q__utm_campaign` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_campaign`,
              CONTAINS(`t35`.`q__utm_content`, '%')
              AND `t35`.`q__utm_content` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_content`,
              CONTAINS(`t35`.`q__utm_term`, '%')
              AND `t35`.`q__utm_term` RLIKE '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*\\z' AS `ok__utm_term`
            FROM (
              SELECT
                `t32`.`landing_url`,
                REPLACE(NULLIF(REGEXP_EXTRACT(`t32`.`landing_url`, '[?&]utm_source=([^&#]*)'), ''), '+', ' ') AS `q__utm_source`,
                REPLACE(NULLIF(REGEXP_EXTRACT(`t32`.`landing_url`, '[?&]utm_medium=([^&#]*)'), ''), '+', ' ') AS `q__utm_medium`,
                REPLACE(
                  NULLIF(REGEXP_EXTRACT(`t32`.`landing_url`, '[?&]utm_campaign=([^&#]*)'), ''),
                  '+',
                  ' '
                ) AS `q__utm_campaign`,
                REPLACE(
                  NULLIF(REGEXP_EXTRACT(`t32`.`landing_url`, '[?&]utm_content=([^&#]*)'), ''),
                  '+',
                  ' '
                ) AS `q__utm_content`,
                REPLACE(NULLIF(REGEXP_EXTRACT(`t32`.`landing_url`, '[?&]utm_term=([^&#]*)'), ''), '+', ' ') AS `q__utm_term`
              FROM (
                SELECT DISTINCT
                  `t29`.`landing_url`
                FROM `t28` AS `t29`
                WHERE
                  NOT `t29`.`landing_url` IS NULL
              ) AS `t32`
            ) AS `t35`
          ) AS `t37`
        ) AS `t44`
      ) AS `t46`
        ON `t30`.`landing_url` = `t46`.`landing_url`
    ) AS `t72`
  ) AS `t73`
), `t81` AS (
  SELECT
    `t78`.`shop_id`,
    `t78`.`order_id`,
    `t78`.`touchpoint_id`,
    `t78`.`kind`,
    `t78`.`visitor_id`,
    `t78`.`customer_id`,
    `t78`.`at`,
    `t78`.`landing_url`,
    `t78`.`referrer`,
    `t78`.`utm_source`,
    `t78`.`utm_medium`,
    `t78`.`utm_campaign`,
    `t78`.`utm_content`,
    `t78`.`utm_term`,
    `t78`.`u_utm_source`,
    `t78`.`u_utm_medium`,
    `t78`.`u_utm_campaign`,
    `t78`.`u_utm_content`,
    `t78`.`u_utm_term`,
    `t78`.`referrer_host`,
    `t78`.`classified_by`,
    `t78`.`is_direct`,
    `t78`.`source`,
    `t78`.`medium`,
    `t78`.`campaign`,
    `t78`.`is_paid`,
    `t78`.`platform`,
    `t80`.`channel`
  FROM (
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
      NOT (
        `t75`.`is_direct`
      )
      AND `t75`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS `is_paid`,
      IF(
        NOT (
          `t75`.`is_direct`
        )
        AND `t75`.`medium` IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display'),
        CASE
          WHEN `t75`.`source` IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
          THEN 'meta'
          WHEN `t75`.`source` IN ('google', 'adwords', 'youtube')
          THEN 'google'
          ELSE `t75`.`source`
        END,
        CAST(NULL AS STRING)
      ) AS `platform`
    FROM `t74` AS `t75`
  ) AS `t78`
  LEFT OUTER JOIN (
    SELECT
      COALESCE(`t76`.`source`, '') AS `k_source`,
      COALESCE(`t76`.`medium`, '') AS `k_medium`,
      COALESCE(`t76`.`campaign`, '') AS `k_campaign`,
      CASE
        WHEN TRUE
        AND COALESCE(`t76`.`source` IN ('direct', '(direct)'), FALSE)
        AND COALESCE(`t76`.`medium` IN ('none', '(none)', '(not set)'), FALSE)
        THEN 'Direct'
        WHEN TRUE
        AND COALESCE(`t76`.`medium` RLIKE '^(.*cp.*|ppc|retargeting|paid.*)\\z', FALSE)
        AND (
          COALESCE(
            `t76`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
            FALSE
          )
          OR COALESCE(`t76`.`campaign` RLIKE '^(.*(([^a-df-z]|^)shop|shopping).*)\\z', FALSE)
        )
        THEN 'Paid Shopping'
        WHEN TRUE
        AND COALESCE(
          `t76`.`source` IN (
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
        AND COALESCE(`t76`.`medium` RLIKE '^(.*cp.*|ppc|retargeting|paid.*)\\z', FALSE)
        THEN 'Paid Search'
        WHEN TRUE
        AND COALESCE(
          `t76`.`source` IN (
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
        AND COALESCE(`t76`.`medium` RLIKE '^(.*cp.*|ppc|retargeting|paid.*)\\z', FALSE)
        THEN 'Paid Social'
        WHEN TRUE
        AND COALESCE(`t76`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
        AND COALESCE(`t76`.`medium` RLIKE '^(.*cp.*|ppc|retargeting|paid.*)\\z', FALSE)
        THEN 'Paid Video'
        WHEN TRUE
        AND COALESCE(
          `t76`.`medium` IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
          FALSE
        )
        THEN 'Display'
        WHEN TRUE
        AND COALESCE(`t76`.`medium` RLIKE '^(.*cp.*|ppc|retargeting|paid.*)\\z', FALSE)
        THEN 'Paid Other'
        WHEN TRUE
        AND (
          COALESCE(
            `t76`.`source` IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
            FALSE
          )
          OR COALESCE(`t76`.`campaign` RLIKE '^(.*(([^a-df-z]|^)shop|shopping).*)\\z', FALSE)
        )
        THEN 'Organic Shopping'
        WHEN TRUE
        AND (
          COALESCE(
            `t76`.`source` IN (
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
            `t76`.`medium` IN (
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
          COALESCE(`t76`.`source` IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          OR COALESCE(`t76`.`medium` RLIKE '^(.*video.*)\\z', FALSE)
        )
        THEN 'Organic Video'
        WHEN TRUE
        AND (
          COALESCE(
            `t76`.`source` IN (
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
          OR COALESCE(`t76`.`medium` IN ('organic'), FALSE)
        )
        THEN 'Organic Search'
        WHEN TRUE AND COALESCE(`t76`.`medium` IN ('referral', 'app', 'link'), FALSE)
        THEN 'Referral'
        WHEN TRUE
        AND (
          COALESCE(`t76`.`source` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          OR COALESCE(`t76`.`medium` IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
        )
        THEN 'Email'
        WHEN TRUE AND COALESCE(`t76`.`medium` IN ('affiliate'), FALSE)
        THEN 'Affiliates'
        WHEN TRUE
        AND (
          COALESCE(`t76`.`source` IN ('sms'), FALSE)
          OR COALESCE(`t76`.`medium` IN ('sms'), FALSE)
        )
        THEN 'SMS'
        ELSE 'Unassigned'
      END AS `channel`
    FROM (
      SELECT DISTINCT
        `t75`.`source`,
        `t75`.`medium`,
        `t75`.`campaign`
      FROM `t74` AS `t75`
    ) AS `t76`
  ) AS `t80`
    ON COALESCE(`t78`.`source`, '') = `t80`.`k_source`
    AND COALESCE(`t78`.`medium`, '') = `t80`.`k_medium`
    AND COALESCE(`t78`.`campaign`, '') = `t80`.`k_campaign`
), `t94` AS (
  SELECT
    `t93`.`shop_id`,
    `t93`.`order_id`,
    `t93`.`touchpoint_id`,
    `t93`.`kind`,
    `t93`.`at`,
    `t93`.`source`,
    `t93`.`medium`,
    `t93`.`campaign`,
    `t93`.`channel`,
    `t93`.`platform`,
    `t93`.`is_direct`,
    `t93`.`is_paid`,
    `t93`.`classified_by`,
    `t93`.`referrer_host`,
    MAX(IF((
      `t93`.`kind` = 'session'
    ) AND NOT (
      `t93`.`is_direct`
    ), 1, 0)) OVER (
      PARTITION BY `t93`.`shop_id`, `t93`.`order_id`
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS `clicked__`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t91`.`shop_id`,
        `t91`.`order_id`,
        `t86`.`touchpoint_id`,
        `t86`.`kind`,
        `t86`.`at`,
        `t86`.`source`,
        `t86`.`medium`,
        `t86`.`campaign`,
        `t86`.`channel`,
        `t86`.`platform`,
        `t86`.`is_direct`,
        `t86`.`is_paid`,
        `t86`.`classified_by`,
        `t86`.`referrer_host`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t27`.`shop_id`,
            `t27`.`order_id`,
            `t87`.`touchpoint_id`
          FROM (
            SELECT
              `t20`.`shop_id`,
              `t20`.`order_id`,
              `t20`.`processed_at`,
              `t20`.`visitor_id` AS `o_visitor`,
              `t20`.`customer_id` AS `o_customer`
            FROM `t19` AS `t20`
          ) AS `t27`
          INNER JOIN (
            SELECT
              `t82`.`touchpoint_id`,
              `t82`.`at`,
              `t82`.`shop_id` AS `tp_shop`,
              `t82`.`visitor_id` AS `tp_visitor`,
              `t82`.`customer_id` AS `tp_customer`
            FROM `t81` AS `t82`
            WHERE
              `t82`.`kind` = 'session'
          ) AS `t87`
            ON `t27`.`shop_id` = `t87`.`tp_shop`
            AND `t87`.`at` <= `t27`.`processed_at`
            AND `t87`.`at` >= (
              `t27`.`processed_at` - INTERVAL '168' HOUR
            )
            AND `t27`.`o_visitor` = `t87`.`tp_visitor`
        ) AS `t88`
        UNION
        SELECT
          *
        FROM (
          SELECT
            `t27`.`shop_id`,
            `t27`.`order_id`,
            `t87`.`touchpoint_id`
          FROM (
            SELECT
              `t20`.`shop_id`,
              `t20`.`order_id`,
              `t20`.`processed_at`,
              `t20`.`visitor_id` AS `o_visitor`,
              `t20`.`customer_id` AS `o_customer`
            FROM `t19` AS `t20`
          ) AS `t27`
          INNER JOIN (
            SELECT
              `t82`.`touchpoint_id`,
              `t82`.`at`,
              `t82`.`shop_id` AS `tp_shop`,
              `t82`.`visitor_id` AS `tp_visitor`,
              `t82`.`customer_id` AS `tp_customer`
            FROM `t81` AS `t82`
            WHERE
              `t82`.`kind` = 'session'
          ) AS `t87`
            ON `t27`.`shop_id` = `t87`.`tp_shop`
            AND `t87`.`at` <= `t27`.`processed_at`
            AND `t87`.`at` >= (
              `t27`.`processed_at` - INTERVAL '168' HOUR
            )
            AND `t27`.`o_customer` = `t87`.`tp_customer`
        ) AS `t89`
      ) AS `t91`
      INNER JOIN (
        SELECT
          `t82`.`touchpoint_id`,
          `t82`.`kind`,
          `t82`.`at`,
          `t82`.`source`,
          `t82`.`medium`,
          `t82`.`campaign`,
          `t82`.`channel`,
          `t82`.`platform`,
          `t82`.`is_direct`,
          `t82`.`is_paid`,
          `t82`.`classified_by`,
          `t82`.`referrer_host`,
          `t82`.`shop_id` AS `tp_shop`
        FROM `t81` AS `t82`
        WHERE
          `t82`.`kind` = 'session'
      ) AS `t86`
        ON `t91`.`shop_id` = `t86`.`tp_shop`
        AND `t91`.`touchpoint_id` = `t86`.`touchpoint_id`
    ) AS `t92`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t82`.`shop_id`,
        `t82`.`order_id`,
        `t82`.`touchpoint_id`,
        `t82`.`kind`,
        `t82`.`at`,
        `t82`.`source`,
        `t82`.`medium`,
        `t82`.`campaign`,
        `t82`.`channel`,
        `t82`.`platform`,
        `t82`.`is_direct`,
        `t82`.`is_paid`,
        `t82`.`classified_by`,
        `t82`.`referrer_host`
      FROM `t81` AS `t82`
      WHERE
        `t82`.`kind` = 'order' AND NOT (
          `t82`.`is_direct`
        )
    ) AS `t85`
  ) AS `t93`
), `t103` AS (
  SELECT
    `t25`.`shop_id`,
    `t25`.`order_id`,
    `t25`.`day`,
    `t25`.`order_revenue`,
    `t25`.`processed_at`,
    `t102`.`touchpoint_id`,
    `t102`.`kind`,
    `t102`.`at`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`source`, 'direct') AS `source`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`medium`, 'none') AS `medium`,
    `t102`.`campaign`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`channel`, 'Direct') AS `channel`,
    `t102`.`platform`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`is_direct`, TRUE) AS `is_direct`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`is_paid`, FALSE) AS `is_paid`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`classified_by`, 'direct') AS `classified_by`,
    `t102`.`referrer_host`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`part`, 0) AS `part`,
    IF(NOT `t102`.`parts` IS NULL, `t102`.`parts`, 1) AS `parts`,
    COALESCE(`t99`.`candidates`, 0) AS `candidates`
  FROM (
    SELECT
      `t20`.`shop_id`,
      `t20`.`order_id`,
      `t20`.`day`,
      `t20`.`order_revenue`,
      `t20`.`processed_at`
    FROM `t19` AS `t20`
  ) AS `t25`
  LEFT OUTER JOIN (
    SELECT
      `t100`.`shop_id`,
      `t100`.`order_id`,
      `t100`.`touchpoint_id`,
      `t100`.`kind`,
      `t100`.`at`,
      `t100`.`source`,
      `t100`.`medium`,
      `t100`.`campaign`,
      `t100`.`channel`,
      `t100`.`platform`,
      `t100`.`is_direct`,
      `t100`.`is_paid`,
      `t100`.`classified_by`,
      `t100`.`referrer_host`,
      `t100`.`part`,
      `t100`.`eligible_count`,
      1 AS `parts`
    FROM (
      SELECT
        `t97`.`shop_id`,
        `t97`.`order_id`,
        `t97`.`touchpoint_id`,
        `t97`.`kind`,
        `t97`.`at`,
        `t97`.`source`,
        `t97`.`medium`,
        `t97`.`campaign`,
        `t97`.`channel`,
        `t97`.`platform`,
        `t97`.`is_direct`,
        `t97`.`is_paid`,
        `t97`.`classified_by`,
        `t97`.`referrer_host`,
        ROW_NUMBER() OVER (
          PARTITION BY `t97`.`shop_id`, `t97`.`order_id`
          ORDER BY `t97`.`at` DESC, `t97`.`touchpoint_id` DESC
        ) - 1 AS `part`,
        COUNT(`t97`.`touchpoint_id`) OVER (
          PARTITION BY `t97`.`shop_id`, `t97`.`order_id`
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS `eligible_count`
      FROM (
        SELECT
          `t95`.`shop_id`,
          `t95`.`order_id`,
          `t95`.`touchpoint_id`,
          `t95`.`kind`,
          `t95`.`at`,
          `t95`.`source`,
          `t95`.`medium`,
          `t95`.`campaign`,
          `t95`.`channel`,
          `t95`.`platform`,
          `t95`.`is_direct`,
          `t95`.`is_paid`,
          `t95`.`classified_by`,
          `t95`.`referrer_host`
        FROM `t94` AS `t95`
        WHERE
          (
            (
              `t95`.`kind` = 'session'
            ) OR (
              `t95`.`clicked__` = 0
            )
          )
          AND NOT (
            `t95`.`is_direct`
          )
      ) AS `t97`
    ) AS `t100`
    WHERE
      `t100`.`part` = 0
  ) AS `t102`
    ON `t25`.`shop_id` = `t102`.`shop_id` AND `t25`.`order_id` = `t102`.`order_id`
  LEFT OUTER JOIN (
    SELECT
      `t96`.`shop_id`,
      `t96`.`order_id`,
      COUNT(`t96`.`touchpoint_id`) AS `candidates`
    FROM (
      SELECT
        `t95`.`shop_id`,
        `t95`.`order_id`,
        `t95`.`touchpoint_id`,
        `t95`.`kind`,
        `t95`.`at`,
        `t95`.`source`,
        `t95`.`medium`,
        `t95`.`campaign`,
        `t95`.`channel`,
        `t95`.`platform`,
        `t95`.`is_direct`,
        `t95`.`is_paid`,
        `t95`.`classified_by`,
        `t95`.`referrer_host`
      FROM `t94` AS `t95`
      WHERE
        (
          `t95`.`kind` = 'session'
        ) OR (
          `t95`.`clicked__` = 0
        )
    ) AS `t96`
    GROUP BY
      1,
      2
  ) AS `t99`
    ON `t25`.`shop_id` = `t99`.`shop_id` AND `t25`.`order_id` = `t99`.`order_id`
), `t107` AS (
  SELECT
    `t36`.`shop_id`,
    `t36`.`refund_id`,
    `t36`.`order_id`,
    `t36`.`processed_at`,
    `t36`.`amount`,
    `t36`.`shipping`,
    `t36`.`taxes`,
    `t36`.`_loaded_at`,
    `t36`.`duties`,
    `t36`.`shop_timezone`,
    `t36`.`taxes_included`,
    `t36`.`order_day`,
    `t36`.`day`,
    `t36`.`refund_total`,
    `t106`.`touchpoint_id`,
    `t106`.`source`,
    `t106`.`medium`,
    `t106`.`campaign`,
    `t106`.`channel`,
    `t106`.`platform`,
    `t106`.`is_direct`,
    `t106`.`is_paid`,
    `t106`.`part`,
    `t106`.`parts`
  FROM (
    SELECT
      `t31`.`shop_id`,
      `t31`.`refund_id`,
      `t31`.`order_id`,
      `t31`.`processed_at`,
      `t31`.`amount`,
      `t31`.`shipping`,
      `t31`.`taxes`,
      `t31`.`_loaded_at`,
      `t31`.`duties`,
      `t31`.`shop_timezone`,
      `t31`.`taxes_included`,
      `t31`.`order_day`,
      `t31`.`order_day` AS `day`,
      `t31`.`amount` + `t31`.`shipping` + IF(COALESCE(`t31`.`taxes_included`, FALSE), 0, `t31`.`taxes`) AS `refund_total`
    FROM (
      SELECT
        `t8`.`shop_id`,
        `t8`.`refund_id`,
        `t8`.`order_id`,
        `t8`.`processed_at`,
        `t8`.`amount`,
        `t8`.`shipping`,
        `t8`.`taxes`,
        `t8`.`_loaded_at`,
        `t8`.`duties`,
        `t26`.`shop_timezone`,
        `t26`.`taxes_included`,
        `t26`.`order_day`
      FROM `refunds` AS `t8`
      INNER JOIN (
        SELECT
          `t20`.`shop_id`,
          `t20`.`order_id`,
          `t20`.`shop_timezone`,
          `t20`.`taxes_included`,
          `t20`.`day` AS `order_day`
        FROM `t19` AS `t20`
      ) AS `t26`
        ON `t8`.`shop_id` = `t26`.`shop_id` AND `t8`.`order_id` = `t26`.`order_id`
    ) AS `t31`
  ) AS `t36`
  INNER JOIN (
    SELECT
      `t104`.`shop_id`,
      `t104`.`order_id`,
      `t104`.`touchpoint_id`,
      `t104`.`source`,
      `t104`.`medium`,
      `t104`.`campaign`,
      `t104`.`channel`,
      `t104`.`platform`,
      `t104`.`is_direct`,
      `t104`.`is_paid`,
      `t104`.`part`,
      `t104`.`parts`
    FROM `t103` AS `t104`
  ) AS `t106`
    ON `t36`.`shop_id` = `t106`.`shop_id` AND `t36`.`order_id` = `t106`.`order_id`
)
SELECT
  `t117`.`day`,
  `t117`.`platform`,
  CAST(CAST(COALESCE(`t117`.`m__paid_attributed_revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(
    CAST(CAST(COALESCE(`t117`.`m__roas_spend__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE),
    0
  ) AS `roas`,
  CAST(COALESCE(`t117`.`m__attributed_revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS `attributed_revenue`
FROM (
  SELECT
    `t116`.`day`,
    `t116`.`platform`,
    SUM(`t116`.`m__paid_attributed_revenue__v1`) AS `m__paid_attributed_revenue__v1`,
    SUM(`t116`.`m__roas_spend__v1`) AS `m__roas_spend__v1`,
    SUM(`t116`.`m__attributed_revenue__v1`) AS `m__attributed_revenue__v1`
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
      ) AS `t12`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t104`.`day`,
          `t104`.`platform`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_attributed_revenue__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
          CAST(IF(
            CAST(`t104`.`order_revenue` * 100 AS BIGINT) < 0,
            -(
              CAST(FLOOR((
                ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT))
              ) / (
                `t104`.`parts`
              )) AS BIGINT) + IF(
                `t104`.`part` < (
                  ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT)) % `t104`.`parts`
                ),
                1,
                0
              )
            ),
            CAST(FLOOR((
              ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT))
            ) / (
              `t104`.`parts`
            )) AS BIGINT) + IF(
              `t104`.`part` < (
                ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT)) % `t104`.`parts`
              ),
              1,
              0
            )
          ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2)) AS `m__attributed_revenue__v1`
        FROM `t103` AS `t104`
      ) AS `t109`
    ) AS `t111`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t108`.`day`,
          `t108`.`platform`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_attributed_revenue__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
          -(
            CAST(IF(
              CAST(`t108`.`refund_total` * 100 AS BIGINT) < 0,
              -(
                CAST(FLOOR((
                  ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT))
                ) / (
                  `t108`.`parts`
                )) AS BIGINT) + IF(
                  `t108`.`part` < (
                    ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT)) % `t108`.`parts`
                  ),
                  1,
                  0
                )
              ),
              CAST(FLOOR((
                ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT))
              ) / (
                `t108`.`parts`
              )) AS BIGINT) + IF(
                `t108`.`part` < (
                  ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT)) % `t108`.`parts`
                ),
                1,
                0
              )
            ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2))
          ) AS `m__attributed_revenue__v1`
        FROM `t107` AS `t108`
      ) AS `t112`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t104`.`day`,
            `t104`.`platform`,
            CAST(IF(
              CAST(`t104`.`order_revenue` * 100 AS BIGINT) < 0,
              -(
                CAST(FLOOR((
                  ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT))
                ) / (
                  `t104`.`parts`
                )) AS BIGINT) + IF(
                  `t104`.`part` < (
                    ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT)) % `t104`.`parts`
                  ),
                  1,
                  0
                )
              ),
              CAST(FLOOR((
                ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT))
              ) / (
                `t104`.`parts`
              )) AS BIGINT) + IF(
                `t104`.`part` < (
                  ABS(CAST(`t104`.`order_revenue` * 100 AS BIGINT)) % `t104`.`parts`
                ),
                1,
                0
              )
            ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2)) AS `m__paid_attributed_revenue__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__attributed_revenue__v1`
          FROM `t103` AS `t104`
          WHERE
            `t104`.`is_paid`
        ) AS `t110`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t108`.`day`,
            `t108`.`platform`,
            -(
              CAST(IF(
                CAST(`t108`.`refund_total` * 100 AS BIGINT) < 0,
                -(
                  CAST(FLOOR((
                    ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT))
                  ) / (
                    `t108`.`parts`
                  )) AS BIGINT) + IF(
                    `t108`.`part` < (
                      ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT)) % `t108`.`parts`
                    ),
                    1,
                    0
                  )
                ),
                CAST(FLOOR((
                  ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT))
                ) / (
                  `t108`.`parts`
                )) AS BIGINT) + IF(
                  `t108`.`part` < (
                    ABS(CAST(`t108`.`refund_total` * 100 AS BIGINT)) % `t108`.`parts`
                  ),
                  1,
                  0
                )
              ) AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2))
            ) AS `m__paid_attributed_revenue__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__roas_spend__v1`,
            CAST(NULL AS DECIMAL(18, 2)) AS `m__attributed_revenue__v1`
          FROM `t107` AS `t108`
          WHERE
            `t108`.`is_paid`
        ) AS `t113`
      ) AS `t114`
    ) AS `t115`
  ) AS `t116`
  GROUP BY
    1,
    2
) AS `t117`
ORDER BY
  `t117`.`day` ASC NULLS LAST,
  `t117`.`platform` ASC NULLS LAST
