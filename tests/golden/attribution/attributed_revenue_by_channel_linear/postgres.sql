WITH "t17" AS (
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
    DATE(TIMEZONE("t16"."shop_timezone", "t16"."processed_at")) AS "day",
    (
      "t16"."gross_sales" - "t16"."discounts"
    ) + "t16"."shipping" + CASE WHEN COALESCE("t16"."taxes_included", FALSE) THEN 0 ELSE "t16"."taxes" END AS "order_revenue"
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
      "t14"."shop_timezone"
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
    ) AS "t15"
    INNER JOIN (
      SELECT
        "t2"."shop_id",
        "t2"."timezone" AS "shop_timezone"
      FROM "shops" AS "t2"
    ) AS "t14"
      ON "t15"."shop_id" = "t14"."shop_id"
  ) AS "t16"
), "t26" AS (
  SELECT
    *
  FROM (
    SELECT
      "t3"."shop_id",
      CAST(NULL AS VARCHAR) AS "order_id",
      "t3"."session_id" AS "touchpoint_id",
      'session' AS "kind",
      "t3"."visitor_id",
      "t3"."customer_id",
      "t3"."started_at" AS "at",
      "t3"."landing_url",
      "t3"."referrer",
      "t3"."utm_source",
      "t3"."utm_medium",
      "t3"."utm_campaign",
      "t3"."utm_content",
      "t3"."utm_term"
    FROM "sessions" AS "t3"
  ) AS "t12"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t18"."shop_id",
      "t18"."order_id",
      'order:' || "t18"."order_id" AS "touchpoint_id",
      'order' AS "kind",
      "t18"."visitor_id",
      "t18"."customer_id",
      "t18"."processed_at" AS "at",
      "t18"."landing_site" AS "landing_url",
      "t18"."referring_site" AS "referrer",
      CAST(NULL AS VARCHAR) AS "utm_source",
      CAST(NULL AS VARCHAR) AS "utm_medium",
      CAST(NULL AS VARCHAR) AS "utm_campaign",
      CAST(NULL AS VARCHAR) AS "utm_content",
      CAST(NULL AS VARCHAR) AS "utm_term"
    FROM "t17" AS "t18"
  ) AS "t22"
), "t36" AS (
  SELECT
    "t31"."referrer",
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          NULLIF(
            CASE
              WHEN REGEXP_REPLACE(
                LOWER(TRIM(' 	
' FROM "t31"."referrer")),
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
' FROM "t31"."referrer")),
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
      "t27"."referrer"
    FROM "t26" AS "t27"
    WHERE
      "t27"."referrer" IS NOT NULL
  ) AS "t31"
), "t39" AS (
  SELECT DISTINCT
    "t37"."referrer_host"
  FROM "t36" AS "t37"
  WHERE
    "t37"."referrer_host" IS NOT NULL
), "t72" AS (
  SELECT
    "t71"."shop_id",
    "t71"."order_id",
    "t71"."touchpoint_id",
    "t71"."kind",
    "t71"."visitor_id",
    "t71"."customer_id",
    "t71"."at",
    "t71"."landing_url",
    "t71"."referrer",
    "t71"."utm_source",
    "t71"."utm_medium",
    "t71"."utm_campaign",
    "t71"."utm_content",
    "t71"."utm_term",
    "t71"."u_utm_source",
    "t71"."u_utm_medium",
    "t71"."u_utm_campaign",
    "t71"."u_utm_content",
    "t71"."u_utm_term",
    "t71"."referrer_host",
    "t71"."classified_by",
    (
      "t71"."classified_by" = 'direct'
    )
    OR (
      (
        "t71"."classified_by" = 'utm'
      )
      AND COALESCE(
        "t71"."u_utm_source" IN ('direct', '(direct)')
        AND "t71"."u_utm_medium" IN ('none', '(none)', '(not set)'),
        FALSE
      )
    ) AS "is_direct",
    CASE
      WHEN (
        "t71"."classified_by" = 'direct'
      )
      OR (
        (
          "t71"."classified_by" = 'utm'
        )
        AND COALESCE(
          "t71"."u_utm_source" IN ('direct', '(direct)')
          AND "t71"."u_utm_medium" IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'direct'
      WHEN "t71"."classified_by" = 'utm'
      THEN "t71"."u_utm_source"
      ELSE COALESCE("t71"."ref_source", "t71"."referrer_host")
    END AS "source",
    CASE
      WHEN (
        "t71"."classified_by" = 'direct'
      )
      OR (
        (
          "t71"."classified_by" = 'utm'
        )
        AND COALESCE(
          "t71"."u_utm_source" IN ('direct', '(direct)')
          AND "t71"."u_utm_medium" IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN 'none'
      WHEN "t71"."classified_by" = 'utm'
      THEN "t71"."u_utm_medium"
      ELSE COALESCE("t71"."ref_medium", 'referral')
    END AS "medium",
    CASE
      WHEN (
        "t71"."classified_by" = 'direct'
      )
      OR (
        (
          "t71"."classified_by" = 'utm'
        )
        AND COALESCE(
          "t71"."u_utm_source" IN ('direct', '(direct)')
          AND "t71"."u_utm_medium" IN ('none', '(none)', '(not set)'),
          FALSE
        )
      )
      THEN CAST(NULL AS VARCHAR)
      ELSE "t71"."u_utm_campaign"
    END AS "campaign"
  FROM (
    SELECT
      "t70"."shop_id",
      "t70"."order_id",
      "t70"."touchpoint_id",
      "t70"."kind",
      "t70"."visitor_id",
      "t70"."customer_id",
      "t70"."at",
      "t70"."landing_url",
      "t70"."referrer",
      "t70"."utm_source",
      "t70"."utm_medium",
      "t70"."utm_campaign",
      "t70"."utm_content",
      "t70"."utm_term",
      "t70"."u_utm_source",
      "t70"."u_utm_medium",
      "t70"."u_utm_campaign",
      "t70"."u_utm_content",
      "t70"."u_utm_term",
      "t70"."referrer_host",
      "t70"."ref_source",
      "t70"."ref_medium",
      "t70"."internal",
      CASE
        WHEN TRUE
        AND (
          "t70"."u_utm_source" IS NOT NULL
        )
        AND (
          "t70"."u_utm_medium" IS NOT NULL
        )
        THEN 'utm'
        WHEN (
          "t70"."referrer_host" IS NOT NULL
        ) AND NOT (
          "t70"."internal"
        )
        THEN 'referrer'
        ELSE 'direct'
      END AS "classified_by"
    FROM (
      SELECT
        "t28"."shop_id",
        "t28"."order_id",
        "t28"."touchpoint_id",
        "t28"."kind",
        "t28"."visitor_id",
        "t28"."customer_id",
        "t28"."at",
        "t28"."landing_url",
        "t28"."referrer",
        "t28"."utm_source",
        "t28"."utm_medium",
        "t28"."utm_campaign",
        "t28"."utm_content",
        "t28"."utm_term",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t28"."utm_source")), ''),
          "t44"."url_utm_source"
        ) AS "u_utm_source",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t28"."utm_medium")), ''),
          "t44"."url_utm_medium"
        ) AS "u_utm_medium",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t28"."utm_campaign")), ''),
          "t44"."url_utm_campaign"
        ) AS "u_utm_campaign",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t28"."utm_content")), ''),
          "t44"."url_utm_content"
        ) AS "u_utm_content",
        COALESCE(
          NULLIF(LOWER(TRIM(' 	
' FROM "t28"."utm_term")), ''),
          "t44"."url_utm_term"
        ) AS "u_utm_term",
        "t69"."referrer_host",
        "t69"."ref_source",
        "t69"."ref_medium",
        COALESCE("t69"."internal", FALSE) AS "internal"
      FROM "t26" AS "t28"
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            "t38"."referrer",
            "t38"."referrer_host",
            "t66"."ref_source",
            "t66"."ref_medium",
            "t66"."is_internal" AS "internal"
          FROM "t36" AS "t38"
          LEFT OUTER JOIN (
            SELECT
              "t41"."referrer_host",
              "t64"."ref_source",
              "t64"."ref_medium",
              "t60"."internal_host" IS NOT NULL AS "is_internal"
            FROM "t39" AS "t41"
            LEFT OUTER JOIN (
              SELECT
                "t62"."referrer_host",
                "t8"."source" AS "ref_source",
                "t8"."medium" AS "ref_medium"
              FROM (
                SELECT
                  "t58"."referrer_host",
                  MIN("t58"."position") AS "position"
                FROM (
                  SELECT
                    "t56"."referrer_host",
                    "t10"."position"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t40"."referrer_host",
                          'name' AS "kind",
                          1 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "t39" AS "t40"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t45"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t40"."referrer_host",
                          'name' AS "kind",
                          1 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "t39" AS "t40"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t46"
                    ) AS "t51"
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
                            "t40"."referrer_host",
                            'domain' AS "kind",
                            2 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "t39" AS "t40"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t47"
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t40"."referrer_host",
                            'domain' AS "kind",
                            3 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "t39" AS "t40"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t48"
                      ) AS "t52"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t40"."referrer_host",
                            'domain' AS "kind",
                            4 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH(
                                    "t40"."referrer_host",
                                    '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                  )
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "t39" AS "t40"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH(
                                    "t40"."referrer_host",
                                    '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                  )
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t49"
                        UNION ALL
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t40"."referrer_host",
                            'name' AS "kind",
                            1 AS "labels",
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) AS "key"
                          FROM "t39" AS "t40"
                          WHERE
                            NULLIF(
                              CASE
                                WHEN "t40"."referrer_host" ~ (
                                  '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                                )[2]
                                ELSE NULL
                              END,
                              ''
                            ) IS NOT NULL
                        ) AS "t50"
                      ) AS "t53"
                    ) AS "t54"
                  ) AS "t56"
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
                    ('domain', 2, 'snapchat.com', 22, 'snapchat', 'social')) AS t10(kind, labels, key, position, source, medium)
                    ON "t56"."kind" = "t10"."kind"
                    AND "t56"."labels" = "t10"."labels"
                    AND "t56"."key" = "t10"."key"
                ) AS "t58"
                GROUP BY
                  1
              ) AS "t62"
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
                (22, 'snapchat', 'social')) AS t8(position, source, medium)
                ON "t62"."position" = "t8"."position"
            ) AS "t64"
              ON "t41"."referrer_host" = "t64"."referrer_host"
            LEFT OUTER JOIN (
              SELECT DISTINCT
                *
              FROM (
                SELECT
                  "t56"."referrer_host" AS "internal_host"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t40"."referrer_host",
                        'name' AS "kind",
                        1 AS "labels",
                        NULLIF(
                          CASE
                            WHEN "t40"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) AS "key"
                      FROM "t39" AS "t40"
                      WHERE
                        NULLIF(
                          CASE
                            WHEN "t40"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.co\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) IS NOT NULL
                    ) AS "t45"
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t40"."referrer_host",
                        'name' AS "kind",
                        1 AS "labels",
                        NULLIF(
                          CASE
                            WHEN "t40"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) AS "key"
                      FROM "t39" AS "t40"
                      WHERE
                        NULLIF(
                          CASE
                            WHEN "t40"."referrer_host" ~ (
                              '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.com\.[a-z]{2,3}$' || ')')
                            )[2]
                            ELSE NULL
                          END,
                          ''
                        ) IS NOT NULL
                    ) AS "t46"
                  ) AS "t51"
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
                          "t40"."referrer_host",
                          'domain' AS "kind",
                          2 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "t39" AS "t40"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t47"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t40"."referrer_host",
                          'domain' AS "kind",
                          3 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "t39" AS "t40"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+))$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t48"
                    ) AS "t52"
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t40"."referrer_host",
                          'domain' AS "kind",
                          4 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH(
                                  "t40"."referrer_host",
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "t39" AS "t40"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH(
                                  "t40"."referrer_host",
                                  '(' || '(?:^|\.)([^.]+(?:\.[^.]+)(?:\.[^.]+)(?:\.[^.]+))$' || ')'
                                )
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t49"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t40"."referrer_host",
                          'name' AS "kind",
                          1 AS "labels",
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) AS "key"
                        FROM "t39" AS "t40"
                        WHERE
                          NULLIF(
                            CASE
                              WHEN "t40"."referrer_host" ~ (
                                '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')'
                              )
                              THEN (
                                REGEXP_MATCH("t40"."referrer_host", '(' || '(?:^|\.)([^.]+)\.[a-z]{2,3}$' || ')')
                              )[2]
                              ELSE NULL
                            END,
                            ''
                          ) IS NOT NULL
                      ) AS "t50"
                    ) AS "t53"
                  ) AS "t54"
                ) AS "t56"
                WHERE
                  EXISTS(
                    SELECT
                      1
                    FROM (VALUES
                      ('domain', 2, 'myshopify.com'),
                      ('domain', 2, 'shop.app'),
                      ('domain', 3, 'checkout.shopify.com')) AS t9(kind, labels, key)
                    WHERE
                      "t56"."kind" = "t9"."kind"
                      AND "t56"."labels" = "t9"."labels"
                      AND "t56"."key" = "t9"."key"
                  )
              ) AS "t57"
            ) AS "t60"
              ON "t41"."referrer_host" = "t60"."internal_host"
          ) AS "t66"
            ON "t38"."referrer_host" = "t66"."referrer_host"
        ) AS "t67"
      ) AS "t69"
        ON "t28"."referrer" = "t69"."referrer"
      LEFT OUTER JOIN (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            "t35"."landing_url",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t35"."ok__utm_source"
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
                        CASE WHEN "t35"."ok__utm_source" THEN "t35"."q__utm_source" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t35"."q__utm_source"
                END)
              ),
              ''
            ) AS "url_utm_source",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t35"."ok__utm_medium"
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
                        CASE WHEN "t35"."ok__utm_medium" THEN "t35"."q__utm_medium" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t35"."q__utm_medium"
                END)
              ),
              ''
            ) AS "url_utm_medium",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t35"."ok__utm_campaign"
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
                        CASE WHEN "t35"."ok__utm_campaign" THEN "t35"."q__utm_campaign" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t35"."q__utm_campaign"
                END)
              ),
              ''
            ) AS "url_utm_campaign",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t35"."ok__utm_content"
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
                        CASE WHEN "t35"."ok__utm_content" THEN "t35"."q__utm_content" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t35"."q__utm_content"
                END)
              ),
              ''
            ) AS "url_utm_content",
            NULLIF(
              LOWER(
                TRIM(' 	
' FROM CASE
                  WHEN "t35"."ok__utm_term"
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
                        CASE WHEN "t35"."ok__utm_term" THEN "t35"."q__utm_term" ELSE '' END,
                        '%[0-9A-Fa-f]{2}|[^%]+|%',
                        'g'
                      ) WITH ORDINALITY AS m(t, n)
                    ),
                    ''
                  )
                  ELSE "t35"."q__utm_term"
                END)
              ),
              ''
            ) AS "url_utm_term"
          FROM (
            SELECT
              "t33"."landing_url",
              "t33"."q__utm_source",
              "t33"."q__utm_medium",
              "t33"."q__utm_campaign",
              "t33"."q__utm_content",
              "t33"."q__utm_term",
              (
                POSITION('%' IN "t33"."q__utm_source") > 0
              )
              AND "t33"."q__utm_source" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_source",
              (
                POSITION('%' IN "t33"."q__utm_medium") > 0
              )
              AND "t33"."q__utm_medium" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_medium",
              (
                POSITION('%' IN "t33"."q__utm_campaign") > 0
              )
              AND "t33"."q__utm_campaign" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_campaign",
              (
                POSITION('%' IN "t33"."q__utm_content") > 0
              )
              AND "t33"."q__utm_content" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_content",
              (
                POSITION('%' IN "t33"."q__utm_term") > 0
              )
              AND "t33"."q__utm_term" ~ '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$' AS "ok__utm_term"
            FROM (
              SELECT
                "t30"."landing_url",
                REPLACE(
                  NULLIF(
                    CASE
                      WHEN "t30"."landing_url" ~ (
                        '(' || '[?&]utm_source=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t30"."landing_url", '(' || '[?&]utm_source=([^&#]*)' || ')')
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
                      WHEN "t30"."landing_url" ~ (
                        '(' || '[?&]utm_medium=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t30"."landing_url", '(' || '[?&]utm_medium=([^&#]*)' || ')')
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
                      WHEN "t30"."landing_url" ~ (
                        '(' || '[?&]utm_campaign=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t30"."landing_url", '(' || '[?&]utm_campaign=([^&#]*)' || ')')
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
                      WHEN "t30"."landing_url" ~ (
                        '(' || '[?&]utm_content=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t30"."landing_url", '(' || '[?&]utm_content=([^&#]*)' || ')')
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
                      WHEN "t30"."landing_url" ~ (
                        '(' || '[?&]utm_term=([^&#]*)' || ')'
                      )
                      THEN (
                        REGEXP_MATCH("t30"."landing_url", '(' || '[?&]utm_term=([^&#]*)' || ')')
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
                  "t27"."landing_url"
                FROM "t26" AS "t27"
                WHERE
                  "t27"."landing_url" IS NOT NULL
              ) AS "t30"
            ) AS "t33"
          ) AS "t35"
        ) AS "t42"
      ) AS "t44"
        ON "t28"."landing_url" = "t44"."landing_url"
    ) AS "t70"
  ) AS "t71"
), "t79" AS (
  SELECT
    "t76"."shop_id",
    "t76"."order_id",
    "t76"."touchpoint_id",
    "t76"."kind",
    "t76"."visitor_id",
    "t76"."customer_id",
    "t76"."at",
    "t76"."landing_url",
    "t76"."referrer",
    "t76"."utm_source",
    "t76"."utm_medium",
    "t76"."utm_campaign",
    "t76"."utm_content",
    "t76"."utm_term",
    "t76"."u_utm_source",
    "t76"."u_utm_medium",
    "t76"."u_utm_campaign",
    "t76"."u_utm_content",
    "t76"."u_utm_term",
    "t76"."referrer_host",
    "t76"."classified_by",
    "t76"."is_direct",
    "t76"."source",
    "t76"."medium",
    "t76"."campaign",
    "t76"."is_paid",
    "t76"."platform",
    "t78"."channel"
  FROM (
    SELECT
      "t73"."shop_id",
      "t73"."order_id",
      "t73"."touchpoint_id",
      "t73"."kind",
      "t73"."visitor_id",
      "t73"."customer_id",
      "t73"."at",
      "t73"."landing_url",
      "t73"."referrer",
      "t73"."utm_source",
      "t73"."utm_medium",
      "t73"."utm_campaign",
      "t73"."utm_content",
      "t73"."utm_term",
      "t73"."u_utm_source",
      "t73"."u_utm_medium",
      "t73"."u_utm_campaign",
      "t73"."u_utm_content",
      "t73"."u_utm_term",
      "t73"."referrer_host",
      "t73"."classified_by",
      "t73"."is_direct",
      "t73"."source",
      "t73"."medium",
      "t73"."campaign",
      NOT (
        "t73"."is_direct"
      )
      AND "t73"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS "is_paid",
      CASE
        WHEN NOT (
          "t73"."is_direct"
        )
        AND "t73"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display')
        THEN CASE
          WHEN "t73"."source" IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
          THEN 'meta'
          WHEN "t73"."source" IN ('google', 'adwords', 'youtube')
          THEN 'google'
          ELSE "t73"."source"
        END
        ELSE CAST(NULL AS VARCHAR)
      END AS "platform"
    FROM "t72" AS "t73"
  ) AS "t76"
  LEFT OUTER JOIN (
    SELECT
      COALESCE("t74"."source", '') AS "k_source",
      COALESCE("t74"."medium", '') AS "k_medium",
      COALESCE("t74"."campaign", '') AS "k_campaign",
      CASE
        WHEN TRUE
        AND COALESCE("t74"."source" IN ('direct', '(direct)'), FALSE)
        AND COALESCE("t74"."medium" IN ('none', '(none)', '(not set)'), FALSE)
        THEN 'Direct'
        WHEN TRUE
        AND COALESCE("t74"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        AND (
          COALESCE(
            "t74"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
            FALSE
          )
          OR COALESCE("t74"."campaign" ~ '^(.*(([^a-df-z]|^)shop|shopping).*)$', FALSE)
        )
        THEN 'Paid Shopping'
        WHEN TRUE
        AND COALESCE(
          "t74"."source" IN (
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
        AND COALESCE("t74"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Search'
        WHEN TRUE
        AND COALESCE(
          "t74"."source" IN (
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
        AND COALESCE("t74"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Social'
        WHEN TRUE
        AND COALESCE("t74"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
        AND COALESCE("t74"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Video'
        WHEN TRUE
        AND COALESCE(
          "t74"."medium" IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
          FALSE
        )
        THEN 'Display'
        WHEN TRUE AND COALESCE("t74"."medium" ~ '^(.*cp.*|ppc|retargeting|paid.*)$', FALSE)
        THEN 'Paid Other'
        WHEN TRUE
        AND (
          COALESCE(
            "t74"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
            FALSE
          )
          OR COALESCE("t74"."campaign" ~ '^(.*(([^a-df-z]|^)shop|shopping).*)$', FALSE)
        )
        THEN 'Organic Shopping'
        WHEN TRUE
        AND (
          COALESCE(
            "t74"."source" IN (
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
            "t74"."medium" IN (
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
          COALESCE("t74"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          OR COALESCE("t74"."medium" ~ '^(.*video.*)$', FALSE)
        )
        THEN 'Organic Video'
        WHEN TRUE
        AND (
          COALESCE(
            "t74"."source" IN (
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
          OR COALESCE("t74"."medium" IN ('organic'), FALSE)
        )
        THEN 'Organic Search'
        WHEN TRUE AND COALESCE("t74"."medium" IN ('referral', 'app', 'link'), FALSE)
        THEN 'Referral'
        WHEN TRUE
        AND (
          COALESCE("t74"."source" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          OR COALESCE("t74"."medium" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
        )
        THEN 'Email'
        WHEN TRUE AND COALESCE("t74"."medium" IN ('affiliate'), FALSE)
        THEN 'Affiliates'
        WHEN TRUE
        AND (
          COALESCE("t74"."source" IN ('sms'), FALSE)
          OR COALESCE("t74"."medium" IN ('sms'), FALSE)
        )
        THEN 'SMS'
        ELSE 'Unassigned'
      END AS "channel"
    FROM (
      SELECT DISTINCT
        "t73"."source",
        "t73"."medium",
        "t73"."campaign"
      FROM "t72" AS "t73"
    ) AS "t74"
  ) AS "t78"
    ON COALESCE("t76"."source", '') = "t78"."k_source"
    AND COALESCE("t76"."medium", '') = "t78"."k_medium"
    AND COALESCE("t76"."campaign", '') = "t78"."k_campaign"
), "t92" AS (
  SELECT
    "t91"."shop_id",
    "t91"."order_id",
    "t91"."touchpoint_id",
    "t91"."kind",
    "t91"."at",
    "t91"."source",
    "t91"."medium",
    "t91"."campaign",
    "t91"."channel",
    "t91"."platform",
    "t91"."is_direct",
    "t91"."is_paid",
    "t91"."classified_by",
    "t91"."referrer_host",
    MAX(
      CASE
        WHEN (
          "t91"."kind" = 'session'
        ) AND NOT (
          "t91"."is_direct"
        )
        THEN 1
        ELSE 0
      END
    ) OVER (
      PARTITION BY "t91"."shop_id", "t91"."order_id"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "clicked__"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t89"."shop_id",
        "t89"."order_id",
        "t84"."touchpoint_id",
        "t84"."kind",
        "t84"."at",
        "t84"."source",
        "t84"."medium",
        "t84"."campaign",
        "t84"."channel",
        "t84"."platform",
        "t84"."is_direct",
        "t84"."is_paid",
        "t84"."classified_by",
        "t84"."referrer_host"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t25"."shop_id",
            "t25"."order_id",
            "t85"."touchpoint_id"
          FROM (
            SELECT
              "t18"."shop_id",
              "t18"."order_id",
              "t18"."processed_at",
              "t18"."visitor_id" AS "o_visitor",
              "t18"."customer_id" AS "o_customer"
            FROM "t17" AS "t18"
          ) AS "t25"
          INNER JOIN (
            SELECT
              "t80"."touchpoint_id",
              "t80"."at",
              "t80"."shop_id" AS "tp_shop",
              "t80"."visitor_id" AS "tp_visitor",
              "t80"."customer_id" AS "tp_customer"
            FROM "t79" AS "t80"
            WHERE
              "t80"."kind" = 'session'
          ) AS "t85"
            ON "t25"."shop_id" = "t85"."tp_shop"
            AND "t85"."at" <= "t25"."processed_at"
            AND "t85"."at" >= (
              "t25"."processed_at" - INTERVAL '168 HOUR'
            )
            AND "t25"."o_visitor" = "t85"."tp_visitor"
        ) AS "t86"
        UNION
        SELECT
          *
        FROM (
          SELECT
            "t25"."shop_id",
            "t25"."order_id",
            "t85"."touchpoint_id"
          FROM (
            SELECT
              "t18"."shop_id",
              "t18"."order_id",
              "t18"."processed_at",
              "t18"."visitor_id" AS "o_visitor",
              "t18"."customer_id" AS "o_customer"
            FROM "t17" AS "t18"
          ) AS "t25"
          INNER JOIN (
            SELECT
              "t80"."touchpoint_id",
              "t80"."at",
              "t80"."shop_id" AS "tp_shop",
              "t80"."visitor_id" AS "tp_visitor",
              "t80"."customer_id" AS "tp_customer"
            FROM "t79" AS "t80"
            WHERE
              "t80"."kind" = 'session'
          ) AS "t85"
            ON "t25"."shop_id" = "t85"."tp_shop"
            AND "t85"."at" <= "t25"."processed_at"
            AND "t85"."at" >= (
              "t25"."processed_at" - INTERVAL '168 HOUR'
            )
            AND "t25"."o_customer" = "t85"."tp_customer"
        ) AS "t87"
      ) AS "t89"
      INNER JOIN (
        SELECT
          "t80"."touchpoint_id",
          "t80"."kind",
          "t80"."at",
          "t80"."source",
          "t80"."medium",
          "t80"."campaign",
          "t80"."channel",
          "t80"."platform",
          "t80"."is_direct",
          "t80"."is_paid",
          "t80"."classified_by",
          "t80"."referrer_host",
          "t80"."shop_id" AS "tp_shop"
        FROM "t79" AS "t80"
        WHERE
          "t80"."kind" = 'session'
      ) AS "t84"
        ON "t89"."shop_id" = "t84"."tp_shop"
        AND "t89"."touchpoint_id" = "t84"."touchpoint_id"
    ) AS "t90"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t80"."shop_id",
        "t80"."order_id",
        "t80"."touchpoint_id",
        "t80"."kind",
        "t80"."at",
        "t80"."source",
        "t80"."medium",
        "t80"."campaign",
        "t80"."channel",
        "t80"."platform",
        "t80"."is_direct",
        "t80"."is_paid",
        "t80"."classified_by",
        "t80"."referrer_host"
      FROM "t79" AS "t80"
      WHERE
        "t80"."kind" = 'order' AND NOT (
          "t80"."is_direct"
        )
    ) AS "t83"
  ) AS "t91"
), "t101" AS (
  SELECT
    "t23"."shop_id",
    "t23"."order_id",
    "t23"."day",
    "t23"."order_revenue",
    "t23"."processed_at",
    "t100"."touchpoint_id",
    "t100"."kind",
    "t100"."at",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."source" ELSE 'direct' END AS "source",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."medium" ELSE 'none' END AS "medium",
    "t100"."campaign",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."channel" ELSE 'Direct' END AS "channel",
    "t100"."platform",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."is_direct" ELSE TRUE END AS "is_direct",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."is_paid" ELSE FALSE END AS "is_paid",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."classified_by" ELSE 'direct' END AS "classified_by",
    "t100"."referrer_host",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."part" ELSE 0 END AS "part",
    CASE WHEN "t100"."parts" IS NOT NULL THEN "t100"."parts" ELSE 1 END AS "parts",
    COALESCE("t97"."candidates", 0) AS "candidates"
  FROM (
    SELECT
      "t18"."shop_id",
      "t18"."order_id",
      "t18"."day",
      "t18"."order_revenue",
      "t18"."processed_at"
    FROM "t17" AS "t18"
  ) AS "t23"
  LEFT OUTER JOIN (
    SELECT
      "t98"."shop_id",
      "t98"."order_id",
      "t98"."touchpoint_id",
      "t98"."kind",
      "t98"."at",
      "t98"."source",
      "t98"."medium",
      "t98"."campaign",
      "t98"."channel",
      "t98"."platform",
      "t98"."is_direct",
      "t98"."is_paid",
      "t98"."classified_by",
      "t98"."referrer_host",
      "t98"."part",
      "t98"."eligible_count",
      "t98"."eligible_count" AS "parts"
    FROM (
      SELECT
        "t95"."shop_id",
        "t95"."order_id",
        "t95"."touchpoint_id",
        "t95"."kind",
        "t95"."at",
        "t95"."source",
        "t95"."medium",
        "t95"."campaign",
        "t95"."channel",
        "t95"."platform",
        "t95"."is_direct",
        "t95"."is_paid",
        "t95"."classified_by",
        "t95"."referrer_host",
        ROW_NUMBER() OVER (
          PARTITION BY "t95"."shop_id", "t95"."order_id"
          ORDER BY "t95"."at" DESC NULLS LAST, "t95"."touchpoint_id" DESC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "part",
        COUNT("t95"."touchpoint_id") OVER (
          PARTITION BY "t95"."shop_id", "t95"."order_id"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "eligible_count"
      FROM (
        SELECT
          "t93"."shop_id",
          "t93"."order_id",
          "t93"."touchpoint_id",
          "t93"."kind",
          "t93"."at",
          "t93"."source",
          "t93"."medium",
          "t93"."campaign",
          "t93"."channel",
          "t93"."platform",
          "t93"."is_direct",
          "t93"."is_paid",
          "t93"."classified_by",
          "t93"."referrer_host"
        FROM "t92" AS "t93"
        WHERE
          (
            (
              "t93"."kind" = 'session'
            ) OR (
              "t93"."clicked__" = 0
            )
          )
          AND NOT (
            "t93"."is_direct"
          )
      ) AS "t95"
    ) AS "t98"
  ) AS "t100"
    ON "t23"."shop_id" = "t100"."shop_id" AND "t23"."order_id" = "t100"."order_id"
  LEFT OUTER JOIN (
    SELECT
      "t94"."shop_id",
      "t94"."order_id",
      COUNT("t94"."touchpoint_id") AS "candidates"
    FROM (
      SELECT
        "t93"."shop_id",
        "t93"."order_id",
        "t93"."touchpoint_id",
        "t93"."kind",
        "t93"."at",
        "t93"."source",
        "t93"."medium",
        "t93"."campaign",
        "t93"."channel",
        "t93"."platform",
        "t93"."is_direct",
        "t93"."is_paid",
        "t93"."classified_by",
        "t93"."referrer_host"
      FROM "t92" AS "t93"
      WHERE
        (
          "t93"."kind" = 'session'
        ) OR (
          "t93"."clicked__" = 0
        )
    ) AS "t94"
    GROUP BY
      1,
      2
  ) AS "t97"
    ON "t23"."shop_id" = "t97"."shop_id" AND "t23"."order_id" = "t97"."order_id"
)
SELECT
  "t109"."month",
  "t109"."channel",
  CAST(COALESCE("t109"."m__attributed_revenue__v1", CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "attributed_revenue",
  CAST(COALESCE("t109"."m__attributed_orders__v1", 0) AS BIGINT) AS "attributed_orders"
FROM (
  SELECT
    "t108"."month",
    "t108"."channel",
    SUM("t108"."m__attributed_revenue__v1") AS "m__attributed_revenue__v1",
    SUM("t108"."m__attributed_orders__v1") AS "m__attributed_orders__v1"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('MONTH', "t102"."day") AS TIMESTAMP) AS DATE) AS "month",
        "t102"."channel",
        CAST(CASE
          WHEN CAST("t102"."order_revenue" * 100 AS BIGINT) < 0
          THEN -(
            CAST(FLOOR(
              CAST((
                ABS(CAST("t102"."order_revenue" * 100 AS BIGINT))
              ) AS DOUBLE PRECISION) / (
                "t102"."parts"
              )
            ) AS BIGINT) + CASE
              WHEN "t102"."part" < (
                ABS(CAST("t102"."order_revenue" * 100 AS BIGINT)) % "t102"."parts"
              )
              THEN 1
              ELSE 0
            END
          )
          ELSE CAST(FLOOR(
            CAST((
              ABS(CAST("t102"."order_revenue" * 100 AS BIGINT))
            ) AS DOUBLE PRECISION) / (
              "t102"."parts"
            )
          ) AS BIGINT) + CASE
            WHEN "t102"."part" < (
              ABS(CAST("t102"."order_revenue" * 100 AS BIGINT)) % "t102"."parts"
            )
            THEN 1
            ELSE 0
          END
        END AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2)) AS "m__attributed_revenue__v1",
        1 AS "m__attributed_orders__v1"
      FROM "t101" AS "t102"
    ) AS "t106"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('MONTH', "t105"."day") AS TIMESTAMP) AS DATE) AS "month",
        "t105"."channel",
        -(
          CAST(CASE
            WHEN CAST("t105"."refund_total" * 100 AS BIGINT) < 0
            THEN -(
              CAST(FLOOR(
                CAST((
                  ABS(CAST("t105"."refund_total" * 100 AS BIGINT))
                ) AS DOUBLE PRECISION) / (
                  "t105"."parts"
                )
              ) AS BIGINT) + CASE
                WHEN "t105"."part" < (
                  ABS(CAST("t105"."refund_total" * 100 AS BIGINT)) % "t105"."parts"
                )
                THEN 1
                ELSE 0
              END
            )
            ELSE CAST(FLOOR(
              CAST((
                ABS(CAST("t105"."refund_total" * 100 AS BIGINT))
              ) AS DOUBLE PRECISION) / (
                "t105"."parts"
              )
            ) AS BIGINT) + CASE
              WHEN "t105"."part" < (
                ABS(CAST("t105"."refund_total" * 100 AS BIGINT)) % "t105"."parts"
              )
              THEN 1
              ELSE 0
            END
          END AS DECIMAL(18, 2)) * CAST('0.01' AS DECIMAL(18, 2))
        ) AS "m__attributed_revenue__v1",
        CAST(NULL AS BIGINT) AS "m__attributed_orders__v1"
      FROM (
        SELECT
          "t34"."shop_id",
          "t34"."refund_id",
          "t34"."order_id",
          "t34"."processed_at",
          "t34"."amount",
          "t34"."shipping",
          "t34"."taxes",
          "t34"."_loaded_at",
          "t34"."duties",
          "t34"."shop_timezone",
          "t34"."taxes_included",
          "t34"."order_day",
          "t34"."day",
          "t34"."refund_total",
          "t104"."touchpoint_id",
          "t104"."source",
          "t104"."medium",
          "t104"."campaign",
          "t104"."channel",
          "t104"."platform",
          "t104"."is_direct",
          "t104"."is_paid",
          "t104"."part",
          "t104"."parts"
        FROM (
          SELECT
            "t29"."shop_id",
            "t29"."refund_id",
            "t29"."order_id",
            "t29"."processed_at",
            "t29"."amount",
            "t29"."shipping",
            "t29"."taxes",
            "t29"."_loaded_at",
            "t29"."duties",
            "t29"."shop_timezone",
            "t29"."taxes_included",
            "t29"."order_day",
            "t29"."order_day" AS "day",
            "t29"."amount" + "t29"."shipping" + CASE WHEN COALESCE("t29"."taxes_included", FALSE) THEN 0 ELSE "t29"."taxes" END AS "refund_total"
          FROM (
            SELECT
              "t7"."shop_id",
              "t7"."refund_id",
              "t7"."order_id",
              "t7"."processed_at",
              "t7"."amount",
              "t7"."shipping",
              "t7"."taxes",
              "t7"."_loaded_at",
              "t7"."duties",
              "t24"."shop_timezone",
              "t24"."taxes_included",
              "t24"."order_day"
            FROM "refunds" AS "t7"
            INNER JOIN (
              SELECT
                "t18"."shop_id",
                "t18"."order_id",
                "t18"."shop_timezone",
                "t18"."taxes_included",
                "t18"."day" AS "order_day"
              FROM "t17" AS "t18"
            ) AS "t24"
              ON "t7"."shop_id" = "t24"."shop_id" AND "t7"."order_id" = "t24"."order_id"
          ) AS "t29"
        ) AS "t34"
        INNER JOIN (
          SELECT
            "t102"."shop_id",
            "t102"."order_id",
            "t102"."touchpoint_id",
            "t102"."source",
            "t102"."medium",
            "t102"."campaign",
            "t102"."channel",
            "t102"."platform",
            "t102"."is_direct",
            "t102"."is_paid",
            "t102"."part",
            "t102"."parts"
          FROM "t101" AS "t102"
        ) AS "t104"
          ON "t34"."shop_id" = "t104"."shop_id" AND "t34"."order_id" = "t104"."order_id"
      ) AS "t105"
    ) AS "t107"
  ) AS "t108"
  GROUP BY
    1,
    2
) AS "t109"
ORDER BY
  "t109"."month" ASC,
  "t109"."channel" ASC
