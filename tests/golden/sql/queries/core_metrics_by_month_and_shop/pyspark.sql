WITH `t15` AS (
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
      `t8`.`shop_timezone`
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
    ) AS `t9`
    INNER JOIN (
      SELECT
        `t3`.`shop_id`,
        `t3`.`timezone` AS `shop_timezone`
      FROM `shops` AS `t3`
    ) AS `t8`
      ON `t9`.`shop_id` = `t8`.`shop_id`
  ) AS `t12`
)
SELECT
  `t33`.`month`,
  `t33`.`shop_id`,
  CAST(COALESCE(`t33`.`m__revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS `revenue`,
  CAST(COALESCE(`t33`.`m__orders__v1`, 0) AS BIGINT) AS `orders`,
  CAST(CAST(COALESCE(`t33`.`m__revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(CAST(CAST(COALESCE(`t33`.`m__orders__v1`, 0) AS BIGINT) AS DOUBLE), 0) AS `aov`,
  CAST(COALESCE(`t33`.`m__paid_spend__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS `paid_spend`,
  CAST(CAST(COALESCE(`t33`.`m__revenue__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(
    CAST(CAST(COALESCE(`t33`.`m__paid_spend__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE),
    0
  ) AS `mer`,
  CAST(COALESCE(`t33`.`m__new_customers__v1`, 0) AS BIGINT) AS `new_customers`,
  CAST(CAST(COALESCE(`t33`.`m__paid_spend__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(CAST(CAST(COALESCE(`t33`.`m__new_customers__v1`, 0) AS BIGINT) AS DOUBLE), 0) AS `cac`
FROM (
  SELECT
    `t32`.`month`,
    `t32`.`shop_id`,
    SUM(`t32`.`m__revenue__v1`) AS `m__revenue__v1`,
    SUM(`t32`.`m__orders__v1`) AS `m__orders__v1`,
    SUM(`t32`.`m__paid_spend__v1`) AS `m__paid_spend__v1`,
    SUM(`t32`.`m__new_customers__v1`) AS `m__new_customers__v1`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', `t17`.`day`) AS TIMESTAMP) AS DATE) AS `month`,
          `t17`.`shop_id`,
          `t17`.`order_revenue` AS `m__revenue__v1`,
          1 AS `m__orders__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_spend__v1`,
          CAST(NULL AS BIGINT) AS `m__new_customers__v1`
        FROM `t15` AS `t17`
      ) AS `t20`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', `t23`.`order_day`) AS TIMESTAMP) AS DATE) AS `month`,
          `t23`.`shop_id`,
          -(
            `t23`.`amount` + `t23`.`shipping` + IF(COALESCE(`t23`.`taxes_included`, FALSE), 0, `t23`.`taxes`)
          ) AS `m__revenue__v1`,
          CAST(NULL AS BIGINT) AS `m__orders__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_spend__v1`,
          CAST(NULL AS BIGINT) AS `m__new_customers__v1`
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
            FROM `t15` AS `t17`
          ) AS `t19`
            ON `t5`.`shop_id` = `t19`.`shop_id` AND `t5`.`order_id` = `t19`.`order_id`
        ) AS `t23`
      ) AS `t25`
    ) AS `t27`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', `t0`.`date`) AS TIMESTAMP) AS DATE) AS `month`,
          `t0`.`shop_id`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__revenue__v1`,
          CAST(NULL AS BIGINT) AS `m__orders__v1`,
          `t0`.`spend` AS `m__paid_spend__v1`,
          CAST(NULL AS BIGINT) AS `m__new_customers__v1`
        FROM `ad_spend` AS `t0`
        WHERE
          `t0`.`platform` IN ('meta', 'google')
      ) AS `t10`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', `t29`.`day`) AS TIMESTAMP) AS DATE) AS `month`,
          `t29`.`shop_id`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__revenue__v1`,
          CAST(NULL AS BIGINT) AS `m__orders__v1`,
          CAST(NULL AS DECIMAL(18, 2)) AS `m__paid_spend__v1`,
          1 AS `m__new_customers__v1`
        FROM (
          SELECT
            `t28`.`shop_id`,
            `t28`.`customer_key`,
            `t28`.`first_order_at`,
            `t28`.`shop_timezone`,
            CAST(FROM_UTC_TIMESTAMP(`t28`.`first_order_at`, `t28`.`shop_timezone`) AS DATE) AS `day`
          FROM (
            SELECT
              `t26`.`shop_id`,
              `t26`.`customer_key`,
              MIN(`t26`.`processed_at`) AS `first_order_at`,
              MAX(`t26`.`shop_timezone`) AS `shop_timezone`
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t22`.`shop_id`,
                  `t22`.`order_id`,
                  `t22`.`customer_id`,
                  `t22`.`email`,
                  `t22`.`created_at`,
                  `t22`.`processed_at`,
                  `t22`.`financial_status`,
                  `t22`.`cancelled_at`,
                  `t22`.`is_test`,
                  `t22`.`gross_sales`,
                  `t22`.`discounts`,
                  `t22`.`shipping`,
                  `t22`.`taxes`,
                  `t22`.`visitor_id`,
                  `t22`.`landing_site`,
                  `t22`.`referring_site`,
                  `t22`.`_loaded_at`,
                  `t22`.`taxes_included`,
                  `t22`.`duties`,
                  `t22`.`shop_timezone`,
                  `t22`.`day`,
                  `t22`.`order_revenue`,
                  COALESCE(
                    CONCAT('id:', `t22`.`customer_id`),
                    CONCAT('id:', `t16`.`matched_customer_id`),
                    CONCAT('email:', `t22`.`norm_email`)
                  ) AS `customer_key`
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
                    NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t17`.`email`)), '') AS `norm_email`
                  FROM `t15` AS `t17`
                  WHERE
                    NOT (
                      `t17`.`financial_status` IN ('refunded')
                    )
                ) AS `t22`
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
                        `t4`.`shop_id`,
                        `t4`.`customer_id`,
                        `t4`.`email`,
                        `t4`.`created_at`,
                        `t4`.`_loaded_at`,
                        NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t4`.`email`)), '') AS `norm_email`
                      FROM `customers` AS `t4`
                      WHERE
                        NOT NULLIF(LOWER(TRIM(' \t\n\r\013\014' FROM `t4`.`email`)), '') IS NULL
                    ) AS `t11`
                    GROUP BY
                      1,
                      2
                  ) AS `t13`
                  WHERE
                    `t13`.`matches` = 1
                ) AS `t16`
                  ON `t22`.`shop_id` = `t16`.`shop_id` AND `t22`.`norm_email` = `t16`.`norm_email`
              ) AS `t24`
              WHERE
                NOT `t24`.`customer_key` IS NULL
            ) AS `t26`
            GROUP BY
              1,
              2
          ) AS `t28`
        ) AS `t29`
      ) AS `t30`
    ) AS `t31`
  ) AS `t32`
  GROUP BY
    1,
    2
) AS `t33`
ORDER BY
  `t33`.`month` ASC NULLS LAST,
  `t33`.`shop_id` ASC NULLS LAST
