WITH "t11" AS (
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
  ) AS "t10"
)
SELECT
  "t21"."day",
  "t21"."shop_id",
  CAST("t21"."m__revenue__v1" AS DOUBLE) / NULLIF(CAST("t21"."m__paid_spend__v1" AS DOUBLE), 0) AS "mer"
FROM (
  SELECT
    "t20"."day",
    "t20"."shop_id",
    CAST(COALESCE("t20"."m__revenue__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "m__revenue__v1",
    CAST(COALESCE("t20"."m__paid_spend__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "m__paid_spend__v1"
  FROM (
    SELECT
      "t19"."day",
      "t19"."shop_id",
      SUM("t19"."m__revenue__v1") AS "m__revenue__v1",
      SUM("t19"."m__paid_spend__v1") AS "m__paid_spend__v1"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t0"."date" AS "day",
          "t0"."shop_id",
          CAST(NULL AS DECIMAL(18, 2)) AS "m__revenue__v1",
          "t0"."spend" AS "m__paid_spend__v1"
        FROM "ad_spend" AS "t0"
        WHERE
          "t0"."platform" IN ('meta', 'google')
      ) AS "t6"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t12"."day",
            "t12"."shop_id",
            "t12"."order_revenue" AS "m__revenue__v1",
            CAST(NULL AS DECIMAL(18, 2)) AS "m__paid_spend__v1"
          FROM "t11" AS "t12"
        ) AS "t13"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t16"."order_day" AS "day",
            "t16"."shop_id",
            -(
              "t16"."amount" + "t16"."shipping" + CASE WHEN COALESCE("t16"."taxes_included", FALSE) THEN 0 ELSE "t16"."taxes" END
            ) AS "m__revenue__v1",
            CAST(NULL AS DECIMAL(18, 2)) AS "m__paid_spend__v1"
          FROM (
            SELECT
              "t4"."shop_id",
              "t4"."refund_id",
              "t4"."order_id",
              "t4"."processed_at",
              "t4"."amount",
              "t4"."shipping",
              "t4"."taxes",
              "t4"."_loaded_at",
              "t4"."duties",
              "t15"."shop_timezone",
              "t15"."taxes_included",
              "t15"."order_day"
            FROM "refunds" AS "t4"
            INNER JOIN (
              SELECT
                "t12"."shop_id",
                "t12"."order_id",
                "t12"."shop_timezone",
                "t12"."taxes_included",
                "t12"."day" AS "order_day"
              FROM "t11" AS "t12"
            ) AS "t15"
              ON "t4"."shop_id" = "t15"."shop_id" AND "t4"."order_id" = "t15"."order_id"
          ) AS "t16"
        ) AS "t17"
      ) AS "t18"
    ) AS "t19"
    GROUP BY
      1,
      2
  ) AS "t20"
) AS "t21"
ORDER BY
  "t21"."day" ASC,
  "t21"."shop_id" ASC
