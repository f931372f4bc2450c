SELECT
  `t25`.`day`,
  `t25`.`shop_id`,
  ieee_divide(
    CAST(`t25`.`m__paid_spend__v1` AS FLOAT64),
    NULLIF(CAST(`t25`.`m__new_customers__v1` AS FLOAT64), 0)
  ) AS `cac`
FROM (
  SELECT
    `t24`.`day`,
    `t24`.`shop_id`,
    CAST(COALESCE(`t24`.`m__paid_spend__v1`, CAST('0.00' AS NUMERIC)) AS NUMERIC) AS `m__paid_spend__v1`,
    CAST(COALESCE(`t24`.`m__new_customers__v1`, 0) AS INT64) AS `m__new_customers__v1`
  FROM (
    SELECT
      `t23`.`day`,
      `t23`.`shop_id`,
      SUM(`t23`.`m__paid_spend__v1`) AS `m__paid_spend__v1`,
      SUM(`t23`.`m__new_customers__v1`) AS `m__new_customers__v1`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t0`.`date` AS `day`,
          `t0`.`shop_id`,
          `t0`.`spend` AS `m__paid_spend__v1`,
          CAST(NULL AS INT64) AS `m__new_customers__v1`
        FROM `ad_spend` AS `t0`
        WHERE
          `t0`.`platform` IN ('meta', 'google')
      ) AS `t5`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t21`.`day`,
          `t21`.`shop_id`,
          CAST(NULL AS NUMERIC) AS `m__paid_spend__v1`,
          1 AS `m__new_customers__v1`
        FROM (
          SELECT
            `t20`.`shop_id`,
            `t20`.`customer_key`,
            `t20`.`first_order_at`,
            `t20`.`shop_timezone`,
            DATE(DATETIME(`t20`.`first_order_at`, `t20`.`shop_timezone`)) AS `day`
          FROM (
            SELECT
              `t19`.`shop_id`,
              `t19`.`customer_key`,
              MIN(`t19`.`processed_at`) AS `first_order_at`,
              MAX(`t19`.`shop_timezone`) AS `shop_timezone`
            FROM (
              SELECT
                *
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
                  `t17`.`shop_timezone`,
                  `t17`.`day`,
                  `t17`.`order_revenue`,
                  COALESCE(
                    CONCAT('id:', `t17`.`customer_id`),
                    CONCAT('id:', `t15`.`matched_customer_id`),
                    CONCAT('email:', `t17`.`norm_email`)
                  ) AS `customer_key`
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
                    `t12`.`day`,
                    `t12`.`order_revenue`,
                    NULLIF(
                      LOWER(
                        IF(
                          SUBSTRING(`t12`.`email`, IF((
                            0 + 1
                          ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t12`.`email`)), 1) IN (' ', '\t', '\n', '\r', '\v', '\f')
                          OR SUBSTRING(`t12`.`email`, -LEAST(LENGTH(`t12`.`email`), 1)) IN (' ', '\t', '\n', '\r', '\v', '\f'),
                          TRIM(`t12`.`email`, ' \t\n\r\v\f'),
                          `t12`.`email`
                        )
                      ),
                      ''
                    ) AS `norm_email`
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
                      `t9`.`shop_timezone`,
                      DATE(DATETIME(`t9`.`processed_at`, `t9`.`shop_timezone`)) AS `day`,
                      (
                        `t9`.`gross_sales` - `t9`.`discounts`
                      ) + `t9`.`shipping` + IF(COALESCE(`t9`.`taxes_included`, FALSE), 0, `t9`.`taxes`) AS `order_revenue`
                    FROM (
                      SELECT
                        `t8`.`shop_id`,
                        `t8`.`order_id`,
                        `t8`.`customer_id`,
                        `t8`.`email`,
                        `t8`.`created_at`,
                        `t8`.`processed_at`,
                        `t8`.`financial_status`,
                        `t8`.`cancelled_at`,
                        `t8`.`is_test`,
                        `t8`.`gross_sales`,
                        `t8`.`discounts`,
                        `t8`.`shipping`,
                        `t8`.`taxes`,
                        `t8`.`visitor_id`,
                        `t8`.`landing_site`,
                        `t8`.`referring_site`,
                        `t8`.`_loaded_at`,
                        `t8`.`taxes_included`,
                        `t8`.`duties`,
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
                      ) AS `t8`
                      INNER JOIN (
                        SELECT
                          `t3`.`shop_id`,
                          `t3`.`timezone` AS `shop_timezone`
                        FROM `shops` AS `t3`
                      ) AS `t7`
                        ON `t8`.`shop_id` = `t7`.`shop_id`
                    ) AS `t9`
                  ) AS `t12`
                  WHERE
                    NOT (
                      `t12`.`financial_status` IN ('refunded')
                    )
                ) AS `t17`
                LEFT OUTER JOIN (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t11`.`shop_id`,
                      `t11`.`norm_email`,
                      COUNT(*) AS `matches`,
                      MAX(`t11`.`customer_id`) AS `matched_customer_id`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t2`.`shop_id`,
                          `t2`.`customer_id`,
                          `t2`.`email`,
                          `t2`.`created_at`,
                          `t2`.`_loaded_at`,
                          NULLIF(
                            LOWER(
                              IF(
                                SUBSTRING(`t2`.`email`, IF((
                                  0 + 1
                                ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t2`.`email`)), 1) IN (' ', '\t', '\n', '\r', '\v', '\f')
                                OR SUBSTRING(`t2`.`email`, -LEAST(LENGTH(`t2`.`email`), 1)) IN (' ', '\t', '\n', '\r', '\v', '\f'),
                                TRIM(`t2`.`email`, ' \t\n\r\v\f'),
                                `t2`.`email`
                              )
                            ),
                            ''
                          ) AS `norm_email`
                        FROM `customers` AS `t2`
                      ) AS `t10`
                      WHERE
                        NOT `t10`.`norm_email` IS NULL
                    ) AS `t11`
                    GROUP BY
                      1,
                      2
                  ) AS `t13`
                  WHERE
                    `t13`.`matches` = 1
                ) AS `t15`
                  ON `t17`.`shop_id` = `t15`.`shop_id` AND `t17`.`norm_email` = `t15`.`norm_email`
              ) AS `t18`
              WHERE
                NOT `t18`.`customer_key` IS NULL
            ) AS `t19`
            GROUP BY
              1,
              2
          ) AS `t20`
        ) AS `t21`
      ) AS `t22`
    ) AS `t23`
    GROUP BY
      1,
      2
  ) AS `t24`
) AS `t25`
ORDER BY
  `t25`.`day` ASC NULLS LAST,
  `t25`.`shop_id` ASC NULLS LAST
