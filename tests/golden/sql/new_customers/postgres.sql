SELECT
  "t20"."day",
  "t20"."shop_id",
  CAST(COALESCE("t20"."m__new_customers__v1", 0) AS BIGINT) AS "new_customers"
FROM (
  SELECT
    "t19"."day",
    "t19"."shop_id",
    SUM("t19"."m__new_customers__v1") AS "m__new_customers__v1"
  FROM (
    SELECT
      "t18"."day",
      "t18"."shop_id",
      1 AS "m__new_customers__v1"
    FROM (
      SELECT
        "t17"."shop_id",
        "t17"."customer_key",
        "t17"."first_order_at",
        "t17"."shop_timezone",
        DATE(TIMEZONE("t17"."shop_timezone", "t17"."first_order_at")) AS "day"
      FROM (
        SELECT
          "t16"."shop_id",
          "t16"."customer_key",
          MIN("t16"."processed_at") AS "first_order_at",
          MAX("t16"."shop_timezone") AS "shop_timezone"
        FROM (
          SELECT
            *
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
              COALESCE(
                'id:' || "t14"."customer_id",
                'id:' || "t11"."matched_customer_id",
                'email:' || "t14"."norm_email"
              ) AS "customer_key"
            FROM (
              SELECT
                "t12"."shop_id",
                "t12"."order_id",
                "t12"."customer_id",
                "t12"."email",
                "t12"."created_at",
                "t12"."processed_at",
                "t12"."financial_status",
                "t12"."cancelled_at",
                "t12"."is_test",
                "t12"."gross_sales",
                "t12"."discounts",
                "t12"."shipping",
                "t12"."taxes",
                "t12"."visitor_id",
                "t12"."landing_site",
                "t12"."referring_site",
                "t12"."_loaded_at",
                "t12"."taxes_included",
                "t12"."duties",
                "t12"."shop_timezone",
                "t12"."day",
                "t12"."order_revenue",
                NULLIF(LOWER(TRIM(' 	
' FROM "t12"."email")), '') AS "norm_email"
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
                  "t8"."shop_timezone",
                  DATE(TIMEZONE("t8"."shop_timezone", "t8"."processed_at")) AS "day",
                  (
                    "t8"."gross_sales" - "t8"."discounts"
                  ) + "t8"."shipping" + CASE WHEN COALESCE("t8"."taxes_included", FALSE) THEN 0 ELSE "t8"."taxes" END AS "order_revenue"
                FROM (
                  SELECT
                    "t6"."shop_id",
                    "t6"."order_id",
                    "t6"."customer_id",
                    "t6"."email",
                    "t6"."created_at",
                    "t6"."processed_at",
                    "t6"."financial_status",
                    "t6"."cancelled_at",
                    "t6"."is_test",
                    "t6"."gross_sales",
                    "t6"."discounts",
                    "t6"."shipping",
                    "t6"."taxes",
                    "t6"."visitor_id",
                    "t6"."landing_site",
                    "t6"."referring_site",
                    "t6"."_loaded_at",
                    "t6"."taxes_included",
                    "t6"."duties",
                    "t5"."shop_timezone"
                  FROM (
                    SELECT
                      *
                    FROM "orders" AS "t1"
                    WHERE
                      "t1"."financial_status" IN ('paid', 'partially_refunded', 'refunded')
                      AND NOT (
                        "t1"."is_test"
                      )
                      AND "t1"."cancelled_at" IS NULL
                  ) AS "t6"
                  INNER JOIN (
                    SELECT
                      "t2"."shop_id",
                      "t2"."timezone" AS "shop_timezone"
                    FROM "shops" AS "t2"
                  ) AS "t5"
                    ON "t6"."shop_id" = "t5"."shop_id"
                ) AS "t8"
              ) AS "t12"
              WHERE
                NOT (
                  "t12"."financial_status" IN ('refunded')
                )
            ) AS "t14"
            LEFT OUTER JOIN (
              SELECT
                *
              FROM (
                SELECT
                  "t7"."shop_id",
                  "t7"."norm_email",
                  COUNT(*) AS "matches",
                  MAX("t7"."customer_id") AS "matched_customer_id"
                FROM (
                  SELECT
                    "t0"."shop_id",
                    "t0"."customer_id",
                    "t0"."email",
                    "t0"."created_at",
                    "t0"."_loaded_at",
                    NULLIF(LOWER(TRIM(' 	
' FROM "t0"."email")), '') AS "norm_email"
                  FROM "customers" AS "t0"
                  WHERE
                    NULLIF(LOWER(TRIM(' 	
' FROM "t0"."email")), '') IS NOT NULL
                ) AS "t7"
                GROUP BY
                  1,
                  2
              ) AS "t9"
              WHERE
                "t9"."matches" = 1
            ) AS "t11"
              ON "t14"."shop_id" = "t11"."shop_id" AND "t14"."norm_email" = "t11"."norm_email"
          ) AS "t15"
          WHERE
            "t15"."customer_key" IS NOT NULL
        ) AS "t16"
        GROUP BY
          1,
          2
      ) AS "t17"
    ) AS "t18"
  ) AS "t19"
  GROUP BY
    1,
    2
) AS "t20"
ORDER BY
  "t20"."day" ASC,
  "t20"."shop_id" ASC
