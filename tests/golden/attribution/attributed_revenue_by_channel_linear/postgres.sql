WITH "attribution_touchpoints__t17" AS (
  SELECT
    *
  FROM (
    SELECT
      "t0"."shop_id",
      CAST(NULL AS VARCHAR) AS "order_id",
      "t0"."session_id" AS "touchpoint_id",
      'session' AS "kind",
      "t0"."visitor_id",
      "t0"."customer_id",
      "t0"."started_at" AS "at",
      "t0"."landing_url",
      "t0"."referrer",
      "t0"."utm_source",
      "t0"."utm_medium",
      "t0"."utm_campaign",
      "t0"."utm_content",
      "t0"."utm_term"
    FROM "sessions" AS "t0"
  ) AS "t9"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t15"."shop_id",
      "t15"."order_id",
      'order:' || "t15"."order_id" AS "touchpoint_id",
      'order' AS "kind",
      "t15"."visitor_id",
      "t15"."customer_id",
      "t15"."processed_at" AS "at",
      "t15"."landing_site" AS "landing_url",
      "t15"."referring_site" AS "referrer",
      CAST(NULL AS VARCHAR) AS "utm_source",
      CAST(NULL AS VARCHAR) AS "utm_medium",
      CAST(NULL AS VARCHAR) AS "utm_campaign",
      CAST(NULL AS VARCHAR) AS "utm_content",
      CAST(NULL AS VARCHAR) AS "utm_term"
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
        DATE(TIMEZONE("t14"."shop_timezone", "t14"."processed_at")) AS "day",
        (
          "t14"."gross_sales" - "t14"."discounts"
        ) + "t14"."shipping" + CASE WHEN COALESCE("t14"."taxes_included", FALSE) THEN 0 ELSE "t14"."taxes" END AS "order_revenue"
      FROM (
        SELECT
          "t13"."shop_id",
          "t13"."order_id",
          "t13"."customer_id",
          "t13"."email",
          "t13"."created_at",
          "t13"."processed_at",
          "t13"."financial_status",
          "t13"."cancelled_at",
          "t13"."is_test",
          "t13"."gross_sales",
          "t13"."discounts",
          "t13"."shipping",
          "t13"."taxes",
          "t13"."visitor_id",
          "t13"."landing_site",
          "t13"."referring_site",
          "t13"."_loaded_at",
          "t13"."taxes_included",
          "t13"."duties",
          "t12"."shop_timezone"
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
        ) AS "t13"
        INNER JOIN (
          SELECT
            "t2"."shop_id",
            "t2"."timezone" AS "shop_timezone"
          FROM "shops" AS "t2"
        ) AS "t12"
          ON "t13"."shop_id" = "t12"."shop_id"
      ) AS "t14"
    ) AS "t15"
  ) AS "t16"
), "attribution_touchpoints__t24" AS (
  SELECT
    "t21"."referrer",
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          NULLIF(
            CASE
              WHEN REGEXP_REPLACE(
                LOWER(TRIM(' 	
' FROM "t21"."referrer")),
                '^[a-z][a-z0-9+.-]*:(//)?',
                '',
                'g'
              ) ~ (
                '(' || '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)' || ')'
              )
              THEN (
                REGEXP_MATCH(
                  REGEXP_REPLACE(
                    LOWER(TRIM(' 	
' FROM "t21"."referrer")),
                    '^[a-z][a-z0-9+.-]*:(//)?',
                    '',
                    'g'
                  ),
                  '(' || '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)' || ')'
                )
              )[2]
              ELSE NULL
            END,
            ''
          ),
          '^www\.',
          '',
          'g'
        ),
        '\.$',
        '',
        'g'
      ),
      ''
    ) AS "referrer_host"
  FROM (
    SELECT DISTINCT
      "t18"."referrer"
    FROM "attribution_touchpoints__t17" AS "t18"
    WHERE
      "t18"."referrer" IS NOT NULL
  ) AS "t21"
), "attribution_touchpoints__t27" AS (
  SELECT DISTINCT
    "t25"."referrer_host"
  FROM "attribution_touchpoints__t24" AS "t25"
  WHERE
    "t25"."referrer_host" IS NOT NULL
), "attribution_touchpoints__t60" AS (
  SELECT
    "t59"."shop_id",
    "t59"."order_id",
    "t59"."touchpoint_id",
    "t59"."kind",
    "t59"."visitor_id",
    "t59"."customer_id",
    "t59"."at",
    "t59"."landing_url",
    "t59"."referrer",
    "t59"."utm_source",
    "t59"."utm_medium",
    "t59"."utm_campaign",
    "t59"."utm_content",
    "t59"."utm_term",
    "t59"."u_utm_source",
    "t59"."u_utm_medium",
    "t59"."u_utm_campaign",
    "t59"."u_utm_content",
    "t59"."u_utm_term",
    "t59"."referrer_host",
    "t59"."classified_by",
    (
      "t59"."classified_by" = 'direct'
    )
    OR (
      (
        "t59"."classified_by" = 'utm'
      )
      AND COALESCE(
        "t59"."u_utm_source" IN ('direct', '(direct)')
        AND "t59"."u_utm_medium" IN ('none', '(none)', '(not set)'),
        FALSE
      )
    ) AS "is_direct",
    CASE
      WHEN (
        "t59"."classified_by" = 'direct'
      )
      OR (
        (
          "t59"."classified_by" = 'utm'
        )
        AND COALESCE(
          "t59"."u_utm_source" IN ('direct', '(direct)')
          AND "t59"."u_utm_medium" IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'direct'
      WHEN "t59"."classified_by" = 'utm'
      THEN "t59"."u_utm_source"
      ELSE COALESCE("t59"."ref_source", "t59"."referrer_host")
    END AS "source",
    CASE
      WHEN (
        "t59"."classified_by" = 'direct'
      )
      OR (
        (
          "t59"."classified_by" = 'utm'
        )
        AND COALESCE(
          "t59"."u_utm_source" IN ('direct', '(direct)')
          AND "t59"."u_utm_medium" IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'none'
      WHEN "t59"."classified_by" = 'utm'
      THEN "t59"."u_utm_medium"
      ELSE COALESCE("t59"."ref_medium", 'referral')
    END AS "medium",
    CASE
      WHEN (
        "t59"."classified_by" = 'direct'
      )
      OR (
        (
          "t59"."classified_by" = 'utm'
        )
        AND COALESCE(
          "t59"."u_utm_source" IN ('direct', '(direct)')
          AND "t59"."u_utm_medium" IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN CAST(NULL AS VARCHAR)
      ELSE "t59"."u_utm_campaign"
    END AS "campaign"
  FROM (
    SELECT
      "t58"."shop_id",
      "t58"."order_id",
      "t58"."touchpoint_id",
      "t58"."kind",
      "t58"."visitor_id",
      "t58"."customer_id",
      "t58"."at",
      "t58"."landing_url",
      "t58"."referrer",
      "t58"."utm_source",
      "t58"."utm_medium",
      "t58"."utm_campaign",
      "t58"."utm_content",
      "t58"."utm_term",
      "t58"."u_utm_source",
      "t58"."u_utm_medium",
      "t58"."u_utm_campaign",
      "t58"."u_utm_content",
      "t58"."u_utm_term",
      "t58"."referrer_host",
      "t58"."ref_source",
      "t58"."ref_medium",
      "t58"."internal",
      CASE
        WHEN TRUE
        AND (
          "t58"."u_utm_source" IS NOT NULL
        )
        AND (
          "t58"."u_utm_medium" IS NOT NULL
        )
        THEN 'utm'
        WHEN (
          "t58"."referrer_host" IS NOT NULL
        ) AND NOT (
          "t58"."internal"
        )
        THEN 'referrer'
        ELSE 'direct'
      END AS "classified_by"
    FROM (
      SELECT
        "t19"."shop_id",
        "t19"."order_id",
        "t19"."touchpoint_id",
        "t19"."kind",
        "t19"."visitor_id",
        "t19"."customer_id",
        "t19"."at",
        "t19"."landing_url",
        "t19"."referrer",
        "t19"."utm_source",
        "t19"."utm_medium",
        "t19"."utm_campaign",
        "t19"."utm_content",
        "t19"."utm_term",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t19"."utm_source")), ''),
          "t32"."url_utm_source"
        ) AS "u_utm_source",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t19"."utm_medium")), ''),
          "t32"."url_utm_medium"
        ) AS "u_utm_medium",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t19"."utm_campaign")), ''),
          "t32"."url_utm_campaign"
        ) AS "u_utm_campaign",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t19"."utm_content")), ''),
          "t32"."url_utm_content"
        ) AS "u_utm_content",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t19"."utm_term")), ''),
          "t32"."url_utm_term"
        ) AS "u_utm_term",
        "t57"."referrer_host",
        "t57"."ref_source",
        "t57"."ref_medium",
        COALESCE("t57"."internal", FALSE) AS "internal"
      FROM "attribution_touchpoints__t17" AS "t19"
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            "t26"."referrer",
            "t26"."referrer_host",
            "t54"."ref_source",
            "t54"."ref_medium",
            "t54"."is_internal" AS "internal"
          FROM "attribution_touchpoints__t24" AS "t26"
          LEFT OUTER JOIN (
            SELECT
              "t29"."referrer_host",
              "t52"."ref_source",
              "t52"."ref_medium",
              "t48"."internal_host" IS NOT NULL AS "is_internal"
            FROM "attribution_touchpoints__t27" AS "t29"
            LEFT OUTER JOIN (
              SELECT
                "t50"."referrer_host",
                "t6"."source" AS "ref_source",
                "t6"."medium" AS "ref_medium"
              FROM (
                SELECT
                  "t46"."referrer_host",
                  MIN("t46"."position") AS "position"
                FROM (
                  SELECT
                    "t44"."referrer_host",
                    "t8"."position"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t28"."referrer_host",
                          'name' AS "kind",
                          1 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "attribution_touchpoints__t27" AS "t28"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t33"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t28"."referrer_host",
                          'name' AS "kind",
                          1 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "attribution_touchpoints__t27" AS "t28"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t34"
                    ) AS "t39"
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
                            "t28"."referrer_host",
                            'domain' AS "kind",
                            2 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "attribution_touchpoints__t27" AS "t28"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t35"
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t28"."referrer_host",
                            'domain' AS "kind",
                            3 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "attribution_touchpoints__t27" AS "t28"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t36"
                      ) AS "t40"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t28"."referrer_host",
                            'domain' AS "kind",
                            4 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH(
                                    "t28"."referrer_host",
                                    '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                  )
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "attribution_touchpoints__t27" AS "t28"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH(
                                    "t28"."referrer_host",
                                    '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                  )
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t37"
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t28"."referrer_host",
                            'name' AS "kind",
                            1 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "attribution_touchpoints__t27" AS "t28"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t28"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t38"
                      ) AS "t41"
                    ) AS "t42"
                  ) AS "t44"
                  INNER JOIN (VALUES
                    ('domain', 3, 'mail.google.com', 0, 'gmail', 'email'),
                    ('domain', 3, 'inbox.google.com', 0, 'gmail', 'email'),
                    ('domain', 3, 'outlook.live.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'outlook.office.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'outlook.office365.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'mail.live.com', 1, 'outlook', 'email'),
                    ('domain', 3, 'mail.yahoo.com', 2, 'yahoo', 'email'),
                    ('domain', 4, 'mail.yahoo.co.jp', 2, 'yahoo', 'email'),
                    ('domain', 3, 'mail.aol.com', 3, 'aol', 'email'),
                    ('domain', 3, 'mail.proton.me', 4, 'protonmail', 'email'),
                    ('domain', 3, 'mail.protonmail.com', 4, 'protonmail', 'email'),
                    ('name', 1, 'google', 5, 'google', 'organic'),
                    ('domain', 2, 'bing.com', 6, 'bing', 'organic'),
                    ('domain', 2, 'duckduckgo.com', 7, 'duckduckgo', 'organic'),
                    ('name', 1, 'yahoo', 8, 'yahoo', 'organic'),
                    ('domain', 2, 'ecosia.org', 9, 'ecosia', 'organic'),
                    ('domain', 2, 'baidu.com', 10, 'baidu', 'organic'),
                    ('name', 1, 'yandex', 11, 'yandex', 'organic'),
                    ('domain', 3, 'search.brave.com', 12, 'brave', 'organic'),
                    ('domain', 2, 'facebook.com', 13, 'facebook', 'social'),
                    ('domain', 2, 'fb.com', 13, 'facebook', 'social'),
                    ('domain', 2, 'fb.me', 13, 'facebook', 'social'),
                    ('domain', 2, 'instagram.com', 14, 'instagram', 'social'),
                    ('domain', 2, 't.co', 15, 'twitter', 'social'),
                    ('domain', 2, 'twitter.com', 15, 'twitter', 'social'),
                    ('domain', 2, 'x.com', 15, 'twitter', 'social'),
                    ('domain', 2, 'linkedin.com', 16, 'linkedin', 'social'),
                    ('domain', 2, 'lnkd.in', 16, 'linkedin', 'social'),
                    ('name', 1, 'pinterest', 17, 'pinterest', 'social'),
                    ('domain', 2, 'pin.it', 17, 'pinterest', 'social'),
                    ('domain', 2, 'tiktok.com', 18, 'tiktok', 'social'),
                    ('domain', 2, 'youtube.com', 19, 'youtube', 'social'),
                    ('domain', 2, 'youtu.be', 19, 'youtube', 'social'),
                    ('domain', 2, 'reddit.com', 20, 'reddit', 'social'),
                    ('domain', 2, 'threads.net', 21, 'threads', 'social'),
                    ('domain', 2, 'snapchat.com', 22, 'snapchat', 'social')) AS t8(kind, labels, key, position, source, medium)
                    ON "t44"."kind" = "t8"."kind"
                    AND "t44"."labels" = "t8"."labels"
                    AND "t44"."key" = "t8"."key"
                ) AS "t46"
                GROUP BY
                  1
              ) AS "t50"
              INNER JOIN (VALUES
                (0, 'gmail', 'email'),
                (1, 'outlook', 'email'),
                (2, 'yahoo', 'email'),
                (3, 'aol', 'email'),
                (4, 'protonmail', 'email'),
                (5, 'google', 'organic'),
                (6, 'bing', 'organic'),
                (7, 'duckduckgo', 'organic'),
                (8, 'yahoo', 'organic'),
                (9, 'ecosia', 'organic'),
                (10, 'baidu', 'organic'),
                (11, 'yandex', 'organic'),
                (12, 'brave', 'organic'),
                (13, 'facebook', 'social'),
                (14, 'instagram', 'social'),
                (15, 'twitter', 'social'),
                (16, 'linkedin', 'social'),
                (17, 'pinterest', 'social'),
                (18, 'tiktok', 'social'),
                (19, 'youtube', 'social'),
                (20, 'reddit', 'social'),
                (21, 'threads', 'social'),
                (22, 'snapchat', 'social')) AS t6(position, source, medium)
                ON "t50"."position" = "t6"."position"
            ) AS "t52"
              ON "t29"."referrer_host" = "t52"."referrer_host"
            LEFT OUTER JOIN (
              SELECT DISTINCT
                *
              FROM (
                SELECT
                  "t44"."referrer_host" AS "internal_host"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t28"."referrer_host",
                        'name' AS "kind",
                        1 AS "labels",
                        NULLIF(
                          CASE
                            WHEN "t28"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) AS "key"
                      FROM "attribution_touchpoints__t27" AS "t28"
                      WHERE
                        NULLIF(
                          CASE
                            WHEN "t28"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) IS NOT NULL
                    ) AS "t33"
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t28"."referrer_host",
                        'name' AS "kind",
                        1 AS "labels",
                        NULLIF(
                          CASE
                            WHEN "t28"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) AS "key"
                      FROM "attribution_touchpoints__t27" AS "t28"
                      WHERE
                        NULLIF(
                          CASE
                            WHEN "t28"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) IS NOT NULL
                    ) AS "t34"
                  ) AS "t39"
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
                          "t28"."referrer_host",
                          'domain' AS "kind",
                          2 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "attribution_touchpoints__t27" AS "t28"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t35"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t28"."referrer_host",
                          'domain' AS "kind",
                          3 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "attribution_touchpoints__t27" AS "t28"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t36"
                    ) AS "t40"
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t28"."referrer_host",
                          'domain' AS "kind",
                          4 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH(
                                  "t28"."referrer_host",
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "attribution_touchpoints__t27" AS "t28"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH(
                                  "t28"."referrer_host",
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t37"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t28"."referrer_host",
                          'name' AS "kind",
                          1 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "attribution_touchpoints__t27" AS "t28"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t28"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t28"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t38"
                    ) AS "t41"
                  ) AS "t42"
                ) AS "t44"
                WHERE
                  EXISTS(
                    SELECT
                      1
                    FROM (VALUES
                      ('domain', 2, 'myshopify.com'),
                      ('domain', 2, 'shop.app'),
                      ('domain', 3, 'checkout.shopify.com')) AS t7(kind, labels, key)
                    WHERE
                      "t44"."kind" = "t7"."kind"
                      AND "t44"."labels" = "t7"."labels"
                      AND "t44"."key" = "t7"."key"
                  )
              ) AS "t45"
            ) AS "t48"
              ON "t29"."referrer_host" = "t48"."internal_host"
          ) AS "t54"
            ON "t26"."referrer_host" = "t54"."referrer_host"
        ) AS "t55"
      ) AS "t57"
        ON "t19"."referrer" = "t57"."referrer"
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            "t23"."landing_url",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t23"."ok__utm_source"
                  THEN COALESCE(
                    (
                      SELECT
                        CONVERT_FROM(
                          STRING_AGG(
                            
                              CASE
                                WHEN LEFT(m.t[1], 1) = '%' AND LENGTH(m.t[1]) = 3
                                THEN DECODE(SUBSTRING(m.t[1] FROM 2 FOR 2), 'hex')
                                ELSE CONVERT_TO(m.t[1], 'UTF8')
                              END,
                              CAST('' AS BYTEA)
                            
                            ORDER BY
                              m.n
                          ),
                          'UTF8'
                        )
                      FROM REGEXP_MATCHES(
                        CASE WHEN "t23"."ok__utm_source" THEN "t23"."q__utm_source" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t23"."q__utm_source"
                END)
              ),
              ''
            ) AS "url_utm_source",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t23"."ok__utm_medium"
                  THEN COALESCE(
                    (
                      SELECT
                        CONVERT_FROM(
                          STRING_AGG(
                            
                              CASE
                                WHEN LEFT(m.t[1], 1) = '%' AND LENGTH(m.t[1]) = 3
                                THEN DECODE(SUBSTRING(m.t[1] FROM 2 FOR 2), 'hex')
                                ELSE CONVERT_TO(m.t[1], 'UTF8')
                              END,
                              CAST('' AS BYTEA)
                            
                            ORDER BY
                              m.n
                          ),
                          'UTF8'
                        )
                      FROM REGEXP_MATCHES(
                        CASE WHEN "t23"."ok__utm_medium" THEN "t23"."q__utm_medium" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t23"."q__utm_medium"
                END)
              ),
              ''
            ) AS "url_utm_medium",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t23"."ok__utm_campaign"
                  THEN COALESCE(
                    (
                      SELECT
                        CONVERT_FROM(
                          STRING_AGG(
                            
                              CASE
                                WHEN LEFT(m.t[1], 1) = '%' AND LENGTH(m.t[1]) = 3
                                THEN DECODE(SUBSTRING(m.t[1] FROM 2 FOR 2), 'hex')
                                ELSE CONVERT_TO(m.t[1], 'UTF8')
                              END,
                              CAST('' AS BYTEA)
                            
                            ORDER BY
                              m.n
                          ),
                          'UTF8'
                        )
                      FROM REGEXP_MATCHES(
                        CASE WHEN "t23"."ok__utm_campaign" THEN "t23"."q__utm_campaign" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t23"."q__utm_campaign"
                END)
              ),
              ''
            ) AS "url_utm_campaign",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t23"."ok__utm_content"
                  THEN COALESCE(
                    (
                      SELECT
                        CONVERT_FROM(
                          STRING_AGG(
                            
                              CASE
                                WHEN LEFT(m.t[1], 1) = '%' AND LENGTH(m.t[1]) = 3
                                THEN DECODE(SUBSTRING(m.t[1] FROM 2 FOR 2), 'hex')
                                ELSE CONVERT_TO(m.t[1], 'UTF8')
                              END,
                              CAST('' AS BYTEA)
                            
                            ORDER BY
                              m.n
                          ),
                          'UTF8'
                        )
                      FROM REGEXP_MATCHES(
                        CASE WHEN "t23"."ok__utm_content" THEN "t23"."q__utm_content" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t23"."q__utm_content"
                END)
              ),
              ''
            ) AS "url_utm_content",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t23"."ok__utm_term"
                  THEN COALESCE(
                    (
                      SELECT
                        CONVERT_FROM(
                          STRING_AGG(
                            
                              CASE
                                WHEN LEFT(m.t[1], 1) = '%' AND LENGTH(m.t[1]) = 3
                                THEN DECODE(SUBSTRING(m.t[1] FROM 2 FOR 2), 'hex')
                                ELSE CONVERT_TO(m.t[1], 'UTF8')
                              END,
                              CAST('' AS BYTEA)
                            
                            ORDER BY
                              m.n
                          ),
                          'UTF8'
                        )
                      FROM REGEXP_MATCHES(
                        CASE WHEN "t23"."ok__utm_term" THEN "t23"."q__utm_term" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t23"."q__utm_term"
                END)
              ),
              ''
            ) AS "url_utm_term"
          FROM (
            SELECT
              "t22"."landing_url",
              "t22"."q__utm_source",
              "t22"."q__utm_medium",
              "t22"."q__utm_campaign",
              "t22"."q__utm_content",
              "t22"."q__utm_term",
              (
                POSITION('%' IN "t22"."q__utm_source") > 0
              )
              AND "t22"."q__utm_source" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_source",
              (
                POSITION('%' IN "t22"."q__utm_medium") > 0
              )
              AND "t22"."q__utm_medium" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_medium",
              (
                POSITION('%' IN "t22"."q__utm_campaign") > 0
              )
              AND "t22"."q__utm_campaign" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_campaign",
              (
                POSITION('%' IN "t22"."q__utm_content") > 0
              )
              AND "t22"."q__utm_content" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_content",
              (
                POSITION('%' IN "t22"."q__utm_term") > 0
              )
              AND "t22"."q__utm_term" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_term"
            FROM (
              SELECT
                "t20"."landing_url",
                REPLACE(
                  NULLIF(
                    CASE
                      WHEN "t20"."landing_url" ~ (
                        '(' || '[?&]utm_source=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t20"."landing_url", '(' || '[?&]utm_source=([^&#]*)' || ')')
                      )[2]
                      ELSE NULL
                    END,
                    ''
                  ),
                  '+',
                  ' '
                ) AS "q__utm_source",
                REPLACE(
                  NULLIF(
                    CASE
                      WHEN "t20"."landing_url" ~ (
                        '(' || '[?&]utm_medium=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t20"."landing_url", '(' || '[?&]utm_medium=([^&#]*)' || ')')
                      )[2]
                      ELSE NULL
                    END,
                    ''
                  ),
                  '+',
                  ' '
                ) AS "q__utm_medium",
                REPLACE(
                  NULLIF(
                    CASE
                      WHEN "t20"."landing_url" ~ (
                        '(' || '[?&]utm_campaign=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t20"."landing_url", '(' || '[?&]utm_campaign=([^&#]*)' || ')')
                      )[2]
                      ELSE NULL
                    END,
                    ''
                  ),
                  '+',
                  ' '
                ) AS "q__utm_campaign",
                REPLACE(
                  NULLIF(
                    CASE
                      WHEN "t20"."landing_url" ~ (
                        '(' || '[?&]utm_content=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t20"."landing_url", '(' || '[?&]utm_content=([^&#]*)' || ')')
                      )[2]
                      ELSE NULL
                    END,
                    ''
                  ),
                  '+',
                  ' '
                ) AS "q__utm_content",
                REPLACE(
                  NULLIF(
                    CASE
                      WHEN "t20"."landing_url" ~ (
                        '(' || '[?&]utm_term=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t20"."landing_url", '(' || '[?&]utm_term=([^&#]*)' || ')')
                      )[2]
                      ELSE NULL
                    END,
                    ''
                  ),
                  '+',
                  ' '
                ) AS "q__utm_term"
              FROM (
                SELECT DISTINCT
                  "t18"."landing_url"
                FROM "attribution_touchpoints__t17" AS "t18"
                WHERE
                  "t18"."landing_url" IS NOT NULL
              ) AS "t20"
            ) AS "t22"
          ) AS "t23"
        ) AS "t30"
      ) AS "t32"
        ON "t19"."landing_url" = "t32"."landing_url"
    ) AS "t58"
  ) AS "t59"
), "attribution_touchpoints" AS (
  SELECT
    "t64"."shop_id",
    "t64"."order_id",
    "t64"."touchpoint_id",
    "t64"."kind",
    "t64"."visitor_id",
    "t64"."customer_id",
    "t64"."at",
    "t64"."landing_url",
    "t64"."referrer",
    "t64"."utm_source",
    "t64"."utm_medium",
    "t64"."utm_campaign",
    "t64"."utm_content",
    "t64"."utm_term",
    "t64"."u_utm_source",
    "t64"."u_utm_medium",
    "t64"."u_utm_campaign",
    "t64"."u_utm_content",
    "t64"."u_utm_term",
    "t64"."referrer_host",
    "t64"."classified_by",
    "t64"."is_direct",
    "t64"."source",
    "t64"."medium",
    "t64"."campaign",
    "t64"."is_paid",
    "t64"."platform",
    "t66"."channel"
  FROM (
    SELECT
      "t61"."shop_id",
      "t61"."order_id",
      "t61"."touchpoint_id",
      "t61"."kind",
      "t61"."visitor_id",
      "t61"."customer_id",
      "t61"."at",
      "t61"."landing_url",
      "t61"."referrer",
      "t61"."utm_source",
      "t61"."utm_medium",
      "t61"."utm_campaign",
      "t61"."utm_content",
      "t61"."utm_term",
      "t61"."u_utm_source",
      "t61"."u_utm_medium",
      "t61"."u_utm_campaign",
      "t61"."u_utm_content",
      "t61"."u_utm_term",
      "t61"."referrer_host",
      "t61"."classified_by",
      "t61"."is_direct",
      "t61"."source",
      "t61"."medium",
      "t61"."campaign",
      NOT (
        "t61"."is_direct"
      )
      AND "t61"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS "is_paid",
      CASE
        WHEN NOT (
          "t61"."is_direct"
        )
        AND "t61"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display')
        THEN CASE
          WHEN "t61"."source" IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
          THEN 'meta'
          WHEN "t61"."source" IN ('google', 'adwords', 'youtube')
          THEN 'google'
          ELSE "t61"."source"
        END
        ELSE CAST(NULL AS VARCHAR)
      END AS "platform"
    FROM "attribution_touchpoints__t60" AS "t61"
  ) AS "t64"
  LEFT OUTER JOIN (
    SELECT
      COALESCE("t62"."source", '') AS "k_source",
      COALESCE("t62"."medium", '') AS "k_medium",
      COALESCE("t62"."campaign", '') AS "k_campaign",
      CASE
        WHEN TRUE
        AND COALESCE("t62"."source" IN ('direct', '(direct)'), FALSE)
        AND COALESCE("t62"."medium" IN ('none', '(none)', '(not set)'), FALSE)
        THEN 'Direct'
        WHEN TRUE
        AND COALESCE("t62"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        AND (
          COALESCE(
            "t62"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
            FALSE
          )
          OR COALESCE("t62"."campaign" ~ '^(.*(([^a-df-z]|^)shop|shopping).*)$', FALSE)
        )
        THEN 'Paid Shopping'
        WHEN TRUE
        AND COALESCE(
          "t62"."source" IN (
            'google',
            'bing',
            'yahoo',
            'duckduckgo',
            'ecosia',
            'baidu',
            'yandex',
            'brave',
            'naver',
            'ask',
            'aol',
            'adwords'
          ),
          FALSE
        )
        AND COALESCE("t62"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Search'
        WHEN TRUE
        AND COALESCE(
          "t62"."source" IN (
            'facebook',
            'fb',
            'instagram',
            'ig',
            'meta',
            'twitter',
            't.co',
            'x',
            'linkedin',
            'pinterest',
            'tiktok',
            'reddit',
            'snapchat',
            'threads',
            'whatsapp'
          ),
          FALSE
        )
        AND COALESCE("t62"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Social'
        WHEN TRUE
        AND COALESCE("t62"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
        AND COALESCE("t62"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Video'
        WHEN TRUE
        AND COALESCE(
          "t62"."medium" IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
          FALSE
        )
        THEN 'Display'
        WHEN TRUE AND COALESCE("t62"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Other'
        WHEN TRUE
        AND (
          COALESCE(
            "t62"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
            FALSE
          )
          OR COALESCE("t62"."campaign" ~ '^(.*(([^a-df-z]|^)shop|shopping).*)$', FALSE)
        )
        THEN 'Organic Shopping'
        WHEN TRUE
        AND (
          COALESCE(
            "t62"."source" IN (
              'facebook',
              'fb',
              'instagram',
              'ig',
              'meta',
              'twitter',
              't.co',
              'x',
              'linkedin',
              'pinterest',
              'tiktok',
              'reddit',
              'snapchat',
              'threads',
              'whatsapp'
            ),
            FALSE
          )
          OR COALESCE(
            "t62"."medium" IN (
              'social',
              'social-network',
              'social-media',
              'sm',
              'social network',
              'social media'
            ),
            FALSE
          )
        )
        THEN 'Organic Social'
        WHEN TRUE
        AND (
          COALESCE("t62"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          OR COALESCE("t62"."medium" ~ '^(.*video.*)$', FALSE)
        )
        THEN 'Organic Video'
        WHEN TRUE
        AND (
          COALESCE(
            "t62"."source" IN (
              'google',
              'bing',
              'yahoo',
              'duckduckgo',
              'ecosia',
              'baidu',
              'yandex',
              'brave',
              'naver',
              'ask',
              'aol',
              'adwords'
            ),
            FALSE
          )
          OR COALESCE("t62"."medium" IN ('organic'), FALSE)
        )
        THEN 'Organic Search'
        WHEN TRUE AND COALESCE("t62"."medium" IN ('referral', 'app', 'link'), FALSE)
        THEN 'Referral'
        WHEN TRUE
        AND (
          COALESCE("t62"."source" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          OR COALESCE("t62"."medium" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
        )
        THEN 'Email'
        WHEN TRUE AND COALESCE("t62"."medium" IN ('affiliate'), FALSE)
        THEN 'Affiliates'
        WHEN TRUE
        AND (
          COALESCE("t62"."source" IN ('sms'), FALSE)
          OR COALESCE("t62"."medium" IN ('sms'), FALSE)
        )
        THEN 'SMS'
        ELSE 'Unassigned'
      END AS "channel"
    FROM (
      SELECT DISTINCT
        "t61"."source",
        "t61"."medium",
        "t61"."campaign"
      FROM "attribution_touchpoints__t60" AS "t61"
    ) AS "t62"
  ) AS "t66"
    ON COALESCE("t64"."source", '') = "t66"."k_source"
    AND COALESCE("t64"."medium", '') = "t66"."k_medium"
    AND COALESCE("t64"."campaign", '') = "t66"."k_campaign"
), "attribution_candidates" AS (
  SELECT
    "t22"."shop_id",
    "t22"."order_id",
    "t22"."touchpoint_id",
    "t22"."kind",
    "t22"."at",
    "t22"."source",
    "t22"."medium",
    "t22"."campaign",
    "t22"."channel",
    "t22"."platform",
    "t22"."is_direct",
    "t22"."is_paid",
    "t22"."classified_by",
    "t22"."referrer_host"
  FROM (
    SELECT
      "t21"."shop_id",
      "t21"."order_id",
      "t21"."touchpoint_id",
      "t21"."kind",
      "t21"."at",
      "t21"."source",
      "t21"."medium",
      "t21"."campaign",
      "t21"."channel",
      "t21"."platform",
      "t21"."is_direct",
      "t21"."is_paid",
      "t21"."classified_by",
      "t21"."referrer_host",
      MAX(
        CASE
          WHEN (
            "t21"."kind" = 'session'
          ) AND NOT (
            "t21"."is_direct"
          )
          THEN 1
          ELSE 0
        END
      ) OVER (
        PARTITION BY "t21"."shop_id", "t21"."order_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "clicked__"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t19"."shop_id",
          "t19"."order_id",
          "t9"."touchpoint_id",
          "t9"."kind",
          "t9"."at",
          "t9"."source",
          "t9"."medium",
          "t9"."campaign",
          "t9"."channel",
          "t9"."platform",
          "t9"."is_direct",
          "t9"."is_paid",
          "t9"."classified_by",
          "t9"."referrer_host"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t15"."shop_id",
              "t15"."order_id",
              "t10"."touchpoint_id"
            FROM (
              SELECT
                "t13"."shop_id",
                "t13"."order_id",
                "t13"."processed_at",
                "t13"."visitor_id" AS "o_visitor",
                "t13"."customer_id" AS "o_customer"
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
                  DATE(TIMEZONE("t12"."shop_timezone", "t12"."processed_at")) AS "day",
                  (
                    "t12"."gross_sales" - "t12"."discounts"
                  ) + "t12"."shipping" + CASE WHEN COALESCE("t12"."taxes_included", FALSE) THEN 0 ELSE "t12"."taxes" END AS "order_revenue"
                FROM (
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
                    "t8"."shop_timezone"
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
                  ) AS "t11"
                  INNER JOIN (
                    SELECT
                      "t2"."shop_id",
                      "t2"."timezone" AS "shop_timezone"
                    FROM "shops" AS "t2"
                  ) AS "t8"
                    ON "t11"."shop_id" = "t8"."shop_id"
                ) AS "t12"
              ) AS "t13"
            ) AS "t15"
            INNER JOIN (
              SELECT
                "t0"."touchpoint_id",
                "t0"."at",
                "t0"."shop_id" AS "tp_shop",
                "t0"."visitor_id" AS "tp_visitor",
                "t0"."customer_id" AS "tp_customer"
              FROM "attribution_touchpoints" AS "t0"
              WHERE
                "t0"."kind" = 'session'
            ) AS "t10"
              ON "t15"."shop_id" = "t10"."tp_shop"
              AND "t10"."at" <= "t15"."processed_at"
              AND "t10"."at" >= (
                "t15"."processed_at" - INTERVAL '168 HOUR'
              )
              AND "t15"."o_visitor" = "t10"."tp_visitor"
          ) AS "t16"
          UNION
          SELECT
            *
          FROM (
            SELECT
              "t15"."shop_id",
              "t15"."order_id",
              "t10"."touchpoint_id"
            FROM (
              SELECT
                "t13"."shop_id",
                "t13"."order_id",
                "t13"."processed_at",
                "t13"."visitor_id" AS "o_visitor",
                "t13"."customer_id" AS "o_customer"
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
                  DATE(TIMEZONE("t12"."shop_timezone", "t12"."processed_at")) AS "day",
                  (
                    "t12"."gross_sales" - "t12"."discounts"
                  ) + "t12"."shipping" + CASE WHEN COALESCE("t12"."taxes_included", FALSE) THEN 0 ELSE "t12"."taxes" END AS "order_revenue"
                FROM (
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
                    "t8"."shop_timezone"
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
                  ) AS "t11"
                  INNER JOIN (
                    SELECT
                      "t2"."shop_id",
                      "t2"."timezone" AS "shop_timezone"
                    FROM "shops" AS "t2"
                  ) AS "t8"
                    ON "t11"."shop_id" = "t8"."shop_id"
                ) AS "t12"
              ) AS "t13"
            ) AS "t15"
            INNER JOIN (
              SELECT
                "t0"."touchpoint_id",
                "t0"."at",
                "t0"."shop_id" AS "tp_shop",
                "t0"."visitor_id" AS "tp_visitor",
                "t0"."customer_id" AS "tp_customer"
              FROM "attribution_touchpoints" AS "t0"
              WHERE
                "t0"."kind" = 'session'
            ) AS "t10"
              ON "t15"."shop_id" = "t10"."tp_shop"
              AND "t10"."at" <= "t15"."processed_at"
              AND "t10"."at" >= (
                "t15"."processed_at" - INTERVAL '168 HOUR'
              )
              AND "t15"."o_customer" = "t10"."tp_customer"
          ) AS "t17"
        ) AS "t19"
        INNER JOIN (
          SELECT
            "t0"."touchpoint_id",
            "t0"."kind",
            "t0"."at",
            "t0"."source",
            "t0"."medium",
            "t0"."campaign",
            "t0"."channel",
            "t0"."platform",
            "t0"."is_direct",
            "t0"."is_paid",
            "t0"."classified_by",
            "t0"."referrer_host",
            "t0"."shop_id" AS "tp_shop"
          FROM "attribution_touchpoints" AS "t0"
          WHERE
            "t0"."kind" = 'session'
        ) AS "t9"
          ON "t19"."shop_id" = "t9"."tp_shop" AND "t19"."touchpoint_id" = "t9"."touchpoint_id"
      ) AS "t20"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t0"."shop_id",
          "t0"."order_id",
          "t0"."touchpoint_id",
          "t0"."kind",
          "t0"."at",
          "t0"."source",
          "t0"."medium",
          "t0"."campaign",
          "t0"."channel",
          "t0"."platform",
          "t0"."is_direct",
          "t0"."is_paid",
          "t0"."classified_by",
          "t0"."referrer_host"
        FROM "attribution_touchpoints" AS "t0"
        WHERE
          "t0"."kind" = 'order' AND NOT (
            "t0"."is_direct"
          )
      ) AS "t6"
    ) AS "t21"
  ) AS "t22"
  WHERE
    (
      "t22"."kind" = 'session'
    ) OR (
      "t22"."clicked__" = 0
    )
), "order_attribution" AS (
  SELECT
    "t17"."shop_id",
    "t17"."order_id",
    "t17"."day",
    "t17"."order_revenue",
    "t17"."processed_at",
    "t17"."touchpoint_id",
    "t17"."kind",
    "t17"."at",
    "t17"."source",
    "t17"."medium",
    "t17"."campaign",
    "t17"."channel",
    "t17"."platform",
    "t17"."is_direct",
    "t17"."is_paid",
    "t17"."classified_by",
    "t17"."referrer_host",
    "t17"."part",
    "t17"."parts",
    "t17"."candidates",
    CAST(CASE
      WHEN CAST("t17"."order_revenue" * 100 AS BIGINT) < 0
      THEN -(
        CAST(FLOOR(
          CAST((
            ABS(CAST("t17"."order_revenue" * 100 AS BIGINT))
          ) AS DOUBLE PRECISION) / (
            "t17"."parts"
          )
        ) AS BIGINT) + CASE
          WHEN "t17"."part" < (
            ABS(CAST("t17"."order_revenue" * 100 AS BIGINT)) % "t17"."parts"
          )
          THEN 1
          ELSE 0
        END
      )
      ELSE CAST(FLOOR(
        CAST((
          ABS(CAST("t17"."order_revenue" * 100 AS BIGINT))
        ) AS DOUBLE PRECISION) / (
          "t17"."parts"
        )
      ) AS BIGINT) + CASE
        WHEN "t17"."part" < (
          ABS(CAST("t17"."order_revenue" * 100 AS BIGINT)) % "t17"."parts"
        )
        THEN 1
        ELSE 0
      END
    END AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2)) AS "credited_revenue",
    'linear' AS "model"
  FROM (
    SELECT
      "t16"."shop_id",
      "t16"."order_id",
      "t16"."day",
      "t16"."order_revenue",
      "t16"."processed_at",
      "t13"."touchpoint_id",
      "t13"."kind",
      "t13"."at",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."source" ELSE 'direct' END AS "source",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."medium" ELSE 'none' END AS "medium",
      "t13"."campaign",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."channel" ELSE 'Direct' END AS "channel",
      "t13"."platform",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."is_direct" ELSE TRUE END AS "is_direct",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."is_paid" ELSE FALSE END AS "is_paid",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."classified_by" ELSE 'direct' END AS "classified_by",
      "t13"."referrer_host",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."part" ELSE 0 END AS "part",
      CASE WHEN "t13"."parts" IS NOT NULL THEN "t13"."parts" ELSE 1 END AS "parts",
      COALESCE("t8"."candidates", 0) AS "candidates"
    FROM (
      SELECT
        "t14"."shop_id",
        "t14"."order_id",
        "t14"."day",
        "t14"."order_revenue",
        "t14"."processed_at"
      FROM (
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
          DATE(TIMEZONE("t11"."shop_timezone", "t11"."processed_at")) AS "day",
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
            "t7"."shop_timezone"
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
          ) AS "t9"
          INNER JOIN (
            SELECT
              "t2"."shop_id",
              "t2"."timezone" AS "shop_timezone"
            FROM "shops" AS "t2"
          ) AS "t7"
            ON "t9"."shop_id" = "t7"."shop_id"
        ) AS "t11"
      ) AS "t14"
    ) AS "t16"
    LEFT OUTER JOIN (
      SELECT
        "t10"."shop_id",
        "t10"."order_id",
        "t10"."touchpoint_id",
        "t10"."kind",
        "t10"."at",
        "t10"."source",
        "t10"."medium",
        "t10"."campaign",
        "t10"."channel",
        "t10"."platform",
        "t10"."is_direct",
        "t10"."is_paid",
        "t10"."classified_by",
        "t10"."referrer_host",
        "t10"."part",
        "t10"."eligible_count",
        "t10"."eligible_count" AS "parts"
      FROM (
        SELECT
          "t5"."shop_id",
          "t5"."order_id",
          "t5"."touchpoint_id",
          "t5"."kind",
          "t5"."at",
          "t5"."source",
          "t5"."medium",
          "t5"."campaign",
          "t5"."channel",
          "t5"."platform",
          "t5"."is_direct",
          "t5"."is_paid",
          "t5"."classified_by",
          "t5"."referrer_host",
          ROW_NUMBER() OVER (
            PARTITION BY "t5"."shop_id", "t5"."order_id"
            ORDER BY "t5"."at" DESC NULLS LAST, "t5"."touchpoint_id" DESC NULLS LAST
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "part",
          COUNT("t5"."touchpoint_id") OVER (
            PARTITION BY "t5"."shop_id", "t5"."order_id"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "eligible_count"
        FROM (
          SELECT
            *
          FROM "attribution_candidates" AS "t0"
          WHERE
            NOT (
              "t0"."is_direct"
            )
        ) AS "t5"
      ) AS "t10"
    ) AS "t13"
      ON "t16"."shop_id" = "t13"."shop_id" AND "t16"."order_id" = "t13"."order_id"
    LEFT OUTER JOIN (
      SELECT
        "t0"."shop_id",
        "t0"."order_id",
        COUNT("t0"."touchpoint_id") AS "candidates"
      FROM "attribution_candidates" AS "t0"
      GROUP BY
        1,
        2
    ) AS "t8"
      ON "t16"."shop_id" = "t8"."shop_id" AND "t16"."order_id" = "t8"."order_id"
  ) AS "t17"
)
SELECT
  "t22"."month",
  "t22"."channel",
  CAST(COALESCE("t22"."m__attributed_revenue__v1", CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "attributed_revenue",
  CAST(COALESCE("t22"."m__attributed_orders__v1", 0) AS BIGINT) AS "attributed_orders"
FROM (
  SELECT
    "t21"."month",
    "t21"."channel",
    SUM("t21"."m__attributed_revenue__v1") AS "m__attributed_revenue__v1",
    SUM("t21"."m__attributed_orders__v1") AS "m__attributed_orders__v1"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('MONTH', "t0"."day") AS TIMESTAMP) AS DATE) AS "month",
        "t0"."channel",
        "t0"."credited_revenue" AS "m__attributed_revenue__v1",
        1 AS "m__attributed_orders__v1"
      FROM "order_attribution" AS "t0"
    ) AS "t11"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('MONTH', "t19"."day") AS TIMESTAMP) AS DATE) AS "month",
        "t19"."channel",
        -(
          CAST(CASE
            WHEN CAST("t19"."refund_total" * 100 AS BIGINT) < 0
            THEN -(
              CAST(FLOOR(
                CAST((
                  ABS(CAST("t19"."refund_total" * 100 AS BIGINT))
                ) AS DOUBLE PRECISION) / (
                  "t19"."parts"
                )
              ) AS BIGINT) + CASE
                WHEN "t19"."part" < (
                  ABS(CAST("t19"."refund_total" * 100 AS BIGINT)) % "t19"."parts"
                )
                THEN 1
                ELSE 0
              END
            )
            ELSE CAST(FLOOR(
              CAST((
                ABS(CAST("t19"."refund_total" * 100 AS BIGINT))
              ) AS DOUBLE PRECISION) / (
                "t19"."parts"
              )
            ) AS BIGINT) + CASE
              WHEN "t19"."part" < (
                ABS(CAST("t19"."refund_total" * 100 AS BIGINT)) % "t19"."parts"
              )
              THEN 1
              ELSE 0
            END
          END AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2))
        ) AS "m__attributed_revenue__v1",
        CAST(NULL AS BIGINT) AS "m__attributed_orders__v1"
      FROM (
        SELECT
          "t18"."shop_id",
          "t18"."refund_id",
          "t18"."order_id",
          "t18"."processed_at",
          "t18"."amount",
          "t18"."shipping",
          "t18"."taxes",
          "t18"."_loaded_at",
          "t18"."duties",
          "t18"."shop_timezone",
          "t18"."taxes_included",
          "t18"."order_day",
          "t18"."day",
          "t18"."refund_total",
          "t7"."touchpoint_id",
          "t7"."source",
          "t7"."medium",
          "t7"."campaign",
          "t7"."channel",
          "t7"."platform",
          "t7"."is_direct",
          "t7"."is_paid",
          "t7"."part",
          "t7"."parts"
        FROM (
          SELECT
            "t16"."shop_id",
            "t16"."refund_id",
            "t16"."order_id",
            "t16"."processed_at",
            "t16"."amount",
            "t16"."shipping",
            "t16"."taxes",
            "t16"."_loaded_at",
            "t16"."duties",
            "t16"."shop_timezone",
            "t16"."taxes_included",
            "t16"."order_day",
            "t16"."order_day" AS "day",
            "t16"."amount" + "t16"."shipping" + CASE WHEN COALESCE("t16"."taxes_included", FALSE) THEN 0 ELSE "t16"."taxes" END AS "refund_total"
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
                "t13"."shop_id",
                "t13"."order_id",
                "t13"."shop_timezone",
                "t13"."taxes_included",
                "t13"."day" AS "order_day"
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
                  DATE(TIMEZONE("t12"."shop_timezone", "t12"."processed_at")) AS "day",
                  (
                    "t12"."gross_sales" - "t12"."discounts"
                  ) + "t12"."shipping" + CASE WHEN COALESCE("t12"."taxes_included", FALSE) THEN 0 ELSE "t12"."taxes" END AS "order_revenue"
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
                    "t9"."shop_timezone"
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
                  ) AS "t10"
                  INNER JOIN (
                    SELECT
                      "t3"."shop_id",
                      "t3"."timezone" AS "shop_timezone"
                    FROM "shops" AS "t3"
                  ) AS "t9"
                    ON "t10"."shop_id" = "t9"."shop_id"
                ) AS "t12"
              ) AS "t13"
            ) AS "t15"
              ON "t4"."shop_id" = "t15"."shop_id" AND "t4"."order_id" = "t15"."order_id"
          ) AS "t16"
        ) AS "t18"
        INNER JOIN (
          SELECT
            "t0"."shop_id",
            "t0"."order_id",
            "t0"."touchpoint_id",
            "t0"."source",
            "t0"."medium",
            "t0"."campaign",
            "t0"."channel",
            "t0"."platform",
            "t0"."is_direct",
            "t0"."is_paid",
            "t0"."part",
            "t0"."parts"
          FROM "order_attribution" AS "t0"
        ) AS "t7"
          ON "t18"."shop_id" = "t7"."shop_id" AND "t18"."order_id" = "t7"."order_id"
      ) AS "t19"
    ) AS "t20"
  ) AS "t21"
  GROUP BY
    1,
    2
) AS "t22"
ORDER BY
  "t22"."month" ASC,
  "t22"."channel" ASC
