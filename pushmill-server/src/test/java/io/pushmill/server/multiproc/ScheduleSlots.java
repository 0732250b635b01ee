package io.pushmill.server.multiproc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The skip rule of a schedule firing every second, checked on its finished runs in slot order:
 * the occurrence after a run is the first slot strictly after the run's end (so runs never
 * overlap), and the slots between the two are the skipped ones, counted by the schedule.
 */
final class ScheduleSlots {
  /** A finished run: its slot and when its verdict was given. */
  record Run(Instant slot, Instant ended) {}

  private final List<Run> runs;

  ScheduleSlots(List<Run> runsInSlotOrder) {
    this.runs = List.copyOf(runsInSlotOrder);
  }

  /** Each pair of runs whose second slot is not the first whole second after the first's end. */
  List<String> violations() {
    List<String> wrong = new ArrayList<>();
    for (int i = 1; i < runs.size(); i++) {
      Run before = runs.get(i - 1);
      Instant expected = before.ended().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      if (!runs.get(i).slot().equals(expected)) {
        wrong.add("the run of " + before.slot() + " ended at " + before.ended()
            + ", so the next slot is " + expected + ", but the next run is of "
            + runs.get(i).slot());
      }
    }
    return wrong;
  }

  /** The slots between consecutive runs, none of which ran. */
  long skipped() {
    long skipped = 0;
    for (int i = 1; i < runs.size(); i++) {
      skipped += Duration.between(runs.get(i - 1).slot(), runs.get(i).slot()).toSeconds() - 1;
    }
    return skipped;
  }
}
