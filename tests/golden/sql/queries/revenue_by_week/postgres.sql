WITH "t9" AS (
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
      "t7"."shop_id",
      "t7"."order_id",
      "t7"."customer_id",
      "t7"."email",
      "t7"."created_at",
      "t7"."processed_at",
      "t7"."financial_status",
      "t7"."cancelled_at",
      "t7"."is_test",
      "t7"."gross_sales",
      "t7"."discounts",
      "t7"."shipping",
      "t7"."taxes",
      "t7"."visitor_id",
      "t7"."landing_site",
      "t7"."referring_site",
      "t7"."_loaded_at",
      "t7"."taxes_included",
      "t7"."duties",
      "t6"."shop_timezone"
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
    ) AS "t7"
    INNER JOIN (
      SELECT
        "t2"."shop_id",
        "t2"."timezone" AS "shop_timezone"
      FROM "shops" AS "t2"
    ) AS "t6"
      ON "t7"."shop_id" = "t6"."shop_id"
  ) AS "t8"
)
SELECT
  "t17"."week",
  CAST(COALESCE("t17"."m__revenue__v1", CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "revenue"
FROM (
  SELECT
    "t16"."week",
    SUM("t16"."m__revenue__v1") AS "m__revenue__v1"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('WEEK', "t10"."day") AS TIMESTAMP) AS DATE) AS "week",
        "t10"."order_revenue" AS "m__revenue__v1"
      FROM "t9" AS "t10"
    ) AS "t13"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('WEEK', "t14"."order_day") AS TIMESTAMP) AS DATE) AS "week",
        -(
          "t14"."amount" + "t14"."shipping" + CASE WHEN COALESCE("t14"."taxes_included", FALSE) THEN 0 ELSE "t14"."taxes" END
        ) AS "m__revenue__v1"
      FROM (
        SELECT
          "t3"."shop_id",
          "t3"."refund_id",
          "t3"."order_id",
          "t3"."processed_at",
          "t3"."amount",
          "t3"."shipping",
          "t3"."taxes",
          "t3"."_loaded_at",
          "t3"."duties",
          "t12"."shop_timezone",
          "t12"."taxes_included",
          "t12"."order_day"
        FROM "refunds" AS "t3"
        INNER JOIN (
          SELECT
            "t10"."shop_id",
            "t10"."order_id",
            "t10"."shop_timezone",
            "t10"."taxes_included",
            "t10"."day" AS "order_day"
          FROM "t9" AS "t10"
        ) AS "t12"
          ON "t3"."shop_id" = "t12"."shop_id" AND "t3"."order_id" = "t12"."order_id"
      ) AS "t14"
    ) AS "t15"
  ) AS "t16"
  GROUP BY
    1
) AS "t17"
ORDER BY
  "t17"."week" ASC
