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
    "t10"."shop_timezone",
    CAST(TIMEZONE("t10"."shop_timezone", "t10"."processed_at") AS DATE) AS "day",
    (
      "t10"."gross_sales" - "t10"."discounts"
    ) + "t10"."shipping" + "t10"."taxes" AS "order_revenue"
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
    ) AS "t9"
    INNER JOIN (
      SELECT
        "t2"."shop_id",
        "t2"."timezone" AS "shop_timezone"
      FROM "shops" AS "t2"
    ) AS "t8"
      ON "t9"."shop_id" = "t8"."shop_id"
  ) AS "t10"
), "t32" AS (
  SELECT
    *
  FROM (
    SELECT
      "t20"."shop_id",
      "t20"."order_id",
      "t29"."touchpoint_id",
      "t29"."kind",
      "t29"."at",
      "t29"."source",
      "t29"."medium",
      "t29"."campaign",
      "t29"."channel",
      "t29"."platform",
      "t29"."is_direct",
      "t29"."is_paid",
      "t29"."classified_by",
      "t29"."referrer_host"
    FROM (
      SELECT
        "t12"."shop_id",
        "t12"."order_id",
        "t12"."processed_at",
        "t12"."visitor_id" AS "o_visitor",
        "t12"."customer_id" AS "o_customer"
      FROM "t11" AS "t12"
    ) AS "t20"
    INNER JOIN (
      SELECT
        "t25"."touchpoint_id",
        "t25"."kind",
        "t25"."at",
        "t25"."source",
        "t25"."medium",
        "t25"."campaign",
        CASE
          WHEN TRUE
          AND COALESCE("t25"."source" IN ('direct', '(direct)'), FALSE)
          AND COALESCE("t25"."medium" IN ('none', '(none)', '(not set)'), FALSE)
          THEN 'Direct'
          WHEN TRUE
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          AND (
            COALESCE(
              "t25"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_MATCHES("t25"."campaign", '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Paid Shopping'
          WHEN TRUE
          AND COALESCE(
            "t25"."source" IN (
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
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Search'
          WHEN TRUE
          AND COALESCE(
            "t25"."source" IN (
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
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Social'
          WHEN TRUE
          AND COALESCE("t25"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Video'
          WHEN TRUE
          AND COALESCE(
            "t25"."medium" IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
            FALSE
          )
          THEN 'Display'
          WHEN TRUE
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Other'
          WHEN TRUE
          AND (
            COALESCE(
              "t25"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_MATCHES("t25"."campaign", '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Organic Shopping'
          WHEN TRUE
          AND (
            COALESCE(
              "t25"."source" IN (
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
              "t25"."medium" IN (
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
            COALESCE("t25"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
            OR COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*video.*)$'), FALSE)
          )
          THEN 'Organic Video'
          WHEN TRUE
          AND (
            COALESCE(
              "t25"."source" IN (
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
            OR COALESCE("t25"."medium" IN ('organic'), FALSE)
          )
          THEN 'Organic Search'
          WHEN TRUE AND COALESCE("t25"."medium" IN ('referral', 'app', 'link'), FALSE)
          THEN 'Referral'
          WHEN TRUE
          AND (
            COALESCE("t25"."source" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
            OR COALESCE("t25"."medium" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          )
          THEN 'Email'
          WHEN TRUE AND COALESCE("t25"."medium" IN ('affiliate'), FALSE)
          THEN 'Affiliates'
          WHEN TRUE
          AND (
            COALESCE("t25"."source" IN ('sms'), FALSE)
            OR COALESCE("t25"."medium" IN ('sms'), FALSE)
          )
          THEN 'SMS'
          ELSE 'Unassigned'
        END AS "channel",
        CASE
          WHEN NOT (
            "t25"."is_direct"
          )
          AND "t25"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display')
          THEN CASE
            WHEN "t25"."source" IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
            THEN 'meta'
            WHEN "t25"."source" IN ('google', 'adwords', 'youtube')
            THEN 'google'
            ELSE "t25"."source"
          END
          ELSE CAST(NULL AS TEXT)
        END AS "platform",
        "t25"."is_direct",
        NOT (
          "t25"."is_direct"
        )
        AND "t25"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS "is_paid",
        "t25"."classified_by",
        "t25"."referrer_host",
        "t25"."shop_id" AS "tp_shop",
        "t25"."visitor_id" AS "tp_visitor",
        "t25"."customer_id" AS "tp_customer"
      FROM (
        SELECT
          "t22"."shop_id",
          "t22"."touchpoint_id",
          "t22"."kind",
          "t22"."visitor_id",
          "t22"."customer_id",
          "t22"."at",
          "t22"."landing_url",
          "t22"."referrer",
          "t22"."utm_source",
          "t22"."utm_medium",
          "t22"."utm_campaign",
          "t22"."utm_content",
          "t22"."utm_term",
          "t22"."u_utm_source",
          "t22"."u_utm_medium",
          "t22"."u_utm_campaign",
          "t22"."u_utm_content",
          "t22"."u_utm_term",
          "t22"."referrer_host",
          "t22"."classified_by",
          (
            "t22"."classified_by" = 'direct'
          )
          OR (
            (
              "t22"."classified_by" = 'utm'
            )
            AND COALESCE(
              "t22"."u_utm_source" IN ('direct', '(direct)')
              AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
              FALSE
            )
          ) AS "is_direct",
          CASE
            WHEN (
              "t22"."classified_by" = 'direct'
            )
            OR (
              (
                "t22"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t22"."u_utm_source" IN ('direct', '(direct)')
                AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'direct'
            WHEN "t22"."classified_by" = 'utm'
            THEN "t22"."u_utm_source"
            ELSE CASE
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.google\.com$)|((^|\.)inbox\.google\.com$)')
              THEN 'gmail'
              WHEN REGEXP_MATCHES(
                "t22"."referrer_host",
                '((^|\.)outlook\.live\.com$)|((^|\.)outlook\.office\.com$)|((^|\.)outlook\.office365\.com$)|((^|\.)mail\.live\.com$)'
              )
              THEN 'outlook'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.yahoo\.com$)|((^|\.)mail\.yahoo\.co\.jp$)')
              THEN 'yahoo'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.aol\.com$)')
              THEN 'aol'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.proton\.me$)|((^|\.)mail\.protonmail\.com$)')
              THEN 'protonmail'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)google\.(com?\.)?[a-z]{2,3}$)')
              THEN 'google'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)bing\.com$)')
              THEN 'bing'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)duckduckgo\.com$)')
              THEN 'duckduckgo'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yahoo\.(com?\.)?[a-z]{2,3}$)')
              THEN 'yahoo'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)ecosia\.org$)')
              THEN 'ecosia'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)baidu\.com$)')
              THEN 'baidu'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yandex\.(com?\.)?[a-z]{2,3}$)')
              THEN 'yandex'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)search\.brave\.com$)')
              THEN 'brave'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)facebook\.com$)|((^|\.)fb\.com$)|((^|\.)fb\.me$)')
              THEN 'facebook'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)instagram\.com$)')
              THEN 'instagram'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)t\.co$)|((^|\.)twitter\.com$)|((^|\.)x\.com$)')
              THEN 'twitter'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)linkedin\.com$)|((^|\.)lnkd\.in$)')
              THEN 'linkedin'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)pinterest\.(com?\.)?[a-z]{2,3}$)|((^|\.)pin\.it$)')
              THEN 'pinterest'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)tiktok\.com$)')
              THEN 'tiktok'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)youtube\.com$)|((^|\.)youtu\.be$)')
              THEN 'youtube'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)reddit\.com$)')
              THEN 'reddit'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)threads\.net$)')
              THEN 'threads'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)snapchat\.com$)')
              THEN 'snapchat'
              ELSE "t22"."referrer_host"
            END
          END AS "source",
          CASE
            WHEN (
              "t22"."classified_by" = 'direct'
            )
            OR (
              (
                "t22"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t22"."u_utm_source" IN ('direct', '(direct)')
                AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'none'
            WHEN "t22"."classified_by" = 'utm'
            THEN "t22"."u_utm_medium"
            ELSE CASE
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.google\.com$)|((^|\.)inbox\.google\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES(
                "t22"."referrer_host",
                '((^|\.)outlook\.live\.com$)|((^|\.)outlook\.office\.com$)|((^|\.)outlook\.office365\.com$)|((^|\.)mail\.live\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.yahoo\.com$)|((^|\.)mail\.yahoo\.co\.jp$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.aol\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.proton\.me$)|((^|\.)mail\.protonmail\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)google\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)bing\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)duckduckgo\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yahoo\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)ecosia\.org$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)baidu\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yandex\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)search\.brave\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)facebook\.com$)|((^|\.)fb\.com$)|((^|\.)fb\.me$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)instagram\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)t\.co$)|((^|\.)twitter\.com$)|((^|\.)x\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)linkedin\.com$)|((^|\.)lnkd\.in$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)pinterest\.(com?\.)?[a-z]{2,3}$)|((^|\.)pin\.it$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)tiktok\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)youtube\.com$)|((^|\.)youtu\.be$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)reddit\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)threads\.net$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)snapchat\.com$)')
              THEN 'social'
              ELSE 'referral'
            END
          END AS "medium",
          CASE
            WHEN (
              "t22"."classified_by" = 'direct'
            )
            OR (
              (
                "t22"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t22"."u_utm_source" IN ('direct', '(direct)')
                AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN CAST(NULL AS TEXT)
            ELSE "t22"."u_utm_campaign"
          END AS "campaign"
        FROM (
          SELECT
            "t16"."shop_id",
            "t16"."touchpoint_id",
            "t16"."kind",
            "t16"."visitor_id",
            "t16"."customer_id",
            "t16"."at",
            "t16"."landing_url",
            "t16"."referrer",
            "t16"."utm_source",
            "t16"."utm_medium",
            "t16"."utm_campaign",
            "t16"."utm_content",
            "t16"."utm_term",
            "t16"."u_utm_source",
            "t16"."u_utm_medium",
            "t16"."u_utm_campaign",
            "t16"."u_utm_content",
            "t16"."u_utm_term",
            "t16"."referrer_host",
            CASE
              WHEN TRUE
              AND (
                NOT "t16"."u_utm_source" IS NULL
              )
              AND (
                NOT "t16"."u_utm_medium" IS NULL
              )
              THEN 'utm'
              WHEN (
                NOT "t16"."referrer_host" IS NULL
              )
              AND NOT (
                REGEXP_MATCHES(
                  "t16"."referrer_host",
                  '((^|\.)myshopify\.com$)|((^|\.)checkout\.shopify\.com$)|((^|\.)shop\.app$)'
                )
              )
              THEN 'referrer'
              ELSE 'direct'
            END AS "classified_by"
          FROM (
            SELECT
              "t6"."shop_id",
              "t6"."touchpoint_id",
              "t6"."kind",
              "t6"."visitor_id",
              "t6"."customer_id",
              "t6"."at",
              "t6"."landing_url",
              "t6"."referrer",
              "t6"."utm_source",
              "t6"."utm_medium",
              "t6"."utm_campaign",
              "t6"."utm_content",
              "t6"."utm_term",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_source", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_source",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_medium", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_medium",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_campaign", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_campaign",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_content", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_content",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_term", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                              '%'
                            )
                            THEN REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' ')
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' ')
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_term",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    NULLIF(
                      REGEXP_EXTRACT(
                        REGEXP_REPLACE(
                          LOWER(TRIM("t6"."referrer", ' 	
')),
                          '^[a-z][a-z0-9+.-]*:(//)?',
                          '',
                          'g'
                        ),
                        '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)',
                        1
                      ),
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
              SELECT
                "t3"."shop_id",
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
            ) AS "t6"
          ) AS "t16"
        ) AS "t22"
      ) AS "t25"
    ) AS "t29"
      ON "t20"."shop_id" = "t29"."tp_shop"
      AND "t29"."at" <= "t20"."processed_at"
      AND "t29"."at" >= (
        "t20"."processed_at" - INTERVAL '168' HOUR
      )
      AND "t20"."o_visitor" = "t29"."tp_visitor"
  ) AS "t30"
  UNION
  SELECT
    *
  FROM (
    SELECT
      "t20"."shop_id",
      "t20"."order_id",
      "t29"."touchpoint_id",
      "t29"."kind",
      "t29"."at",
      "t29"."source",
      "t29"."medium",
      "t29"."campaign",
      "t29"."channel",
      "t29"."platform",
      "t29"."is_direct",
      "t29"."is_paid",
      "t29"."classified_by",
      "t29"."referrer_host"
    FROM (
      SELECT
        "t12"."shop_id",
        "t12"."order_id",
        "t12"."processed_at",
        "t12"."visitor_id" AS "o_visitor",
        "t12"."customer_id" AS "o_customer"
      FROM "t11" AS "t12"
    ) AS "t20"
    INNER JOIN (
      SELECT
        "t25"."touchpoint_id",
        "t25"."kind",
        "t25"."at",
        "t25"."source",
        "t25"."medium",
        "t25"."campaign",
        CASE
          WHEN TRUE
          AND COALESCE("t25"."source" IN ('direct', '(direct)'), FALSE)
          AND COALESCE("t25"."medium" IN ('none', '(none)', '(not set)'), FALSE)
          THEN 'Direct'
          WHEN TRUE
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          AND (
            COALESCE(
              "t25"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_MATCHES("t25"."campaign", '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Paid Shopping'
          WHEN TRUE
          AND COALESCE(
            "t25"."source" IN (
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
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Search'
          WHEN TRUE
          AND COALESCE(
            "t25"."source" IN (
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
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Social'
          WHEN TRUE
          AND COALESCE("t25"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Video'
          WHEN TRUE
          AND COALESCE(
            "t25"."medium" IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
            FALSE
          )
          THEN 'Display'
          WHEN TRUE
          AND COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Other'
          WHEN TRUE
          AND (
            COALESCE(
              "t25"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_MATCHES("t25"."campaign", '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Organic Shopping'
          WHEN TRUE
          AND (
            COALESCE(
              "t25"."source" IN (
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
              "t25"."medium" IN (
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
            COALESCE("t25"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
            OR COALESCE(REGEXP_MATCHES("t25"."medium", '^(.*video.*)$'), FALSE)
          )
          THEN 'Organic Video'
          WHEN TRUE
          AND (
            COALESCE(
              "t25"."source" IN (
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
            OR COALESCE("t25"."medium" IN ('organic'), FALSE)
          )
          THEN 'Organic Search'
          WHEN TRUE AND COALESCE("t25"."medium" IN ('referral', 'app', 'link'), FALSE)
          THEN 'Referral'
          WHEN TRUE
          AND (
            COALESCE("t25"."source" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
            OR COALESCE("t25"."medium" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          )
          THEN 'Email'
          WHEN TRUE AND COALESCE("t25"."medium" IN ('affiliate'), FALSE)
          THEN 'Affiliates'
          WHEN TRUE
          AND (
            COALESCE("t25"."source" IN ('sms'), FALSE)
            OR COALESCE("t25"."medium" IN ('sms'), FALSE)
          )
          THEN 'SMS'
          ELSE 'Unassigned'
        END AS "channel",
        CASE
          WHEN NOT (
            "t25"."is_direct"
          )
          AND "t25"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display')
          THEN CASE
            WHEN "t25"."source" IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
            THEN 'meta'
            WHEN "t25"."source" IN ('google', 'adwords', 'youtube')
            THEN 'google'
            ELSE "t25"."source"
          END
          ELSE CAST(NULL AS TEXT)
        END AS "platform",
        "t25"."is_direct",
        NOT (
          "t25"."is_direct"
        )
        AND "t25"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS "is_paid",
        "t25"."classified_by",
        "t25"."referrer_host",
        "t25"."shop_id" AS "tp_shop",
        "t25"."visitor_id" AS "tp_visitor",
        "t25"."customer_id" AS "tp_customer"
      FROM (
        SELECT
          "t22"."shop_id",
          "t22"."touchpoint_id",
          "t22"."kind",
          "t22"."visitor_id",
          "t22"."customer_id",
          "t22"."at",
          "t22"."landing_url",
          "t22"."referrer",
          "t22"."utm_source",
          "t22"."utm_medium",
          "t22"."utm_campaign",
          "t22"."utm_content",
          "t22"."utm_term",
          "t22"."u_utm_source",
          "t22"."u_utm_medium",
          "t22"."u_utm_campaign",
          "t22"."u_utm_content",
          "t22"."u_utm_term",
          "t22"."referrer_host",
          "t22"."classified_by",
          (
            "t22"."classified_by" = 'direct'
          )
          OR (
            (
              "t22"."classified_by" = 'utm'
            )
            AND COALESCE(
              "t22"."u_utm_source" IN ('direct', '(direct)')
              AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
              FALSE
            )
          ) AS "is_direct",
          CASE
            WHEN (
              "t22"."classified_by" = 'direct'
            )
            OR (
              (
                "t22"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t22"."u_utm_source" IN ('direct', '(direct)')
                AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'direct'
            WHEN "t22"."classified_by" = 'utm'
            THEN "t22"."u_utm_source"
            ELSE CASE
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.google\.com$)|((^|\.)inbox\.google\.com$)')
              THEN 'gmail'
              WHEN REGEXP_MATCHES(
                "t22"."referrer_host",
                '((^|\.)outlook\.live\.com$)|((^|\.)outlook\.office\.com$)|((^|\.)outlook\.office365\.com$)|((^|\.)mail\.live\.com$)'
              )
              THEN 'outlook'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.yahoo\.com$)|((^|\.)mail\.yahoo\.co\.jp$)')
              THEN 'yahoo'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.aol\.com$)')
              THEN 'aol'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.proton\.me$)|((^|\.)mail\.protonmail\.com$)')
              THEN 'protonmail'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)google\.(com?\.)?[a-z]{2,3}$)')
              THEN 'google'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)bing\.com$)')
              THEN 'bing'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)duckduckgo\.com$)')
              THEN 'duckduckgo'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yahoo\.(com?\.)?[a-z]{2,3}$)')
              THEN 'yahoo'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)ecosia\.org$)')
              THEN 'ecosia'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)baidu\.com$)')
              THEN 'baidu'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yandex\.(com?\.)?[a-z]{2,3}$)')
              THEN 'yandex'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)search\.brave\.com$)')
              THEN 'brave'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)facebook\.com$)|((^|\.)fb\.com$)|((^|\.)fb\.me$)')
              THEN 'facebook'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)instagram\.com$)')
              THEN 'instagram'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)t\.co$)|((^|\.)twitter\.com$)|((^|\.)x\.com$)')
              THEN 'twitter'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)linkedin\.com$)|((^|\.)lnkd\.in$)')
              THEN 'linkedin'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)pinterest\.(com?\.)?[a-z]{2,3}$)|((^|\.)pin\.it$)')
              THEN 'pinterest'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)tiktok\.com$)')
              THEN 'tiktok'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)youtube\.com$)|((^|\.)youtu\.be$)')
              THEN 'youtube'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)reddit\.com$)')
              THEN 'reddit'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)threads\.net$)')
              THEN 'threads'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)snapchat\.com$)')
              THEN 'snapchat'
              ELSE "t22"."referrer_host"
            END
          END AS "source",
          CASE
            WHEN (
              "t22"."classified_by" = 'direct'
            )
            OR (
              (
                "t22"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t22"."u_utm_source" IN ('direct', '(direct)')
                AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'none'
            WHEN "t22"."classified_by" = 'utm'
            THEN "t22"."u_utm_medium"
            ELSE CASE
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.google\.com$)|((^|\.)inbox\.google\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES(
                "t22"."referrer_host",
                '((^|\.)outlook\.live\.com$)|((^|\.)outlook\.office\.com$)|((^|\.)outlook\.office365\.com$)|((^|\.)mail\.live\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.yahoo\.com$)|((^|\.)mail\.yahoo\.co\.jp$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.aol\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)mail\.proton\.me$)|((^|\.)mail\.protonmail\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)google\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)bing\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)duckduckgo\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yahoo\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)ecosia\.org$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)baidu\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)yandex\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)search\.brave\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)facebook\.com$)|((^|\.)fb\.com$)|((^|\.)fb\.me$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)instagram\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)t\.co$)|((^|\.)twitter\.com$)|((^|\.)x\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)linkedin\.com$)|((^|\.)lnkd\.in$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)pinterest\.(com?\.)?[a-z]{2,3}$)|((^|\.)pin\.it$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)tiktok\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)youtube\.com$)|((^|\.)youtu\.be$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)reddit\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)threads\.net$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t22"."referrer_host", '((^|\.)snapchat\.com$)')
              THEN 'social'
              ELSE 'referral'
            END
          END AS "medium",
          CASE
            WHEN (
              "t22"."classified_by" = 'direct'
            )
            OR (
              (
                "t22"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t22"."u_utm_source" IN ('direct', '(direct)')
                AND "t22"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN CAST(NULL AS TEXT)
            ELSE "t22"."u_utm_campaign"
          END AS "campaign"
        FROM (
          SELECT
            "t16"."shop_id",
            "t16"."touchpoint_id",
            "t16"."kind",
            "t16"."visitor_id",
            "t16"."customer_id",
            "t16"."at",
            "t16"."landing_url",
            "t16"."referrer",
            "t16"."utm_source",
            "t16"."utm_medium",
            "t16"."utm_campaign",
            "t16"."utm_content",
            "t16"."utm_term",
            "t16"."u_utm_source",
            "t16"."u_utm_medium",
            "t16"."u_utm_campaign",
            "t16"."u_utm_content",
            "t16"."u_utm_term",
            "t16"."referrer_host",
            CASE
              WHEN TRUE
              AND (
                NOT "t16"."u_utm_source" IS NULL
              )
              AND (
                NOT "t16"."u_utm_medium" IS NULL
              )
              THEN 'utm'
              WHEN (
                NOT "t16"."referrer_host" IS NULL
              )
              AND NOT (
                REGEXP_MATCHES(
                  "t16"."referrer_host",
                  '((^|\.)myshopify\.com$)|((^|\.)checkout\.shopify\.com$)|((^|\.)shop\.app$)'
                )
              )
              THEN 'referrer'
              ELSE 'direct'
            END AS "classified_by"
          FROM (
            SELECT
              "t6"."shop_id",
              "t6"."touchpoint_id",
              "t6"."kind",
              "t6"."visitor_id",
              "t6"."customer_id",
              "t6"."at",
              "t6"."landing_url",
              "t6"."referrer",
              "t6"."utm_source",
              "t6"."utm_medium",
              "t6"."utm_campaign",
              "t6"."utm_content",
              "t6"."utm_term",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_source", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_source",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_medium", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_medium",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_campaign", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_campaign",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_content", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_content",
              COALESCE(
                NULLIF(LOWER(TRIM("t6"."utm_term", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' '),
                              '%'
                            )
                            THEN REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' ')
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(NULLIF(REGEXP_EXTRACT("t6"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''), '+', ' ')
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_term",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    NULLIF(
                      REGEXP_EXTRACT(
                        REGEXP_REPLACE(
                          LOWER(TRIM("t6"."referrer", ' 	
')),
                          '^[a-z][a-z0-9+.-]*:(//)?',
                          '',
                          'g'
                        ),
                        '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)',
                        1
                      ),
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
              SELECT
                "t3"."shop_id",
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
            ) AS "t6"
          ) AS "t16"
        ) AS "t22"
      ) AS "t25"
    ) AS "t29"
      ON "t20"."shop_id" = "t29"."tp_shop"
      AND "t29"."at" <= "t20"."processed_at"
      AND "t29"."at" >= (
        "t20"."processed_at" - INTERVAL '168' HOUR
      )
      AND "t20"."o_customer" = "t29"."tp_customer"
  ) AS "t31"
), "t40" AS (
  SELECT
    *
  FROM "t32" AS "t33"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t38"."shop_id",
      "t38"."order_id",
      "t38"."touchpoint_id",
      "t38"."kind",
      "t38"."at",
      "t38"."source",
      "t38"."medium",
      "t38"."campaign",
      "t38"."channel",
      "t38"."platform",
      "t38"."is_direct",
      "t38"."is_paid",
      "t38"."classified_by",
      "t38"."referrer_host"
    FROM (
      SELECT
        "t34"."shop_id",
        "t34"."order_id",
        "t34"."touchpoint_id",
        "t34"."kind",
        "t34"."visitor_id",
        "t34"."customer_id",
        "t34"."at",
        "t34"."landing_url",
        "t34"."referrer",
        "t34"."utm_source",
        "t34"."utm_medium",
        "t34"."utm_campaign",
        "t34"."utm_content",
        "t34"."utm_term",
        "t34"."u_utm_source",
        "t34"."u_utm_medium",
        "t34"."u_utm_campaign",
        "t34"."u_utm_content",
        "t34"."u_utm_term",
        "t34"."referrer_host",
        "t34"."classified_by",
        "t34"."is_direct",
        "t34"."source",
        "t34"."medium",
        "t34"."campaign",
        NOT (
          "t34"."is_direct"
        )
        AND "t34"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display') AS "is_paid",
        CASE
          WHEN NOT (
            "t34"."is_direct"
          )
          AND "t34"."medium" IN ('cpc', 'ppc', 'paid', 'paid_social', 'cpm', 'display')
          THEN CASE
            WHEN "t34"."source" IN ('facebook', 'fb', 'instagram', 'ig', 'meta')
            THEN 'meta'
            WHEN "t34"."source" IN ('google', 'adwords', 'youtube')
            THEN 'google'
            ELSE "t34"."source"
          END
          ELSE CAST(NULL AS TEXT)
        END AS "platform",
        CASE
          WHEN TRUE
          AND COALESCE("t34"."source" IN ('direct', '(direct)'), FALSE)
          AND COALESCE("t34"."medium" IN ('none', '(none)', '(not set)'), FALSE)
          THEN 'Direct'
          WHEN TRUE
          AND COALESCE(REGEXP_MATCHES("t34"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          AND (
            COALESCE(
              "t34"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_MATCHES("t34"."campaign", '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Paid Shopping'
          WHEN TRUE
          AND COALESCE(
            "t34"."source" IN (
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
          AND COALESCE(REGEXP_MATCHES("t34"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Search'
          WHEN TRUE
          AND COALESCE(
            "t34"."source" IN (
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
          AND COALESCE(REGEXP_MATCHES("t34"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Social'
          WHEN TRUE
          AND COALESCE("t34"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
          AND COALESCE(REGEXP_MATCHES("t34"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Video'
          WHEN TRUE
          AND COALESCE(
            "t34"."medium" IN ('display', 'banner', 'expandable', 'interstitial', 'cpm'),
            FALSE
          )
          THEN 'Display'
          WHEN TRUE
          AND COALESCE(REGEXP_MATCHES("t34"."medium", '^(.*cp.*|ppc|retargeting|paid.*)$'), FALSE)
          THEN 'Paid Other'
          WHEN TRUE
          AND (
            COALESCE(
              "t34"."source" IN ('google shopping', 'shopping', 'shop.app', 'amazon', 'ebay', 'etsy', 'idealo'),
              FALSE
            )
            OR COALESCE(REGEXP_MATCHES("t34"."campaign", '^(.*(([^a-df-z]|^)shop|shopping).*)$'), FALSE)
          )
          THEN 'Organic Shopping'
          WHEN TRUE
          AND (
            COALESCE(
              "t34"."source" IN (
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
              "t34"."medium" IN (
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
            COALESCE("t34"."source" IN ('youtube', 'vimeo', 'twitch', 'dailymotion'), FALSE)
            OR COALESCE(REGEXP_MATCHES("t34"."medium", '^(.*video.*)$'), FALSE)
          )
          THEN 'Organic Video'
          WHEN TRUE
          AND (
            COALESCE(
              "t34"."source" IN (
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
            OR COALESCE("t34"."medium" IN ('organic'), FALSE)
          )
          THEN 'Organic Search'
          WHEN TRUE AND COALESCE("t34"."medium" IN ('referral', 'app', 'link'), FALSE)
          THEN 'Referral'
          WHEN TRUE
          AND (
            COALESCE("t34"."source" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
            OR COALESCE("t34"."medium" IN ('email', 'e-mail', 'e_mail', 'e mail'), FALSE)
          )
          THEN 'Email'
          WHEN TRUE AND COALESCE("t34"."medium" IN ('affiliate'), FALSE)
          THEN 'Affiliates'
          WHEN TRUE
          AND (
            COALESCE("t34"."source" IN ('sms'), FALSE)
            OR COALESCE("t34"."medium" IN ('sms'), FALSE)
          )
          THEN 'SMS'
          ELSE 'Unassigned'
        END AS "channel"
      FROM (
        SELECT
          "t27"."shop_id",
          "t27"."order_id",
          "t27"."touchpoint_id",
          "t27"."kind",
          "t27"."visitor_id",
          "t27"."customer_id",
          "t27"."at",
          "t27"."landing_url",
          "t27"."referrer",
          "t27"."utm_source",
          "t27"."utm_medium",
          "t27"."utm_campaign",
          "t27"."utm_content",
          "t27"."utm_term",
          "t27"."u_utm_source",
          "t27"."u_utm_medium",
          "t27"."u_utm_campaign",
          "t27"."u_utm_content",
          "t27"."u_utm_term",
          "t27"."referrer_host",
          "t27"."classified_by",
          (
            "t27"."classified_by" = 'direct'
          )
          OR (
            (
              "t27"."classified_by" = 'utm'
            )
            AND COALESCE(
              "t27"."u_utm_source" IN ('direct', '(direct)')
              AND "t27"."u_utm_medium" IN ('none', '(none)', '(not set)'),
              FALSE
            )
          ) AS "is_direct",
          CASE
            WHEN (
              "t27"."classified_by" = 'direct'
            )
            OR (
              (
                "t27"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t27"."u_utm_source" IN ('direct', '(direct)')
                AND "t27"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'direct'
            WHEN "t27"."classified_by" = 'utm'
            THEN "t27"."u_utm_source"
            ELSE CASE
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.google\.com$)|((^|\.)inbox\.google\.com$)')
              THEN 'gmail'
              WHEN REGEXP_MATCHES(
                "t27"."referrer_host",
                '((^|\.)outlook\.live\.com$)|((^|\.)outlook\.office\.com$)|((^|\.)outlook\.office365\.com$)|((^|\.)mail\.live\.com$)'
              )
              THEN 'outlook'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.yahoo\.com$)|((^|\.)mail\.yahoo\.co\.jp$)')
              THEN 'yahoo'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.aol\.com$)')
              THEN 'aol'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.proton\.me$)|((^|\.)mail\.protonmail\.com$)')
              THEN 'protonmail'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)google\.(com?\.)?[a-z]{2,3}$)')
              THEN 'google'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)bing\.com$)')
              THEN 'bing'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)duckduckgo\.com$)')
              THEN 'duckduckgo'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)yahoo\.(com?\.)?[a-z]{2,3}$)')
              THEN 'yahoo'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)ecosia\.org$)')
              THEN 'ecosia'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)baidu\.com$)')
              THEN 'baidu'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)yandex\.(com?\.)?[a-z]{2,3}$)')
              THEN 'yandex'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)search\.brave\.com$)')
              THEN 'brave'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)facebook\.com$)|((^|\.)fb\.com$)|((^|\.)fb\.me$)')
              THEN 'facebook'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)instagram\.com$)')
              THEN 'instagram'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)t\.co$)|((^|\.)twitter\.com$)|((^|\.)x\.com$)')
              THEN 'twitter'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)linkedin\.com$)|((^|\.)lnkd\.in$)')
              THEN 'linkedin'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)pinterest\.(com?\.)?[a-z]{2,3}$)|((^|\.)pin\.it$)')
              THEN 'pinterest'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)tiktok\.com$)')
              THEN 'tiktok'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)youtube\.com$)|((^|\.)youtu\.be$)')
              THEN 'youtube'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)reddit\.com$)')
              THEN 'reddit'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)threads\.net$)')
              THEN 'threads'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)snapchat\.com$)')
              THEN 'snapchat'
              ELSE "t27"."referrer_host"
            END
          END AS "source",
          CASE
            WHEN (
              "t27"."classified_by" = 'direct'
            )
            OR (
              (
                "t27"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t27"."u_utm_source" IN ('direct', '(direct)')
                AND "t27"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN 'none'
            WHEN "t27"."classified_by" = 'utm'
            THEN "t27"."u_utm_medium"
            ELSE CASE
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.google\.com$)|((^|\.)inbox\.google\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES(
                "t27"."referrer_host",
                '((^|\.)outlook\.live\.com$)|((^|\.)outlook\.office\.com$)|((^|\.)outlook\.office365\.com$)|((^|\.)mail\.live\.com$)'
              )
              THEN 'email'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.yahoo\.com$)|((^|\.)mail\.yahoo\.co\.jp$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.aol\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)mail\.proton\.me$)|((^|\.)mail\.protonmail\.com$)')
              THEN 'email'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)google\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)bing\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)duckduckgo\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)yahoo\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)ecosia\.org$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)baidu\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)yandex\.(com?\.)?[a-z]{2,3}$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)search\.brave\.com$)')
              THEN 'organic'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)facebook\.com$)|((^|\.)fb\.com$)|((^|\.)fb\.me$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)instagram\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)t\.co$)|((^|\.)twitter\.com$)|((^|\.)x\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)linkedin\.com$)|((^|\.)lnkd\.in$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)pinterest\.(com?\.)?[a-z]{2,3}$)|((^|\.)pin\.it$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)tiktok\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)youtube\.com$)|((^|\.)youtu\.be$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)reddit\.com$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)threads\.net$)')
              THEN 'social'
              WHEN REGEXP_MATCHES("t27"."referrer_host", '((^|\.)snapchat\.com$)')
              THEN 'social'
              ELSE 'referral'
            END
          END AS "medium",
          CASE
            WHEN (
              "t27"."classified_by" = 'direct'
            )
            OR (
              (
                "t27"."classified_by" = 'utm'
              )
              AND COALESCE(
                "t27"."u_utm_source" IN ('direct', '(direct)')
                AND "t27"."u_utm_medium" IN ('none', '(none)', '(not set)'),
                FALSE
              )
            )
            THEN CAST(NULL AS TEXT)
            ELSE "t27"."u_utm_campaign"
          END AS "campaign"
        FROM (
          SELECT
            "t26"."shop_id",
            "t26"."order_id",
            "t26"."touchpoint_id",
            "t26"."kind",
            "t26"."visitor_id",
            "t26"."customer_id",
            "t26"."at",
            "t26"."landing_url",
            "t26"."referrer",
            "t26"."utm_source",
            "t26"."utm_medium",
            "t26"."utm_campaign",
            "t26"."utm_content",
            "t26"."utm_term",
            "t26"."u_utm_source",
            "t26"."u_utm_medium",
            "t26"."u_utm_campaign",
            "t26"."u_utm_content",
            "t26"."u_utm_term",
            "t26"."referrer_host",
            CASE
              WHEN TRUE
              AND (
                NOT "t26"."u_utm_source" IS NULL
              )
              AND (
                NOT "t26"."u_utm_medium" IS NULL
              )
              THEN 'utm'
              WHEN (
                NOT "t26"."referrer_host" IS NULL
              )
              AND NOT (
                REGEXP_MATCHES(
                  "t26"."referrer_host",
                  '((^|\.)myshopify\.com$)|((^|\.)checkout\.shopify\.com$)|((^|\.)shop\.app$)'
                )
              )
              THEN 'referrer'
              ELSE 'direct'
            END AS "classified_by"
          FROM (
            SELECT
              "t17"."shop_id",
              "t17"."order_id",
              "t17"."touchpoint_id",
              "t17"."kind",
              "t17"."visitor_id",
              "t17"."customer_id",
              "t17"."at",
              "t17"."landing_url",
              "t17"."referrer",
              "t17"."utm_source",
              "t17"."utm_medium",
              "t17"."utm_campaign",
              "t17"."utm_content",
              "t17"."utm_term",
              COALESCE(
                NULLIF(LOWER(TRIM("t17"."utm_source", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_source=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_source",
              COALESCE(
                NULLIF(LOWER(TRIM("t17"."utm_medium", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_medium=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_medium",
              COALESCE(
                NULLIF(LOWER(TRIM("t17"."utm_campaign", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_campaign=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_campaign",
              COALESCE(
                NULLIF(LOWER(TRIM("t17"."utm_content", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_content=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_content",
              COALESCE(
                NULLIF(LOWER(TRIM("t17"."utm_term", ' 	
')), ''),
                NULLIF(
                  LOWER(
                    TRIM(
                      CASE
                        WHEN REGEXP_MATCHES(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                        )
                        AND CONTAINS(
                          REPLACE(
                            NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''),
                            '+',
                            ' '
                          ),
                          '%'
                        )
                        THEN URL_DECODE(
                          CASE
                            WHEN REGEXP_MATCHES(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '^([^%]|%0[1-9A-Fa-f]|%[1-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-cEeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$'
                            )
                            AND CONTAINS(
                              REPLACE(
                                NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''),
                                '+',
                                ' '
                              ),
                              '%'
                            )
                            THEN REPLACE(
                              NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''),
                              '+',
                              ' '
                            )
                            ELSE ''
                          END
                        )
                        ELSE REPLACE(
                          NULLIF(REGEXP_EXTRACT("t17"."landing_url", '[?&]utm_term=([^&#]*)', 1), ''),
                          '+',
                          ' '
                        )
                      END,
                      ' 	
'
                    )
                  ),
                  ''
                )
              ) AS "u_utm_term",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    NULLIF(
                      REGEXP_EXTRACT(
                        REGEXP_REPLACE(
                          LOWER(TRIM("t17"."referrer", ' 	
')),
                          '^[a-z][a-z0-9+.-]*:(//)?',
                          '',
                          'g'
                        ),
                        '^(?://)?(?:[^/?#@]*@)?([^/?#:@]+)',
                        1
                      ),
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
              SELECT
                "t12"."shop_id",
                "t12"."order_id",
                'order:' || "t12"."order_id" AS "touchpoint_id",
                'order' AS "kind",
                "t12"."visitor_id",
                "t12"."customer_id",
                "t12"."processed_at" AS "at",
                "t12"."landing_site" AS "landing_url",
                "t12"."referring_site" AS "referrer",
                CAST(NULL AS TEXT) AS "utm_source",
                CAST(NULL AS TEXT) AS "utm_medium",
                CAST(NULL AS TEXT) AS "utm_campaign",
                CAST(NULL AS TEXT) AS "utm_content",
                CAST(NULL AS TEXT) AS "utm_term"
              FROM "t11" AS "t12"
            ) AS "t17"
          ) AS "t26"
        ) AS "t27"
      ) AS "t34"
      WHERE
        NOT (
          "t34"."is_direct"
        )
    ) AS "t38"
    ANTI JOIN (
      SELECT DISTINCT
        "t33"."shop_id",
        "t33"."order_id"
      FROM "t32" AS "t33"
      WHERE
        NOT (
          "t33"."is_direct"
        )
    ) AS "t36"
      ON "t38"."shop_id" = "t36"."shop_id" AND "t38"."order_id" = "t36"."order_id"
  ) AS "t39"
), "t52" AS (
  SELECT
    "t51"."shop_id",
    "t51"."order_id",
    "t51"."day",
    "t51"."order_revenue",
    "t51"."processed_at",
    "t51"."touchpoint_id",
    "t51"."kind",
    "t51"."at",
    "t51"."source",
    "t51"."medium",
    "t51"."campaign",
    "t51"."channel",
    "t51"."platform",
    "t51"."is_direct",
    "t51"."is_paid",
    "t51"."classified_by",
    "t51"."referrer_host",
    "t51"."part",
    "t51"."parts",
    COALESCE("t44"."candidates", 0) AS "candidates"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t18"."shop_id",
        "t18"."order_id",
        "t18"."day",
        "t18"."order_revenue",
        "t18"."processed_at",
        "t47"."touchpoint_id",
        "t47"."kind",
        "t47"."at",
        "t47"."source",
        "t47"."medium",
        "t47"."campaign",
        "t47"."channel",
        "t47"."platform",
        "t47"."is_direct",
        "t47"."is_paid",
        "t47"."classified_by",
        "t47"."referrer_host",
        "t47"."part",
        "t47"."parts"
      FROM (
        SELECT
          "t12"."shop_id",
          "t12"."order_id",
          "t12"."day",
          "t12"."order_revenue",
          "t12"."processed_at"
        FROM "t11" AS "t12"
      ) AS "t18"
      INNER JOIN (
        SELECT
          "t45"."shop_id",
          "t45"."order_id",
          "t45"."touchpoint_id",
          "t45"."kind",
          "t45"."at",
          "t45"."source",
          "t45"."medium",
          "t45"."campaign",
          "t45"."channel",
          "t45"."platform",
          "t45"."is_direct",
          "t45"."is_paid",
          "t45"."classified_by",
          "t45"."referrer_host",
          "t45"."part",
          "t45"."eligible_count",
          "t45"."eligible_count" AS "parts"
        FROM (
          SELECT
            "t43"."shop_id",
            "t43"."order_id",
            "t43"."touchpoint_id",
            "t43"."kind",
            "t43"."at",
            "t43"."source",
            "t43"."medium",
            "t43"."campaign",
            "t43"."channel",
            "t43"."platform",
            "t43"."is_direct",
            "t43"."is_paid",
            "t43"."classified_by",
            "t43"."referrer_host",
            ROW_NUMBER() OVER (
              PARTITION BY "t43"."shop_id", "t43"."order_id"
              ORDER BY "t43"."at" DESC, "t43"."touchpoint_id" DESC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "part",
            COUNT("t43"."touchpoint_id") OVER (
              PARTITION BY "t43"."shop_id", "t43"."order_id"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "eligible_count"
          FROM (
            SELECT
              *
            FROM "t40" AS "t41"
            WHERE
              NOT (
                "t41"."is_direct"
              )
          ) AS "t43"
        ) AS "t45"
      ) AS "t47"
        ON "t18"."shop_id" = "t47"."shop_id" AND "t18"."order_id" = "t47"."order_id"
    ) AS "t48"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t18"."shop_id",
        "t18"."order_id",
        "t18"."day",
        "t18"."order_revenue",
        "t18"."processed_at",
        CAST(NULL AS TEXT) AS "touchpoint_id",
        CAST(NULL AS TEXT) AS "kind",
        CAST(NULL AS TIMESTAMPTZ) AS "at",
        'direct' AS "source",
        'none' AS "medium",
        CAST(NULL AS TEXT) AS "campaign",
        'Direct' AS "channel",
        CAST(NULL AS TEXT) AS "platform",
        TRUE AS "is_direct",
        FALSE AS "is_paid",
        'direct' AS "classified_by",
        CAST(NULL AS TEXT) AS "referrer_host",
        0 AS "part",
        1 AS "parts"
      FROM (
        SELECT
          "t12"."shop_id",
          "t12"."order_id",
          "t12"."day",
          "t12"."order_revenue",
          "t12"."processed_at"
        FROM "t11" AS "t12"
      ) AS "t18"
      ANTI JOIN (
        SELECT
          "t45"."shop_id",
          "t45"."order_id",
          "t45"."touchpoint_id",
          "t45"."kind",
          "t45"."at",
          "t45"."source",
          "t45"."medium",
          "t45"."campaign",
          "t45"."channel",
          "t45"."platform",
          "t45"."is_direct",
          "t45"."is_paid",
          "t45"."classified_by",
          "t45"."referrer_host",
          "t45"."part",
          "t45"."eligible_count",
          "t45"."eligible_count" AS "parts"
        FROM (
          SELECT
            "t43"."shop_id",
            "t43"."order_id",
            "t43"."touchpoint_id",
            "t43"."kind",
            "t43"."at",
            "t43"."source",
            "t43"."medium",
            "t43"."campaign",
            "t43"."channel",
            "t43"."platform",
            "t43"."is_direct",
            "t43"."is_paid",
            "t43"."classified_by",
            "t43"."referrer_host",
            ROW_NUMBER() OVER (
              PARTITION BY "t43"."shop_id", "t43"."order_id"
              ORDER BY "t43"."at" DESC, "t43"."touchpoint_id" DESC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "part",
            COUNT("t43"."touchpoint_id") OVER (
              PARTITION BY "t43"."shop_id", "t43"."order_id"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "eligible_count"
          FROM (
            SELECT
              *
            FROM "t40" AS "t41"
            WHERE
              NOT (
                "t41"."is_direct"
              )
          ) AS "t43"
        ) AS "t45"
      ) AS "t47"
        ON "t18"."shop_id" = "t47"."shop_id" AND "t18"."order_id" = "t47"."order_id"
    ) AS "t49"
  ) AS "t51"
  LEFT OUTER JOIN (
    SELECT
      "t41"."shop_id",
      "t41"."order_id",
      COUNT("t41"."touchpoint_id") AS "candidates"
    FROM "t40" AS "t41"
    GROUP BY
      1,
      2
  ) AS "t44"
    ON "t51"."shop_id" = "t44"."shop_id" AND "t51"."order_id" = "t44"."order_id"
)
SELECT
  "t60"."month",
  "t60"."channel",
  CAST(COALESCE("t60"."m__attributed_revenue__v1", CAST(0.00 AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS "attributed_revenue",
  CAST(COALESCE("t60"."m__attributed_orders__v1", 0) AS BIGINT) AS "attributed_orders"
FROM (
  SELECT
    "t59"."month",
    "t59"."channel",
    SUM("t59"."m__attributed_revenue__v1") AS "m__attributed_revenue__v1",
    SUM("t59"."m__attributed_orders__v1") AS "m__attributed_orders__v1"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('MONTH', "t53"."day") AS TIMESTAMP) AS DATE) AS "month",
        "t53"."channel",
        CAST(CASE
          WHEN CAST("t53"."order_revenue" * 100 AS BIGINT) < 0
          THEN -(
            CAST(FLOOR((
              ABS(CAST("t53"."order_revenue" * 100 AS BIGINT))
            ) / (
              "t53"."parts"
            )) AS BIGINT) + CASE
              WHEN "t53"."part" < (
                ABS(CAST("t53"."order_revenue" * 100 AS BIGINT)) % "t53"."parts"
              )
              THEN 1
              ELSE 0
            END
          )
          ELSE CAST(FLOOR((
            ABS(CAST("t53"."order_revenue" * 100 AS BIGINT))
          ) / (
            "t53"."parts"
          )) AS BIGINT) + CASE
            WHEN "t53"."part" < (
              ABS(CAST("t53"."order_revenue" * 100 AS BIGINT)) % "t53"."parts"
            )
            THEN 1
            ELSE 0
          END
        END AS DECIMAL(18, 2)) * CAST(0.01 AS DECIMAL(18, 2)) AS "m__attributed_revenue__v1",
        1 AS "m__attributed_orders__v1"
      FROM "t52" AS "t53"
    ) AS "t57"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        CAST(CAST(DATE_TRUNC('MONTH', "t56"."day") AS TIMESTAMP) AS DATE) AS "month",
        "t56"."channel",
        -(
          CAST(CASE
            WHEN CAST("t56"."refund_total" * 100 AS BIGINT) < 0
            THEN -(
              CAST(FLOOR((
                ABS(CAST("t56"."refund_total" * 100 AS BIGINT))
              ) / (
                "t56"."parts"
              )) AS BIGINT) + CASE
                WHEN "t56"."part" < (
                  ABS(CAST("t56"."refund_total" * 100 AS BIGINT)) % "t56"."parts"
                )
                THEN 1
                ELSE 0
              END
            )
            ELSE CAST(FLOOR((
              ABS(CAST("t56"."refund_total" * 100 AS BIGINT))
            ) / (
              "t56"."parts"
            )) AS BIGINT) + CASE
              WHEN "t56"."part" < (
                ABS(CAST("t56"."refund_total" * 100 AS BIGINT)) % "t56"."parts"
              )
              THEN 1
              ELSE 0
            END
          END AS DECIMAL(18, 2)) * CAST(0.01 AS DECIMAL(18, 2))
        ) AS "m__attributed_revenue__v1",
        CAST(NULL AS BIGINT) AS "m__attributed_orders__v1"
      FROM (
        SELECT
          "t24"."shop_id",
          "t24"."refund_id",
          "t24"."order_id",
          "t24"."processed_at",
          "t24"."amount",
          "t24"."shipping",
          "t24"."taxes",
          "t24"."_loaded_at",
          "t24"."shop_timezone",
          "t24"."order_day",
          "t24"."day",
          "t24"."refund_total",
          "t55"."touchpoint_id",
          "t55"."source",
          "t55"."medium",
          "t55"."campaign",
          "t55"."channel",
          "t55"."platform",
          "t55"."is_direct",
          "t55"."is_paid",
          "t55"."part",
          "t55"."parts"
        FROM (
          SELECT
            "t21"."shop_id",
            "t21"."refund_id",
            "t21"."order_id",
            "t21"."processed_at",
            "t21"."amount",
            "t21"."shipping",
            "t21"."taxes",
            "t21"."_loaded_at",
            "t21"."shop_timezone",
            "t21"."order_day",
            "t21"."order_day" AS "day",
            "t21"."amount" + "t21"."shipping" + "t21"."taxes" AS "refund_total"
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
              "t19"."shop_timezone",
              "t19"."order_day"
            FROM "refunds" AS "t4"
            INNER JOIN (
              SELECT
                "t12"."shop_id",
                "t12"."order_id",
                "t12"."shop_timezone",
                "t12"."day" AS "order_day"
              FROM "t11" AS "t12"
            ) AS "t19"
              ON "t4"."shop_id" = "t19"."shop_id" AND "t4"."order_id" = "t19"."order_id"
          ) AS "t21"
        ) AS "t24"
        INNER JOIN (
          SELECT
            "t53"."shop_id",
            "t53"."order_id",
            "t53"."touchpoint_id",
            "t53"."source",
            "t53"."medium",
            "t53"."campaign",
            "t53"."channel",
            "t53"."platform",
            "t53"."is_direct",
            "t53"."is_paid",
            "t53"."part",
            "t53"."parts"
          FROM "t52" AS "t53"
        ) AS "t55"
          ON "t24"."shop_id" = "t55"."shop_id" AND "t24"."order_id" = "t55"."order_id"
      ) AS "t56"
    ) AS "t58"
  ) AS "t59"
  GROUP BY
    1,
    2
) AS "t60"
ORDER BY
  "t60"."month" ASC,
  "t60"."channel" ASC
