WITH "t14" AS (
  SELECT
    "t11"."shop_id",
    "t11"."order_id",
    "t11"."customer_id",
    "t11"."email",
    "t11"."created_at",
    "t11"."processed_at",
    "t11"."financial_status",
    "t11"."cancelled_at",
    "t11"."is_test",
    "t11"."gross_sales",
    "t11"."discounts",
    "t11"."shipping",
    "t11"."taxes",
    "t11"."visitor_id",
    "t11"."landing_site",
    "t11"."referring_site",
    "t11"."_loaded_at",
    "t11"."taxes_included",
    "t11"."duties",
    "t11"."shop_timezone",
    CAST(TIMEZONE("t11"."shop_timezone", "t11"."processed_at") AS DATE) AS "day",
    (
      "t11"."gross_sales" - "t11"."discounts"
    ) + "t11"."shipping" + CASE WHEN COALESCE("t11"."taxes_included", FALSE) THEN 0 ELSE "t11"."taxes" END AS "order_revenue"
  FROM (
    SELECT
      "t9"."shop_id",
      "t9"."order_id",
      "t9"."customer_id",
      "t9"."email",
      "t9"."created_at",
      "t9"."processed_at",
      "t9"."financial_status",
      "t9"."cancelled_at",
      "t9"."is_test",
      "t9"."gross_sales",
      "t9"."discounts",
      "t9"."shipping",
      "t9"."taxes",
      "t9"."visitor_id",
      "t9"."landing_site",
      "t9"."referring_site",
      "t9"."_loaded_at",
      "t9"."taxes_included",
      "t9"."duties",
      "t8"."shop_timezone"
    FROM (
      SELECT
        *
      FROM "orders" AS "t2"
      WHERE
        "t2"."financial_status" IN ('paid', 'partially_refunded', 'refunded')
        AND NOT (
          "t2"."is_test"
        )
        AND "t2"."cancelled_at" IS NULL
    ) AS "t9"
    INNER JOIN (
      SELECT
        "t3"."shop_id",
        "t3"."timezone" AS "shop_timezone"
      FROM "shops" AS "t3"
    ) AS "t8"
      ON "t9"."shop_id" = "t8"."shop_id"
  ) AS "t11"
)
SELECT
  "t34"."month",
  "t34"."shop_id",
  CAST(COALESCE("t34"."m__revenue__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "revenue",
  CAST(COALESCE("t34"."m__orders__v1", 0) AS BIGINT) AS "orders",
  CAST(CAST(COALESCE("t34"."m__revenue__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(CAST(CAST(COALESCE("t34"."m__orders__v1", 0) AS BIGINT) AS DOUBLE), 0) AS "aov",
  CAST(COALESCE("t34"."m__paid_spend__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "paid_spend",
  CAST(CAST(COALESCE("t34"."m__revenue__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(
    CAST(CAST(COALESCE("t34"."m__paid_spend__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE),
    0
  ) AS "mer",
  CAST(COALESCE("t34"."m__new_customers__v1", 0) AS BIGINT) AS "new_customers",
  CAST(CAST(COALESCE("t34"."m__paid_spend__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS DOUBLE) / NULLIF(CAST(CAST(COALESCE("t34"."m__new_customers__v1", 0) AS BIGINT) AS DOUBLE), 0) AS "cac"
FROM (
  SELECT
    "t33"."month",
    "t33"."shop_id",
    SUM("t33"."m__revenue__v1") AS "m__revenue__v1",
    SUM("t33"."m__orders__v1") AS "m__orders__v1",
    SUM("t33"."m__paid_spend__v1") AS "m__paid_spend__v1",
    SUM("t33"."m__new_customers__v1") AS "m__new_customers__v1"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', "t15"."day") AS TIMESTAMP) AS DATE) AS "month",
          "t15"."shop_id",
          "t15"."order_revenue" AS "m__revenue__v1",
          1 AS "m__orders__v1",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__paid_spend__v1",
          CAST(NULL AS BIGINT) AS "m__new_customers__v1"
        FROM "t14" AS "t15"
      ) AS "t21"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', "t22"."order_day") AS TIMESTAMP) AS DATE) AS "month",
          "t22"."shop_id",
          -(
            "t22"."amount" + "t22"."shipping" + CASE WHEN COALESCE("t22"."taxes_included", FALSE) THEN 0 ELSE "t22"."taxes" END
          ) AS "m__revenue__v1",
          CAST(NULL AS BIGINT) AS "m__orders__v1",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__paid_spend__v1",
          CAST(NULL AS BIGINT) AS "m__new_customers__v1"
        FROM (
          SELECT
            "t5"."shop_id",
            "t5"."refund_id",
            "t5"."order_id",
            "t5"."processed_at",
            "t5"."amount",
            "t5"."shipping",
            "t5"."taxes",
            "t5"."_loaded_at",
            "t5"."duties",
            "t18"."shop_timezone",
            "t18"."taxes_included",
            "t18"."order_day"
          FROM "refunds" AS "t5"
          INNER JOIN (
            SELECT
              "t15"."shop_id",
              "t15"."order_id",
              "t15"."shop_timezone",
              "t15"."taxes_included",
              "t15"."day" AS "order_day"
            FROM "t14" AS "t15"
          ) AS "t18"
            ON "t5"."shop_id" = "t18"."shop_id" AND "t5"."order_id" = "t18"."order_id"
        ) AS "t22"
      ) AS "t25"
    ) AS "t27"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', "t0"."date") AS TIMESTAMP) AS DATE) AS "month",
          "t0"."shop_id",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__revenue__v1",
          CAST(NULL AS BIGINT) AS "m__orders__v1",
          "t0"."spend" AS "m__paid_spend__v1",
          CAST(NULL AS BIGINT) AS "m__new_customers__v1"
        FROM "ad_spend" AS "t0"
        WHERE
          "t0"."platform" IN ('meta', 'google')
      ) AS "t10"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          CAST(CAST(DATE_TRUNC('MONTH', "t30"."day") AS TIMESTAMP) AS DATE) AS "month",
          "t30"."shop_id",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__revenue__v1",
          CAST(NULL AS BIGINT) AS "m__orders__v1",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__paid_spend__v1",
          1 AS "m__new_customers__v1"
        FROM (
          SELECT
            "t29"."shop_id",
            "t29"."customer_key",
            "t29"."first_order_at",
            "t29"."shop_timezone",
            CAST(TIMEZONE("t29"."shop_timezone", "t29"."first_order_at") AS DATE) AS "day"
          FROM (
            SELECT
              "t28"."shop_id",
              "t28"."customer_key",
              MIN("t28"."processed_at") AS "first_order_at",
              MAX("t28"."shop_timezone") AS "shop_timezone"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t24"."shop_id",
                  "t24"."order_id",
                  "t24"."customer_id",
                  "t24"."email",
                  "t24"."created_at",
                  "t24"."processed_at",
                  "t24"."financial_status",
                  "t24"."cancelled_at",
                  "t24"."is_test",
                  "t24"."gross_sales",
                  "t24"."discounts",
                  "t24"."shipping",
                  "t24"."taxes",
                  "t24"."visitor_id",
                  "t24"."landing_site",
                  "t24"."referring_site",
                  "t24"."_loaded_at",
                  "t24"."taxes_included",
                  "t24"."duties",
                  "t24"."shop_timezone",
                  "t24"."day",
                  "t24"."order_revenue",
                  COALESCE(
                    'id:' || "t24"."customer_id",
                    'id:' || "t20"."matched_customer_id",
                    'email:' || "t24"."norm_email"
                  ) AS "customer_key"
                FROM (
                  SELECT
                    "t15"."shop_id",
                    "t15"."order_id",
                    "t15"."customer_id",
                    "t15"."email",
                    "t15"."created_at",
                    "t15"."processed_at",
                    "t15"."financial_status",
                    "t15"."cancelled_at",
                    "t15"."is_test",
                    "t15"."gross_sales",
                    "t15"."discounts",
                    "t15"."shipping",
                    "t15"."taxes",
                    "t15"."visitor_id",
                    "t15"."landing_site",
                    "t15"."referring_site",
                    "t15"."_loaded_at",
                    "t15"."taxes_included",
                    "t15"."duties",
                    "t15"."shop_timezone",
                    "t15"."day",
                    "t15"."order_revenue",
                    NULLIF(
                      LOWER(
                        CASE
                          WHEN SUBSTRING(
                            "t15"."email",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t15"."email") END,
                            1
                          ) IN (' ', '	', '
', '', '', '')
                          OR RIGHT("t15"."email", 1) IN (' ', '	', '
', '', '', '')
                          THEN TRIM("t15"."email", ' 	
')
                          ELSE "t15"."email"
                        END
                      ),
                      ''
                    ) AS "norm_email"
                  FROM "t14" AS "t15"
                  WHERE
                    NOT (
                      "t15"."financial_status" IN ('refunded')
                    )
                ) AS "t24"
                LEFT OUTER JOIN (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t13"."shop_id",
                      "t13"."norm_email",
                      COUNT(*) AS "matches",
                      MAX("t13"."customer_id") AS "matched_customer_id"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t4"."shop_id",
                          "t4"."customer_id",
                          "t4"."email",
                          "t4"."created_at",
                          "t4"."_loaded_at",
                          NULLIF(
                            LOWER(
                              CASE
                                WHEN SUBSTRING(
                                  "t4"."email",
                                  CASE WHEN (
                                    0 + 1
                                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t4"."email") END,
                                  1
                                ) IN (' ', '	', '
', '', '', '')
                                OR RIGHT("t4"."email", 1) IN (' ', '	', '
', '', '', '')
                                THEN TRIM("t4"."email", ' 	
')
                                ELSE "t4"."email"
                              END
                            ),
                            ''
                          ) AS "norm_email"
                        FROM "customers" AS "t4"
                      ) AS "t12"
                      WHERE
                        NOT "t12"."norm_email" IS NULL
                    ) AS "t13"
                    GROUP BY
                      1,
                      2
                  ) AS "t16"
                  WHERE
                    "t16"."matches" = 1
                ) AS "t20"
                  ON "t24"."shop_id" = "t20"."shop_id" AND "t24"."norm_email" = "t20"."norm_email"
              ) AS "t26"
              WHERE
                NOT "t26"."customer_key" IS NULL
            ) AS "t28"
            GROUP BY
              1,
              2
          ) AS "t29"
        ) AS "t30"
      ) AS "t31"
    ) AS "t32"
  ) AS "t33"
  GROUP BY
    1,
    2
) AS "t34"
ORDER BY
  "t34"."month" ASC,
  "t34"."shop_id" ASC
