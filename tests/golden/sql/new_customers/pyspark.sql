SELECT
  `t21`.`day`,
  `t21`.`shop_id`,
  CAST(COALESCE(`t21`.`m__new_customers__v1`, 0) AS BIGINT) AS `new_customers`
FROM (
  SELECT
    `t20`.`day`,
    `t20`.`shop_id`,
    SUM(`t20`.`m__new_customers__v1`) AS `m__new_customers__v1`
  FROM (
    SELECT
      `t19`.`day`,
      `t19`.`shop_id`,
      1 AS `m__new_customers__v1`
    FROM (
      SELECT
        `t18`.`shop_id`,
        `t18`.`customer_key`,
        `t18`.`first_order_at`,
        `t18`.`shop_timezone`,
        CAST(FROM_UTC_TIMESTAMP(`t18`.`first_order_at`, `t18`.`shop_timezone`) AS DATE) AS `day`
      FROM (
        SELECT
          `t17`.`shop_id`,
          `t17`.`customer_key`,
          MIN(`t17`.`processed_at`) AS `first_order_at`,
          MAX(`t17`.`shop_timezone`) AS `shop_timezone`
        FROM (
          SELECT
            *
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
              `t15`.`shop_timezone`,
              `t15`.`day`,
              `t15`.`order_revenue`,
              COALESCE(
                CONCAT('id:', `t15`.`customer_id`),
                CONCAT('id:', `t13`.`matched_customer_id`),
                CONCAT('email:', `t15`.`norm_email`)
              ) AS `customer_key`
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
                `t10`.`shop_timezone`,
                `t10`.`day`,
                `t10`.`order_revenue`,
                NULLIF(
                  LOWER(
                    IF(
                      SUBSTRING(`t10`.`email`, IF((
                        0 + 1
                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t10`.`email`)), 1) IN (' ', '\t', '\n', '\r', '\013', '\014')
                      OR RIGHT(`t10`.`email`, 1) IN (' ', '\t', '\n', '\r', '\013', '\014'),
                      TRIM(' \t\n\r\013\014' FROM `t10`.`email`),
                      `t10`.`email`
                    )
                  ),
                  ''
                ) AS `norm_email`
              FROM (
                SELECT
                  `t7`.`shop_id`,
                  `t7`.`order_id`,
                  `t7`.`customer_id`,
                  `t7`.`email`,
                  `t7`.`created_at`,
                  `t7`.`processed_at`,
                  `t7`.`financial_status`,
                  `t7`.`cancelled_at`,
                  `t7`.`is_test`,
                  `t7`.`gross_sales`,
                  `t7`.`discounts`,
                  `t7`.`shipping`,
                  `t7`.`taxes`,
                  `t7`.`visitor_id`,
                  `t7`.`landing_site`,
                  `t7`.`referring_site`,
                  `t7`.`_loaded_at`,
                  `t7`.`taxes_included`,
                  `t7`.`duties`,
                  `t7`.`shop_timezone`,
                  CAST(FROM_UTC_TIMESTAMP(`t7`.`processed_at`, `t7`.`shop_timezone`) AS DATE) AS `day`,
                  (
                    `t7`.`gross_sales` - `t7`.`discounts`
                  ) + `t7`.`shipping` + IF(COALESCE(`t7`.`taxes_included`, FALSE), 0, `t7`.`taxes`) AS `order_revenue`
                FROM (
                  SELECT
                    `t6`.`shop_id`,
                    `t6`.`order_id`,
                    `t6`.`customer_id`,
                    `t6`.`email`,
                    `t6`.`created_at`,
                    `t6`.`processed_at`,
                    `t6`.`financial_status`,
                    `t6`.`cancelled_at`,
                    `t6`.`is_test`,
                    `t6`.`gross_sales`,
                    `t6`.`discounts`,
                    `t6`.`shipping`,
                    `t6`.`taxes`,
                    `t6`.`visitor_id`,
                    `t6`.`landing_site`,
                    `t6`.`referring_site`,
                    `t6`.`_loaded_at`,
                    `t6`.`taxes_included`,
                    `t6`.`duties`,
                    `t5`.`shop_timezone`
                  FROM (
                    SELECT
                      *
                    FROM `orders` AS `t0`
                    WHERE
                      `t0`.`financial_status` IN ('paid', 'partially_refunded', 'refunded')
                      AND NOT (
                        `t0`.`is_test`
                      )
                      AND `t0`.`cancelled_at` IS NULL
                  ) AS `t6`
                  INNER JOIN (
                    SELECT
                      `t2`.`shop_id`,
                      `t2`.`timezone` AS `shop_timezone`
                    FROM `shops` AS `t2`
                  ) AS `t5`
                    ON `t6`.`shop_id` = `t5`.`shop_id`
                ) AS `t7`
              ) AS `t10`
              WHERE
                NOT (
                  `t10`.`financial_status` IN ('refunded')
                )
            ) AS `t15`
            LEFT OUTER JOIN (
              SELECT
                *
              FROM (
                SELECT
                  `t9`.`shop_id`,
                  `t9`.`norm_email`,
                  COUNT(*) AS `matches`,
                  MAX(`t9`.`customer_id`) AS `matched_customer_id`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t1`.`shop_id`,
                      `t1`.`customer_id`,
                      `t1`.`email`,
                      `t1`.`created_at`,
                      `t1`.`_loaded_at`,
                      NULLIF(
                        LOWER(
                          IF(
                            SUBSTRING(`t1`.`email`, IF((
                              0 + 1
                            ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t1`.`email`)), 1) IN (' ', '\t', '\n', '\r', '\013', '\014')
                            OR RIGHT(`t1`.`email`, 1) IN (' ', '\t', '\n', '\r', '\013', '\014'),
                            TRIM(' \t\n\r\013\014' FROM `t1`.`email`),
                            `t1`.`email`
                          )
                        ),
                        ''
                      ) AS `norm_email`
                    FROM `customers` AS `t1`
                  ) AS `t8`
                  WHERE
                    NOT `t8`.`norm_email` IS NULL
                ) AS `t9`
                GROUP BY
                  1,
                  2
              ) AS `t11`
              WHERE
                `t11`.`matches` = 1
            ) AS `t13`
              ON `t15`.`shop_id` = `t13`.`shop_id` AND `t15`.`norm_email` = `t13`.`norm_email`
          ) AS `t16`
          WHERE
            NOT `t16`.`customer_key` IS NULL
        ) AS `t17`
        GROUP BY
          1,
          2
      ) AS `t18`
    ) AS `t19`
  ) AS `t20`
  GROUP BY
    1,
    2
) AS `t21`
ORDER BY
  `t21`.`day` ASC NULLS LAST,
  `t21`.`shop_id` ASC NULLS LAST
