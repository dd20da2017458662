#pragma once
// Work that must run on several cores but cannot run on threads (Graphviz
// keeps global state), given to processes forked while the run is still
// small. Forked at the end of a scan instead, a process would copy the page
// tables of a million lines' facts (18 ms) and fault on every page either
// side writes; forked first, the workers hold nothing but the program, take
// their inputs as bytes, and leave the parent free meanwhile.

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cutover {

class PrestartedWorkers {
 public:
  using Work = std::string (*)(std::string_view input);

  PrestartedWorkers() = default;  // nothing to do: run() must not be called
  // No workers: run() computes everything here.
  explicit PrestartedWorkers(Work work) : work_(work) {}
  // Forks `count` processes that wait for their share of one run() of
  // `work`. Call it while the process has one thread.
  static PrestartedWorkers start(unsigned count, Work work);

  PrestartedWorkers(PrestartedWorkers&& other) noexcept;
  PrestartedWorkers& operator=(PrestartedWorkers&& other) noexcept;
  PrestartedWorkers(const PrestartedWorkers&) = delete;
  PrestartedWorkers& operator=(const PrestartedWorkers&) = delete;
  ~PrestartedWorkers();  // workers never given work leave; all are reaped

  std::size_t size() const { return workers_.size(); }

  // work(inputs[i]) for every i, in the order of i: the workers take shares
  // balanced by `costs` (the largest first, each to the lightest share),
  // `meanwhile` runs here while they work, and whatever a worker does not
  // deliver (it died) is computed here, so the results are always whole and
  // the same as a sequential run's. Each worker serves one run.
  std::vector<std::string> run(const std::vector<std::string>& inputs,
                               const std::vector<std::size_t>& costs,
                               const std::function<void()>& meanwhile = {});

 private:
  struct Worker {
    pid_t pid = -1;
    int go = -1;       // write end: one byte starts the work, EOF sends the worker away
    int inputs = -1;   // anonymous file (memfd) the parent fills
    int results = -1;  // anonymous file the worker fills
  };
  void release();

  std::vector<Worker> workers_;
  Work work_ = nullptr;
};

}  // namespace cutover
