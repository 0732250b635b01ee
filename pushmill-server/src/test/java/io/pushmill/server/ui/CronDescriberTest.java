package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronDescriberTest {
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
       1 | */5 * * * * *        | every 5 seconds
       2 | * * * * * *          | every second
       3 | */1 * * * * *        | every second
       4 | 0/15 * * * * *       | every 15 seconds
       5 | 0 * * * * *          | every minute
       6 | 30 * * * * *         | every minute at second 30
       7 | */10 * * * *         | every 10 minutes
       8 | 0 */1 * * * *        | every minute
       9 | 0 0 * * * *          | every hour
      10 | 0 15 * * * *         | every hour at minute 15
      11 | 0 0 */2 * * *        | every 2 hours
      12 | 0 30 */6 * * *       | every 6 hours at minute 30
      13 | 0 30 2 * * *         | at 02:30 every day
      14 | 30 2 * * *           | at 02:30 every day
      15 | 15 30 2 * * ?        | at 02:30:15 every day
      16 | 0 0 9 * * 1-5        | at 09:00 on weekdays
      17 | 0 0 9 * * MON-FRI    | at 09:00 on weekdays
      18 | 0 0 10 * * SAT,SUN   | at 10:00 on weekends
      19 | 0 0 10 * * 1         | at 10:00 on Mondays
      20 | 0 0 18 * * 1,3,5     | at 18:00 on Mondays, Wednesdays and Fridays
      21 | 0 0 8 * * 7          | at 08:00 on Sundays
      22 | 0 0 4 1 * *          | at 04:00 on day 1 of every month
      23 | @daily               | at 00:00 every day
      24 | @hourly              | every hour
      25 | 0 0 4 1 1 *          | 0 0 4 1 1 *
      26 | 0 0 9 * * 1#2        | 0 0 9 * * 1#2
      27 | 0 0 L * * *          | 0 0 L * * *
      28 | 5-10 * * * * *       | 5-10 * * * * *
      29 | 30 */5 * * * *       | 30 */5 * * * *
      30 | not a cron           | not a cron
      31 | 0 0 9 * * 5-1        | 0 0 9 * * 5-1
      32 | 0 0 25 * * *         | 0 0 25 * * *
      """)
  void describes_common_shapes_and_falls_back_to_the_expression(int n, String cron,
      String words) {
    assertThat(CronDescriber.describe(cron)).isEqualTo(words);
  }
}
