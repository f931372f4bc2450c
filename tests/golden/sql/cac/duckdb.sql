SELECT
  "t24"."day",
  "t24"."shop_id",
  CAST("t24"."m__paid_spend__v1" AS DOUBLE) / NULLIF(CAST("t24"."m__new_customers__v1" AS DOUBLE), 0) AS "cac"
FROM (
  SELECT
    "t23"."day",
    "t23"."shop_id",
    CAST(COALESCE("t23"."m__paid_spend__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "m__paid_spend__v1",
    CAST(COALESCE("t23"."m__new_customers__v1", 0) AS BIGINT) AS "m__new_customers__v1"
  FROM (
    SELECT
      "t22"."day",
      "t22"."shop_id",
      SUM("t22"."m__paid_spend__v1") AS "m__paid_spend__v1",
      SUM("t22"."m__new_customers__v1") AS "m__new_customers__v1"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t0"."date" AS "day",
          "t0"."shop_id",
          "t0"."spend" AS "m__paid_spend__v1",
          CAST(NULL AS BIGINT) AS "m__new_customers__v1"
        FROM "ad_spend" AS "t0"
        WHERE
          "t0"."platform" IN ('meta', 'google')
      ) AS "t5"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t20"."day",
          "t20"."shop_id",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__paid_spend__v1",
          1 AS "m__new_customers__v1"
        FROM (
          SELECT
            "t19"."shop_id",
            "t19"."customer_key",
            "t19"."first_order_at",
            "t19"."shop_timezone",
            CAST(TIMEZONE("t19"."shop_timezone", "t19"."first_order_at") AS DATE) AS "day"
          FROM (
            SELECT
              "t18"."shop_id",
              "t18"."customer_key",
              MIN("t18"."processed_at") AS "first_order_at",
              MAX("t18"."shop_timezone") AS "shop_timezone"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t16"."shop_id",
                  "t16"."order_id",
                  "t16"."customer_id",
                  "t16"."email",
                  "t16"."created_at",
                  "t16"."processed_at",
                  "t16"."financial_status",
                  "t16"."cancelled_at",
                  "t16"."is_test",
                  "t16"."gross_sales",
                  "t16"."discounts",
                  "t16"."shipping",
                  "t16"."taxes",
                  "t16"."visitor_id",
                  "t16"."landing_site",
                  "t16"."referring_site",
                  "t16"."_loaded_at",
                  "t16"."taxes_included",
                  "t16"."duties",
                  "t16"."shop_timezone",
                  "t16"."day",
                  "t16"."order_revenue",
                  COALESCE(
                    'id:' || "t16"."customer_id",
                    'id:' || "t13"."matched_customer_id",
                    'email:' || "t16"."norm_email"
                  ) AS "customer_key"
                FROM (
                  SELECT
                    "t14"."shop_id",
                    "t14"."order_id",
                    "t14"."customer_id",
                    "t14"."email",
                    "t14"."created_at",
                    "t14"."processed_at",
                    "t14"."financial_status",
                    "t14"."cancelled_at",
                    "t14"."is_test",
                    "t14"."gross_sales",
                    "t14"."discounts",
                    "t14"."shipping",
                    "t14"."taxes",
                    "t14"."visitor_id",
                    "t14"."landing_site",
                    "t14"."referring_site",
                    "t14"."_loaded_at",
                    "t14"."taxes_included",
                    "t14"."duties",
                    "t14"."shop_timezone",
                    "t14"."day",
                    "t14"."order_revenue",
                    NULLIF(LOWER(TRIM("t14"."email", ' 	
')), '') AS "norm_email"
                  FROM (
                    SELECT
                      "t10"."shop_id",
                      "t10"."order_id",
                      "t10"."customer_id",
                      "t10"."email",
                      "t10"."created_at",
                      "t10"."processed_at",
                      "t10"."financial_status",
                      "t10"."cancelled_at",
                      "t10"."is_test",
                      "t10"."gross_sales",
                      "t10"."discounts",
                      "t10"."shipping",
                      "t10"."taxes",
                      "t10"."visitor_id",
                      "t10"."landing_site",
                      "t10"."referring_site",
                      "t10"."_loaded_at",
                      "t10"."taxes_included",
                      "t10"."duties",
                      "t10"."shop_timezone",
                      CAST(TIMEZONE("t10"."shop_timezone", "t10"."processed_at") AS DATE) AS "day",
                      (
                        "t10"."gross_sales" - "t10"."discounts"
                      ) + "t10"."shipping" + CASE WHEN COALESCE("t10"."taxes_included", FALSE) THEN 0 ELSE "t10"."taxes" END AS "order_revenue"
                    FROM (
                      SELECT
                        "t8"."shop_id",
                        "t8"."order_id",
                        "t8"."customer_id",
                        "t8"."email",
                        "t8"."created_at",
                        "t8"."processed_at",
                        "t8"."financial_status",
                        "t8"."cancelled_at",
                        "t8"."is_test",
                        "t8"."gross_sales",
                        "t8"."discounts",
                        "t8"."shipping",
                        "t8"."taxes",
                        "t8"."visitor_id",
                        "t8"."landing_site",
                        "t8"."referring_site",
                        "t8"."_loaded_at",
                        "t8"."taxes_included",
                        "t8"."duties",
                        "t7"."shop_timezone"
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
                      ) AS "t8"
                      INNER JOIN (
                        SELECT
                          "t3"."shop_id",
                          "t3"."timezone" AS "shop_timezone"
                        FROM "shops" AS "t3"
                      ) AS "t7"
                        ON "t8"."shop_id" = "t7"."shop_id"
                    ) AS "t10"
                  ) AS "t14"
                  WHERE
                    NOT (
                      "t14"."financial_status" IN ('refunded')
                    )
                ) AS "t16"
                LEFT OUTER JOIN (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t9"."shop_id",
                      "t9"."norm_email",
                      COUNT(*) AS "matches",
                      MAX("t9"."customer_id") AS "matched_customer_id"
                    FROM (
                      SELECT
                        "t1"."shop_id",
                        "t1"."customer_id",
                        "t1"."email",
                        "t1"."created_at",
                        "t1"."_loaded_at",
                        NULLIF(LOWER(TRIM("t1"."email", ' 	
')), '') AS "norm_email"
                      FROM "customers" AS "t1"
                      WHERE
                        NOT NULLIF(LOWER(TRIM("t1"."email", ' 	
')), '') IS NULL
                    ) AS "t9"
                    GROUP BY
                      1,
                      2
                  ) AS "t11"
                  WHERE
                    "t11"."matches" = 1
                ) AS "t13"
                  ON "t16"."shop_id" = "t13"."shop_id" AND "t16"."norm_email" = "t13"."norm_email"
              ) AS "t17"
              WHERE
                NOT "t17"."customer_key" IS NULL
            ) AS "t18"
            GROUP BY
              1,
              2
          ) AS "t19"
        ) AS "t20"
      ) AS "t21"
    ) AS "t22"
    GROUP BY
      1,
      2
  ) AS "t23"
) AS "t24"
ORDER BY
  "t24"."day" ASC,
  "t24"."shop_id" ASC
