#pragma once
// Wall time per pipeline stage, for `--timings`: where a slow run spends its
// time, without a profiler. Never part of the outputs.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace cutover {

struct StageTime {
  std::string stage;
  double seconds = 0;
};

// Each lap() records the time since the previous lap (or construction).
class StageClock {
 public:
  explicit StageClock(std::vector<StageTime>& into)
      : into_(into), last_(std::chrono::steady_clock::now()) {}

  void lap(std::string stage) {
    const auto now = std::chrono::steady_clock::now();
    into_.push_back({std::move(stage), std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }

  // Starts the next lap now, without recording the time since the last.
  void skip() { last_ = std::chrono::steady_clock::now(); }

 private:
  std::vector<StageTime>& into_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace cutover
