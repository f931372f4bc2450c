SELECT
  `t2`.`day`,
  `t2`.`shop_id`,
  CAST(COALESCE(`t2`.`m__paid_spend__v1`, CAST('0.00' AS DECIMAL(18, 2))) AS DECIMAL(38, 2)) AS `paid_spend`
FROM (
  SELECT
    `t1`.`day`,
    `t1`.`shop_id`,
    SUM(`t1`.`m__paid_spend__v1`) AS `m__paid_spend__v1`
  FROM (
    SELECT
      `t0`.`date` AS `day`,
      `t0`.`shop_id`,
      `t0`.`spend` AS `m__paid_spend__v1`
    FROM `ad_spend` AS `t0`
    WHERE
      `t0`.`platform` IN ('meta', 'google')
  ) AS `t1`
  GROUP BY
    1,
    2
) AS `t2`
ORDER BY
  `t2`.`day` ASC NULLS LAST,
  `t2`.`shop_id` ASC NULLS LAST
