WITH `attribution_touchpoints__t27` AS (
  SELECT
    *
  FROM (
    SELECT
      `t0`.`shop_id`,
      CAST(NULL AS STRING) AS `order_id`,
      `t0`.`session_id` AS `touchpoint_id`,
      'session' AS `kind`,
      `t0`.`visitor_id`,
      `t0`.`customer_id`,
      `t0`.`started_at` AS `at`,
      `t0`.`landing_url`,
      `t0`.`referrer`,
      `t0`.`utm_source`,
      `t0`.`utm_medium`,
      `t0`.`utm_campaign`,
      `t0`.`utm_content`,
      `t0`.`utm_term`
    FROM `sessions` AS `t0`
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
        DATE(DATETIME(`t24`.`processed_at`, `t24`.`shop_timezone`)) AS `day`,
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
          FROM `orders` AS `t1`
          WHERE
            `t1`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
            AND NOT (
              `t1`.`is_test`
            )
            AND `t1`.`cancelled_at` IS NULL
        ) AS `t23`
        INNER JOIN (
          SELECT
            `t2`.`shop_id`,
            `t2`.`timezone` AS `shop_timezone`
          FROM `shops` AS `t2`
        ) AS `t22`
          ON `t23`.`shop_id` = `t22`.`shop_id`
      ) AS `t24`
    ) AS `t25`
  ) AS `t26`
), `attribution_touchpoints__t38` AS (
  SELECT
    `t35`.`referrer`,
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          NULLIF(
            IF(
              REGEXP_CONTAINS(
                REGEXP_REPLACE(LOWER(TRIM(`t35`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)'
              ),
              IF(
                1 = 0,
                REGEXP_REPLACE(
                  REGEXP_REPLACE(LOWER(TRIM(`t35`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
                  CONCAT('.*?', CONCAT('(', '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)', ')'), '.*'),
                  '\\1'
                ),
                REGEXP_REPLACE(
                  REGEXP_REPLACE(LOWER(TRIM(`t35`.`referrer`, ' \t\n\r\v\f')), '^[a-z][a-z0-9+.-]*:(//)?', ''),
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
    SELECT DISTINCT
      `t32`.`referrer`
    FROM (
      SELECT DISTINCT
        `t28`.`landing_url`,
        `t28`.`referrer`,
        `t28`.`utm_source`,
        `t28`.`utm_medium`,
        `t28`.`utm_campaign`,
        `t28`.`utm_content`,
        `t28`.`utm_term`
      FROM `attribution_touchpoints__t27` AS `t28`
      WHERE
        NOT `t28`.`referrer` IS NULL
    ) AS `t32`
  ) AS `t35`
), `attribution_touchpoints__t41` AS (
  SELECT DISTINCT
    `t39`.`referrer_host`
  FROM `attribution_touchpoints__t38` AS `t39`
  WHERE
    NOT `t39`.`referrer_host` IS NULL
), `attribution_touchpoints__t74` AS (
  SELECT
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
        `t33`.`landing_url`,
        `t33`.`referrer`,
        `t33`.`utm_source`,
        `t33`.`utm_medium`,
        `t33`.`utm_campaign`,
        `t33`.`utm_content`,
        `t33`.`utm_term`,
        COALESCE(NULLIF(LOWER(TRIM(`t33`.`utm_source`, ' \t\n\r\v\f')), ''), `t46`.`url_utm_source`) AS `u_utm_source`,
        COALESCE(NULLIF(LOWER(TRIM(`t33`.`utm_medium`, ' \t\n\r\v\f')), ''), `t46`.`url_utm_medium`) AS `u_utm_medium`,
        COALESCE(
          NULLIF(LOWER(TRIM(`t33`.`utm_campaign`, ' \t\n\r\v\f')), ''),
          `t46`.`url_utm_campaign`
        ) AS `u_utm_campaign`,
        COALESCE(
          NULLIF(LOWER(TRIM(`t33`.`utm_content`, ' \t\n\r\v\f')), ''),
          `t46`.`url_utm_content`
        ) AS `u_utm_content`,
        COALESCE(NULLIF(LOWER(TRIM(`t33`.`utm_term`, ' \t\n\r\v\f')), ''), `t46`.`url_utm_term`) AS `u_utm_term`,
        `t71`.`referrer_host`,
        `t71`.`ref_source`,
        `t71`.`ref_medium`,
        COALESCE(`t71`.`internal`, FALSE) AS `internal`
      FROM (
        SELECT DISTINCT
          `t28`.`landing_url`,
          `t28`.`referrer`,
          `t28`.`utm_source`,
          `t28`.`utm_medium`,
          `t28`.`utm_campaign`,
          `t28`.`utm_content`,
          `t28`.`utm_term`
        FROM `attribution_touchpoints__t27` AS `t28`
      ) AS `t33`
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
          FROM `attribution_touchpoints__t38` AS `t40`
          LEFT OUTER JOIN (
            SELECT
              `t43`.`referrer_host`,
              `t66`.`ref_source`,
              `t66`.`ref_medium`,
              NOT `t62`.`internal_host` IS NULL AS `is_internal`
            FROM `attribution_touchpoints__t41` AS `t43`
            LEFT OUTER JOIN (
              SELECT
                `t64`.`referrer_host`,
                `t16`.`source` AS `ref_source`,
                `t16`.`medium` AS `ref_medium`
              FROM (
                SELECT
                  `t60`.`referrer_host`,
                  MIN(`t60`.`position`) AS `position`
                FROM (
                  SELECT
                    `t58`.`referrer_host`,
                    `t18`.`position`
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
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) IS NULL
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
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
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
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ) AS `key`
                          FROM `attribution_touchpoints__t41` AS `t42`
                          WHERE
                            NOT NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ) IS NULL
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
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ) AS `key`
                          FROM `attribution_touchpoints__t41` AS `t42`
                          WHERE
                            NOT NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
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
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT(
                                      '.*?',
                                      CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', ')'),
                                      '.*'
                                    ),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ) AS `key`
                          FROM `attribution_touchpoints__t41` AS `t42`
                          WHERE
                            NOT NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT(
                                      '.*?',
                                      CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', ')'),
                                      '.*'
                                    ),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
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
                            NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ) AS `key`
                          FROM `attribution_touchpoints__t41` AS `t42`
                          WHERE
                            NOT NULLIF(
                              IF(
                                REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', ')'), '.*'),
                                    '\\1'
                                  ),
                                  REGEXP_REPLACE(
                                    `t42`.`referrer_host`,
                                    CONCAT('.*?', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ''
                            ) IS NULL
                        ) AS `t52`
                      ) AS `t55`
                    ) AS `t56`
                  ) AS `t58`
                  INNER JOIN UNNEST([
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'mail.google.com' AS key,
                      0 AS position,
                      'gmail' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'inbox.google.com' AS key,
                      0 AS position,
                      'gmail' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'outlook.live.com' AS key,
                      1 AS position,
                      'outlook' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'outlook.office.com' AS key,
                      1 AS position,
                      'outlook' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'outlook.office365.com' AS key,
                      1 AS position,
                      'outlook' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'mail.live.com' AS key,
                      1 AS position,
                      'outlook' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'mail.yahoo.com' AS key,
                      2 AS position,
                      'yahoo' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      4 AS labels,
                      'mail.yahoo.co.jp' AS key,
                      2 AS position,
                      'yahoo' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'mail.aol.com' AS key,
                      3 AS position,
                      'aol' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'mail.proton.me' AS key,
                      4 AS position,
                      'protonmail' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'mail.protonmail.com' AS key,
                      4 AS position,
                      'protonmail' AS source,
                      'email' AS medium
                    ),
                    STRUCT(
                      'name' AS kind,
                      1 AS labels,
                      'google' AS key,
                      5 AS position,
                      'google' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'bing.com' AS key,
                      6 AS position,
                      'bing' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'duckduckgo.com' AS key,
                      7 AS position,
                      'duckduckgo' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'name' AS kind,
                      1 AS labels,
                      'yahoo' AS key,
                      8 AS position,
                      'yahoo' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'ecosia.org' AS key,
                      9 AS position,
                      'ecosia' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'baidu.com' AS key,
                      10 AS position,
                      'baidu' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'name' AS kind,
                      1 AS labels,
                      'yandex' AS key,
                      11 AS position,
                      'yandex' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      3 AS labels,
                      'search.brave.com' AS key,
                      12 AS position,
                      'brave' AS source,
                      'organic' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'facebook.com' AS key,
                      13 AS position,
                      'facebook' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'fb.com' AS key,
                      13 AS position,
                      'facebook' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'fb.me' AS key,
                      13 AS position,
                      'facebook' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'instagram.com' AS key,
                      14 AS position,
                      'instagram' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      't.co' AS key,
                      15 AS position,
                      'twitter' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'twitter.com' AS key,
                      15 AS position,
                      'twitter' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'x.com' AS key,
                      15 AS position,
                      'twitter' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'linkedin.com' AS key,
                      16 AS position,
                      'linkedin' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'lnkd.in' AS key,
                      16 AS position,
                      'linkedin' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'name' AS kind,
                      1 AS labels,
                      'pinterest' AS key,
                      17 AS position,
                      'pinterest' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'pin.it' AS key,
                      17 AS position,
                      'pinterest' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'tiktok.com' AS key,
                      18 AS position,
                      'tiktok' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'youtube.com' AS key,
                      19 AS position,
                      'youtube' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'youtu.be' AS key,
                      19 AS position,
                      'youtube' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'reddit.com' AS key,
                      20 AS position,
                      'reddit' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'threads.net' AS key,
                      21 AS position,
                      'threads' AS source,
                      'social' AS medium
                    ),
                    STRUCT(
                      'domain' AS kind,
                      2 AS labels,
                      'snapchat.com' AS key,
                      22 AS position,
                      'snapchat' AS source,
                      'social' AS medium
                    )
                  ]) AS t18
                    ON `t58`.`kind` = `t18`.`kind`
                    AND `t58`.`labels` = `t18`.`labels`
                    AND `t58`.`key` = `t18`.`key`
                ) AS `t60`
                GROUP BY
                  1
              ) AS `t64`
              INNER JOIN UNNEST([
                STRUCT(0 AS position, 'gmail' AS source, 'email' AS medium),
                STRUCT(1 AS position, 'outlook' AS source, 'email' AS medium),
                STRUCT(2 AS position, 'yahoo' AS source, 'email' AS medium),
                STRUCT(3 AS position, 'aol' AS source, 'email' AS medium),
                STRUCT(4 AS position, 'protonmail' AS source, 'email' AS medium),
                STRUCT(5 AS position, 'google' AS source, 'organic' AS medium),
                STRUCT(6 AS position, 'bing' AS source, 'organic' AS medium),
                STRUCT(7 AS position, 'duckduckgo' AS source, 'organic' AS medium),
                STRUCT(8 AS position, 'yahoo' AS source, 'organic' AS medium),
                STRUCT(9 AS position, 'ecosia' AS source, 'organic' AS medium),
                STRUCT(10 AS position, 'baidu' AS source, 'organic' AS medium),
                STRUCT(11 AS position, 'yandex' AS source, 'organic' AS medium),
                STRUCT(12 AS position, 'brave' AS source, 'organic' AS medium),
                STRUCT(13 AS position, 'facebook' AS source, 'social' AS medium),
                STRUCT(14 AS position, 'instagram' AS source, 'social' AS medium),
                STRUCT(15 AS position, 'twitter' AS source, 'social' AS medium),
                STRUCT(16 AS position, 'linkedin' AS source, 'social' AS medium),
                STRUCT(17 AS position, 'pinterest' AS source, 'social' AS medium),
                STRUCT(18 AS position, 'tiktok' AS source, 'social' AS medium),
                STRUCT(19 AS position, 'youtube' AS source, 'social' AS medium),
                STRUCT(20 AS position, 'reddit' AS source, 'social' AS medium),
                STRUCT(21 AS position, 'threads' AS source, 'social' AS medium),
                STRUCT(22 AS position, 'snapchat' AS source, 'social' AS medium)
              ]) AS t16
                ON `t64`.`position` = `t16`.`position`
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
                        NULLIF(
                          IF(
                            REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$'),
                            IF(
                              1 = 0,
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', ')'), '.*'),
                                '\\1'
                              ),
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', '.*'),
                                CONCAT('\\', CAST(1 AS STRING))
                              )
                            ),
                            NULL
                          ),
                          ''
                        ) AS `key`
                      FROM `attribution_touchpoints__t41` AS `t42`
                      WHERE
                        NOT NULLIF(
                          IF(
                            REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$'),
                            IF(
                              1 = 0,
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', ')'), '.*'),
                                '\\1'
                              ),
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', '(?:^|\\.)([^.]+)\\.co\\.[a-z]{2,3}$', '.*'),
                                CONCAT('\\', CAST(1 AS STRING))
                              )
                            ),
                            NULL
                          ),
                          ''
                        ) IS NULL
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
                          IF(
                            REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$'),
                            IF(
                              1 = 0,
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', ')'), '.*'),
                                '\\1'
                              ),
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', '.*'),
                                CONCAT('\\', CAST(1 AS STRING))
                              )
                            ),
                            NULL
                          ),
                          ''
                        ) AS `key`
                      FROM `attribution_touchpoints__t41` AS `t42`
                      WHERE
                        NOT NULLIF(
                          IF(
                            REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$'),
                            IF(
                              1 = 0,
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', ')'), '.*'),
                                '\\1'
                              ),
                              REGEXP_REPLACE(
                                `t42`.`referrer_host`,
                                CONCAT('.*?', '(?:^|\\.)([^.]+)\\.com\\.[a-z]{2,3}$', '.*'),
                                CONCAT('\\', CAST(1 AS STRING))
                              )
                            ),
                            NULL
                          ),
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
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+))$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+))$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) IS NULL
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
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
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
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT(
                                    '.*?',
                                    CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', ')'),
                                    '.*'
                                  ),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT(
                                    '.*?',
                                    CONCAT('(', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', ')'),
                                    '.*'
                                  ),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+(?:\\.[^.]+)(?:\\.[^.]+)(?:\\.[^.]+))$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
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
                          NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) AS `key`
                        FROM `attribution_touchpoints__t41` AS `t42`
                        WHERE
                          NOT NULLIF(
                            IF(
                              REGEXP_CONTAINS(`t42`.`referrer_host`, '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$'),
                              IF(
                                1 = 0,
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', CONCAT('(', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', ')'), '.*'),
                                  '\\1'
                                ),
                                REGEXP_REPLACE(
                                  `t42`.`referrer_host`,
                                  CONCAT('.*?', '(?:^|\\.)([^.]+)\\.[a-z]{2,3}$', '.*'),
                                  CONCAT('\\', CAST(1 AS STRING))
                                )
                              ),
                              NULL
                            ),
                            ''
                          ) IS NULL
                      ) AS `t52`
                    ) AS `t55`
                  ) AS `t56`
                ) AS `t58`
                WHERE
                  EXISTS(
                    SELECT
                      1
                    FROM UNNEST([
                      STRUCT('domain' AS kind, 2 AS labels, 'myshopify.com' AS key),
                      STRUCT('domain' AS kind, 2 AS labels, 'shop.app' AS key),
                      STRUCT('domain' AS kind, 3 AS labels, 'checkout.shopify.com' AS key)
                    ]) AS t17
                    WHERE
                      `t58`.`kind` = `t17`.`kind`
                      AND `t58`.`labels` = `t17`.`labels`
                      AND `t58`.`key` = `t17`.`key`
                  )
              ) AS `t59`
            ) AS `t62`
              ON `t43`.`referrer_host` = `t62`.`internal_host`
          ) AS `t68`
            ON `t40`.`referrer_host` = `t68`.`referrer_host`
        ) AS `t69`
      ) AS `t71`
        ON `t33`.`referrer` = `t71`.`referrer`
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            `t37`.`landing_url`,
            NULLIF(
              LOWER(
                TRIM(
                  IF(
                    `t37`.`ok__utm_source`,
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
                        FROM UNNEST(REGEXP_EXTRACT_ALL(IF(`t37`.`ok__utm_source`, `t37`.`q__utm_source`, ''), '%[0-9A-Fa-f]{2}|[^%]+|%')) AS tok WITH OFFSET AS off
                      ),
                      ''
                    ),
                    `t37`.`q__utm_source`
                  ),
                  ' \t\n\r\v\f'
                )
              ),
              ''
            ) AS `url_utm_source`,
            NULLIF(
              LOWER(
                TRIM(
                  IF(
                    `t37`.`ok__utm_medium`,
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
                        FROM UNNEST(REGEXP_EXTRACT_ALL(IF(`t37`.`ok__utm_medium`, `t37`.`q__utm_medium`, ''), '%[0-9A-Fa-f]{2}|[^%]+|%')) AS tok WITH OFFSET AS off
                      ),
                      ''
                    ),
                    `t37`.`q__utm_medium`
                  ),
                  ' \t\n\r\v\f'
                )
              ),
              ''
            ) AS `url_utm_medium`,
            NULLIF(
              LOWER(
                TRIM(
                  IF(
                    `t37`.`ok__utm_campaign`,
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
                          IF(`t37`.`ok__utm_campaign`, `t37`.`q__utm_campaign`, ''),
                          '%[0-9A-Fa-f]{2}|[^%]+|%'
                        )) AS tok WITH OFFSET AS off
                      ),
                      ''
                    ),
                    `t37`.`q__utm_campaign`
                  ),
                  ' \t\n\r\v\f'
                )
              ),
              ''
            ) AS `url_utm_campaign`,
            NULLIF(
              LOWER(
                TRIM(
                  IF(
                    `t37`.`ok__utm_content`,
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
                        FROM UNNEST(REGEXP_EXTRACT_ALL(IF(`t37`.`ok__utm_content`, `t37`.`q__utm_content`, ''), '%[0-9A-Fa-f]{2}|[^%]+|%')) AS tok WITH OFFSET AS off
                      ),
                      ''
                    ),
                    `t37`.`q__utm_content`
                  ),
                  ' \t\n\r\v\f'
                )
              ),
              ''
            ) AS `url_utm_content`,
            NULLIF(
              LOWER(
                TRIM(
                  IF(
                    `t37`.`ok__utm_term`,
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
                        FROM UNNEST(REGEXP_EXTRACT_ALL(IF(`t37`.`ok__utm_term`, `t37`.`q__utm_term`, ''), '%[0-9A-Fa-f]{2}|[^%]+|%')) AS tok WITH OFFSET AS off
                      ),
                      ''
                    ),
                    `t37`.`q__utm_term`
                  ),
                  ' \t\n\r\v\f'
                )
              ),
              ''
            ) AS `url_utm_term`
          FROM (
            SELECT
              `t36`.`landing_url`,
              `t36`.`q__utm_source`,
              `t36`.`q__utm_medium`,
              `t36`.`q__utm_campaign`,
              `t36`.`q__utm_content`,
              `t36`.`q__utm_term`,
              (
                INSTR(`t36`.`q__utm_source`, '%') > 0
              )
              AND REGEXP_CONTAINS(
                `t36`.`q__utm_source`,
                '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
              ) AS `ok__utm_source`,
              (
                INSTR(`t36`.`q__utm_medium`, '%') > 0
              )
              AND REGEXP_CONTAINS(
                `t36`.`q__utm_medium`,
                '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
              ) AS `ok__utm_medium`,
              (
                INSTR(`t36`.`q__utm_campaign`, '%') > 0
              )
              AND REGEXP_CONTAINS(
                `t36`.`q__utm_campaign`,
                '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
              ) AS `ok__utm_campaign`,
              (
                INSTR(`t36`.`q__utm_content`, '%') > 0
              )
              AND REGEXP_CONTAINS(
                `t36`.`q__utm_content`,
                '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
              ) AS `ok__utm_content`,
              (
                INSTR(`t36`.`q__utm_term`, '%') > 0
              )
              AND REGEXP_CONTAINS(
                `t36`.`q__utm_term`,
                '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
              ) AS `ok__utm_term`
            FROM (
              SELECT
                `t34`.`landing_url`,
                REPLACE(
                  NULLIF(
                    IF(
                      REGEXP_CONTAINS(`t34`.`landing_url`, '[?&]utm_source=([^&#]*)'),
                      IF(
                        1 = 0,
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
                          CONCAT('.*?', CONCAT('(', '[?&]utm_source=([^&#]*)', ')'), '.*'),
                          '\\1'
                        ),
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
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
                ) AS `q__utm_source`,
                REPLACE(
                  NULLIF(
                    IF(
                      REGEXP_CONTAINS(`t34`.`landing_url`, '[?&]utm_medium=([^&#]*)'),
                      IF(
                        1 = 0,
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
                          CONCAT('.*?', CONCAT('(', '[?&]utm_medium=([^&#]*)', ')'), '.*'),
                          '\\1'
                        ),
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
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
                ) AS `q__utm_medium`,
                REPLACE(
                  NULLIF(
                    IF(
                      REGEXP_CONTAINS(`t34`.`landing_url`, '[?&]utm_campaign=([^&#]*)'),
                      IF(
                        1 = 0,
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
                          CONCAT('.*?', CONCAT('(', '[?&]utm_campaign=([^&#]*)', ')'), '.*'),
                          '\\1'
                        ),
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
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
                ) AS `q__utm_campaign`,
                REPLACE(
                  NULLIF(
                    IF(
                      REGEXP_CONTAINS(`t34`.`landing_url`, '[?&]utm_content=([^&#]*)'),
                      IF(
                        1 = 0,
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
                          CONCAT('.*?', CONCAT('(', '[?&]utm_content=([^&#]*)', ')'), '.*'),
                          '\\1'
                        ),
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
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
                ) AS `q__utm_content`,
                REPLACE(
                  NULLIF(
                    IF(
                      REGEXP_CONTAINS(`t34`.`landing_url`, '[?&]utm_term=([^&#]*)'),
                      IF(
                        1 = 0,
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
                          CONCAT('.*?', CONCAT('(', '[?&]utm_term=([^&#]*)', ')'), '.*'),
                          '\\1'
                        ),
                        REGEXP_REPLACE(
                          `t34`.`landing_url`,
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
                ) AS `q__utm_term`
              FROM (
                SELECT DISTINCT
                  `t31`.`landing_url`
                FROM (
                  SELECT DISTINCT
                    `t28`.`landing_url`,
                    `t28`.`referrer`,
                    `t28`.`utm_source`,
                    `t28`.`utm_medium`,
                    `t28`.`utm_campaign`,
                    `t28`.`utm_content`,
                    `t28`.`utm_term`
                  FROM `attribution_touchpoints__t27` AS `t28`
                  WHERE
                    NOT `t28`.`landing_url` IS NULL
                ) AS `t31`
              ) AS `t34`
            ) AS `t36`
          ) AS `t37`
        ) AS `t44`
      ) AS `t46`
        ON `t33`.`landing_url` = `t46`.`landing_url`
    ) AS `t72`
  ) AS `t73`
), `attribution_touchpoints__t76` AS (
  SELECT DISTINCT
    `t75`.`source`,
    `t75`.`medium`,
    `t75`.`campaign`
  FROM `attribution_touchpoints__t74` AS `t75`
), `attribution_touchpoints` AS (
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
    `t113`.`u_utm_source`,
    `t113`.`u_utm_medium`,
    `t113`.`u_utm_campaign`,
    `t113`.`u_utm_content`,
    `t113`.`u_utm_term`,
    `t113`.`referrer_host`,
    `t113`.`classified_by`,
    `t113`.`is_direct`,
    `t113`.`source`,
    `t113`.`medium`,
    `t113`.`campaign`,
    `t113`.`is_paid`,
    `t113`.`platform`,
    `t113`.`channel`
  FROM `attribution_touchpoints__t27` AS `t29`
  LEFT OUTER JOIN (
    SELECT
      `t111`.`landing_url`,
      `t111`.`referrer`,
      `t111`.`utm_source`,
      `t111`.`utm_medium`,
      `t111`.`utm_campaign`,
      `t111`.`utm_content`,
      `t111`.`utm_term`,
      `t111`.`u_utm_source`,
      `t111`.`u_utm_medium`,
      `t111`.`u_utm_campaign`,
      `t111`.`u_utm_content`,
      `t111`.`u_utm_term`,
      `t111`.`referrer_host`,
      `t111`.`classified_by`,
      `t111`.`is_direct`,
      `t111`.`source`,
      `t111`.`medium`,
      `t111`.`campaign`,
      `t111`.`is_paid`,
      `t111`.`platform`,
      `t111`.`channel`,
      COALESCE(`t111`.`landing_url`, '') AS `k__landing_url`,
      COALESCE(`t111`.`referrer`, '') AS `k__referrer`,
      COALESCE(`t111`.`utm_source`, '') AS `k__utm_source`,
      COALESCE(`t111`.`utm_medium`, '') AS `k__utm_medium`,
      COALESCE(`t111`.`utm_campaign`, '') AS `k__utm_campaign`,
      COALESCE(`t111`.`utm_content`, '') AS `k__utm_content`,
      COALESCE(`t111`.`utm_term`, '') AS `k__utm_term`,
      IF(`t111`.`landing_url` IS NULL, 1, 0) + IF(`t111`.`referrer` IS NULL, 2, 0) + IF(`t111`.`utm_source` IS NULL, 4, 0) + IF(`t111`.`utm_medium` IS NULL, 8, 0) + IF(`t111`.`utm_campaign` IS NULL, 16, 0) + IF(`t111`.`utm_content` IS NULL, 32, 0) + IF(`t111`.`utm_term` IS NULL, 64, 0) AS `k__nulls`
    FROM (
      SELECT
        `t79`.`landing_url`,
        `t79`.`referrer`,
        `t79`.`utm_source`,
        `t79`.`utm_medium`,
        `t79`.`utm_campaign`,
        `t79`.`utm_content`,
        `t79`.`utm_term`,
        `t79`.`u_utm_source`,
        `t79`.`u_utm_medium`,
        `t79`.`u_utm_campaign`,
        `t79`.`u_utm_content`,
        `t79`.`u_utm_term`,
        `t79`.`referrer_host`,
        `t79`.`classified_by`,
        `t79`.`is_direct`,
        `t79`.`source`,
        `t79`.`medium`,
        `t79`.`campaign`,
        `t79`.`is_paid`,
        `t79`.`platform`,
        `t110`.`channel`
      FROM (
        SELECT
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
        FROM `attribution_touchpoints__t74` AS `t75`
      ) AS `t79`
      LEFT OUTER JOIN (
        SELECT
          `t87`.`k_source`,
          `t87`.`k_medium`,
          `t87`.`k_campaign`,
          COALESCE(`t108`.`channel`, 'Unassigned') AS `channel`
        FROM (
          SELECT
            `t77`.`source`,
            `t77`.`medium`,
            `t77`.`campaign`,
            COALESCE(`t77`.`source`, '') AS `k_source`,
            COALESCE(`t77`.`medium`, '') AS `k_medium`,
            COALESCE(`t77`.`campaign`, '') AS `k_campaign`
          FROM `attribution_touchpoints__t76` AS `t77`
        ) AS `t87`
        LEFT OUTER JOIN (
          SELECT
            `t106`.`k_source`,
            `t106`.`k_medium`,
            `t106`.`k_campaign`,
            `t11`.`channel`
          FROM (
            SELECT
              `t104`.`k_source`,
              `t104`.`k_medium`,
              `t104`.`k_campaign`,
              MIN(`t104`.`position`) AS `position`
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t102`.`k_source`,
                  `t102`.`k_medium`,
                  `t102`.`k_campaign`,
                  `t102`.`position`,
                  `t102`.`all_held`,
                  `t102`.`any_held`,
                  `t11`.`channel`,
                  `t11`.`all_count`,
                  `t11`.`any_count`
                FROM (
                  SELECT
                    `t100`.`k_source`,
                    `t100`.`k_medium`,
                    `t100`.`k_campaign`,
                    `t100`.`position`,
                    COUNT(IF(`t100`.`role` = 'all', `t100`.`condition`, NULL)) AS `all_held`,
                    COUNT(IF(`t100`.`role` = 'any', `t100`.`condition`, NULL)) AS `any_held`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t95`.`k_source`,
                          `t95`.`k_medium`,
                          `t95`.`k_campaign`,
                          `t12`.`position`,
                          `t12`.`role`,
                          `t12`.`condition`
                        FROM (
                          SELECT
                            *
                          FROM (
                            SELECT
                              COALESCE(`t77`.`source`, '') AS `k_source`,
                              COALESCE(`t77`.`medium`, '') AS `k_medium`,
                              COALESCE(`t77`.`campaign`, '') AS `k_campaign`,
                              'campaign' AS `field`,
                              `t77`.`campaign` AS `value`
                            FROM `attribution_touchpoints__t76` AS `t77`
                          ) AS `t83`
                          UNION ALL
                          SELECT
                            *
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                COALESCE(`t77`.`source`, '') AS `k_source`,
                                COALESCE(`t77`.`medium`, '') AS `k_medium`,
                                COALESCE(`t77`.`campaign`, '') AS `k_campaign`,
                                'source' AS `field`,
                                `t77`.`source` AS `value`
                              FROM `attribution_touchpoints__t76` AS `t77`
                            ) AS `t84`
                            UNION ALL
                            SELECT
                              *
                            FROM (
                              SELECT
                                COALESCE(`t77`.`source`, '') AS `k_source`,
                                COALESCE(`t77`.`medium`, '') AS `k_medium`,
                                COALESCE(`t77`.`campaign`, '') AS `k_campaign`,
                                'medium' AS `field`,
                                `t77`.`medium` AS `value`
                              FROM `attribution_touchpoints__t76` AS `t77`
                            ) AS `t85`
                          ) AS `t90`
                        ) AS `t95`
                        INNER JOIN UNNEST([
                          STRUCT('source' AS field, 'direct' AS value, 0 AS position, 'all' AS role, 1 AS condition),
                          STRUCT('source' AS field, '(direct)' AS value, 0 AS position, 'all' AS role, 1 AS condition),
                          STRUCT('medium' AS field, 'none' AS value, 0 AS position, 'all' AS role, 2 AS condition),
                          STRUCT('medium' AS field, '(none)' AS value, 0 AS position, 'all' AS role, 2 AS condition),
                          STRUCT('medium' AS field, '(not set)' AS value, 0 AS position, 'all' AS role, 2 AS condition),
                          STRUCT(
                            'source' AS field,
                            'google shopping' AS value,
                            1 AS position,
                            'any' AS role,
                            4 AS condition
                          ),
                          STRUCT('source' AS field, 'shopping' AS value, 1 AS position, 'any' AS role, 4 AS condition),
                          STRUCT('source' AS field, 'shop.app' AS value, 1 AS position, 'any' AS role, 4 AS condition),
                          STRUCT('source' AS field, 'amazon' AS value, 1 AS position, 'any' AS role, 4 AS condition),
                          STRUCT('source' AS field, 'ebay' AS value, 1 AS position, 'any' AS role, 4 AS condition),
                          STRUCT('source' AS field, 'etsy' AS value, 1 AS position, 'any' AS role, 4 AS condition),
                          STRUCT('source' AS field, 'idealo' AS value, 1 AS position, 'any' AS role, 4 AS condition),
                          STRUCT('source' AS field, 'google' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'bing' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'yahoo' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'duckduckgo' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'ecosia' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'baidu' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'yandex' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'brave' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'naver' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'ask' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'aol' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'adwords' AS value, 2 AS position, 'all' AS role, 6 AS condition),
                          STRUCT('source' AS field, 'facebook' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'fb' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'instagram' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'ig' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'meta' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'twitter' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 't.co' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'x' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'linkedin' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'pinterest' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'tiktok' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'reddit' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'snapchat' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'threads' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'whatsapp' AS value, 3 AS position, 'all' AS role, 8 AS condition),
                          STRUCT('source' AS field, 'youtube' AS value, 4 AS position, 'all' AS role, 10 AS condition),
                          STRUCT('source' AS field, 'vimeo' AS value, 4 AS position, 'all' AS role, 10 AS condition),
                          STRUCT('source' AS field, 'twitch' AS value, 4 AS position, 'all' AS role, 10 AS condition),
                          STRUCT('source' AS field, 'dailymotion' AS value, 4 AS position, 'all' AS role, 10 AS condition),
                          STRUCT('medium' AS field, 'display' AS value, 5 AS position, 'all' AS role, 12 AS condition),
                          STRUCT('medium' AS field, 'banner' AS value, 5 AS position, 'all' AS role, 12 AS condition),
                          STRUCT('medium' AS field, 'expandable' AS value, 5 AS position, 'all' AS role, 12 AS condition),
                          STRUCT(
                            'medium' AS field,
                            'interstitial' AS value,
                            5 AS position,
                            'all' AS role,
                            12 AS condition
                          ),
                          STRUCT('medium' AS field, 'cpm' AS value, 5 AS position, 'all' AS role, 12 AS condition),
                          STRUCT(
                            'source' AS field,
                            'google shopping' AS value,
                            7 AS position,
                            'any' AS role,
                            14 AS condition
                          ),
                          STRUCT('source' AS field, 'shopping' AS value, 7 AS position, 'any' AS role, 14 AS condition),
                          STRUCT('source' AS field, 'shop.app' AS value, 7 AS position, 'any' AS role, 14 AS condition),
                          STRUCT('source' AS field, 'amazon' AS value, 7 AS position, 'any' AS role, 14 AS condition),
                          STRUCT('source' AS field, 'ebay' AS value, 7 AS position, 'any' AS role, 14 AS condition),
                          STRUCT('source' AS field, 'etsy' AS value, 7 AS position, 'any' AS role, 14 AS condition),
                          STRUCT('source' AS field, 'idealo' AS value, 7 AS position, 'any' AS role, 14 AS condition),
                          STRUCT('source' AS field, 'facebook' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'fb' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'instagram' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'ig' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'meta' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'twitter' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 't.co' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'x' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'linkedin' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'pinterest' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'tiktok' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'reddit' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'snapchat' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'threads' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('source' AS field, 'whatsapp' AS value, 8 AS position, 'any' AS role, 16 AS condition),
                          STRUCT('medium' AS field, 'social' AS value, 8 AS position, 'any' AS role, 17 AS condition),
                          STRUCT(
                            'medium' AS field,
                            'social-network' AS value,
                            8 AS position,
                            'any' AS role,
                            17 AS condition
                          ),
                          STRUCT(
                            'medium' AS field,
                            'social-media' AS value,
                            8 AS position,
                            'any' AS role,
                            17 AS condition
                          ),
                          STRUCT('medium' AS field, 'sm' AS value, 8 AS position, 'any' AS role, 17 AS condition),
                          STRUCT(
                            'medium' AS field,
                            'social network' AS value,
                            8 AS position,
                            'any' AS role,
                            17 AS condition
                          ),
                          STRUCT(
                            'medium' AS field,
                            'social media' AS value,
                            8 AS position,
                            'any' AS role,
                            17 AS condition
                          ),
                          STRUCT('source' AS field, 'youtube' AS value, 9 AS position, 'any' AS role, 18 AS condition),
                          STRUCT('source' AS field, 'vimeo' AS value, 9 AS position, 'any' AS role, 18 AS condition),
                          STRUCT('source' AS field, 'twitch' AS value, 9 AS position, 'any' AS role, 18 AS condition),
                          STRUCT('source' AS field, 'dailymotion' AS value, 9 AS position, 'any' AS role, 18 AS condition),
                          STRUCT('source' AS field, 'google' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'bing' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'yahoo' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'duckduckgo' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'ecosia' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'baidu' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'yandex' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'brave' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'naver' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'ask' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'aol' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('source' AS field, 'adwords' AS value, 10 AS position, 'any' AS role, 20 AS condition),
                          STRUCT('medium' AS field, 'organic' AS value, 10 AS position, 'any' AS role, 21 AS condition),
                          STRUCT('medium' AS field, 'referral' AS value, 11 AS position, 'all' AS role, 22 AS condition),
                          STRUCT('medium' AS field, 'app' AS value, 11 AS position, 'all' AS role, 22 AS condition),
                          STRUCT('medium' AS field, 'link' AS value, 11 AS position, 'all' AS role, 22 AS condition),
                          STRUCT('source' AS field, 'email' AS value, 12 AS position, 'any' AS role, 23 AS condition),
                          STRUCT('source' AS field, 'e-mail' AS value, 12 AS position, 'any' AS role, 23 AS condition),
                          STRUCT('source' AS field, 'e_mail' AS value, 12 AS position, 'any' AS role, 23 AS condition),
                          STRUCT('source' AS field, 'e mail' AS value, 12 AS position, 'any' AS role, 23 AS condition),
                          STRUCT('medium' AS field, 'email' AS value, 12 AS position, 'any' AS role, 24 AS condition),
                          STRUCT('medium' AS field, 'e-mail' AS value, 12 AS position, 'any' AS role, 24 AS condition),
                          STRUCT('medium' AS field, 'e_mail' AS value, 12 AS position, 'any' AS role, 24 AS condition),
                          STRUCT('medium' AS field, 'e mail' AS value, 12 AS position, 'any' AS role, 24 AS condition),
                          STRUCT('medium' AS field, 'affiliate' AS value, 13 AS position, 'all' AS role, 25 AS condition),
                          STRUCT('source' AS field, 'sms' AS value, 14 AS position, 'any' AS role, 26 AS condition),
                          STRUCT('medium' AS field, 'sms' AS value, 14 AS position, 'any' AS role, 27 AS condition)
                        ]) AS t12
                          ON `t95`.`field` = `t12`.`field` AND `t95`.`value` = `t12`.`value`
                      ) AS `t98`
                      UNION DISTINCT
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t91`.`k_source`,
                          `t91`.`k_medium`,
                          `t91`.`k_campaign`,
                          `t13`.`position`,
                          `t13`.`role`,
                          `t13`.`condition`
                        FROM (
                          SELECT
                            COALESCE(`t77`.`source`, '') AS `k_source`,
                            COALESCE(`t77`.`medium`, '') AS `k_medium`,
                            COALESCE(`t77`.`campaign`, '') AS `k_campaign`
                          FROM `attribution_touchpoints__t76` AS `t77`
                          WHERE
                            REGEXP_CONTAINS(`t77`.`campaign`, '^(.*(([^a-df-z]|^)shop|shopping).*)$')
                        ) AS `t91`
                        CROSS JOIN UNNEST([
                          STRUCT(1 AS position, 'any' AS role, 5 AS condition),
                          STRUCT(7 AS position, 'any' AS role, 15 AS condition)
                        ]) AS t13
                      ) AS `t96`
                    ) AS `t99`
                    UNION DISTINCT
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t88`.`k_source`,
                          `t88`.`k_medium`,
                          `t88`.`k_campaign`,
                          `t14`.`position`,
                          `t14`.`role`,
                          `t14`.`condition`
                        FROM (
                          SELECT
                            COALESCE(`t77`.`source`, '') AS `k_source`,
                            COALESCE(`t77`.`medium`, '') AS `k_medium`,
                            COALESCE(`t77`.`campaign`, '') AS `k_campaign`
                          FROM `attribution_touchpoints__t76` AS `t77`
                          WHERE
                            REGEXP_CONTAINS(`t77`.`medium`, '^(.*cp.*|ppc|retargeting|paid.*)$')
                        ) AS `t88`
                        CROSS JOIN UNNEST([
                          STRUCT(1 AS position, 'all' AS role, 3 AS condition),
                          STRUCT(2 AS position, 'all' AS role, 7 AS condition),
                          STRUCT(3 AS position, 'all' AS role, 9 AS condition),
                          STRUCT(4 AS position, 'all' AS role, 11 AS condition),
                          STRUCT(6 AS position, 'all' AS role, 13 AS condition)
                        ]) AS t14
                      ) AS `t93`
                      UNION DISTINCT
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t89`.`k_source`,
                          `t89`.`k_medium`,
                          `t89`.`k_campaign`,
                          `t15`.`position`,
                          `t15`.`role`,
                          `t15`.`condition`
                        FROM (
                          SELECT
                            COALESCE(`t77`.`source`, '') AS `k_source`,
                            COALESCE(`t77`.`medium`, '') AS `k_medium`,
                            COALESCE(`t77`.`campaign`, '') AS `k_campaign`
                          FROM `attribution_touchpoints__t76` AS `t77`
                          WHERE
                            REGEXP_CONTAINS(`t77`.`medium`, '^(.*video.*)$')
                        ) AS `t89`
                        CROSS JOIN UNNEST([STRUCT(9 AS position, 'any' AS role, 19 AS condition)]) AS t15
                      ) AS `t94`
                    ) AS `t97`
                  ) AS `t100`
                  GROUP BY
                    1,
                    2,
                    3,
                    4
                ) AS `t102`
                INNER JOIN UNNEST([
                  STRUCT(0 AS position, 'Direct' AS channel, 2 AS all_count, 0 AS any_count),
                  STRUCT(1 AS position, 'Paid Shopping' AS channel, 1 AS all_count, 2 AS any_count),
                  STRUCT(2 AS position, 'Paid Search' AS channel, 2 AS all_count, 0 AS any_count),
                  STRUCT(3 AS position, 'Paid Social' AS channel, 2 AS all_count, 0 AS any_count),
                  STRUCT(4 AS position, 'Paid Video' AS channel, 2 AS all_count, 0 AS any_count),
                  STRUCT(5 AS position, 'Display' AS channel, 1 AS all_count, 0 AS any_count),
                  STRUCT(6 AS position, 'Paid Other' AS channel, 1 AS all_count, 0 AS any_count),
                  STRUCT(7 AS position, 'Organic Shopping' AS channel, 0 AS all_count, 2 AS any_count),
                  STRUCT(8 AS position, 'Organic Social' AS channel, 0 AS all_count, 2 AS any_count),
                  STRUCT(9 AS position, 'Organic Video' AS channel, 0 AS all_count, 2 AS any_count),
                  STRUCT(10 AS position, 'Organic Search' AS channel, 0 AS all_count, 2 AS any_count),
                  STRUCT(11 AS position, 'Referral' AS channel, 1 AS all_count, 0 AS any_count),
                  STRUCT(12 AS position, 'Email' AS channel, 0 AS all_count, 2 AS any_count),
                  STRUCT(13 AS position, 'Affiliates' AS channel, 1 AS all_count, 0 AS any_count),
                  STRUCT(14 AS position, 'SMS' AS channel, 0 AS all_count, 2 AS any_count)
                ]) AS t11
                  ON `t102`.`position` = `t11`.`position`
              ) AS `t103`
              WHERE
                `t103`.`all_held` = `t103`.`all_count`
                AND (
                  (
                    `t103`.`any_count` = 0
                  ) OR (
                    `t103`.`any_held` > 0
                  )
                )
            ) AS `t104`
            GROUP BY
              1,
              2,
              3
          ) AS `t106`
          INNER JOIN UNNEST([
            STRUCT(0 AS position, 'Direct' AS channel, 2 AS all_count, 0 AS any_count),
            STRUCT(1 AS position, 'Paid Shopping' AS channel, 1 AS all_count, 2 AS any_count),
            STRUCT(2 AS position, 'Paid Search' AS channel, 2 AS all_count, 0 AS any_count),
            STRUCT(3 AS position, 'Paid Social' AS channel, 2 AS all_count, 0 AS any_count),
            STRUCT(4 AS position, 'Paid Video' AS channel, 2 AS all_count, 0 AS any_count),
            STRUCT(5 AS position, 'Display' AS channel, 1 AS all_count, 0 AS any_count),
            STRUCT(6 AS position, 'Paid Other' AS channel, 1 AS all_count, 0 AS any_count),
            STRUCT(7 AS position, 'Organic Shopping' AS channel, 0 AS all_count, 2 AS any_count),
            STRUCT(8 AS position, 'Organic Social' AS channel, 0 AS all_count, 2 AS any_count),
            STRUCT(9 AS position, 'Organic Video' AS channel, 0 AS all_count, 2 AS any_count),
            STRUCT(10 AS position, 'Organic Search' AS channel, 0 AS all_count, 2 AS any_count),
            STRUCT(11 AS position, 'Referral' AS channel, 1 AS all_count, 0 AS any_count),
            STRUCT(12 AS position, 'Email' AS channel, 0 AS all_count, 2 AS any_count),
            STRUCT(13 AS position, 'Affiliates' AS channel, 1 AS all_count, 0 AS any_count),
            STRUCT(14 AS position, 'SMS' AS channel, 0 AS all_count, 2 AS any_count)
          ]) AS t11
            ON `t106`.`position` = `t11`.`position`
        ) AS `t108`
          ON `t87`.`k_source` = `t108`.`k_source`
          AND `t87`.`k_medium` = `t108`.`k_medium`
          AND `t87`.`k_campaign` = `t108`.`k_campaign`
      ) AS `t110`
        ON COALESCE(`t79`.`source`, '') = `t110`.`k_source`
        AND COALESCE(`t79`.`medium`, '') = `t110`.`k_medium`
        AND COALESCE(`t79`.`campaign`, '') = `t110`.`k_campaign`
    ) AS `t111`
  ) AS `t113`
    ON COALESCE(`t29`.`landing_url`, '') = `t113`.`k__landing_url`
    AND COALESCE(`t29`.`referrer`, '') = `t113`.`k__referrer`
    AND COALESCE(`t29`.`utm_source`, '') = `t113`.`k__utm_source`
    AND COALESCE(`t29`.`utm_medium`, '') = `t113`.`k__utm_medium`
    AND COALESCE(`t29`.`utm_campaign`, '') = `t113`.`k__utm_campaign`
    AND COALESCE(`t29`.`utm_content`, '') = `t113`.`k__utm_content`
    AND COALESCE(`t29`.`utm_term`, '') = `t113`.`k__utm_term`
    AND (
      IF(`t29`.`landing_url` IS NULL, 1, 0) + IF(`t29`.`referrer` IS NULL, 2, 0) + IF(`t29`.`utm_source` IS NULL, 4, 0) + IF(`t29`.`utm_medium` IS NULL, 8, 0) + IF(`t29`.`utm_campaign` IS NULL, 16, 0) + IF(`t29`.`utm_content` IS NULL, 32, 0) + IF(`t29`.`utm_term` IS NULL, 64, 0)
    ) = `t113`.`k__nulls`
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
                  DATE(DATETIME(`t12`.`processed_at`, `t12`.`shop_timezone`)) AS `day`,
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
              AND `t10`.`at` >= TIMESTAMP_SUB(`t15`.`processed_at`, INTERVAL '168' HOUR)
              AND `t15`.`o_visitor` = `t10`.`tp_visitor`
          ) AS `t16`
          UNION DISTINCT
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
                  DATE(DATETIME(`t12`.`processed_at`, `t12`.`shop_timezone`)) AS `day`,
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
              AND `t10`.`at` >= TIMESTAMP_SUB(`t15`.`processed_at`, INTERVAL '168' HOUR)
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
      CAST(`t17`.`order_revenue` * 100 AS INT64) < 0,
      -(
        CAST(FLOOR(ieee_divide(ABS(CAST(`t17`.`order_revenue` * 100 AS INT64)), `t17`.`parts`)) AS INT64) + IF(
          `t17`.`part` < (
            MOD(ABS(CAST(`t17`.`order_revenue` * 100 AS INT64)), `t17`.`parts`)
          ),
          1,
          0
        )
      ),
      CAST(FLOOR(ieee_divide(ABS(CAST(`t17`.`order_revenue` * 100 AS INT64)), `t17`.`parts`)) AS INT64) + IF(
        `t17`.`part` < (
          MOD(ABS(CAST(`t17`.`order_revenue` * 100 AS INT64)), `t17`.`parts`)
        ),
        1,
        0
      )
    ) AS NUMERIC) * CAST('0.01' AS NUMERIC) AS `credited_revenue`,
    'linear' AS `model`
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
          DATE(DATETIME(`t11`.`processed_at`, `t11`.`shop_timezone`)) AS `day`,
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
        `t10`.`eligible_count` AS `parts`
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
)
SELECT
  `t22`.`month`,
  `t22`.`channel`,
  CAST(COALESCE(`t22`.`m__attributed_revenue__v1`, CAST('0.00' AS NUMERIC)) AS NUMERIC) AS `attributed_revenue`,
  CAST(COALESCE(`t22`.`m__attributed_orders__v1`, 0) AS INT64) AS `attributed_orders`
FROM (
  SELECT
    `t21`.`month`,
    `t21`.`channel`,
    SUM(`t21`.`m__attributed_revenue__v1`) AS `m__attributed_revenue__v1`,
    SUM(`t21`.`m__attributed_orders__v1`) AS `m__attributed_orders__v1`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC(`t0`.`day`, MONTH) AS DATETIME) AS DATE) AS `month`,
        `t0`.`channel`,
        `t0`.`credited_revenue` AS `m__attributed_revenue__v1`,
        1 AS `m__attributed_orders__v1`
      FROM `order_attribution` AS `t0`
    ) AS `t11`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC(`t19`.`day`, MONTH) AS DATETIME) AS DATE) AS `month`,
        `t19`.`channel`,
        -(
          CAST(IF(
            CAST(`t19`.`refund_total` * 100 AS INT64) < 0,
            -(
              CAST(FLOOR(ieee_divide(ABS(CAST(`t19`.`refund_total` * 100 AS INT64)), `t19`.`parts`)) AS INT64) + IF(
                `t19`.`part` < (
                  MOD(ABS(CAST(`t19`.`refund_total` * 100 AS INT64)), `t19`.`parts`)
                ),
                1,
                0
              )
            ),
            CAST(FLOOR(ieee_divide(ABS(CAST(`t19`.`refund_total` * 100 AS INT64)), `t19`.`parts`)) AS INT64) + IF(
              `t19`.`part` < (
                MOD(ABS(CAST(`t19`.`refund_total` * 100 AS INT64)), `t19`.`parts`)
              ),
              1,
              0
            )
          ) AS NUMERIC) * CAST('0.01' AS NUMERIC)
        ) AS `m__attributed_revenue__v1`,
        CAST(NULL AS INT64) AS `m__attributed_orders__v1`
      FROM (
        SELECT
          `t18`.`shop_id`,
          `t18`.`refund_id`,
          `t18`.`order_id`,
          `t18`.`processed_at`,
          `t18`.`amount`,
          `t18`.`shipping`,
          `t18`.`taxes`,
          `t18`.`_loaded_at`,
          `t18`.`duties`,
          `t18`.`shop_timezone`,
          `t18`.`taxes_included`,
          `t18`.`order_day`,
          `t18`.`day`,
          `t18`.`refund_total`,
          `t7`.`touchpoint_id`,
          `t7`.`source`,
          `t7`.`medium`,
          `t7`.`campaign`,
          `t7`.`channel`,
          `t7`.`platform`,
          `t7`.`is_direct`,
          `t7`.`is_paid`,
          `t7`.`part`,
          `t7`.`parts`
        FROM (
          SELECT
            `t16`.`shop_id`,
            `t16`.`refund_id`,
            `t16`.`order_id`,
            `t16`.`processed_at`,
            `t16`.`amount`,
            `t16`.`shipping`,
            `t16`.`taxes`,
            `t16`.`_loaded_at`,
            `t16`.`duties`,
            `t16`.`shop_timezone`,
            `t16`.`taxes_included`,
            `t16`.`order_day`,
            `t16`.`order_day` AS `day`,
            `t16`.`amount` + `t16`.`shipping` + IF(COALESCE(`t16`.`taxes_included`, FALSE), 0, `t16`.`taxes`) AS `refund_total`
          FROM (
            SELECT
              `t4`.`shop_id`,
              `t4`.`refund_id`,
              `t4`.`order_id`,
              `t4`.`processed_at`,
              `t4`.`amount`,
              `t4`.`shipping`,
              `t4`.`taxes`,
              `t4`.`_loaded_at`,
              `t4`.`duties`,
              `t15`.`shop_timezone`,
              `t15`.`taxes_included`,
              `t15`.`order_day`
            FROM `refunds` AS `t4`
            INNER JOIN (
              SELECT
                `t13`.`shop_id`,
                `t13`.`order_id`,
                `t13`.`shop_timezone`,
                `t13`.`taxes_included`,
                `t13`.`day` AS `order_day`
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
                  DATE(DATETIME(`t12`.`processed_at`, `t12`.`shop_timezone`)) AS `day`,
                  (
                    `t12`.`gross_sales` - `t12`.`discounts`
                  ) + `t12`.`shipping` + IF(COALESCE(`t12`.`taxes_included`, FALSE), 0, `t12`.`taxes`) AS `order_revenue`
                FROM (
                  SELECT
                    `t10`.`shop_id`,
                    `t10`.`order_id`,
                    `t10`.`customer_id`,
                    `t10`.`email`,
                    `t10`.`created_at`,
                    `t10`.`processed_at`,
                    `t10`.`financial_status`,
                    `t10`.`cancelled_at`,
                    `t10`.`is_test`,
                    `t10`.`gross_sales`,
                    `t10`.`discounts`,
                    `t10`.`shipping`,
                    `t10`.`taxes`,
                    `t10`.`visitor_id`,
                    `t10`.`landing_site`,
                    `t10`.`referring_site`,
                    `t10`.`_loaded_at`,
                    `t10`.`taxes_included`,
                    `t10`.`duties`,
                    `t9`.`shop_timezone`
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
                  ) AS `t10`
                  INNER JOIN (
                    SELECT
                      `t3`.`shop_id`,
                      `t3`.`timezone` AS `shop_timezone`
                    FROM `shops` AS `t3`
                  ) AS `t9`
                    ON `t10`.`shop_id` = `t9`.`shop_id`
                ) AS `t12`
              ) AS `t13`
            ) AS `t15`
              ON `t4`.`shop_id` = `t15`.`shop_id` AND `t4`.`order_id` = `t15`.`order_id`
          ) AS `t16`
        ) AS `t18`
        INNER JOIN (
          SELECT
            `t0`.`shop_id`,
            `t0`.`order_id`,
            `t0`.`touchpoint_id`,
            `t0`.`source`,
            `t0`.`medium`,
            `t0`.`campaign`,
            `t0`.`channel`,
            `t0`.`platform`,
            `t0`.`is_direct`,
            `t0`.`is_paid`,
            `t0`.`part`,
            `t0`.`parts`
          FROM `order_attribution` AS `t0`
        ) AS `t7`
          ON `t18`.`shop_id` = `t7`.`shop_id` AND `t18`.`order_id` = `t7`.`order_id`
      ) AS `t19`
    ) AS `t20`
  ) AS `t21`
  GROUP BY
    1,
    2
) AS `t22`
ORDER BY
  `t22`.`month` ASC NULLS LAST,
  `t22`.`channel` ASC NULLS LAST
