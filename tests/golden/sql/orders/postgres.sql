SELECT
  "t9"."day",
  "t9"."shop_id",
  CAST(COALESCE("t9"."m__orders__v1", 0) AS BIGINT) AS "orders"
FROM (
  SELECT
    "t8"."day",
    "t8"."shop_id",
    SUM("t8"."m__orders__v1") AS "m__orders__v1"
  FROM (
    SELECT
      "t7"."day",
      "t7"."shop_id",
      1 AS "m__orders__v1"
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
        "t6"."shop_timezone",
        DATE(TIMEZONE("t6"."shop_timezone", "t6"."processed_at")) AS "day",
        (
          "t6"."gross_sales" - "t6"."discounts"
        ) + "t6"."shipping" + CASE WHEN COALESCE("t6"."taxes_included", FALSE) THEN 0 ELSE "t6"."taxes" END AS "order_revenue"
      FROM (
        SELECT
          "t5"."shop_id",
          "t5"."order_id",
          "t5"."customer_id",
          "t5"."email",
          "t5"."created_at",
          "t5"."processed_at",
          "t5"."financial_status",
          "t5"."cancelled_at",
          "t5"."is_test",
          "t5"."gross_sales",
          "t5"."discounts",
          "t5"."shipping",
          "t5"."taxes",
          "t5"."visitor_id",
          "t5"."landing_site",
          "t5"."referring_site",
          "t5"."_loaded_at",
          "t5"."taxes_included",
          "t5"."duties",
          "t4"."shop_timezone"
        FROM (
          SELECT
            *
          FROM "orders" AS "t0"
          WHERE
            "t0"."financial_status" IN ('paid', 'partially_refunded', 'refunded')
            AND NOT (
              "t0"."is_test"
            )
            AND "t0"."cancelled_at" IS NULL
        ) AS "t5"
        INNER JOIN (
          SELECT
            "t1"."shop_id",
            "t1"."timezone" AS "shop_timezone"
          FROM "shops" AS "t1"
        ) AS "t4"
          ON "t5"."shop_id" = "t4"."shop_id"
      ) AS "t6"
    ) AS "t7"
  ) AS "t8"
  GROUP BY
    1,
    2
) AS "t9"
ORDER BY
  "t9"."day" ASC,
  "t9"."shop_id" ASC
